import { layout, sheet, type ChartPlan, type SheetPlan } from "@skynet-data/sdk";
import ExcelJS from "exceljs";
import { sdkOf, type Artifact, type ExportRequest } from "./artifact.js";
import { fixXlsxPackage } from "./ooxml.js";

/** The fixed name among the workbook's sheets (dataset and chart-data sheets are named by their plans). */
export const SHEET = { sources: sheet.SOURCES_SHEET.sheetName } as const;

/** The view that keeps the title, notes and table header in view. */
const FROZEN = (rows: number): Partial<ExcelJS.WorksheetView> => ({ state: "frozen", ySplit: rows, xSplit: 0, topLeftCell: `A${rows + 1}`, activeCell: `A${rows + 1}` });

// A1 address of a 0-based row and column, in ExcelJS's 1-based terms.
const at = (ws: ExcelJS.Worksheet, row: number, col: number): ExcelJS.Cell => ws.getCell(row + 1, col + 1);

/** What stands where the add-in would draw a chart: ExcelJS cannot write native charts, so the file says where the data is. */
export function chartNote(chart: ChartPlan, dataSheet: string, block: string): string {
  return `No native chart here: the library that writes this file (ExcelJS) cannot draw one. "${chart.title}" has its data on sheet "${dataSheet}" at ${block}: select it and insert a ${chart.type} chart. ${chart.caption}.`;
}

/**
 * Renders one sheet plan as the add-in lays it out (sdk sheet layout): title in A1, the notes below it, the Excel table
 * at the layout's header row with a frozen header, per-cell number formats, widths, links; where a chart would stand,
 * a note naming its data block.
 */
function renderPlan(wb: ExcelJS.Workbook, plan: SheetPlan, name: string, chartBlocks: { sheet: string; blocks: string[] } | null): ExcelJS.Worksheet {
  const l = sheet.sheetLayout(plan);
  const ws = wb.addWorksheet(name, { views: [FROZEN(l.freezeRows)] });
  const title = ws.getCell(l.titleCell);
  title.value = plan.title;
  title.numFmt = sheet.SHEET_STYLE.textFormat;
  title.font = { ...sheet.SHEET_STYLE.title };
  for (const n of l.notes) {
    const cell = ws.getCell(n.address);
    cell.value = n.text;
    cell.numFmt = sheet.SHEET_STYLE.textFormat;
    cell.font = { italic: sheet.SHEET_STYLE.notes.italic, color: { argb: `FF${sheet.SHEET_STYLE.notes.color.slice(1)}` } };
  }
  const body = plan.rows.length ? plan.rows.map((r) => [...r]) : [plan.columns.map(() => null)];
  ws.addTable({
    name: plan.tableName,
    displayName: plan.tableName,
    ref: layout.cellAddress({ row: l.table.top, col: l.table.left }),
    headerRow: true,
    totalsRow: false,
    style: { theme: sheet.SHEET_STYLE.tableStyle, showRowStripes: sheet.SHEET_STYLE.bandedRows },
    columns: plan.columns.map((c) => ({ name: c.header, filterButton: true })),
    rows: body,
  });
  // ExcelJS omits a width of exactly 9 (its default), so the sheet's default width is set to 9 to match.
  ws.properties.defaultColWidth = 9;
  plan.columns.forEach((c, j) => {
    ws.getColumn(l.table.left + j + 1).width = c.width;
    const header = at(ws, l.table.top, l.table.left + j);
    header.numFmt = sheet.SHEET_STYLE.textFormat;
    header.note = c.description;
  });
  const links = new Set(sheet.linkedColumns(plan));
  plan.rows.forEach((r, i) =>
    r.forEach((v, j) => {
      const cell = at(ws, l.table.top + 1 + i, l.table.left + j);
      cell.numFmt = plan.numberFormats[i]![j]!;
      if (links.has(j) && typeof v === "string" && /^https?:\/\//.test(v)) cell.value = { text: v, hyperlink: v, tooltip: "Open the source" };
    }),
  );
  if (chartBlocks) {
    l.charts.forEach((place, i) => {
      const cell = ws.getCell(place.from);
      cell.value = chartNote(plan.charts[i]!, chartBlocks.sheet, chartBlocks.blocks[i]!);
      cell.numFmt = sheet.SHEET_STYLE.textFormat;
      cell.font = { italic: true, color: { argb: `FF${sheet.SHEET_STYLE.notes.color.slice(1)}` } };
    });
  }
  return ws;
}

/** The chart-data sheet of one dataset, block by block as the add-in writes it; each block's header cell carries a note. */
function renderChartData(wb: ExcelJS.Workbook, plan: SheetPlan, name: string, datasetSheet: string): string[] {
  const ws = wb.addWorksheet(name);
  return plan.charts.map((chart, i) => {
    const d = sheet.chartData(chart, i);
    d.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === "") return;
        const cell = at(ws, d.block.top + r, d.block.left + c);
        cell.value = v;
        cell.numFmt = d.numberFormats[r]![c]!;
        if (r === 0) cell.font = { bold: true };
      }),
    );
    ws.getColumn(d.block.left + 1).width = 16;
    for (let c = 1; c <= chart.series.length; c++) ws.getColumn(d.block.left + c + 1).width = 22;
    const address = layout.blockAddress(d.block);
    at(ws, d.block.top, d.block.left).note = `${chart.title}. ${chart.caption}. Chart data of sheet "${datasetSheet}"; no native chart in this file (ExcelJS cannot draw one): select ${address} and insert a ${chart.type} chart. Partial periods and lower bounds are separate columns: never chart or sum them as full years.`;
    return address;
  });
}

