import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { getDatasetTable, getSourcesTable, listDatasets, planSheet, planSourcesSheet, sheet, type SheetPlan, type Table } from "@skynet-data/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHEET } from "../src/formats/xlsx.js";
import { main } from "../src/main.js";
import { findSoffice, parseCsv } from "./helpers.js";

const run = promisify(execFile);
const soffice = findSoffice();
const CI = process.env.CI === "true";
const ids = listDatasets().map((d) => d.id);

// LibreOffice's CSV filter options: comma, double quote, UTF-8, from line 1, …, token 9 "save cell contents as shown",
// token 12 "-1" = every sheet to its own <name>-<sheet>.csv (LibreOffice 7.2 and later).
const filter = (asShown: boolean) => `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,${asShown},false,false,-1`;

async function convert(xlsx: string, outDir: string, profile: string, asShown: boolean): Promise<Map<string, string[][]>> {
  mkdirSync(outDir);
  await run(soffice!, [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--convert-to", filter(asShown), "--outdir", outDir, xlsx], { timeout: 50_000 });
  const sheets = new Map<string, string[][]>();
  for (const f of readdirSync(outDir)) sheets.set(f.replace(/^figures-/, "").replace(/\.csv$/, ""), parseCsv(readFileSync(join(outDir, f), "utf8"), { lf: true }));
  return sheets;
}

// What LibreOffice prints for an SDK cell: raw (full numbers, ISO dates) or as shown (the xlsx number formats applied).
function expectedText(v: unknown, column: Table["columns"][number], unit: unknown, asShown: boolean): string {
  if (v === null) return "";
  if (typeof v !== "number") return String(v);
  if (!asShown) return String(v);
  if (unit === "CNY" || unit === "USD") return `${(v / 1e9).toFixed(2)} bn ${unit}`;
  return column.type === "number" && unit === "years" ? String(v) : v.toLocaleString("en-US");
}

// The table starts at the shared layout's header row: title and notes above it, as the add-in lays its sheets out.
function expectSheet(rows: string[][] | undefined, table: Table, name: string, asShown: boolean, plan: SheetPlan): void {
  expect(rows, `sheet "${name}"`).toBeDefined();
  const h = sheet.sheetLayout(plan).headerRow;
  expect(rows![0]![0]).toBe(plan.title);
  plan.notes.forEach((n, i) => expect(rows![1 + i]![0]).toBe(n));
  const [header, ...body] = rows!.slice(h);
  expect(header!.slice(0, table.columns.length)).toEqual(table.columns.map((c) => c.header));
  expect(body.length).toBe(table.rows.length);
  // Only the chart notes stand beside the table, on its header row and below, where the add-in anchors the charts.
  const beside = rows!.slice(h + 1).map((r) => r.slice(table.columns.length).filter((v) => v && !v.startsWith("No native chart here:")));
  expect(beside.flat()).toEqual([]);
  table.rows.forEach((row, i) => {
    row.forEach((v, j) => {
      const c = table.columns[j]!;
      const unit = c.unitColumn ? row[table.columns.findIndex((x) => x.key === c.unitColumn)] : null;
      expect(body[i]![j], `${name} row ${h + i + 2} ${c.key}`).toBe(expectedText(v, c, unit, asShown));
    });
  });
}

describe("xlsx export opened by LibreOffice", () => {
  let root = "";
  let raw = new Map<string, string[][]>();
  let shown = new Map<string, string[][]>();

  beforeAll(async () => {
    if (!soffice) return;
    root = mkdtempSync(join(tmpdir(), "skynet-cli-lo-"));
    const xlsx = join(root, "figures.xlsx");
    expect(await main(["export", "--format", "xlsx", "--out", xlsx], { stdout: () => undefined, stderr: () => undefined })).toBe(0);
    const profile = join(root, "profile");
    raw = await convert(xlsx, join(root, "raw"), profile, false);
    shown = await convert(xlsx, join(root, "shown"), profile, true);
  }, 120_000);
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("finds LibreOffice (soffice) to run the check", (ctx) => {
    if (!soffice && CI) throw new Error("soffice (LibreOffice) is not installed, and CI=true requires this check: install libreoffice-calc");
    if (!soffice) ctx.skip("soffice (LibreOffice) is not on PATH: skipping the real-spreadsheet check locally");
    expect(soffice).toBeTruthy();
  });

  it("opens every dataset sheet with the SDK's values, full numbers and ISO dates", (ctx) => {
    if (!soffice) return ctx.skip("soffice (LibreOffice) is not on PATH");
    const plans = ids.map((id) => planSheet(id));
    expect([...raw.keys()].sort()).toEqual([...plans.map((p) => p.sheetName), SHEET.sources, ...plans.filter((p) => p.charts.length).map((p) => `${p.tableName} charts`)].sort());
    for (const id of ids) expectSheet(raw.get(planSheet(id).sheetName), getDatasetTable(id), planSheet(id).sheetName, false, planSheet(id));
    expectSheet(raw.get(SHEET.sources), getSourcesTable(ids), SHEET.sources, false, planSourcesSheet(ids));
  });

  it("shows dates as YYYY-MM-DD, money in billions of its currency and counts with thousands separators", (ctx) => {
    if (!soffice) return ctx.skip("soffice (LibreOffice) is not on PATH");
    for (const id of ids) expectSheet(shown.get(planSheet(id).sheetName), getDatasetTable(id), planSheet(id).sheetName, true, planSheet(id));
    const money = shown.get(planSheet("sky-net").sheetName)!.flat().filter((t) => t.endsWith(" bn CNY"));
    expect(money.length).toBeGreaterThan(0);
  });
});

// Cells written out from the layout rules (title A1, notes below, a blank row, then the table; a chart's data block
// from A1 of "<table> charts"), read by LibreOffice, a spreadsheet nobody here wrote.
describe("xlsx export opened by LibreOffice, laid out as the add-in lays out its sheets", () => {
  let root = "";
  let small = new Map<string, string[][]>();

  beforeAll(async () => {
    if (!soffice) return;
    root = mkdtempSync(join(tmpdir(), "skynet-cli-lo-small-"));
    const xlsx = join(root, "figures.xlsx");
    expect(await main(["export", "--format", "xlsx", "--out", xlsx, "--datasets", "spp,fox-hunt"], { stdout: () => undefined, stderr: () => undefined })).toBe(0);
    small = await convert(xlsx, join(root, "raw"), join(root, "profile"), false);
  }, 120_000);
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  // A cell of a converted sheet by A1 address ("" where LibreOffice wrote nothing).
  const cell = (rows: string[][], a1: string): string => {
    const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
    const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return rows[Number(m[2]) - 1]?.[col] ?? "";
  };

  it("finds SPP's title in A1, its 4 notes in A2:A5, row 6 blank, the header in A7:P7 and 4 rows in A8:P11", (ctx) => {
    if (!soffice) return ctx.skip("soffice (LibreOffice) is not on PATH");
    const rows = small.get("SPP")!;
    expect(rows).toBeDefined();
    expect(cell(rows, "A1")).toBe("Supreme People's Procuratorate figures");
    expect(["A2", "A3", "A4", "A5"].map((a) => cell(rows, a))).toEqual(planSheet("spp").notes);
    expect(rows[5]!.every((v) => v === "")).toBe(true);
    expect(cell(rows, "A7")).toBe("Series");
    expect(cell(rows, "E7")).toBe("Start");
    expect(cell(rows, "P7")).toBe("Note");
    expect(cell(rows, "Q7")).toBe("");
    expect(cell(rows, "A8")).toBe(getDatasetTable("spp").rows[0]![0]);
    expect(cell(rows, "A11")).toBe(getDatasetTable("spp").rows[3]![0]);
    expect(rows.length).toBe(11);
  });

  it("finds the Sources sheet's title in A1, its note in A2 and the table's header on row 4", (ctx) => {
    if (!soffice) return ctx.skip("soffice (LibreOffice) is not on PATH");
    const rows = small.get("Sources")!;
    expect(cell(rows, "A1")).toBe("Sources");
    expect(cell(rows, "A2")).toMatch(/^Every citation behind the loaded datasets/);
    expect(cell(rows, "A4")).toBe("Source");
    expect(cell(rows, "I4")).toBe("Quoted words");
    expect(cell(rows, "A5")).toBe("seed");
  });

  it("finds Fox Hunt's chart note in R7 and its chart data in A1:C5 of \"SkyNet_fox_hunt charts\"", (ctx) => {
    if (!soffice) return ctx.skip("soffice (LibreOffice) is not on PATH");
    expect([...small.keys()].sort()).toEqual(["Fox Hunt", "SPP", "SkyNet_fox_hunt charts", "Sources"]);
    expect(cell(small.get("Fox Hunt")!, "A7")).toBe("Series");
    expect(cell(small.get("Fox Hunt")!, "R7")).toMatch(/^No native chart here: .* at A1:C5/);
    const data = small.get("SkyNet_fox_hunt charts")!;
    expect(cell(data, "A1")).toBe("Year");
    expect(cell(data, "A2")).toBe("2014");
    expect(cell(data, "B2")).toBe("680");
    expect(data.length).toBe(5);
    expect(data.every((r) => r.slice(3).every((v) => v === ""))).toBe(true);
  });
});
