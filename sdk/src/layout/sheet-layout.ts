// Workbook-level pieces the add-in needs around the sheet contract: free sheet names, occupied cells, the stamp.
// The sheet layout itself (positions, chart blocks, colours, links) lives in sdk/src/sheet/layout.ts.
import { cellAddress } from "./address.js";
import { isOccupied } from "./refresh.js";

export * from "../sheet/layout.js";

/**
 * A sheet name not yet taken (case-insensitively), keeping Excel's 31-character limit: "Name", "Name (2)", ...
 *
 * @example
 * uniqueSheetName("Sources", ["sources"]) //=> "Sources (2)"
 */
export function uniqueSheetName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, 31 - suffix.length).trimEnd()}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * The cells that hold something in a block read back from Excel (formulas or values), as A1 addresses.
 *
 * @example
 * occupiedCells({ row: 9, col: 0 }, [["", "x"], ["", ""]]) //=> ["B10"]
 */
export function occupiedCells(topLeft: { row: number; col: number }, cells: readonly (readonly unknown[])[]): string[] {
  return cells.flatMap((row, r) => row.flatMap((v, c) => (isOccupied(v) ? [cellAddress({ row: topLeft.row + r, col: topLeft.col + c })] : [])));
}

/** The stamp the add-in keeps in the workbook: which data, which datasets, when. */
export interface Stamp {
  dataVersion: string;
  loadedAt: string;
  datasets: string[];
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/** The workbook setting that holds the stamp. */
export const STAMP_KEY = "SkyNetData.stamp";

/**
 * Reads a stamp back from a workbook setting; anything else (absent, edited, malformed) is null.
 *
 * @example
 * parseStamp({ dataVersion: "0.1.0+ab", loadedAt: "2026-01-01T00:00:00.000Z", datasets: ["spp"] })?.datasets //=> ["spp"]
 * parseStamp("garbage") //=> null
 */
export function parseStamp(value: unknown): Stamp | null {
  const v = (typeof value === "string" ? safeJson(value) : value) as Partial<Stamp> | null;
  if (!v || typeof v !== "object") return null;
  const { dataVersion, loadedAt, datasets } = v;
  if (typeof dataVersion !== "string" || !dataVersion) return null;
  if (typeof loadedAt !== "string" || !ISO_INSTANT.test(loadedAt) || Number.isNaN(Date.parse(loadedAt))) return null;
  if (!Array.isArray(datasets) || !datasets.every((d) => typeof d === "string" && d.length > 0)) return null;
  return { dataVersion, loadedAt, datasets: [...datasets] };
}

const safeJson = (s: string): unknown => {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
};
