// The thin Office adapter: reads what the load plan needs of the workbook, then replays its operations, in one batch.
import type { SheetPlan } from "@skynet-data/sdk";
import {
  cellReads,
  DEFAULT_CHUNK_LIMITS,
  parseStamp,
  planLoad,
  PROGRESS,
  STAMP_KEY,
  tableReads,
  type ChunkLimits,
  type LoadReport,
  type Operation,
  type Stamp,
  type TableSnapshot,
} from "./load-plan/index.js";
import type { ChartSurface, RangeSurface, WorkbookContext, WorksheetSurface } from "./office.js";
import { queueFullCalculation } from "./recalc.js";
import { hostSupport, type IsSetSupported } from "./requirements.js";

export type { LoadReport as LoadResult, TableReport } from "./load-plan/index.js";

export interface LoadOptions {
  dataVersion: string;
  now?: () => Date;
  limits?: ChunkLimits;
  onProgress?: (message: string) => void;
  /** The host's `isSetSupported`; omitted, every requirement set counts as supported. */
  isSetSupported?: IsSetSupported;
  /** Ask Excel for a full calculation in the last sync (the release changed: every =SKYNET formula must follow). */
  recalculate?: boolean;
}

/** Chooses the plans to load once the workbook's stamp (null if none) is known. */
export type ChoosePlans = (stamp: Stamp | null) => SheetPlan[];

/** Proxies met while reading, by name, so the replay addresses the same objects. */
interface Known {
  sheets: Map<string, WorksheetSurface>;
  charts: Map<string, ChartSurface>;
}

/**
 * Loads plans into the workbook in one batch: new tables are inserted, existing ones refreshed in place.
 * Syncs: one to read the workbook, one to read the plans' tables (when any exist or have charts), one per batch of
 * their cells, one per write chunk, one to finish. Everything it decides is in planLoad.
 */
export async function loadPlans(context: WorkbookContext, choose: ChoosePlans, options: LoadOptions): Promise<LoadReport> {
  const support = hostSupport(options.isSetSupported ?? (() => true));
  if (!support.ok) throw new Error(support.message);
  const progress = options.onProgress ?? (() => undefined);
  const limits = options.limits ?? DEFAULT_CHUNK_LIMITS;
  const wb = context.workbook;
  const known: Known = { sheets: new Map(), charts: new Map() };

  progress(PROGRESS.readingWorkbook);
  const sheetList = wb.worksheets.load("items/name");
  const tableList = wb.tables.load("items/name");
  const stampSetting = wb.settings.getItemOrNullObject(STAMP_KEY).load("value");
  await context.sync();
  const stamp = stampSetting.isNullObject ? null : parseStamp(stampSetting.value);
  const plans = choose(stamp);

  const wanted = tableReads(plans, tableList.items.map((t) => t.name));
  const found = wanted.tables.map((r) => {
    const table = wb.tables.getItem(r.table);
    const sheet = table.worksheet.load("name");
    return {
      r,
      sheet,
      range: table.getRange().load("address"),
      header: table.getHeaderRowRange().load("values"),
      charts: r.charts.map((name) => [name, sheet.charts.getItemOrNullObject(name).load("name")] as const),
      note: r.versionNote ? sheet.getRange(r.versionNote).load("values") : null,
    };
  });
  const dataSheets = wanted.chartDataSheets.map((name) => [name, wb.worksheets.getItemOrNullObject(name).load("name")] as const);
  if (found.length || dataSheets.length) await context.sync();

  const tables: TableSnapshot[] = found.map((f) => {
    known.sheets.set(f.sheet.name, f.sheet);
    const charts = f.charts.filter(([, c]) => !c.isNullObject);
    for (const [name, c] of charts) known.charts.set(name, c);
    return { name: f.r.table, sheet: f.sheet.name, address: f.range.address, headers: f.header.values[0] ?? [], charts: charts.map(([name]) => name), versionNote: f.note?.values?.[0]?.[0] ?? null, body: [], zone: null, below: null };
  });
  const presentDataSheets = dataSheets.filter(([, s]) => !s.isNullObject);
  for (const [name, s] of presentDataSheets) known.sheets.set(name, s);

  const reads = cellReads(plans, tables, { limits, tableResize: support.tableResize });
  if (reads.length) progress(PROGRESS.readingTables);
  for (const batch of reads) {
    const pending = batch.map((read) => {
      const range = known.sheets.get(read.sheet)!.getRange(read.address);
      return { read, range: read.part === "below" ? range.getUsedRangeOrNullObject(true).load("address") : range.load("formulas") };
    });
    await context.sync();
    for (const { read, range } of pending) {
      const t = tables.find((x) => x.name === read.table)!;
      if (read.part === "body") t.body.push(...(range.formulas as unknown[][]));
      else if (read.part === "zone") t.zone = range.formulas;
      else t.below = range.isNullObject ? null : range.address;
    }
  }

  const { operations, report } = planLoad(
    { sheets: sheetList.items.map((s) => s.name), stamp, tables, chartDataSheets: presentDataSheets.map(([name]) => name) },
    plans,
    { dataVersion: options.dataVersion, loadedAt: (options.now?.() ?? new Date()).toISOString(), limits, tableResize: support.tableResize, recalculate: Boolean(options.recalculate) },
  );
  await replay(context, operations, known, progress);
  return report;
}

