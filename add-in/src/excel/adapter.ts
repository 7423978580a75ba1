// The thin Office adapter: carries SDK sheet plans into a workbook (insert and refresh) in one Excel.run.
import { layout, type SheetPlan } from "@skynet-data/sdk";
import { queueFullCalculation } from "./recalc.js";
import { hostSupport, planTableResize, type IsSetSupported, type ResizeStep } from "./requirements.js";

type Block = layout.Block;
type Ctx = Excel.RequestContext;

/** What happened to one table. */
export interface TableReport {
  dataset: string;
  table: string;
  sheet: string;
  status: "inserted" | "refreshed" | "recreated" | "blocked" | "failed";
  added: number;
  removed: number;
  revised: number;
  revisedCells: layout.RevisedCell[];
  /** The row keys (layout.rowKeys) of the rows a refresh added and removed. */
  addedKeys: string[];
  removedKeys: string[];
  /** Cells that hold the analyst's data where the table would have to grow. */
  blockedBy: string[];
  message: string;
}

export interface LoadResult {
  tables: TableReport[];
  stamp: layout.Stamp;
  /** The stamp the workbook had before (null for a workbook without one): which release its tables came from. */
  previous: layout.Stamp | null;
  /** Whether a full calculation was asked for (in the last sync), so that every =SKYNET formula follows the data. */
  recalculated: boolean;
}

export interface LoadOptions {
  dataVersion: string;
  now?: () => Date;
  limits?: layout.ChunkLimits;
  onProgress?: (message: string) => void;
  /** The host's `isSetSupported`; omitted, every requirement set counts as supported. */
  isSetSupported?: IsSetSupported;
  /** Ask Excel for a full calculation in the last sync (the release changed: every =SKYNET formula must follow). */
  recalculate?: boolean;
}

/** Chooses the plans to load once the workbook's stamp (null if none) is known. */
export type ChoosePlans = (stamp: layout.Stamp | null) => SheetPlan[];

interface Existing {
  plan: SheetPlan;
  table: Excel.Table;
  sheet: Excel.Worksheet;
  range: Excel.Range;
  header: Excel.Range;
  charts: Excel.Chart[];
  /** The sheet note that names the data version, read to be brought up to date (null when the plan has none). */
  versionNote: { address: string; text: string; cell: Excel.Range } | null;
}

/** The note of a sheet plan that names the data version ("Data version 2026.11.1+…. Sources: see the Sources sheet."). */
const VERSION_NOTE = /^Data version \S+\./;

interface Work {
  plan: SheetPlan;
  report: TableReport;
  sheet: Excel.Worksheet;
  /** Body block the table will have (for a new table: where it goes). */
  body: Block;
  /** Table column of each plan column. */
  columnAt: number[];
  analystColumns: number[];
  carried: (unknown[])[] | null;
  isNew: boolean;
  /** The table's block before this refresh (null for a new table). */
  old: Block | null;
  charts: (Excel.Chart | null)[];
  /** How an existing table reaches its new size. */
  step: ResizeStep;
  /** The table's last row so far while rows are added one chunk at a time. */
  grownTo: number;
  /** The "Data version" note to rewrite, when it still holds an earlier data version. */
  staleNote?: { address: string; text: string } | undefined;
}

const bodyRows = (plan: SheetPlan) => Math.max(plan.rows.length, 1);
const POINTS_PER_CHAR = 6;

/**
 * Loads plans into the workbook in one batch: new tables are inserted, existing ones refreshed in place.
 * Syncs: one to read the workbook, one or two to read existing tables (plus read chunks), one per write chunk, one to finish.
 */
