// What a load plan tells the adapter to do, in order: plain data, one Office call (or a few fixed ones) each.
import type { Stamp } from "./stamp.js";

/** A cell value as it travels to Excel (a blank is ""). */
export type CellValue = string | number | boolean;

/** How a chart series is drawn: a solid fill (column charts) or a line colour and style (line charts). */
export type SeriesFormat = { index: number; fill: string } | { index: number; line: { color: string; lineStyle: "Continuous" | "Dash" } };

export type Operation =
  /** `context.sync()`: everything queued since the last one goes to Excel as one request. */
  | { kind: "sync" }
  /** Words for the pane while the load runs. */
  | { kind: "progress"; message: string }
  | { kind: "suspendCalculation" }
  | { kind: "addSheet"; sheet: string; visibility?: "Hidden" }
  /** Number formats first, then values, so text that looks like a formula lands as text. */
  | { kind: "values"; sheet: string; address: string; numberFormat: string[][]; values: CellValue[][] }
  | { kind: "formulas"; sheet: string; address: string; formulas: unknown[][] }
  | { kind: "font"; sheet: string; address: string; font: { bold?: boolean; italic?: boolean; size?: number; color?: string } }
  | { kind: "columnWidth"; sheet: string; address: string; points: number }
  | { kind: "hyperlink"; sheet: string; address: string; url: string }
  | { kind: "clear"; sheet: string; address: string; applyTo: "All" | "Contents" }
  /** Deletes the cells and moves the cells below them up. */
  | { kind: "deleteUp"; sheet: string; address: string }
  | { kind: "resizeTable"; table: string; address: string }
  /** Appends rows at the end of a table (without Table.resize the table grows this way). */
  | { kind: "addTableRows"; table: string; values: CellValue[][] }
  | { kind: "addTable"; sheet: string; address: string; name: string; style: string; bandedRows: boolean }
  | { kind: "freezeRows"; sheet: string; rows: number }
  /** A chart over a block of cells: created where `create` says, or an existing one pointed at the block. */
  | {
      kind: "chart";
      sheet: string;
      name: string;
      data: { sheet: string; address: string };
      create: { type: "ColumnClustered" | "LineMarkers"; from: string; to: string; legend: "Bottom" } | null;
      title: string;
      series: SeriesFormat[];
    }
  | { kind: "setting"; key: string; value: Stamp }
  | { kind: "activate"; sheet: string }
  /** A full calculation, so every =SKYNET formula follows the data (and the release it was calculated with). */
  | { kind: "calculate"; dataVersion: string };