/** Carries out a load plan's operations in order: one Office call (or a fixed few) each, a sync where it says so. */
async function replay(context: WorkbookContext, operations: readonly Operation[], known: Known, progress: (message: string) => void): Promise<void> {
  const wb = context.workbook;
  const sheetNamed = (name: string): WorksheetSurface => {
    let s = known.sheets.get(name);
    if (!s) known.sheets.set(name, (s = wb.worksheets.getItem(name)));
    return s;
  };
  const range = (name: string, address: string): RangeSurface => sheetNamed(name).getRange(address);
  for (const op of operations) {
    switch (op.kind) {
      case "sync":
        await context.sync();
        break;
      case "progress":
        progress(op.message);
        break;
      case "suspendCalculation":
        wb.application.suspendApiCalculationUntilNextSync();
        break;
      case "addSheet": {
        const s = wb.worksheets.add(op.sheet);
        if (op.visibility) s.visibility = op.visibility;
        known.sheets.set(op.sheet, s);
        break;
      }
      case "values": {
        const r = range(op.sheet, op.address);
        r.numberFormat = op.numberFormat;
        r.values = op.values;
        break;
      }
      case "formulas":
        range(op.sheet, op.address).formulas = op.formulas;
        break;
      case "font": {
        const font = range(op.sheet, op.address).format.font;
        if (op.font.bold !== undefined) font.bold = op.font.bold;
        if (op.font.italic !== undefined) font.italic = op.font.italic;
        if (op.font.size !== undefined) font.size = op.font.size;
        if (op.font.color !== undefined) font.color = op.font.color;
        break;
      }
      case "columnWidth":
        range(op.sheet, op.address).format.columnWidth = op.points;
        break;
      case "hyperlink":
        range(op.sheet, op.address).hyperlink = { address: op.url, textToDisplay: op.url };
        break;
      case "clear":
        range(op.sheet, op.address).clear(op.applyTo);
        break;
      case "deleteUp":
        range(op.sheet, op.address).delete("Up");
        break;
      case "resizeTable":
        wb.tables.getItem(op.table).resize(op.address);
        break;
      case "addTableRows":
        wb.tables.getItem(op.table).rows.add(undefined, op.values);
        break;
      case "addTable": {
        const t = sheetNamed(op.sheet).tables.add(op.address, true);
        t.name = op.name;
        t.style = op.style;
        t.showBandedRows = op.bandedRows;
        break;
      }
      case "freezeRows":
        sheetNamed(op.sheet).freezePanes.freezeRows(op.rows);
        break;
      case "chart": {
        const data = range(op.data.sheet, op.data.address);
        let c = known.charts.get(op.name);
        if (op.create) {
          c = sheetNamed(op.sheet).charts.add(op.create.type, data, "Columns");
          c.name = op.name;
          c.setPosition(op.create.from, op.create.to);
          c.legend.position = op.create.legend;
          known.charts.set(op.name, c);
        } else if (c) c.setData(data, "Columns");
        else throw new Error(`The chart "${op.name}" is to be updated but was not read from the workbook.`);
        c.title.text = op.title;
        for (const s of op.series) {
          const format = c.series.getItemAt(s.index).format;
          if ("line" in s) {
            format.line.color = s.line.color;
            format.line.lineStyle = s.line.lineStyle;
          } else format.fill.setSolidColor(s.fill);
        }
        break;
      }
      case "setting":
        wb.settings.add(op.key, op.value);
        break;
      case "activate":
        sheetNamed(op.sheet).activate();
        break;
      case "calculate":
        queueFullCalculation(context, op.dataVersion);
        break;
    }
  }
}
