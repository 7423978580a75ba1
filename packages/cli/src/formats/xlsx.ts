import { FORMAT, layout, unitFormat, type ChartPlan, type SheetPlan } from "@skynet-data/sdk";
import ExcelJS from "exceljs";
import { sdkOf, type Artifact, type ExportRequest } from "./artifact.js";
import { fixXlsxPackage } from "./ooxml.js";

/** Names of the workbook's extra sheets. */
export const SHEET = { sources: "Sources", charts: "Chart data", about: "About" } as const;

const HEADER_FONT = { bold: true } as const;

/** Lays one sheet plan into a worksheet as an Excel table: header frozen, per-cell number formats, widths, links. */
function addPlanSheet(wb: ExcelJS.Workbook, plan: SheetPlan, name: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1, xSplit: 0, topLeftCell: "A2", activeCell: "A2" }] });
  ws.addTable({
    name: plan.tableName,
    displayName: plan.tableName,
    ref: "A1",
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: plan.columns.map((c) => ({ name: c.header, filterButton: true })),
    rows: plan.rows.map((r) => [...r]),
  });
  // ExcelJS omits a width of exactly 9 (its default), so the sheet's default width is set to 9 to match.
  ws.properties.defaultColWidth = 9;
  plan.columns.forEach((c, j) => {
    const column = ws.getColumn(j + 1);
    column.width = c.width;
    ws.getCell(1, j + 1).note = c.description;
  });
  plan.rows.forEach((r, i) =>
    r.forEach((v, j) => {
      const cell = ws.getCell(i + 2, j + 1);
      cell.numFmt = plan.numberFormats[i]![j]!;
      if (plan.columns[j]!.type === "url" && typeof v === "string") cell.value = { text: v, hyperlink: v, tooltip: "Open the source" };
    }),
  );
  return ws;
}

/** Writes a chart plan as a block a reader can select and chart: title, caption, category column, one column per series. */
function addChartBlock(ws: ExcelJS.Worksheet, chart: ChartPlan, dataset: string, sheet: string, top: number): number {
  ws.getCell(top, 1).value = chart.title;
  ws.getCell(top, 1).font = { bold: true, size: 12 };
  ws.getCell(top + 1, 1).value = `${chart.caption}. Dataset ${dataset} (sheet "${sheet}"); suggested chart: ${chart.type}.`;
  ws.getCell(top + 1, 1).font = { italic: true };
  const header = ws.getRow(top + 2);
  header.values = [chart.categoryLabel, ...chart.series.map((s) => s.name)];
  header.font = HEADER_FONT;
  const fmt = unitFormat(chart.unit);
  chart.categories.forEach((cat, i) => {
    const row = ws.getRow(top + 3 + i);
    row.getCell(1).value = cat;
    row.getCell(1).numFmt = FORMAT.text;
    chart.series.forEach((s, j) => {
      const v = s.values[i];
      if (v == null) return;
      row.getCell(j + 2).value = v;
      row.getCell(j + 2).numFmt = fmt;
    });
  });
  return top + 3 + chart.categories.length + 1;
}

/** The About sheet: what the file is, its data version and time, the datasets, their notes, and how charts are given. */
function addAboutSheet(wb: ExcelJS.Workbook, req: ExportRequest, sheets: Map<string, string>, plans: SheetPlan[], name: string): void {
  const { DATA_VERSION, listDatasets } = sdkOf(req);
  const ws = wb.addWorksheet(name);
  ws.getColumn(1).width = 34;
  ws.getColumn(2).width = 48;
  for (const c of [3, 4, 5, 6, 7]) ws.getColumn(c).width = 12;
  ws.addRow(["Sky Net Data export"]).font = { bold: true, size: 14 };
  ws.addRow(["Data version", DATA_VERSION]);
  const generated = ws.addRow(["Generated (UTC)", req.now.toISOString()]);
  generated.getCell(2).numFmt = FORMAT.text;
  ws.addRow(["Made by", "skynet-data export --format xlsx (package @skynet-data/cli)"]);
  ws.addRow([]);
  ws.addRow(["Sheet", "Dataset", "Rows", "From", "To", "Sources"]).font = HEADER_FONT;
  const summaries = new Map(listDatasets().map((d) => [d.id, d]));
  for (const id of req.datasets) {
    const d = summaries.get(id)!;
    const row = ws.addRow([sheets.get(id)!, `${d.id}: ${d.title}`, d.rows, new Date(`${d.from}T00:00:00Z`), new Date(`${d.to}T00:00:00Z`), d.sources]);
    row.getCell(4).numFmt = FORMAT.date;
    row.getCell(5).numFmt = FORMAT.date;
  }
  ws.addRow([]);
  ws.addRow(["Charts"]).font = HEADER_FONT;
  ws.addRow([`This file holds no native charts (the xlsx library cannot write them). The "${SHEET.charts}" sheet gives each chart's data as a block: select a block and insert a chart.`]);
  ws.addRow(["Partial-period and lower-bound figures are separate columns there: never chart or sum them as full years."]);
  for (const plan of plans) {
    ws.addRow([]);
    ws.addRow([`Notes: ${sheets.get(plan.dataset)}`]).font = HEADER_FONT;
    for (const note of plan.notes) ws.addRow([note]);
  }
}

/**
 * Builds the workbook: one sheet per dataset as an Excel table, then Sources, Chart data and About sheets.
 *
 * @example
 * const wb = buildWorkbook({ datasets: ["spp"], now: new Date() });
 * wb.worksheets.map((w) => w.name) //=> ["SPP", "Sources", "Chart data", "About"]
 */
export function buildWorkbook(req: ExportRequest): ExcelJS.Workbook {
  const { DATA_VERSION, planSheet, planSourcesSheet } = sdkOf(req);
  const wb = new ExcelJS.Workbook();
  wb.creator = "skynet-data";
  wb.created = req.now;
  wb.modified = req.now;
  wb.title = "Sky Net Data";
  wb.description = `Sky Net Data ${DATA_VERSION}: ${req.datasets.join(", ")}`;
  const taken: string[] = Object.values(SHEET);
  const plans = req.datasets.map((id) => planSheet(id));
  const sheets = new Map<string, string>();
  for (const plan of plans) {
    const name = layout.uniqueSheetName(plan.sheetName, taken);
    taken.push(name);
    sheets.set(plan.dataset, name);
    addPlanSheet(wb, plan, name);
  }
  addPlanSheet(wb, planSourcesSheet(req.datasets), SHEET.sources);
  const charts = wb.addWorksheet(SHEET.charts);
  charts.getColumn(1).width = 16;
  let top = 1;
  for (const plan of plans) for (const chart of plan.charts) top = addChartBlock(charts, chart, plan.dataset, sheets.get(plan.dataset)!, top);
  if (top === 1) charts.getCell(1, 1).value = "The exported datasets declare no charts.";
  for (let c = 2; c <= 1 + Math.max(0, ...plans.flatMap((p) => p.charts.map((ch) => ch.series.length))); c++) charts.getColumn(c).width = 22;
  addAboutSheet(wb, req, sheets, plans, SHEET.about);
  return wb;
}

/**
 * The `xlsx` format: the workbook as bytes, with ExcelJS's worksheet element order put right (see ooxml.ts), so that
 * Excel opens it without a repair.
 */
export async function buildXlsx(req: ExportRequest): Promise<Artifact> {
  const buffer = await buildWorkbook(req).xlsx.writeBuffer();
  return { kind: "file", bytes: await fixXlsxPackage(new Uint8Array(buffer as ArrayBuffer)) };
}
