// What a refresh changes: rows matched by key, revised cells, the analyst's cells carried with their rows.
import { layout, type Cell, type PlannedColumn } from "@skynet-data/sdk";

/** Columns that identify a row when present: a refresh matches old and new rows on them. */
export const IDENTITY_COLUMNS = ["series", "id", "country", "role", "start", "end", "source"] as const;

/**
 * One key per row, from the identity columns the table has (or its first column); repeated keys get "#2", "#3".
 *
 * @example
 * rowKeys([{ key: "id" }], [["a"], ["b"], ["a"]]) //=> ["a", "b", "a#2"]
 */
export function rowKeys(columns: readonly Pick<PlannedColumn, "key">[], rows: readonly (readonly unknown[])[]): string[] {
  let idx = columns.map((c, i) => ((IDENTITY_COLUMNS as readonly string[]).includes(c.key) ? i : -1)).filter((i) => i >= 0);
  if (!idx.length) idx = [0];
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const base = idx.map((i) => normalizeCell(r[i])).join("|");
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

/** Excel reads a blank cell back as "": compare cells with null and "" as the same blank. */
export function normalizeCell(v: unknown): string {
  if (v === null || v === undefined || v === "") return "";
  return typeof v === "number" ? String(Number(v.toPrecision(15))) : String(v);
}

/** A revised cell: the row's key, the column header, the old and the new value. */
export interface RevisedCell {
  key: string;
  column: string;
  from: string;
  to: string;
}

/** What a refresh changes in one table, and where each new row's carried-over cells come from. */
export interface RowDiff {
  added: string[];
  removed: string[];
  revised: RevisedCell[];
  /** For each new row, the index of the old row with the same key, or null for an added row. */
  sources: (number | null)[];
  /** Whether every kept row stays at the same position (then nothing beside our columns has to move). */
  samePositions: boolean;
}

/**
 * Compares the rows in a table with the rows of the new plan, keyed by row key: rows added, removed, and the
 * cells whose value changed.
 *
 * @example
 * const d = diffRows(["Value"], ["a", "b"], [[1], [2]], ["a", "c"], [[1], [5]]);
 * [d.added, d.removed, d.revised] //=> [["c"], ["b"], []]
 */
export function diffRows(headers: readonly string[], oldKeys: readonly string[], oldRows: readonly (readonly unknown[])[], newKeys: readonly string[], newRows: readonly (readonly Cell[])[]): RowDiff {
  const oldAt = new Map(oldKeys.map((k, i) => [k, i] as const));
  const newSet = new Set(newKeys);
  const revised: RevisedCell[] = [];
  const sources = newKeys.map((k, i) => {
    const j = oldAt.get(k);
    if (j === undefined) return null;
    headers.forEach((h, c) => {
      const from = normalizeCell(oldRows[j]![c]);
      const to = normalizeCell(newRows[i]![c]);
      if (from !== to) revised.push({ key: k, column: h, from, to });
    });
    return j;
  });
  return {
    added: newKeys.filter((k) => !oldAt.has(k)),
    removed: oldKeys.filter((k) => !newSet.has(k)),
    revised,
    sources,
    samePositions: newKeys.every((k, i) => i >= oldKeys.length || oldKeys[i] === k),
  };
}

/**
 * Moves the analyst's cells (one array per row) to follow their rows: kept rows bring theirs; added rows get
 * blanks, or the column's formula where every old row holds the same one (an Excel calculated column).
 *
 * @example
 * carryRows([1, null, 0], [["x", "=[@Value]*2"], ["y", "=[@Value]*2"]], 2) //=> [["y", "=[@Value]*2"], ["", "=[@Value]*2"], ["x", "=[@Value]*2"]]
 */
export function carryRows<T>(sources: readonly (number | null)[], oldRows: readonly (readonly T[])[], width: number): (T | "")[][] {
  const calculated = Array.from({ length: width }, (_, k) => {
    const first = oldRows[0]?.[k];
    return typeof first === "string" && first.startsWith("=") && oldRows.every((r) => r[k] === first) ? first : "";
  });
  return sources.map((j) => (j === null ? [...calculated] : [...oldRows[j]!]));
}

/** Whether a cell read back from Excel (its formula or value) holds anything. */
export const isOccupied = (v: unknown): boolean => !(v === null || v === undefined || v === "");

/**
 * The cells that hold something in a block read back from Excel (formulas or values), as A1 addresses.
 *
 * @example
 * occupiedCells({ row: 9, col: 0 }, [["", "x"], ["", ""]]) //=> ["B10"]
 */
export function occupiedCells(topLeft: { row: number; col: number }, cells: readonly (readonly unknown[])[]): string[] {
  return cells.flatMap((row, r) => row.flatMap((v, c) => (isOccupied(v) ? [layout.cellAddress({ row: topLeft.row + r, col: topLeft.col + c })] : [])));
}
