import { createHash } from "node:crypto";
import type { Column, Sdk, Table } from "@skynet-data/sdk";
import { sdkOf, type Artifact, type ExportRequest } from "./artifact.js";
import { csvFiles } from "./csv.js";

/** Folder of the CSV files inside the package. */
export const DATA_DIR = "data";

const FIELD_TYPE = { text: "string", url: "string", date: "date", integer: "integer", number: "number", money: "number" } as const;

const NEUTRALISED = "Text that would start with =, +, -, @, a tab, a carriage return or an apostrophe is written with one extra leading apostrophe (formula-injection guard): drop it when reading.";

/** A Table Schema field for one table column: type, title, description with the unit, and a custom `unit` property. */
function fieldFor(c: Column, table: Table) {
  const field: Record<string, unknown> = { name: c.key, title: c.header, type: FIELD_TYPE[c.type], description: c.description };
  if (c.type === "url") field.format = "uri";
  if (c.type === "date") field.format = "default";
  if (c.type === "money") {
    field.unit = "CNY";
    field.description = `${c.description}. Unit: CNY (yuan, full amount).`;
  }
  if (c.unitColumn) {
    const at = table.columns.findIndex((x) => x.key === c.unitColumn);
    const units = [...new Set(table.rows.map((r) => r[at]).filter((u): u is string => typeof u === "string"))].sort();
    field.unitField = c.unitColumn;
    if (units.length === 1) field.unit = units[0];
    else field.units = units;
    field.description = `${c.description}. Unit: given on each row in the field "${c.unitColumn}" (${units.join(", ")}); money is the full amount, not billions.`;
  }
  const i = table.columns.indexOf(c);
  if (table.rows.every((r) => r[i] !== null)) field.constraints = { required: true };
  return field;
}

/** The Table Schema of a table; a `source` field becomes a foreign key into the sources resource. */
function schemaFor(table: Table, isSources: boolean) {
  const schema: Record<string, unknown> = { fields: table.columns.map((c) => fieldFor(c, table)), missingValues: [""] };
  if (isSources) schema.primaryKey = ["id"];
  else if (table.columns.some((c) => c.key === "source")) schema.foreignKeys = [{ fields: ["source"], reference: { resource: "sources", fields: ["id"] } }];
  return schema;
}

const sourceRef = (sdk: Sdk, id: string) => {
  const s = sdk.getSource(id);
  return { title: `${s.publisher}: ${s.title}${s.published ? ` (${s.published})` : ""}`, ...(s.url ? { path: s.url } : {}) };
};

/**
 * The `datapackage.json` descriptor (Tabular Data Package, Frictionless v1) for the given CSV files.
 *
 * @example
 * const { descriptor } = dataPackage({ datasets: ["spp"], now: new Date("2025-01-01T00:00:00Z") });
 * descriptor.resources.map((r) => r.path) //=> ["data/spp.csv", "data/sources.csv"]
 */
export function dataPackage(req: ExportRequest) {
  const sdk = sdkOf(req);
  const { DATA_VERSION, getDatasetTable, getSourcesTable, listDatasets } = sdk;
  const files = csvFiles(req.datasets, { bom: false, dir: DATA_DIR, sdk });
  const byPath = new Map(files.map((f) => [f.path, f.bytes]));
  const summaries = new Map(listDatasets().map((d) => [d.id, d]));
  const sourcesTable = getSourcesTable(req.datasets);
  const common = (table: Table) => {
    const path = `${DATA_DIR}/${table.dataset}.csv`;
    const bytes = byPath.get(path)!;
    return {
      profile: "tabular-data-resource",
      name: table.dataset,
      path,
      title: table.title,
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      bytes: bytes.byteLength,
      hash: `sha256:${createHash("sha256").update(bytes).digest("hex")}`,
      dialect: { delimiter: ",", lineTerminator: "\r\n", quoteChar: '"', doubleQuote: true, header: true, skipInitialSpace: false },
    };
  };
  const resources = [
    ...req.datasets.map((id) => {
      const table = getDatasetTable(id);
      const d = summaries.get(id)!;
      return {
        ...common(table),
        description: `${d.description} ${d.rows} rows covering ${d.from} to ${d.to}. Every row names its source (field "source", see the resource "sources"). ${NEUTRALISED}`,
        sources: getSourcesTable([id]).rows.map((r) => sourceRef(sdk, String(r[0]))),
        schema: schemaFor(table, false),
      };
    }),
    {
      ...common(sourcesTable),
      description: `Every source cited by the datasets in this package. ${NEUTRALISED}`,
      schema: schemaFor(sourcesTable, true),
    },
  ];
  const descriptor = {
    profile: "tabular-data-package",
    name: "skynet-data",
    title: "Sky Net Data: China's international anti-corruption cooperation in figures",
    description: `Typed, source-traceable figures of China's pursuit of fugitives and assets abroad (Sky Net, Fox Hunt, treaties). Data version ${DATA_VERSION}. Every row cites a source; see each resource's "sources" and the resource "sources".`,
    version: DATA_VERSION,
    created: req.now.toISOString(),
    keywords: ["Sky Net", "Fox Hunt", "anti-corruption", "extradition", "asset recovery", "China"],
    sources: sourcesTable.rows.map((r) => sourceRef(sdk, String(r[0]))),
    resources,
  };
  return { descriptor, files };
}

/** The shape of the `datapackage.json` descriptor, inferred from the function that builds it. */
export type DataPackageDescriptor = ReturnType<typeof dataPackage>["descriptor"];

/** The `datapackage` format: a directory with `datapackage.json` and `data/*.csv` (UTF-8 without byte order mark). */
export function buildDataPackage(req: ExportRequest): Artifact {
  const { descriptor, files } = dataPackage(req);
  return { kind: "dir", files: [{ path: "datapackage.json", bytes: new TextEncoder().encode(`${JSON.stringify(descriptor, null, 2)}\n`) }, ...files] };
}
