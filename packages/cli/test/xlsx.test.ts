import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DATA_VERSION, fromExcelSerial, getDatasetTable, listDatasets, planSheet, planSourcesSheet, sheet, type SheetPlan } from "@skynet-data/sdk";
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

// The table's header as an ExcelJS row number (1-based), from the shared sheet layout.
const headerRowOf = (plan: SheetPlan) => sheet.sheetLayout(plan).headerRow + 1;

function expectSheetMatchesPlan(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  const h = headerRowOf(plan);
  expect(ws.getCell("A1").value).toBe(plan.title);
  plan.notes.forEach((n, i) => expect(ws.getCell(i + 2, 1).value).toBe(n));
  // Beyond the table, the header row holds only a chart's note where the add-in would anchor the chart.
  expect((ws.getRow(h).values as unknown[]).slice(0, plan.columns.length + 1)).toEqual([undefined, ...plan.columns.map((c) => c.header)]);
  plan.rows.forEach((row, i) =>
    row.forEach((v, j) => {
      const cell = ws.getCell(h + i + 1, j + 1);
      expect(planValue(cell.value), `${ws.name}!${cell.address}`).toEqual(v);
      expect(cell.numFmt, `${ws.name}!${cell.address} format`).toBe(plan.numberFormats[i]![j]);
    }),
  );
  expect(ws.rowCount).toBe(h + plan.rows.length);
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

  it("writes one sheet per dataset, then Sources, then a chart-data sheet per dataset with charts", async () => {
    const wb = await everything();
    const plans = listDatasets().map((d) => planSheet(d.id));
    expect(wb.worksheets.map((w) => w.name)).toEqual([...plans.map((p) => p.sheetName), SHEET.sources, ...plans.filter((p) => p.charts.length).map((p) => `${p.tableName} charts`)]);
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
      const h = headerRowOf(plan);
      expect(tables[0]!.table.tableRef).toBe(`A${h}:${ws.getCell(h + plan.rows.length, plan.columns.length).address}`);
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: h });
    }
  });

  it("stores dates as real date cells and money as the full amount shown in billions", async () => {
    const wb = await exported(temp, ["--datasets", "sky-net"]);
    const plan = planSheet("sky-net");
    const table = getDatasetTable("sky-net");
    const ws = wb.getWorksheet(plan.sheetName)!;
    const h = headerRowOf(plan);
    const at = (key: string) => table.columns.findIndex((c) => c.key === key) + 1;
    table.rows.forEach((row, i) => {
      const start = ws.getCell(h + i + 1, at("start"));
      expect(start.type).toBe(ExcelJS.ValueType.Date);
      expect((start.value as Date).toISOString().slice(0, 10)).toBe(row[at("start") - 1]);
      const value = ws.getCell(h + i + 1, at("value"));
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
      const cell = ws.getCell(headerRowOf(plan) + i + 1, urlCol + 1);
      if (typeof r[urlCol] === "string") expect(cell.hyperlink).toBe(r[urlCol]);
      else expect(cell.value).toBeNull();
    });
  });

  it("writes each chart's data on its dataset's chart-data sheet, block by block as the add-in does", async () => {
    const wb = await exported(temp, ["--datasets", "sky-net,fox-hunt"]);
    for (const id of ["sky-net", "fox-hunt"]) {
      const plan = planSheet(id);
      expect(plan.charts.length).toBeGreaterThan(0);
      const ws = wb.getWorksheet(`${plan.tableName} charts`)!;
      plan.charts.forEach((chart, k) => {
        const left = 1 + 10 * k; // each chart owns 10 columns, from row 1
        expect(ws.getRow(1).values).toEqual(expect.arrayContaining([chart.categoryLabel, ...chart.series.map((s) => s.name)]));
        expect(ws.getCell(1, left).value).toBe(chart.categoryLabel);
        chart.series.forEach((s, j) => expect(ws.getCell(1, left + 1 + j).value).toBe(s.name));
        chart.categories.forEach((cat, i) => {
          expect(ws.getCell(2 + i, left).value).toBe(cat);
          chart.series.forEach((s, j) => expect(ws.getCell(2 + i, left + 1 + j).value ?? null).toBe(s.values[i]));
        });
        expect(String(ws.getCell(1, left).note)).toContain("ExcelJS cannot draw one");
      });
    }
  });

  it("states the data version in every dataset's notes and the citation policy on the Sources sheet", () => {
    const now = new Date("2025-02-03T04:05:06Z");
    const wb = buildWorkbook({ datasets: ["spp"], now });
    expect(wb.worksheets.map((w) => w.name)).toEqual(["SPP", "Sources"]);
    expect(wb.getWorksheet("SPP")!.getCell("A5").value).toBe(`Data version ${DATA_VERSION}. Sources: see the Sources sheet.`);
    expect(wb.getWorksheet("Sources")!.getCell("A2").value).toBe("Every citation behind the loaded datasets. Only the seed article is quoted; other sources are cited, never copied.");
    expect(wb.created).toEqual(now);
    expect(wb.description).toContain(DATA_VERSION);
    expect(wb.description).toContain(now.toISOString());
  });

  it("reads dates back to the SDK's ISO dates", async () => {
    const wb = await exported(temp, ["--datasets", "timeline"]);
    const plan = planSheet("timeline");
    const ws = wb.getWorksheet(plan.sheetName)!;
    const dateCols = plan.columns.flatMap((c, j) => (c.type === "date" ? [j] : []));
    const table = getDatasetTable("timeline");
    for (const i of plan.rows.keys()) for (const j of dateCols) expect(fromExcelSerial(planValue(ws.getCell(headerRowOf(plan) + i + 1, j + 1).value) as number)).toBe(table.rows[i]![j]);
  });
});