export async function loadPlans(context: Ctx, choose: ChoosePlans, options: LoadOptions): Promise<LoadResult> {
  const support = hostSupport(options.isSetSupported ?? (() => true));
  if (!support.ok) throw new Error(support.message);
  const { tableResize } = support;
  const progress = options.onProgress ?? (() => undefined);
  const limits = options.limits ?? layout.DEFAULT_CHUNK_LIMITS;
  const wb = context.workbook;

  progress("Reading the workbook…");
  const sheetList = wb.worksheets.load("items/name");
  const tableList = wb.tables.load("items/name");
  const stampSetting = wb.settings.getItemOrNullObject(layout.STAMP_KEY).load("value");
  await context.sync();
  const previous = stampSetting.isNullObject ? null : layout.parseStamp(stampSetting.value);
  const plans = choose(previous);
  const tableNames = new Set(tableList.items.map((t) => t.name.toLowerCase()));
  const sheetNames = sheetList.items.map((s) => s.name);

  const existing: Existing[] = plans
    .filter((p) => tableNames.has(p.tableName.toLowerCase()))
    .map((plan) => {
      const table = wb.tables.getItem(plan.tableName);
      const sheet = table.worksheet.load("name");
      return {
        plan,
        table,
        sheet,
        range: table.getRange().load("address"),
        header: table.getHeaderRowRange().load("values"),
        charts: layout.sheetLayout(plan).charts.map((c) => sheet.charts.getItemOrNullObject(c.name).load("name")),
        versionNote: versionNoteOf(plan, sheet),
      };
    });
  const dataSheets = new Map(plans.filter((p) => p.charts.length).map((p) => [p.tableName, wb.worksheets.getItemOrNullObject(layout.chartDataSheetName(p.tableName)).load("name")]));
  if (existing.length || dataSheets.size) await context.sync();

  const work: Work[] = [];
  const reads: { w: Work; old: Block; zone: Block | null; bodyChunks: { range: Excel.Range; start: number; bytes: number }[]; zoneRange: Excel.Range | null; below: Excel.Range | null }[] = [];
  for (const e of existing) {
    const { block } = layout.parseAddress(e.range.address);
    const headers = (e.header.values[0] ?? []).map(String);
    const columnAt = e.plan.columns.map((c) => headers.indexOf(c.header));
    const missing = e.plan.columns.filter((_, i) => columnAt[i]! < 0).map((c) => c.header);
    const report = blankReport(e.plan, e.sheet.name, "refreshed");
    if (missing.length) {
      work.push({ plan: e.plan, report: { ...report, status: "failed", message: `Left unchanged: its column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")} ${missing.length > 1 ? "are" : "is"} missing (renamed or deleted). Rename ${missing.length > 1 ? "them" : "it"} back, or delete the table to have it recreated.` }, sheet: e.sheet, body: block, columnAt, analystColumns: [], carried: null, isNew: false, old: block, charts: [], step: { kind: "none" }, grownTo: block.bottom });
      continue;
    }
    const growth = bodyRows(e.plan) - (block.bottom - block.top);
    const w: Work = {
      plan: e.plan,
      report,
      sheet: e.sheet,
      body: { top: block.top + 1, left: block.left, bottom: block.top + bodyRows(e.plan), right: block.right },
      columnAt,
      analystColumns: headers.map((_, i) => i).filter((i) => !columnAt.includes(i)),
      carried: null,
      isNew: false,
      old: block,
      charts: e.charts.map((c) => (c.isNullObject ? null : c)),
      step: { kind: "none" },
      grownTo: block.bottom,
      staleNote: staleVersionNote(e.versionNote),
    };
    work.push(w);
    const zone = growth > 0 ? { top: block.bottom + 1, left: block.left, bottom: block.bottom + growth, right: block.right } : null;
    const oldRows = block.bottom - block.top;
    const perRow = Math.ceil((e.plan.rows.reduce((n, r) => n + layout.rowBytes(r), 0) / Math.max(e.plan.rows.length, 1)) * (headers.length / e.plan.columns.length)) + 16;
    const chunks = layout.planChunks(Array.from({ length: oldRows }, () => perRow), limits);
    reads.push({
      w,
      old: block,
      zone,
      bodyChunks: chunks.map((c) => ({ start: c.start, bytes: c.bytes, range: e.sheet.getRange(layout.blockAddress({ top: block.top + 1 + c.start, left: block.left, bottom: block.top + c.end, right: block.right })) })),
      zoneRange: zone ? e.sheet.getRange(layout.blockAddress(zone)) : null,
      // Without Table.resize the table grows or shrinks by whole rows, which moves whatever lies below it.
      below: growth !== 0 && !tableResize ? e.sheet.getRange(layout.blockAddress({ top: block.bottom + 1, left: block.left, bottom: layout.MAX_ROWS - 1, right: block.right })) : null,
    });
  }

  if (reads.length) {
    progress("Reading the tables already in the workbook…");
    const items = reads.flatMap((r) => [
      ...r.bodyChunks.map((c, i) => ({ item: () => c.range.load("formulas"), bytes: estimateRead(r, i), rows: 1 })),
      ...(r.zoneRange ? [{ item: () => r.zoneRange!.load("formulas"), bytes: 64, rows: 1 }] : []),
      ...(r.below ? [{ item: () => (r.below = r.below!.getUsedRangeOrNullObject(true).load("address")), bytes: 64, rows: 1 }] : []),
    ]);
    for (const batch of layout.packBatches(items, { maxRows: Number.MAX_SAFE_INTEGER, maxBytes: limits.maxBytes })) {
      batch.forEach((b) => b.item());
      await context.sync();
    }
    for (const r of reads) diffExisting(r);
  }

  const taken = [...sheetNames];
  for (const plan of plans.filter((p) => !tableNames.has(p.tableName.toLowerCase()))) {
    const name = layout.uniqueSheetName(plan.sheetName, taken);
    taken.push(name);
    const l = layout.sheetLayout(plan);
    const wasLoaded = previous?.datasets.includes(plan.dataset) || (plan.dataset === "sources" && previous !== null);
    work.push({
      plan,
      report: blankReport(plan, name, wasLoaded ? "recreated" : "inserted"),
      sheet: wb.worksheets.add(name),
      body: { ...l.table, top: l.table.top + 1 },
      columnAt: plan.columns.map((_, i) => i),
      analystColumns: [],
      carried: null,
      isNew: true,
      old: null,
      charts: plan.charts.map(() => null),
      step: { kind: "none" },
      grownTo: 0,
    });
  }
  const writable = work.filter((w) => w.report.status !== "blocked" && w.report.status !== "failed");

  progress("Writing the data…");
  const items = writable.flatMap((w) => {
    const links = layout.linkedColumns(w.plan);
    // Rows added to the table without Table.resize arrive as blank rows first.
    const added = w.step.kind === "add-rows" ? { from: w.old!.bottom - w.old!.top, bytes: 3 * (w.old!.right - w.old!.left + 1) + 2 } : null;
    return layout.planChunks(w.plan.rows.map((r, i) => layout.rowBytes(r, w.plan.numberFormats[i]) + (w.carried ? layout.rowBytes(w.carried[i] as never[]) : 0) + hyperlinkBytes(links, r) + (added && i >= added.from ? added.bytes : 0)), limits).map((c) => ({ item: { w, c }, bytes: c.bytes, rows: c.end - c.start }));
  });
  const batches = layout.packBatches(items, limits);
  if (!batches.length) batches.push([]);
  for (const [i, batch] of batches.entries()) {
    wb.application.suspendApiCalculationUntilNextSync();
    if (i === 0) writable.forEach(prepare);
    for (const { item } of batch) writeChunk(item.w, item.c);
    await context.sync();
    progress(`Writing the data… ${i + 1} of ${batches.length}`);
  }

  progress("Adding tables and charts…");
  for (const w of writable) finish(context, w, dataSheets.get(w.plan.tableName));
  const stamp: layout.Stamp = {
    dataVersion: options.dataVersion,
    loadedAt: (options.now?.() ?? new Date()).toISOString(),
    datasets: [...new Set([...(previous?.datasets ?? []), ...plans.map((p) => p.dataset).filter((d) => d !== "sources")])],
  };
  wb.settings.add(layout.STAMP_KEY, stamp);
  const first = writable.find((w) => w.isNew);
  if (first) first.sheet.activate();
  if (options.recalculate) queueFullCalculation(context, options.dataVersion);
  await context.sync();
  progress("Done.");
  return { tables: work.map((w) => w.report), stamp, previous, recalculated: Boolean(options.recalculate) };

  // A read chunk's response is about as large as the rows it was planned from.
  function estimateRead(r: (typeof reads)[number], i: number): number {
    return r.bodyChunks[i]!.bytes;
  }

  function diffExisting(r: (typeof reads)[number]): void {
    const { w } = r;
    const body = r.bodyChunks.flatMap((c) => c.range.formulas as unknown[][]);
    const ours = body.map((row) => w.columnAt.map((j) => row[j]));
    const diff = layout.diffRows(
      w.plan.columns.map((c) => c.header),
      layout.rowKeys(w.plan.columns, ours),
      ours,
      layout.rowKeys(w.plan.columns, w.plan.rows),
      w.plan.rows,
    );
    Object.assign(w.report, { added: diff.added.length, removed: diff.removed.length, revised: diff.revised.length, revisedCells: diff.revised, addedKeys: diff.added, removedKeys: diff.removed });
    const blockers = r.zoneRange ? layout.occupiedCells({ row: r.zone!.top, col: r.zone!.left }, r.zoneRange.formulas) : [];
    if (blockers.length) {
      const shown = blockers.slice(0, 8).join(", ") + (blockers.length > 8 ? ` and ${blockers.length - 8} more` : "");
      Object.assign(w.report, { status: "blocked", blockedBy: blockers, message: `Left unchanged: it needs ${r.zone!.bottom - r.zone!.top + 1} more row(s), but ${shown} on "${w.report.sheet}" hold other data. Move those cells, then refresh again.` });
      return;
    }
    const below = r.below && !r.below.isNullObject ? layout.blockAddress(layout.parseAddress(r.below.address).block) : null;
    w.step = planTableResize({ old: r.old, newBottom: w.body.bottom, tableResize, below, sheet: w.report.sheet });
    if (w.step.kind === "blocked") {
      Object.assign(w.report, { status: "blocked", blockedBy: below ? [below] : [], message: w.step.message });
      return;
    }
    // Rows added without Table.resize get their analyst cells (blank or the calculated column's formula) written out.
    if (w.analystColumns.length && (!diff.samePositions || w.step.kind === "add-rows")) {
      const analystOld = body.map((row) => w.analystColumns.map((j) => row[j]));
      w.carried = layout.carryRows(diff.sources, analystOld, w.analystColumns.length);
    }
    w.report.message = describeChange(w.report);
  }

  function prepare(w: Work): void {
    const { plan, sheet } = w;
    if (w.isNew) {
      const l = layout.sheetLayout(plan);
      const title = sheet.getRange(l.titleCell);
      title.numberFormat = [["@"]];
      title.values = [[plan.title]];
      title.format.font.bold = true;
      title.format.font.size = 14;
      if (l.notes.length) {
        const notes = sheet.getRange(layout.blockAddress({ top: 1, left: 0, bottom: l.notes.length, right: 0 }));
        notes.numberFormat = l.notes.map(() => ["@"]);
        notes.values = l.notes.map((n) => [n.text]);
        notes.format.font.italic = true;
        notes.format.font.color = "#595959";
      }
      const header = sheet.getRange(layout.blockAddress({ ...l.table, bottom: l.table.top }));
      header.numberFormat = [plan.columns.map(() => "@")];
      header.values = [plan.columns.map((c) => c.header)];
      plan.columns.forEach((c, i) => (sheet.getRange(layout.cellAddress({ row: l.table.top, col: i })).format.columnWidth = c.width * POINTS_PER_CHAR));
      return;
    }
    // The sheet's "Data version" note follows the release, when it still holds the one the add-in wrote.
    if (w.staleNote) {
      const note = sheet.getRange(w.staleNote.address);
      note.numberFormat = [["@"]];
      note.values = [[w.staleNote.text]];
    }
    const step = w.step;
    if (step.kind === "resize") {
      context.workbook.tables.getItem(plan.tableName).resize(step.address);
      if (step.clear) sheet.getRange(step.clear).clear("All");
    } else if (step.kind === "delete-rows") sheet.getRange(step.address).delete("Up");
  }

  function writeChunk(w: Work, c: layout.Chunk): void {
    const top = w.body.top + c.start;
    const bottom = w.body.top + c.end - 1;
    if (w.step.kind === "add-rows" && bottom > w.grownTo) {
      const width = w.old!.right - w.old!.left + 1;
      context.workbook.tables.getItem(w.plan.tableName).rows.add(undefined, Array.from({ length: bottom - w.grownTo }, () => Array.from({ length: width }, () => "")));
      w.grownTo = bottom;
    }
    for (const run of columnRuns(w.columnAt)) {
      const range = w.sheet.getRange(layout.blockAddress({ top, bottom, left: w.body.left + run.at, right: w.body.left + run.at + run.length - 1 }));
      const rows = w.plan.rows.slice(c.start, c.end).map((r) => r.slice(run.from, run.from + run.length));
      const formats = w.plan.numberFormats.slice(c.start, c.end).map((f, i) => f.slice(run.from, run.from + run.length).map((fmt, j) => layout.safeFormat(rows[i]![j], fmt)));
      range.numberFormat = formats;
      range.values = rows.map((r) => r.map(layout.toExcelValue));
    }
    layout.linkedColumns(w.plan).forEach((j) => {
      w.plan.rows.slice(c.start, c.end).forEach((r, i) => {
        const url = r[j];
        if (typeof url === "string" && /^https?:\/\//.test(url)) w.sheet.getRange(layout.cellAddress({ row: top + i, col: w.body.left + w.columnAt[j]! })).hyperlink = { address: url, textToDisplay: url };
      });
    });
    if (w.carried) {
      w.analystColumns.forEach((col, k) => {
        w.sheet.getRange(layout.blockAddress({ top, bottom, left: w.body.left + col, right: w.body.left + col })).formulas = w.carried!.slice(c.start, c.end).map((r) => [r[k] ?? ""]);
      });
    }
  }
}

/** Queues the read of the cell holding a plan's "Data version" note, where a fresh insert puts it. */
function versionNoteOf(plan: SheetPlan, sheet: Excel.Worksheet): Existing["versionNote"] {
  const at = plan.notes.findIndex((n) => VERSION_NOTE.test(n));
  if (at < 0) return null;
  const address = layout.sheetLayout(plan).notes[at]!.address;
  return { address, text: plan.notes[at]!, cell: sheet.getRange(address).load("values") };
}

/** The note to write: only over a cell that still holds a "Data version" note of another version (never the analyst's text). */
function staleVersionNote(n: Existing["versionNote"]): Work["staleNote"] {
  if (!n) return undefined;
  const now = n.cell.values?.[0]?.[0];
  return typeof now === "string" && VERSION_NOTE.test(now) && now !== n.text ? { address: n.address, text: n.text } : undefined;
}

function finish(context: Ctx, w: Work, dataSheet: Excel.Worksheet | undefined): void {
  const { plan, sheet } = w;
  const l = layout.sheetLayout(plan);
  if (w.isNew) {
    const table = sheet.tables.add(layout.blockAddress({ ...l.table }), true);
    table.name = plan.tableName;
    table.style = "TableStyleMedium2";
    table.showBandedRows = true;
    sheet.freezePanes.freezeRows(l.freezeRows);
  }
  if (!plan.charts.length) return;
  const dataSheetName = layout.chartDataSheetName(plan.tableName);
  plan.charts.forEach((chart, i) => {
    const d = layout.chartData(chart, i);
    const target = chartDataSheet(context, dataSheetName, dataSheet ?? null);
    target.getRange(d.clearAddress).clear("Contents");
    const range = target.getRange(layout.blockAddress(d.block));
    range.numberFormat = d.values.map((r) => r.map((v, j) => (j === 0 ? "@" : layout.safeFormat(v, "General"))));
    range.values = d.values;
    const place = l.charts[i]!;
    let c = w.charts[i] ?? null;
    if (c) c.setData(range, "Columns");
    else {
      c = sheet.charts.add(chart.type === "line" ? "LineMarkers" : "ColumnClustered", range, "Columns");
      c.name = place.name;
      c.setPosition(place.from, place.to);
      c.legend.position = "Bottom";
    }
    c.title.text = `${chart.title}\n${chart.caption}`;
    layout.seriesStyles(chart).forEach((s, k) => {
      const series = c!.series.getItemAt(k);
      if (chart.type === "line") {
        series.format.line.color = s.color;
        series.format.line.lineStyle = s.dashed ? "Dash" : "Continuous";
      } else series.format.fill.setSolidColor(s.color);
    });
  });
}

const dataSheetCache = new WeakMap<Ctx, Map<string, Excel.Worksheet>>();

/** The hidden chart-data sheet of a table: the one found by name, or one added (once per batch). */
function chartDataSheet(context: Ctx, name: string, found: Excel.Worksheet | null): Excel.Worksheet {
  let cache = dataSheetCache.get(context);
  if (!cache) dataSheetCache.set(context, (cache = new Map()));
  const known = cache.get(name);
  if (known) return known;
  let sheet = found;
  if (!sheet || isNull(sheet)) {
    sheet = context.workbook.worksheets.add(name);
    sheet.visibility = "Hidden";
  }
  cache.set(name, sheet);
  return sheet;
}

const isNull = (o: { isNullObject: boolean }): boolean => {
  try {
    return o.isNullObject;
  } catch {
    return true;
  }
};

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

const hyperlinkBytes = (links: number[], row: SheetPlan["rows"][number]): number => links.reduce((n, j) => n + (typeof row[j] === "string" ? 2 * String(row[j]).length + 80 : 0), 0);

function blankReport(plan: SheetPlan, sheet: string, status: TableReport["status"]): TableReport {
  const n = plan.rows.length;
  return { dataset: plan.dataset, table: plan.tableName, sheet, status, added: status === "refreshed" ? 0 : n, removed: 0, revised: 0, revisedCells: [], addedKeys: [], removedKeys: [], blockedBy: [], message: status === "inserted" ? `Inserted ${n} row${n === 1 ? "" : "s"}.` : status === "recreated" ? `Recreated with ${n} row${n === 1 ? "" : "s"} (its table or sheet had been deleted).` : "" };
}

function describeChange(r: TableReport): string {
  if (!r.added && !r.removed && !r.revised) return "Up to date: no rows added, removed or revised.";
  const parts = [`${r.added} row${r.added === 1 ? "" : "s"} added`, `${r.removed} removed`, `${r.revised} value${r.revised === 1 ? "" : "s"} revised`];
  return `Refreshed: ${parts.join(", ")}.`;
}
