import { SkynetError } from "../core/errors.js";

/** A cell position, 0-based. */
export interface CellRef {
  row: number;
  col: number;
}

/** A rectangular block of cells, 0-based and inclusive. */
export interface Block {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Excel's last row and column (1,048,576 rows; XFD columns). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/**
 * The column letters of a 0-based column index.
 *
 * @example
 * columnLetter(0) //=> "A"
 * columnLetter(27) //=> "AB"
 */
export function columnLetter(col: number): string {
  if (!Number.isInteger(col) || col < 0 || col >= MAX_COLUMNS) throw new SkynetError("invalid-argument", `column index ${col} is outside Excel's columns A..XFD`);
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * The A1 address of a 0-based cell.
 *
 * @example
 * cellAddress({ row: 6, col: 2 }) //=> "C7"
 */
export function cellAddress(cell: CellRef): string {
  if (!Number.isInteger(cell.row) || cell.row < 0 || cell.row >= MAX_ROWS) throw new SkynetError("invalid-argument", `row index ${cell.row} is outside Excel's rows 1..${MAX_ROWS}`);
  return `${columnLetter(cell.col)}${cell.row + 1}`;
}

/**
 * The A1 address of a block ("C7" for a single cell, "A1:D10" otherwise).
 *
 * @example
 * blockAddress({ top: 0, left: 0, bottom: 9, right: 3 }) //=> "A1:D10"
 */
export function blockAddress(b: Block): string {
  const a = cellAddress({ row: b.top, col: b.left });
  return b.top === b.bottom && b.left === b.right ? a : `${a}:${cellAddress({ row: b.bottom, col: b.right })}`;
}

/**
 * A sheet name as Excel writes it in an address: quoted when it holds anything but letters, digits and underscores.
 *
 * @example
 * quoteSheetName("Fox Hunt operations") //=> "'Fox Hunt operations'"
 * quoteSheetName("Sources") //=> "Sources"
 */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/**
 * Parses an A1 cell ("C7", "$C$7") to a 0-based position.
 *
 * @example
 * parseCell("C7") //=> { row: 6, col: 2 }
 */
export function parseCell(a1: string): CellRef {
  const m = CELL.exec(a1.trim());
  if (!m) throw new SkynetError("invalid-argument", `"${a1}" is not an A1 cell address such as "C7"`);
  const col = [...m[1]!.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const row = Number(m[2]) - 1;
  if (col >= MAX_COLUMNS || row < 0 || row >= MAX_ROWS) throw new SkynetError("invalid-argument", `"${a1}" lies outside Excel's grid (A1:XFD${MAX_ROWS})`);
  return { row, col };
}

/**
 * Parses an address with an optional sheet ("'Fox Hunt'!A1:D10", "B2") to its sheet name and block.
 *
 * @example
 * parseAddress("'Fox Hunt'!A1:D10") //=> { sheet: "Fox Hunt", block: { top: 0, left: 0, bottom: 9, right: 3 } }
 */
export function parseAddress(address: string): { sheet: string | null; block: Block } {
  const bang = address.lastIndexOf("!");
  let sheet: string | null = null;
  let ref = address;
  if (bang >= 0) {
    const raw = address.slice(0, bang);
    sheet = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    ref = address.slice(bang + 1);
  }
  const [a, b = a] = ref.split(":");
  const p = parseCell(a!);
  const q = parseCell(b!);
  return { sheet, block: { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) } };
}

/** Whether two blocks share at least one cell. */
export function blocksOverlap(a: Block, b: Block): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
