import { layout, type Cell, type Sdk, type Table } from "@skynet-data/sdk";
import { sdkOf, type Artifact, type ExportRequest } from "./artifact.js";

/**
 * Guards text against formula injection with the SDK's one rule (`layout.FORMULA_LIKE`: `=`, `+`, `-`, `@`, tab, CR):
 * such text, and text that already starts with an apostrophe, gets one leading apostrophe. Reversible: a reader
 * drops one leading apostrophe from any text field that has one.
 *
 * @example
 * neutraliseText("=SUM(A1)") //=> "'=SUM(A1)"
 * neutraliseText("Jan–Nov 2016") //=> "Jan–Nov 2016"
 */
export function neutraliseText(text: string): string {
  return layout.FORMULA_LIKE.test(text) || text.startsWith("'") ? `'${text}` : text;
}

/** Undoes `neutraliseText` (for readers and tests). */
export const restoreText = (text: string): string => (text.startsWith("'") ? text.slice(1) : text);

/** Shortest exact decimal form of a number, never in exponent notation for the magnitudes the data holds. */
function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`cannot write ${n} to CSV: not a finite number`);
  const s = String(n);
  return /e/i.test(s) ? n.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 }) : s;
}

/** One CSV field: numbers and booleans as written, text neutralised and quoted when RFC 4180 requires it. */
export function csvField(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return numberText(cell);
  if (typeof cell === "boolean") return cell ? "true" : "false";
  const text = neutraliseText(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CRLF = "\r\n";
export const UTF8_BOM = "\uFEFF";

/**
 * A table as RFC 4180 CSV: a header of column keys, CRLF after every record, ISO dates, full numeric values.
 *
 * @example
 * tableToCsv({ dataset: "x", title: "X", columns: [{ key: "a", header: "A", type: "text", description: "" }], rows: [["-1"]] })
 * //=> "a\r\n'-1\r\n"
 */
export function tableToCsv(table: Table, options: { bom?: boolean } = {}): string {
  const lines = [table.columns.map((c) => csvField(c.key)), ...table.rows.map((r) => r.map(csvField))];
  return (options.bom ? UTF8_BOM : "") + lines.map((l) => l.join(",")).join(CRLF) + CRLF;
}

const encoder = new TextEncoder();

/** The CSV files of an export: one per dataset, named `<id>.csv`, and `sources.csv`, from the given release (default: the bundled one). */
export function csvFiles(datasets: readonly string[], options: { bom: boolean; dir?: string; sdk?: Sdk }): { path: string; bytes: Uint8Array }[] {
  const prefix = options.dir ? `${options.dir}/` : "";
  const { getDatasetTable, getSourcesTable } = sdkOf(options);
  const tables = [...datasets.map((id) => getDatasetTable(id)), getSourcesTable(datasets)];
  return tables.map((t) => ({ path: `${prefix}${t.dataset}.csv`, bytes: encoder.encode(tableToCsv(t, { bom: options.bom })) }));
}

/** The `csv` format: a directory of CSV files with a UTF-8 byte order mark, so spreadsheets opened by double-click read UTF-8. */
export function buildCsv(req: ExportRequest): Artifact {
  return { kind: "dir", files: csvFiles(req.datasets, { bom: true, sdk: sdkOf(req) }) };
}
