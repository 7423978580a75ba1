import { SkynetError } from "../core/errors.js";
import type { Marking, SheetPlan } from "../core/sheet-plan.js";
import { blockAddress, cellAddress, type Block } from "./address.js";
import { isOccupied } from "./refresh.js";

/** Where the pieces of one dataset sheet go: title, notes, the table, and each chart's anchor. */
export interface SheetLayout {
  titleCell: string;
  notes: { address: string; text: string }[];
  headerRow: number;
  /** The table block: header row plus at least one body row (Excel tables cannot be empty). */
  table: Block;
  charts: { id: string; name: string; from: string; to: string }[];
  /** Rows frozen at the top so the header stays in view. */
  freezeRows: number;
}

const CHART_WIDTH = 8;
const CHART_HEIGHT = 16;

/** A valid chart or object name from a table name and a chart id. */
export const chartNameFor = (tableName: string, chartId: string): string => `${tableName}_${chartId.replace(/[^A-Za-z0-9]+/g, "_")}`;

/**
 * Lays out a dataset sheet from its plan: title in A1, the notes below it, a blank row, then the table, and the
 * charts to the right of the table, stacked.
 *
 * @example
 * const l = sheetLayout(planSheet("spp"));
 * [l.titleCell, l.headerRow, l.freezeRows] //=> ["A1", 5, 6]
 */
export function sheetLayout(plan: Pick<SheetPlan, "columns" | "rows" | "notes" | "charts" | "tableName">): SheetLayout {
  const headerRow = plan.notes.length + 2;
  const table: Block = { top: headerRow, left: 0, bottom: headerRow + Math.max(plan.rows.length, 1), right: plan.columns.length - 1 };
  const left = table.right + 2;
  return {
    titleCell: "A1",
    notes: plan.notes.map((text, i) => ({ address: cellAddress({ row: 1 + i, col: 0 }), text })),
    headerRow,
    table,
    charts: plan.charts.map((c, i) => ({
      id: c.id,
      name: chartNameFor(plan.tableName, c.id),
      from: cellAddress({ row: headerRow + i * (CHART_HEIGHT + 1), col: left }),
      to: cellAddress({ row: headerRow + i * (CHART_HEIGHT + 1) + CHART_HEIGHT - 1, col: left + CHART_WIDTH - 1 }),
    })),
    freezeRows: headerRow + 1,
  };
}

/** Columns reserved per chart on a chart-data sheet (category + up to 8 series, then a gap). */
export const CHART_BLOCK_WIDTH = 10;
/** Rows cleared before a chart's data is rewritten (header + categories fit well within). */
export const CHART_BLOCK_ROWS = 500;

/**
 * The hidden sheet that holds a dataset's chart data: the add-in owns it entirely.
 *
 * @example
 * chartDataSheetName("SkyNet_fox_hunt") //=> "SkyNet_fox_hunt charts"
 */
export const chartDataSheetName = (tableName: string): string => `${tableName.slice(0, 24)} charts`;

/** A chart's data as a block of cells: header (category label, series names) and one row per category. */
export interface ChartData {
  block: Block;
  values: (string | number)[][];
  /** Whole-block address to clear before a rewrite. */
  clearAddress: string;
}

/**
 * The data block of the i-th chart on its chart-data sheet (blank where a series has no figure for a category).
 *
 * @example
 * chartData(planSheet("fox-hunt").charts[0], 0).values[1] //=> ["2014", 680, ""]
 */
export function chartData(chart: SheetPlan["charts"][number], index: number): ChartData {
  if (chart.series.length > CHART_BLOCK_WIDTH - 2 || chart.categories.length >= CHART_BLOCK_ROWS) {
    throw new SkynetError("invalid-argument", `chart "${chart.id}" has ${chart.series.length} series and ${chart.categories.length} categories; at most ${CHART_BLOCK_WIDTH - 2} and ${CHART_BLOCK_ROWS - 1} fit its data block`);
  }
  const left = index * CHART_BLOCK_WIDTH;
  const values = [[chart.categoryLabel, ...chart.series.map((s) => s.name)], ...chart.categories.map((cat, r) => [cat, ...chart.series.map((s) => s.values[r] ?? "")])];
  return {
    block: { top: 0, left, bottom: values.length - 1, right: left + chart.series.length },
    values,
    clearAddress: blockAddress({ top: 0, left, bottom: CHART_BLOCK_ROWS - 1, right: left + CHART_BLOCK_WIDTH - 2 }),
  };
}

const FULL_COLOURS = ["#2B579A", "#217346", "#B7472A", "#7E57C2", "#00838F"];
const MARKED_COLOURS: Record<Exclude<Marking, "full">, string> = { partial: "#F4B183", "lower-bound": "#A6A6A6" };

/** How each chart series is drawn: full figures in solid colours; partial periods and lower bounds in their own pale colours, dashed on line charts. */
export function seriesStyles(chart: SheetPlan["charts"][number]): { color: string; dashed: boolean }[] {
  const members = [...new Set(chart.series.map((s) => s.seriesId))];
  return chart.series.map((s) =>
    s.marking === "full" ? { color: FULL_COLOURS[members.indexOf(s.seriesId) % FULL_COLOURS.length]!, dashed: false } : { color: MARKED_COLOURS[s.marking], dashed: true },
  );
}

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

/** Above this many rows a table's URLs stay plain text: each link is one command in the request. */
export const MAX_LINKED_ROWS = 2_000;

/**
 * The columns whose cells become hyperlinks: URL columns of tables small enough to link cell by cell.
 *
 * @example
 * linkedColumns(planSourcesSheet()) //=> [5] (the URL column)
 */
export function linkedColumns(plan: Pick<SheetPlan, "columns" | "rows">): number[] {
  if (plan.rows.length > MAX_LINKED_ROWS) return [];
  return plan.columns.flatMap((c, i) => (c.type === "url" ? [i] : []));
}