/**
 * Builds the workbook from the same sheet plans and layout as the add-in: one sheet per dataset (title, notes, table),
 * the Sources sheet, and a "<table> charts" sheet of chart data for each dataset that declares charts.
 *
 * @example
 * const wb = buildWorkbook({ datasets: ["fox-hunt"], now: new Date() });
 * wb.worksheets.map((w) => w.name) //=> ["Fox Hunt", "Sources", "SkyNet_fox_hunt charts"]
 */
export function buildWorkbook(req: ExportRequest): ExcelJS.Workbook {
  const { DATA_VERSION, planSheet, planByYearSheet, planSourcesSheet, listDatasets } = sdkOf(req);
  const byYear = new Set(req.layout === "by-year" ? listDatasets().filter((d) => d.layouts.includes("by-year")).map((d) => d.id) : []);
  const wb = new ExcelJS.Workbook();
  wb.creator = "skynet-data export --format xlsx (package @skynet-data/cli)";
  wb.created = req.now;
  wb.modified = req.now;
  wb.title = "Sky Net Data";
  wb.description = `Sky Net Data ${DATA_VERSION}, exported ${req.now.toISOString()}: ${req.datasets.join(", ")}`;
  const plans = req.datasets.map((id) => (byYear.has(id) ? planByYearSheet(id) : planSheet(id)));
  const sources = planSourcesSheet(req.datasets);
  const taken: string[] = [sources.sheetName];
  const names = plans.map((plan) => {
    const name = layout.uniqueSheetName(plan.sheetName, taken);
    taken.push(name);
    return name;
  });
  const dataSheets = plans.map((plan) => {
    if (!plan.charts.length) return null;
    const name = layout.uniqueSheetName(sheet.chartDataSheetName(plan.tableName), taken);
    taken.push(name);
    return name;
  });
  // Sheets in the add-in's order: datasets, Sources, then the chart-data sheets; each block address is known up front.
  plans.forEach((plan, i) => {
    const blocks = plan.charts.map((c, k) => layout.blockAddress(sheet.chartData(c, k).block));
    renderPlan(wb, plan, names[i]!, dataSheets[i] ? { sheet: dataSheets[i], blocks } : null);
  });
  renderPlan(wb, sources, sources.sheetName, null);
  plans.forEach((plan, i) => {
    if (dataSheets[i]) renderChartData(wb, plan, dataSheets[i], names[i]!);
  });
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
