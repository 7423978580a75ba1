// What the adapter reads of a workbook before a load, in three rounds, and what each round must read: the workbook's
// names and stamp; the plans' tables found there (address, header, charts, the data version note); their cells.
import { layout, sheet, type SheetPlan } from "@skynet-data/sdk";
import { packBatches, planChunks, rowBytes, type ChunkLimits } from "./chunks.js";
import type { Stamp } from "./stamp.js";

type Block = layout.Block;

/** A plan's table as found in the workbook (read in the second round). */
export interface TableFound {
  /** The plan's table name. */
  name: string;
  sheet: string;
  /** The table's address, header row included ("'Sky Net'!A7:P61"). */
  address: string;
  headers: unknown[];
  /** The names of the plan's charts found on the table's sheet. */
  charts: string[];
  /** What the cell of the plan's "Data version" note holds (null when the plan has no such note). */
  versionNote: unknown;
}

/** A plan's table with its cells read back (the third round). */
export interface TableSnapshot extends TableFound {
  /** Formulas (or values) of the table's body rows, every table column. */
  body: unknown[][];
  /** Formulas of the rows the table would grow into (null when it does not grow). */
  zone: unknown[][] | null;
  /** The used range below the table in its columns (read only where Excel cannot resize a table; null when empty). */
  below: string | null;
}

/** The workbook as a load plan needs it. */
export interface WorkbookSnapshot {
  sheets: string[];
  stamp: Stamp | null;
  tables: TableSnapshot[];
  /** The chart-data sheets found (by the name the plans give them). */
  chartDataSheets: string[];
}

/** Second round: which of the plans' tables, charts and notes to read, and which chart-data sheets to look for. */
export interface TableReads {
  tables: { table: string; charts: string[]; versionNote: string | null }[];
  chartDataSheets: string[];
}

/** The note of a sheet plan that names the data version ("Data version 2026.11.1+…. Sources: see the Sources sheet."). */
export const VERSION_NOTE = /^Data version \S+\./;

/** The address of a plan's "Data version" note, where a fresh insert puts it, and its text (null when it has none). */
export function versionNoteOf(plan: SheetPlan): { address: string; text: string } | null {
  const at = plan.notes.findIndex((n) => VERSION_NOTE.test(n));
  return at < 0 ? null : { address: sheet.sheetLayout(plan).notes[at]!.address, text: plan.notes[at]! };
}

/**
 * What to read in the second round: the plans whose table the workbook has (names compared as Excel does, ignoring
 * case), their charts by name and their data version note; the chart-data sheet of every plan with charts.
 */
export function tableReads(plans: readonly SheetPlan[], tableNames: readonly string[]): TableReads {
  const names = new Set(tableNames.map((t) => t.toLowerCase()));
  return {
    tables: plans
      .filter((p) => names.has(p.tableName.toLowerCase()))
      .map((p) => ({ table: p.tableName, charts: sheet.sheetLayout(p).charts.map((c) => c.name), versionNote: versionNoteOf(p)?.address ?? null })),
    chartDataSheets: plans.filter((p) => p.charts.length).map((p) => sheet.chartDataSheetName(p.tableName)),
  };
}

/** One range to read in the third round: a run of body rows, the growth zone, or the used range below the table. */
export interface CellRead {
  table: string;
  sheet: string;
  address: string;
  part: "body" | "zone" | "below";
}

/** A found table measured against its plan: where it is, which of its columns are the plan's, where it would grow. */
export interface TableFit {
  block: Block;
  /** Table column of each plan column (-1 where the header is missing). */
  columnAt: number[];
  /** Plan headers the table lacks. */
  missing: string[];
  /** Rows the body gains (negative: loses). */
  growth: number;
  /** The rows the table would grow into, or null. */
  zone: Block | null;
}

export const bodyRows = (plan: Pick<SheetPlan, "rows">): number => Math.max(plan.rows.length, 1);

/** Measures a found table against its plan. */
export function fitTable(plan: SheetPlan, t: Pick<TableFound, "address" | "headers">): TableFit {
  const { block } = layout.parseAddress(t.address);
  const headers = t.headers.map(String);
  const columnAt = plan.columns.map((c) => headers.indexOf(c.header));
  const growth = bodyRows(plan) - (block.bottom - block.top);
  return {
    block,
    columnAt,
    missing: plan.columns.filter((_, i) => columnAt[i]! < 0).map((c) => c.header),
    growth,
    zone: growth > 0 ? { top: block.bottom + 1, left: block.left, bottom: block.bottom + growth, right: block.right } : null,
  };
}

/** Bytes a zone or used-range read is counted at when packing reads. */
const SMALL_READ = 64;

/**
 * Third round: the cells of each found table to read, packed into batches (one sync each) under the byte limit.
 * Body rows are read in runs sized from the plan's rows (a response is about as large as the rows it holds); the
 * rows a table would grow into, to see whether the analyst's data is in the way; and where Excel cannot resize a
 * table, the used range below it, which adding or deleting table rows would move.
 */
export function cellReads(plans: readonly SheetPlan[], tables: readonly TableFound[], settings: { limits: ChunkLimits; tableResize: boolean }): CellRead[][] {
  const items = tables.flatMap((t) => {
    const plan = plans.find((p) => p.tableName.toLowerCase() === t.name.toLowerCase());
    if (!plan) return [];
    const fit = fitTable(plan, t);
    if (fit.missing.length) return [];
    const { block, zone, growth } = fit;
    const at = (part: CellRead["part"], b: Block): CellRead => ({ table: t.name, sheet: t.sheet, address: layout.blockAddress(b), part });
    const perRow = Math.ceil((plan.rows.reduce((n, r) => n + rowBytes(r), 0) / Math.max(plan.rows.length, 1)) * (t.headers.length / plan.columns.length)) + 16;
    const chunks = planChunks(Array.from({ length: block.bottom - block.top }, () => perRow), settings.limits);
    return [
      ...chunks.map((c) => ({ item: at("body", { top: block.top + 1 + c.start, left: block.left, bottom: block.top + c.end, right: block.right }), bytes: c.bytes, rows: 1 })),
      ...(zone ? [{ item: at("zone", zone), bytes: SMALL_READ, rows: 1 }] : []),
      ...(growth !== 0 && !settings.tableResize ? [{ item: at("below", { top: block.bottom + 1, left: block.left, bottom: layout.MAX_ROWS - 1, right: block.right }), bytes: SMALL_READ, rows: 1 }] : []),
    ];
  });
  return packBatches(items, { maxRows: Number.MAX_SAFE_INTEGER, maxBytes: settings.limits.maxBytes }).map((b) => b.map((w) => w.item));
}
