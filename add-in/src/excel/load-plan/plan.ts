// The load plan: from a snapshot of the workbook and the sheet plans, every operation an insert or refresh makes, in
// order and cut into syncs, and the report in words. Pure: the adapter only reads the snapshot and replays this.
import { layout, sheet, type SheetKind, type SheetPlan, type TableLayout } from "@skynet-data/sdk";
import { planTableResize, type ResizeStep } from "../requirements.js";
import { packBatches, planChunks, rowBytes, toExcelValue, type Chunk, type ChunkLimits } from "./chunks.js";
import type { CellValue, Operation, SeriesFormat } from "./operations.js";
import { carryRows, diffRows, occupiedCells, rowKeys, type RevisedCell } from "./refresh.js";
import { bodyRows, fitTable, VERSION_NOTE, versionNoteOf, type TableSnapshot, type WorkbookSnapshot } from "./snapshot.js";
import { STAMP_KEY, type Stamp } from "./stamp.js";

type Block = layout.Block;

/** What happened to one table. */
export interface TableReport {
  dataset: string;
  /** The plan's kind (a dataset, or the Sources sheet) and layout, as the sheet plan gave them. */
  kind: SheetKind;
  layout: TableLayout;
  table: string;
  sheet: string;
  status: "inserted" | "refreshed" | "recreated" | "blocked" | "failed";
  added: number;
  removed: number;
  revised: number;
  revisedCells: RevisedCell[];
  /** The row keys (rowKeys) of the rows a refresh added and removed. */
  addedKeys: string[];
  removedKeys: string[];
  /** Cells that hold the analyst's data where the table would have to grow. */
  blockedBy: string[];
  message: string;
}

/** What a load did. */
export interface LoadReport {
  tables: TableReport[];
  stamp: Stamp;
  /** The stamp the workbook had before (null for a workbook without one): which release its tables came from. */
  previous: Stamp | null;
  /** Whether a full calculation was asked for (in the last sync), so that every =SKYNET formula follows the data. */
  recalculated: boolean;
}

export interface LoadSettings {
  dataVersion: string;
  /** When the load happens (ISO instant), for the stamp. */
  loadedAt: string;
  limits: ChunkLimits;
  /** Whether this Excel has Table.resize (ExcelApi 1.13). */
  tableResize: boolean;
  /** Ask for a full calculation in the last sync (the release changed). */
  recalculate: boolean;
}

export interface LoadPlan {
  operations: Operation[];
  report: LoadReport;
}

/** The words the pane shows while a load runs. */
export const PROGRESS = {
  readingWorkbook: "Reading the workbook…",
  readingTables: "Reading the tables already in the workbook…",
  writing: "Writing the data…",
  writingBatch: (i: number, n: number) => `Writing the data… ${i} of ${n}`,
  finishing: "Adding tables and charts…",
  done: "Done.",
} as const;

/** Points per character of a planned column width. */
const POINTS_PER_CHAR = 6;
/** Request bytes of one blank table row added without Table.resize, per column (an empty string and its comma). */
const BLANK_CELL_BYTES = 3;

