import type { Artifact, ExportRequest } from "./artifact.js";
import { buildCsv } from "./csv.js";
import { buildDataPackage } from "./datapackage.js";
import { buildJson } from "./json.js";
import { buildXlsx } from "./xlsx.js";

interface FormatSpec {
  /** One line for `--help`. */
  summary: string;
  /** What `--out` names: a file, or a directory the export creates. */
  out: "file" | "dir";
  example: string;
  build: (req: ExportRequest) => Artifact | Promise<Artifact>;
}

/** The export formats, in the order `--help` lists them. */
export const FORMATS = {
  xlsx: {
    summary: "Excel workbook laid out like the add-in's sheets: per dataset a title, notes and an Excel table (frozen header, number formats, real dates), then Sources and each dataset's chart data.",
    out: "file",
    example: "figures.xlsx",
    build: buildXlsx,
  },
  csv: {
    summary: "A directory of CSV files (RFC 4180, UTF-8 with BOM, CRLF): <dataset>.csv for each dataset and sources.csv.",
    out: "dir",
    example: "figures-csv",
    build: buildCsv,
  },
  json: {
    summary: "One JSON file: dataVersion, datasets, series, observations, events, partners and sources, as the SDK types them.",
    out: "file",
    example: "figures.json",
    build: buildJson,
  },
  datapackage: {
    summary: "A Frictionless Tabular Data Package directory: datapackage.json (schemas, units, sources) and data/*.csv (UTF-8, no BOM).",
    out: "dir",
    example: "figures-package",
    build: buildDataPackage,
  },
} as const satisfies Record<string, FormatSpec>;

export type FormatId = keyof typeof FORMATS;

export const FORMAT_IDS = Object.keys(FORMATS) as FormatId[];

export type { Artifact, ExportRequest } from "./artifact.js";
