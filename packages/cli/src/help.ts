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
  skynet-data export --format <format> --out <path> [--datasets <id,id,...>] [--layout long|by-year] [--release <file|url> [--public-key <file>]]
  skynet-data list [--json]
  skynet-data release --out <folder> [--release <file>]... [--key-file <file>]
  skynet-data help [export|list|release]      (or --help after any command)
  skynet-data --version

export options:
  -f, --format <format>   Required. One of: ${FORMAT_IDS.join(", ")}.
  -o, --out <path>        Required. The file (xlsx, json) or the directory (csv, datapackage) to write.
                          Missing parent directories are created. An existing file is replaced; an existing
                          directory only when it is empty or holds nothing but an earlier export's files.
  -d, --datasets <ids>    Comma-separated dataset ids (default: all datasets).
  -r, --release <source>  Export another release than the bundled one: a release file (checked against its
                          hash), or the https:// address of a release folder (its latest release) or of a
                          release file in one, checked against its signature too.
      --public-key <file> With a release address: the public key (JWK) the signature must verify with.
  -l, --layout <layout>   xlsx only: "long" (default, one figure per row, as the add-in inserts it) or "by-year"
                          (years down, one column per series, part years and lower bounds in a Notes column;
                          datasets of events or partners keep their long table).

release options (publish signed releases into a folder any static HTTPS host serves):
  -o, --out <folder>      Required. Receives releases/<version>.json, index.json (every version, merged with the
                          folder's existing one), latest.json (the newest) and public-key.json. A version already
                          published there with other content is refused.
  -r, --release <file>    A release to publish; repeat for several (default: every release in sdk/src/releases).
      --key-file <file>   The private signing key (JWK). Default: the environment variable
                          SKYNET_RELEASE_PRIVATE_KEY, else a local key in ~/.skynet-data/release-signing-key.json,
                          generated on first use (for local testing).

Formats:
${FORMAT_IDS.map((f) => `  ${pad(f, fw)}${wrap(FORMATS[f].summary, fw + 2)}`).join("\n")}

  In every format, dates are calendar dates (ISO YYYY-MM-DD in text formats, real date cells in xlsx) and
  money is the full amount in the row's currency (the xlsx only displays it in billions).
  CSV text that would start with =, +, -, @, a tab, a carriage return or an apostrophe gets one leading
  apostrophe so spreadsheets never run it as a formula; numbers, including negative ones, are never changed.
  The xlsx has no native charts: each "<table> charts" sheet gives a chart's data as a block to chart.

Datasets:
${datasetLines()}

Examples:
  npx skynet-data export --format xlsx --out figures.xlsx
  npx skynet-data export --format csv --out figures-csv --datasets sky-net,fox-hunt
  npx skynet-data export --format json --out figures.json --datasets spp
  npx skynet-data export --format datapackage --out figures-package
  npx skynet-data list
  npx skynet-data export --format xlsx --out older.xlsx --release sdk/src/releases/2026.11.0.json
  npx skynet-data release --out site/data

Exit codes:
  0  the export or the release folder was written (or help/list was printed)
  1  it failed (a path cannot be written, a release cannot be read or verified); nothing was left behind
  2  bad arguments (unknown command, format, dataset or option, or a missing --format/--out)
`;
}
