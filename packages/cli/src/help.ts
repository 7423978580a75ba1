import { DATA_VERSION, listDatasets } from "@skynet-data/sdk";
import { FORMATS, FORMAT_IDS } from "./formats/index.js";

export const CLI_VERSION = "0.1.0";

/** Exit codes of `skynet-data`. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const wrap = (text: string, indent: number, width = 100): string => {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width - indent) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join(`\n${" ".repeat(indent)}`);
};

const pad = (s: string, n: number) => s.padEnd(n);

/** Lists the datasets: id, title, rows, period and number of sources (for `--help` and `list`). */
export function datasetLines(): string {
  const ds = listDatasets();
  const w = Math.max(...ds.map((d) => d.id.length)) + 2;
  return ds.map((d) => `  ${pad(d.id, w)}${d.title}\n  ${" ".repeat(w)}${d.rows} rows, ${d.from} to ${d.to}, ${d.sources} ${d.sources === 1 ? "source" : "sources"}`).join("\n");
}

/**
 * The full help text: usage, formats, datasets with their titles, examples and exit codes.
 *
 * @example
 * helpText().split("\n")[0] //=> "skynet-data 0.1.0: export the Sky Net Data figures for readers without the Excel add-in."
 */
export function helpText(): string {
  const fw = Math.max(...FORMAT_IDS.map((f) => f.length)) + 2;
  return `skynet-data ${CLI_VERSION}: export the Sky Net Data figures for readers without the Excel add-in.
Data version ${DATA_VERSION}. Every figure carries its unit, period, coverage and source.

Usage:
  skynet-data export --format <format> --out <path> [--datasets <id,id,...>]
  skynet-data list [--json]
  skynet-data help [export|list]      (or --help after any command)
  skynet-data --version

export options:
  -f, --format <format>   Required. One of: ${FORMAT_IDS.join(", ")}.
  -o, --out <path>        Required. The file (xlsx, json) or the directory (csv, datapackage) to write.
                          Missing parent directories are created. An existing file is replaced; an existing
                          directory only when it is empty or holds nothing but an earlier export's files.
  -d, --datasets <ids>    Comma-separated dataset ids (default: all datasets).

Formats:
${FORMAT_IDS.map((f) => `  ${pad(f, fw)}${wrap(FORMATS[f].summary, fw + 2)}`).join("\n")}

  In every format, dates are calendar dates (ISO YYYY-MM-DD in text formats, real date cells in xlsx) and
  money is the full amount in the row's currency (the xlsx only displays it in billions).
  CSV text that would start with =, +, -, @, a tab, a carriage return or an apostrophe gets one leading
  apostrophe so spreadsheets never run it as a formula; numbers, including negative ones, are never changed.
  The xlsx has no native charts: its "Chart data" sheet gives each chart's data as a block to chart.

Datasets:
${datasetLines()}

Examples:
  npx skynet-data export --format xlsx --out figures.xlsx
  npx skynet-data export --format csv --out figures-csv --datasets sky-net,fox-hunt
  npx skynet-data export --format json --out figures.json --datasets spp
  npx skynet-data export --format datapackage --out figures-package
  npx skynet-data list

Exit codes:
  0  the export was written (or help/list was printed)
  1  the export failed (for example the path cannot be written); nothing was left behind
  2  bad arguments (unknown command, format, dataset or option, or a missing --format/--out)
`;
}
