// The sheet contract's places: where a plan's title, notes, table and charts go, the chart-data blocks, and how
// they look. Excel, the xlsx export and the preview all read these, so a dataset sheet is laid out once.
import { SkynetError } from "../core/errors.js";
import { blockAddress, cellAddress, type Block } from "../layout/address.js";
import { safeFormat } from "../layout/guard.js";
import type { Marking, SheetPlan } from "./plan.js";

/** Where the pieces of one dataset sheet go: title, notes, the table, and each chart's anchor. */
export interface SheetLayout {
  titleCell: string;
  notes: { address: string; text: string }[];
  /** The header's row, counted from 0 (Excel row `headerRow + 1`). */
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
 * const l = sheetLayout(planSheet("spp")); // 4 notes, 16 columns, 4 rows
 * [l.titleCell, l.notes.map((n) => n.address), l.headerRow, l.freezeRows] //=> ["A1", ["A2", "A3", "A4", "A5"], 6, 7]
 * blockAddress(l.table) //=> "A7:P11"
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

/** How the pieces look: the title, the notes (grey italics), the table style; title, notes and header are text ("@"). */
export const SHEET_STYLE = {
  title: { bold: true, size: 14 },
  notes: { italic: true, color: "#595959" },
  textFormat: "@",
  tableStyle: "TableStyleMedium2",
  bandedRows: true,
} as const;

/** Columns reserved per chart on a chart-data sheet (category + up to 8 series, then a gap). */
export const CHART_BLOCK_WIDTH = 10;
/** Rows cleared before a chart's data is rewritten (header + categories fit well within). */
export const CHART_BLOCK_ROWS = 500;

/**
 * The sheet that holds a dataset's chart data (hidden in Excel, where the add-in draws the charts from it).
 *
 * @example
 * chartDataSheetName("SkyNet_fox_hunt") //=> "SkyNet_fox_hunt charts"
 */
export const chartDataSheetName = (tableName: string): string => `${tableName.slice(0, 24)} charts`;

/** A chart's data as a block of cells: header (category label, series names) and one row per category. */
export interface ChartData {
  block: Block;
  values: (string | number)[][];
  /** One number format per cell of `values`: categories as text, figures General (text that looks like a formula as text). */
  numberFormats: string[][];
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
    numberFormats: values.map((r) => r.map((v, j) => (j === 0 ? SHEET_STYLE.textFormat : safeFormat(v, "General")))),
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
