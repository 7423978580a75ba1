// The public API of @skynet-data/cli: the command runner and each format's pure builder.
export { main, runExport, loadExportRelease, type CliIo } from "./main.js";
export { parseCommand, resolveDatasets, type Command, type ExportSource } from "./args.js";
export { publishReleases, publishReport, PublishError, DEFAULT_RELEASES_DIR, type PublishResult } from "./release.js";
export { signingKey, localKeyPath, KEY_ENV, SigningKeyError, type SigningKey } from "./signing-key.js";
export { helpText, EXIT, CLI_VERSION } from "./help.js";
export { FORMATS, FORMAT_IDS, type FormatId, type Artifact, type ExportRequest } from "./formats/index.js";
export { buildWorkbook, buildXlsx, SHEET } from "./formats/xlsx.js";
export { buildCsv, csvField, neutraliseText, restoreText, tableToCsv } from "./formats/csv.js";
export { buildJson, jsonDocument, type JsonDocument } from "./formats/json.js";
export { buildDataPackage, dataPackage, DATA_DIR, type DataPackageDescriptor } from "./formats/datapackage.js";
export { writeArtifact, realFs, WriteError, type WriteFs } from "./write.js";
