import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { getDatasetTable, getSourcesTable, listDatasets, planSheet, type Table } from "@skynet-data/sdk";
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

function expectSheet(rows: string[][] | undefined, table: Table, name: string, asShown: boolean): void {
  expect(rows, `sheet "${name}"`).toBeDefined();
  const [header, ...body] = rows!;
  expect(header!.slice(0, table.columns.length)).toEqual(table.columns.map((c) => c.header));
  expect(body.length).toBe(table.rows.length);
  table.rows.forEach((row, i) => {
    row.forEach((v, j) => {
      const c = table.columns[j]!;
      const unit = c.unitColumn ? row[table.columns.findIndex((x) => x.key === c.unitColumn)] : null;
      expect(body[i]![j], `${name} row ${i + 2} ${c.key}`).toBe(expectedText(v, c, unit, asShown));
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
    expect([...raw.keys()].sort()).toEqual([...ids.map((id) => planSheet(id).sheetName), SHEET.sources, SHEET.charts, SHEET.about].sort());
    for (const id of ids) expectSheet(raw.get(planSheet(id).sheetName), getDatasetTable(id), planSheet(id).sheetName, false);
    expectSheet(raw.get(SHEET.sources), getSourcesTable(ids), SHEET.sources, false);
  });

  it("shows dates as YYYY-MM-DD, money in billions of its currency and counts with thousands separators", (ctx) => {
    if (!soffice) return ctx.skip("soffice (LibreOffice) is not on PATH");
    for (const id of ids) expectSheet(shown.get(planSheet(id).sheetName), getDatasetTable(id), planSheet(id).sheetName, true);
    const money = shown.get(planSheet("sky-net").sheetName)!.flat().filter((t) => t.endsWith(" bn CNY"));
    expect(money.length).toBeGreaterThan(0);
  });
});