// Addresses written out from the layout rules (title in A1, one note per row below it, a blank row, then the table;
// charts to the right of the table after one blank column), for small datasets, not computed by the code under test.
describe("xlsx export laid out as the add-in lays out its sheets", () => {
  const temp = useTempDir();

  it("puts SPP's title in A1, its 4 notes in A2:A5, the header on row 7 and the table at A7:P11, frozen below row 7", async () => {
    const wb = await exported(temp, ["--datasets", "spp"]);
    const ws = wb.getWorksheet("SPP")!;
    const plan = planSheet("spp");
    expect(ws.getCell("A1").value).toBe("Supreme People's Procuratorate figures");
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    expect(["A2", "A3", "A4", "A5"].map((a) => ws.getCell(a).value)).toEqual(plan.notes);
    expect(ws.getCell("A2").font).toMatchObject({ italic: true });
    expect(ws.getRow(6).cellCount).toBe(0);
    expect(ws.getCell("A7").value).toBe("Series");
    expect(ws.getCell("P7").value).toBe("Note");
    expect(ws.getCell("Q7").value).toBeNull();
    expect(ws.getCell("E8").numFmt).toBe("yyyy-mm-dd");
    const tables = ws.getTables() as unknown as { table: { name: string; tableRef: string } }[];
    expect(tables.map((t) => [t.table.name, t.table.tableRef])).toEqual([["SkyNet_spp", "A7:P11"]]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 7, topLeftCell: "A8" });
    expect(ws.rowCount).toBe(11);
  });

  it("puts the Sources sheet's title in A1, its note in A2 and its table at A4:I5 for SPP's one source", async () => {
    const wb = await exported(temp, ["--datasets", "spp"]);
    const ws = wb.getWorksheet("Sources")!;
    expect(ws.getCell("A1").value).toBe("Sources");
    expect(ws.getCell("A2").value).toMatch(/^Every citation behind the loaded datasets/);
    expect(ws.getCell("A4").value).toBe("Source");
    expect(ws.getCell("I4").value).toBe("Quoted words");
    expect(ws.getCell("A5").value).toBe("seed");
    const tables = ws.getTables() as unknown as { table: { name: string; tableRef: string } }[];
    expect(tables.map((t) => [t.table.name, t.table.tableRef])).toEqual([["SkyNet_sources", "A4:I5"]]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4, topLeftCell: "A5" });
  });

  it("puts Fox Hunt's chart note at R7, where the add-in anchors the chart, and its data at A1:C5 of \"SkyNet_fox_hunt charts\"", async () => {
    const wb = await exported(temp, ["--datasets", "fox-hunt"]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Fox Hunt", "Sources", "SkyNet_fox_hunt charts"]);
    const ws = wb.getWorksheet("Fox Hunt")!;
    const tables = ws.getTables() as unknown as { table: { tableRef: string } }[];
    expect(tables[0]!.table.tableRef).toBe("A7:P32"); // 25 rows under the header on row 7
    expect(ws.getCell("R7").value).toMatch(/^No native chart here: .*sheet "SkyNet_fox_hunt charts" at A1:C5/);
    const data = wb.getWorksheet("SkyNet_fox_hunt charts")!;
    expect(data.getCell("A1").value).toBe("Year");
    expect(data.getCell("A2").value).toBe("2014");
    expect(data.getCell("B2").value).toBe(680);
    expect(data.getCell("A5").value).not.toBeNull();
    expect(data.getCell("A6").value).toBeNull();
    expect(data.getCell("D1").value).toBeNull();
  });
});
