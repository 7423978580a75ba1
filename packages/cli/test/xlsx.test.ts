import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fromExcelSerial, getDatasetTable, listDatasets, planSheet, planSourcesSheet, type SheetPlan } from "@skynet-data/sdk";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { buildWorkbook, SHEET } from "../src/formats/xlsx.js";
import { main } from "../src/main.js";
import { useTempDir } from "./helpers.js";

const quiet = { stdout: () => undefined, stderr: () => undefined };

// A cell as read back, in the plan's terms: dates become Excel serials again, links their text.
function planValue(v: ExcelJS.CellValue): unknown {
  if (v instanceof Date) return Math.round(v.getTime() / 86_400_000) + 25_569;
  if (v && typeof v === "object" && "hyperlink" in v) return v.text;
  return v ?? null;
}

async function exported(temp: () => string, args: string[] = []): Promise<ExcelJS.Workbook> {
  const out = join(temp(), "figures.xlsx");
  expect(await main(["export", "--format", "xlsx", "--out", out, ...args], quiet)).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return wb;
}

function expectSheetMatchesPlan(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  expect(ws.getRow(1).values).toEqual([undefined, ...plan.columns.map((c) => c.header)]);
  plan.rows.forEach((row, i) =>
    row.forEach((v, j) => {
      const cell = ws.getCell(i + 2, j + 1);
      expect(planValue(cell.value), `${ws.name}!${cell.address}`).toEqual(v);
      expect(cell.numFmt, `${ws.name}!${cell.address} format`).toBe(plan.numberFormats[i]![j]);
    }),
  );
  expect(ws.rowCount).toBe(plan.rows.length + 1);
  plan.columns.forEach((c, j) => expect(ws.getColumn(j + 1).width ?? ws.properties.defaultColWidth).toBe(c.width));
}

describe("xlsx export", () => {
  const temp = useTempDir();
  let full: Promise<ExcelJS.Workbook> | undefined;
  let fullDir = "";
  // The all-datasets workbook is exported once and read by several tests.
  const everything = () => (full ??= exported(() => (fullDir = mkdtempSync(join(tmpdir(), "skynet-cli-xlsx-")))));
  afterAll(async () => {
    await full?.catch(() => undefined);
    if (fullDir) rmSync(fullDir, { recursive: true, force: true });
  });

  it("writes one sheet per dataset, then Sources, Chart data and About", async () => {
    const wb = await everything();
    expect(wb.worksheets.map((w) => w.name)).toEqual([...listDatasets().map((d) => planSheet(d.id).sheetName), SHEET.sources, SHEET.charts, SHEET.about]);
  });

  it("lays every dataset sheet out as its plan says: header, values, per-cell number formats and widths", async () => {
    const wb = await everything();
    for (const d of listDatasets()) {
      const plan = planSheet(d.id);
      expectSheetMatchesPlan(wb.getWorksheet(plan.sheetName)!, plan);
    }
    expectSheetMatchesPlan(wb.getWorksheet(SHEET.sources)!, planSourcesSheet(listDatasets().map((d) => d.id)));
  });

  it("makes each data sheet a real Excel table with a frozen header row", async () => {
    const wb = await everything();
    for (const d of listDatasets()) {
      const plan = planSheet(d.id);
      const ws = wb.getWorksheet(plan.sheetName)!;
      const tables = ws.getTables() as unknown as { table: { name: string; tableRef: string; headerRow: boolean } }[];
      expect(tables.map((t) => t.table.name)).toEqual([plan.tableName]);
      expect(tables[0]!.table.tableRef).toBe(`A1:${ws.getCell(plan.rows.length + 1, plan.columns.length).address}`);
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    }
  });

  it("stores dates as real date cells and money as the full amount shown in billions", async () => {
    const wb = await exported(temp, ["--datasets", "sky-net"]);
    const plan = planSheet("sky-net");
    const table = getDatasetTable("sky-net");
    const ws = wb.getWorksheet(plan.sheetName)!;
    const at = (key: string) => table.columns.findIndex((c) => c.key === key) + 1;
    table.rows.forEach((row, i) => {
      const start = ws.getCell(i + 2, at("start"));
      expect(start.type).toBe(ExcelJS.ValueType.Date);
      expect((start.value as Date).toISOString().slice(0, 10)).toBe(row[at("start") - 1]);
      const value = ws.getCell(i + 2, at("value"));
      expect(value.type).toBe(ExcelJS.ValueType.Number);
      expect(value.value).toBe(row[at("value") - 1]);
      if (row[at("unit") - 1] === "CNY") expect(value.numFmt).toContain("bn CNY");
    });
  });

  it("links every source URL on the Sources sheet", async () => {
    const wb = await exported(temp, ["--datasets", "sky-net"]);
    const plan = planSourcesSheet(["sky-net"]);
    const urlCol = plan.columns.findIndex((c) => c.key === "url");
    const ws = wb.getWorksheet(SHEET.sources)!;
    const withUrl = plan.rows.filter((r) => typeof r[urlCol] === "string");
    expect(withUrl.length).toBeGreaterThan(0);
    plan.rows.forEach((r, i) => {
      const cell = ws.getCell(i + 2, urlCol + 1);
      if (typeof r[urlCol] === "string") expect(cell.hyperlink).toBe(r[urlCol]);
      else expect(cell.value).toBeNull();
    });
  });

  it("writes each chart plan as a block of categories and series values", async () => {
    const wb = await exported(temp, ["--datasets", "sky-net,fox-hunt"]);
    const ws = wb.getWorksheet(SHEET.charts)!;
    const charts = ["sky-net", "fox-hunt"].flatMap((id) => planSheet(id).charts);
    expect(charts.length).toBeGreaterThan(0);
    const column = ws.getColumn(1).values as unknown[];
    for (const chart of charts) {
      const top = column.indexOf(chart.title);
      expect(top, chart.title).toBeGreaterThan(0);
      expect(ws.getRow(top + 2).values).toEqual([undefined, chart.categoryLabel, ...chart.series.map((s) => s.name)]);
      chart.categories.forEach((cat, i) => {
        expect(ws.getCell(top + 3 + i, 1).value).toBe(cat);
        chart.series.forEach((s, j) => expect(ws.getCell(top + 3 + i, j + 2).value ?? null).toBe(s.values[i]));
      });
    }
  });

  it("states the data version, the time of export and each dataset's notes on the About sheet", () => {
    const now = new Date("2025-02-03T04:05:06Z");
    const ws = buildWorkbook({ datasets: ["spp"], now }).getWorksheet(SHEET.about)!;
    const texts = (ws.getColumn(1).values as unknown[]).concat(ws.getColumn(2).values as unknown[]).filter((v) => typeof v === "string");
    expect(texts).toContain(planSheet("spp").notes.at(-1));
    expect(texts).toContain(now.toISOString());
    for (const note of planSheet("spp").notes) expect(texts).toContain(note);
  });

  it("reads dates back to the SDK's ISO dates", async () => {
    const wb = await exported(temp, ["--datasets", "timeline"]);
    const plan = planSheet("timeline");
    const ws = wb.getWorksheet(plan.sheetName)!;
    const dateCols = plan.columns.flatMap((c, j) => (c.type === "date" ? [j] : []));
    const table = getDatasetTable("timeline");
    for (const i of plan.rows.keys()) for (const j of dateCols) expect(fromExcelSerial(planValue(ws.getCell(i + 2, j + 1).value) as number)).toBe(table.rows[i]![j]);
  });
});