interface Work {
  plan: SheetPlan;
  report: TableReport;
  sheet: string;
  /** Body block the table will have (for a new table: where it goes). */
  body: Block;
  /** Table column of each plan column. */
  columnAt: number[];
  analystColumns: number[];
  /** The analyst's cells, moved to follow their rows (null when nothing moves). */
  carried: unknown[][] | null;
  isNew: boolean;
  /** The table's block before this refresh (null for a new table). */
  old: Block | null;
  /** The names of the plan's charts already on the sheet. */
  charts: string[];
  step: ResizeStep;
  /** The table's last row so far while rows are added one chunk at a time. */
  grownTo: number;
  /** The "Data version" note to rewrite, when it still holds an earlier data version. */
  staleNote: { address: string; text: string } | null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function blankReport(plan: SheetPlan, sheetName: string, status: TableReport["status"]): TableReport {
  const n = plan.rows.length;
  const message = status === "inserted" ? `Inserted ${plural(n, "row")}.` : status === "recreated" ? `Recreated with ${plural(n, "row")} (its table or sheet had been deleted).` : "";
  return { dataset: plan.dataset, kind: plan.kind, layout: plan.layout ?? "long", table: plan.tableName, sheet: sheetName, status, added: status === "refreshed" ? 0 : n, removed: 0, revised: 0, revisedCells: [], addedKeys: [], removedKeys: [], blockedBy: [], message };
}

function describeChange(r: TableReport): string {
  if (!r.added && !r.removed && !r.revised) return "Up to date: no rows added, removed or revised.";
  return `Refreshed: ${plural(r.added, "row")} added, ${r.removed} removed, ${plural(r.revised, "value")} revised.`;
}

const missingWords = (missing: string[]) => {
  const many = missing.length > 1;
  return `Left unchanged: its column${many ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")} ${many ? "are" : "is"} missing (renamed or deleted). Rename ${many ? "them" : "it"} back, or delete the table to have it recreated.`;
};

const blockedWords = (rows: number, cells: string[], sheetName: string) => {
  const shown = cells.slice(0, 8).join(", ") + (cells.length > 8 ? ` and ${cells.length - 8} more` : "");
  return `Left unchanged: it needs ${rows} more row(s), but ${shown} on "${sheetName}" hold other data. Move those cells, then refresh again.`;
};

/** The note to write: only over a cell that still holds a "Data version" note of another version (never the analyst's text). */
function staleVersionNote(plan: SheetPlan, cell: unknown): Work["staleNote"] {
  const note = versionNoteOf(plan);
  return note && typeof cell === "string" && VERSION_NOTE.test(cell) && cell !== note.text ? note : null;
}

/** A found table compared with its plan: what changed, and whether and how it can take the new rows. */
function refreshWork(plan: SheetPlan, t: TableSnapshot, tableResize: boolean): Work {
  const fit = fitTable(plan, t);
  const { block, columnAt } = fit;
  const report = blankReport(plan, t.sheet, "refreshed");
  const base = { plan, sheet: t.sheet, columnAt, carried: null, isNew: false, old: block, step: { kind: "none" } as ResizeStep, grownTo: block.bottom, staleNote: staleVersionNote(plan, t.versionNote) };
  if (fit.missing.length) return { ...base, report: { ...report, status: "failed", message: missingWords(fit.missing) }, body: block, analystColumns: [], charts: [] };
  const w: Work = {
    ...base,
    report,
    body: { top: block.top + 1, left: block.left, bottom: block.top + bodyRows(plan), right: block.right },
    analystColumns: t.headers.map((_, i) => i).filter((i) => !columnAt.includes(i)),
    charts: t.charts,
  };
  const ours = t.body.map((row) => columnAt.map((j) => row[j]));
  const diff = diffRows(
    plan.columns.map((c) => c.header),
    rowKeys(plan.columns, ours),
    ours,
    rowKeys(plan.columns, plan.rows),
    plan.rows,
  );
  Object.assign(report, { added: diff.added.length, removed: diff.removed.length, revised: diff.revised.length, revisedCells: diff.revised, addedKeys: diff.added, removedKeys: diff.removed });
  const blockers = fit.zone ? occupiedCells({ row: fit.zone.top, col: fit.zone.left }, t.zone ?? []) : [];
  if (blockers.length) {
    Object.assign(report, { status: "blocked", blockedBy: blockers, message: blockedWords(fit.growth, blockers, t.sheet) });
    return w;
  }
  const below = t.below ? layout.blockAddress(layout.parseAddress(t.below).block) : null;
  w.step = planTableResize({ old: block, newBottom: w.body.bottom, tableResize, below, sheet: t.sheet });
  if (w.step.kind === "blocked") {
    Object.assign(report, { status: "blocked", blockedBy: below ? [below] : [], message: w.step.message });
    return w;
  }
  // Rows added without Table.resize get their analyst cells (blank or the calculated column's formula) written out.
  if (w.analystColumns.length && (!diff.samePositions || w.step.kind === "add-rows")) {
    w.carried = carryRows(diff.sources, t.body.map((row) => w.analystColumns.map((j) => row[j])), w.analystColumns.length);
  }
  report.message = describeChange(report);
  return w;
}

/** Consecutive runs where plan columns sit side by side in the table. */
function columnRuns(columnAt: number[]): { from: number; at: number; length: number }[] {
  const runs: { from: number; at: number; length: number }[] = [];
  columnAt.forEach((at, from) => {
    const last = runs.at(-1);
    if (last && last.from + last.length === from && last.at + last.length === at) last.length++;
    else runs.push({ from, at, length: 1 });
  });
  return runs;
}

const isWebLink = (v: unknown): v is string => typeof v === "string" && /^https?:\/\//.test(v);
/** Request bytes of a row's hyperlinks: each is one command carrying its URL twice. */
const hyperlinkBytes = (links: number[], row: SheetPlan["rows"][number]): number => links.reduce((n, j) => n + (typeof row[j] === "string" ? 2 * String(row[j]).length + 80 : 0), 0);

/**
 * Plans a load: new tables inserted on sheets of their own (free names), found tables refreshed in place (rows
 * matched by key, the analyst's columns and cells kept with their rows, blocked with words where growing would
 * overwrite the analyst's data), writes cut into syncs within the limits, charts over their chart-data sheets, the
 * stamp, and a full calculation when asked.
 *
 * @example
 * const { operations, report } = planLoad({ sheets: ["Sheet1"], stamp: null, tables: [], chartDataSheets: [] }, [planSourcesSheet(["spp"])], settings);
 * operations.filter((o) => o.kind === "sync").length //=> 2 (the write chunk, then tables, charts and the stamp)
 * report.tables[0].message //=> "Inserted 1 row."
 */
export function planLoad(snapshot: WorkbookSnapshot, plans: readonly SheetPlan[], settings: LoadSettings): LoadPlan {
  const ops: Operation[] = [];
  const previous = snapshot.stamp;
  const found = new Map(snapshot.tables.map((t) => [t.name.toLowerCase(), t]));
  const work: Work[] = plans.flatMap((p) => {
    const t = found.get(p.tableName.toLowerCase());
    return t ? [refreshWork(p, t, settings.tableResize)] : [];
  });

  const taken = [...snapshot.sheets];
  for (const plan of plans.filter((p) => !found.has(p.tableName.toLowerCase()))) {
    const name = layout.uniqueSheetName(plan.sheetName, taken);
    taken.push(name);
    const l = sheet.sheetLayout(plan);
    const wasLoaded = previous !== null && (plan.kind === "sources" || (plan.layout === "by-year" ? (previous.byYear ?? []) : previous.datasets).includes(plan.dataset));
    ops.push({ kind: "addSheet", sheet: name });
    work.push({
      plan,
      report: blankReport(plan, name, wasLoaded ? "recreated" : "inserted"),
      sheet: name,
      body: { ...l.table, top: l.table.top + 1 },
      columnAt: plan.columns.map((_, i) => i),
      analystColumns: [],
      carried: null,
      isNew: true,
      old: null,
      charts: [],
      step: { kind: "none" },
      grownTo: 0,
      staleNote: null,
    });
  }
  const writable = work.filter((w) => w.report.status !== "blocked" && w.report.status !== "failed");

  ops.push({ kind: "progress", message: PROGRESS.writing });
  const items = writable.flatMap((w) => {
    const links = sheet.linkedColumns(w.plan);
    // Rows added to the table without Table.resize arrive as blank rows first.
    const added = w.step.kind === "add-rows" ? { from: w.old!.bottom - w.old!.top, bytes: BLANK_CELL_BYTES * (w.old!.right - w.old!.left + 1) + 2 } : null;
    const sizes = w.plan.rows.map((r, i) => rowBytes(r, w.plan.numberFormats[i]) + (w.carried ? rowBytes(w.carried[i]!) : 0) + hyperlinkBytes(links, r) + (added && i >= added.from ? added.bytes : 0));
    return planChunks(sizes, settings.limits).map((c) => ({ item: { w, c }, bytes: c.bytes, rows: c.end - c.start }));
  });
  const batches = packBatches(items, settings.limits);
  if (!batches.length) batches.push([]);
  for (const [i, batch] of batches.entries()) {
    ops.push({ kind: "suspendCalculation" });
    if (i === 0) writable.forEach((w) => ops.push(...prepare(w)));
    for (const { item } of batch) ops.push(...writeChunk(item.w, item.c));
    ops.push({ kind: "sync" }, { kind: "progress", message: PROGRESS.writingBatch(i + 1, batches.length) });
  }

  ops.push({ kind: "progress", message: PROGRESS.finishing });
  const dataSheets = new Set(snapshot.chartDataSheets);
  for (const w of writable) ops.push(...finish(w, dataSheets));
  const stamp: Stamp = {
    dataVersion: settings.dataVersion,
    loadedAt: settings.loadedAt,
    datasets: [...new Set([...(previous?.datasets ?? []), ...plans.filter((p) => p.kind !== "sources" && p.layout !== "by-year").map((p) => p.dataset)])],
  };
  const byYear = [...new Set([...(previous?.byYear ?? []), ...plans.filter((p) => p.layout === "by-year").map((p) => p.dataset)])];
  if (byYear.length) stamp.byYear = byYear;
  ops.push({ kind: "setting", key: STAMP_KEY, value: stamp });
  const first = writable.find((w) => w.isNew);
  if (first) ops.push({ kind: "activate", sheet: first.sheet });
  if (settings.recalculate) ops.push({ kind: "calculate", dataVersion: settings.dataVersion });
  ops.push({ kind: "sync" }, { kind: "progress", message: PROGRESS.done });
  return { operations: ops, report: { tables: work.map((w) => w.report), stamp, previous, recalculated: settings.recalculate } };
}

/** Before the first rows: a new sheet's title, notes, header and widths; a found table's note and new size. */
function prepare(w: Work): Operation[] {
  const { plan, sheet: s } = w;
  const text = sheet.SHEET_STYLE.textFormat;
  if (w.isNew) {
    const l = sheet.sheetLayout(plan);
    const ops: Operation[] = [
      { kind: "values", sheet: s, address: l.titleCell, numberFormat: [[text]], values: [[plan.title]] },
      { kind: "font", sheet: s, address: l.titleCell, font: { ...sheet.SHEET_STYLE.title } },
    ];
    if (l.notes.length) {
      const address = layout.blockAddress({ top: 1, left: 0, bottom: l.notes.length, right: 0 });
      ops.push({ kind: "values", sheet: s, address, numberFormat: l.notes.map(() => [text]), values: l.notes.map((n) => [n.text]) }, { kind: "font", sheet: s, address, font: { ...sheet.SHEET_STYLE.notes } });
    }
    ops.push({ kind: "values", sheet: s, address: layout.blockAddress({ ...l.table, bottom: l.table.top }), numberFormat: [plan.columns.map(() => text)], values: [plan.columns.map((c) => c.header)] });
    plan.columns.forEach((c, i) => ops.push({ kind: "columnWidth", sheet: s, address: layout.cellAddress({ row: l.table.top, col: i }), points: c.width * POINTS_PER_CHAR }));
    return ops;
  }
  const ops: Operation[] = [];
  // The sheet's "Data version" note follows the release, when it still holds the one the add-in wrote.
  if (w.staleNote) ops.push({ kind: "values", sheet: s, address: w.staleNote.address, numberFormat: [[text]], values: [[w.staleNote.text]] });
  const step = w.step;
  if (step.kind === "resize") {
    ops.push({ kind: "resizeTable", table: plan.tableName, address: step.address });
    if (step.clear) ops.push({ kind: "clear", sheet: s, address: step.clear, applyTo: "All" });
  } else if (step.kind === "delete-rows") ops.push({ kind: "deleteUp", sheet: s, address: step.address });
  return ops;
}

/** One chunk of rows: blank table rows first where the table grows without Table.resize, then cells, links, the analyst's cells. */
function writeChunk(w: Work, c: Chunk): Operation[] {
  const ops: Operation[] = [];
  const top = w.body.top + c.start;
  const bottom = w.body.top + c.end - 1;
  if (w.step.kind === "add-rows" && bottom > w.grownTo) {
    const width = w.old!.right - w.old!.left + 1;
    ops.push({ kind: "addTableRows", table: w.plan.tableName, values: Array.from({ length: bottom - w.grownTo }, () => Array.from({ length: width }, (): CellValue => "")) });
    w.grownTo = bottom;
  }
  for (const run of columnRuns(w.columnAt)) {
    const rows = w.plan.rows.slice(c.start, c.end).map((r) => r.slice(run.from, run.from + run.length));
    const numberFormat = w.plan.numberFormats.slice(c.start, c.end).map((f, i) => f.slice(run.from, run.from + run.length).map((fmt, j) => layout.safeFormat(rows[i]![j], fmt)));
    const address = layout.blockAddress({ top, bottom, left: w.body.left + run.at, right: w.body.left + run.at + run.length - 1 });
    ops.push({ kind: "values", sheet: w.sheet, address, numberFormat, values: rows.map((r) => r.map(toExcelValue)) });
  }
  for (const j of sheet.linkedColumns(w.plan)) {
    w.plan.rows.slice(c.start, c.end).forEach((r, i) => {
      const url = r[j];
      if (isWebLink(url)) ops.push({ kind: "hyperlink", sheet: w.sheet, address: layout.cellAddress({ row: top + i, col: w.body.left + w.columnAt[j]! }), url });
    });
  }
  if (w.carried) {
    w.analystColumns.forEach((col, k) => {
      ops.push({ kind: "formulas", sheet: w.sheet, address: layout.blockAddress({ top, bottom, left: w.body.left + col, right: w.body.left + col }), formulas: w.carried!.slice(c.start, c.end).map((r) => [r[k] ?? ""]) });
    });
  }
  return ops;
}

/** After the rows: a new table with its style and frozen header; each chart's data on the chart-data sheet, and the chart. */
function finish(w: Work, dataSheets: Set<string>): Operation[] {
  const { plan } = w;
  const l = sheet.sheetLayout(plan);
  const ops: Operation[] = [];
  if (w.isNew) {
    ops.push(
      { kind: "addTable", sheet: w.sheet, address: layout.blockAddress(l.table), name: plan.tableName, style: sheet.SHEET_STYLE.tableStyle, bandedRows: sheet.SHEET_STYLE.bandedRows },
      { kind: "freezeRows", sheet: w.sheet, rows: l.freezeRows },
    );
  }
  if (!plan.charts.length) return ops;
  const dataSheet = sheet.chartDataSheetName(plan.tableName);
  plan.charts.forEach((chart, i) => {
    if (!dataSheets.has(dataSheet)) {
      ops.push({ kind: "addSheet", sheet: dataSheet, visibility: "Hidden" });
      dataSheets.add(dataSheet);
    }
    const d = sheet.chartData(chart, i);
    const address = layout.blockAddress(d.block);
    ops.push({ kind: "clear", sheet: dataSheet, address: d.clearAddress, applyTo: "Contents" }, { kind: "values", sheet: dataSheet, address, numberFormat: d.numberFormats, values: d.values });
    const place = l.charts[i]!;
    const series: SeriesFormat[] = sheet.seriesStyles(chart).map((s, index) => (chart.type === "line" ? { index, line: { color: s.color, lineStyle: s.dashed ? "Dash" : "Continuous" } } : { index, fill: s.color }));
    ops.push({
      kind: "chart",
      sheet: w.sheet,
      name: place.name,
      data: { sheet: dataSheet, address },
      create: w.charts.includes(place.name) ? null : { type: chart.type === "line" ? "LineMarkers" : "ColumnClustered", from: place.from, to: place.to, legend: "Bottom" },
      title: `${chart.title}\n${chart.caption}`,
      series,
    });
  });
  return ops;
}
