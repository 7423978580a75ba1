import { DATA_VERSION, layout, planSheet, type SheetPlan } from "@skynet-data/sdk";
import { STAMP_KEY } from "../../src/excel/load-plan/index.js";
import { describe, expect, it } from "vitest";
import type { WorkbookModel } from "../../src/workbook/index.js";
import { ALL_IDS, freshWorkbook, load, plansFor, withRows } from "./helpers.js";

// Written out from the sheet contract: a dataset sheet has its title in A1 and 4 notes in A2:A5, then a blank row, so
// its table's header is row 7 (index 6) and its first body row is row 8.
const HEADER_ROW = 6;

const cellAt = (wb: WorkbookModel, sheet: string, a1: string) => {
  const { row, col } = layout.parseCell(a1);
  return wb.cell(wb.sheet(sheet)!, row, col);
};
const valueAt = (wb: WorkbookModel, sheet: string, a1: string) => cellAt(wb, sheet, a1)?.value ?? "";
const columnOf = (plan: SheetPlan, key: string) => plan.columns.findIndex((c) => c.key === key);
const rowWhere = (plan: SheetPlan, pred: (r: SheetPlan["rows"][number]) => boolean) => plan.rows.findIndex(pred);
/** Address of a plan cell in a freshly inserted table. */
const addr = (plan: SheetPlan, row: number, key: string, header = HEADER_ROW) => layout.cellAddress({ row: header + 1 + row, col: columnOf(plan, key) });
/** The Sources sheet has one note (A2), so its header is row 4 (index 3). */
const SOURCES_HEADER_ROW = 3;

describe("loadPlans (insert)", () => {
  it("puts every dataset in a named table on its own sheet, with the Sources sheet and a stamp", async () => {
    const wb = freshWorkbook();
    const plans = plansFor(ALL_IDS);
    const result = await load(wb, plans);
    expect(result.tables.map((t) => [t.table, t.status])).toEqual(plans.map((p) => [p.tableName, "inserted"]));
    for (const p of plans) expect(wb.table(p.tableName)!.sheet.name).toBe(p.sheetName);
    expect(wb.settings.get(STAMP_KEY)).toEqual({ dataVersion: DATA_VERSION, loadedAt: "2026-03-01T12:00:00.000Z", datasets: ALL_IDS });
  });

  it("lays SPP out as the sheet contract says: title A1, notes A2:A5, its 4 rows of 16 columns at A7:P11 frozen through row 7", async () => {
    const wb = freshWorkbook();
    await load(wb, plansFor(["spp"]));
    const spp = wb.table("SkyNet_spp")!;
    expect([spp.sheet.name, spp.block, spp.sheet.frozenRows]).toEqual(["SPP", { top: 6, left: 0, bottom: 10, right: 15 }, 7]);
    expect(cellAt(wb, "SPP", "A1")).toMatchObject({ bold: true, fontSize: 14 });
    expect(valueAt(wb, "SPP", "A5")).toBe(`Data version ${DATA_VERSION}. Sources: see the Sources sheet.`);
    const sources = wb.table("SkyNet_sources")!;
    expect([sources.sheet.name, sources.block, sources.sheet.frozenRows]).toEqual(["Sources", { top: 3, left: 0, bottom: 4, right: 8 }, 4]);
  });

  it("writes real dates, counts and money with their number formats, and text as text", async () => {
    const wb = freshWorkbook();
    const fox = planSheet("fox-hunt");
    const sky = planSheet("sky-net");
    await load(wb, [fox, sky]);
    const r = rowWhere(fox, (x) => x[0] === "fox-hunt.captured" && x[3] === "2014 (Jul–Dec)");
    expect(cellAt(wb, fox.sheetName, addr(fox, r, "value"))).toMatchObject({ value: 680, numberFormat: "#,##0" });
    expect(cellAt(wb, fox.sheetName, addr(fox, r, "end"))).toMatchObject({ value: 42004, numberFormat: "yyyy-mm-dd" });
    expect(cellAt(wb, fox.sheetName, addr(fox, r, "series"))).toMatchObject({ value: "fox-hunt.captured", numberFormat: "@" });
    const money = rowWhere(sky, (x) => x[7] === "CNY");
    expect(cellAt(wb, sky.sheetName, addr(sky, money, "value"))!.numberFormat).toBe('#,##0.00,,," bn CNY"');
    expect(valueAt(wb, sky.sheetName, addr(sky, money, "value"))).toBe(sky.rows[money]![columnOf(sky, "value")]);
  });

  it("stores text that starts with =, +, - or @ as text, never as a formula", async () => {
    const wb = freshWorkbook();
    const spp = planSheet("spp");
    const tricky = ["=HYPERLINK(\"http://x\")", "+86 10", "-not a number", "@mention"];
    const rows = spp.rows.map((r, i) => r.map((v, j) => (j === columnOf(spp, "note") ? tricky[i] ?? v : v)));
    const plan = { ...withRows(spp, rows), numberFormats: rows.map((_, i) => spp.numberFormats[i]!.map((f, j) => (j === columnOf(spp, "note") ? "General" : f))) };
    await load(wb, [plan]);
    tricky.forEach((t, i) => {
      const c = cellAt(wb, spp.sheetName, addr(spp, i, "note"))!;
      expect(c.formula).toBeUndefined();
      expect(c.value).toBe(t);
    });
  });

  it("adds one chart per chart plan over a hidden data sheet, partial and lower-bound series in their own colours", async () => {
    const wb = freshWorkbook();
    const sky = planSheet("sky-net");
    await load(wb, [sky]);
    const data = wb.sheet("SkyNet_sky_net charts")!;
    expect(data.visibility).toBe("Hidden");
    const charts = wb.charts.filter((c) => c.sheet.name === sky.sheetName);
    expect(charts.map((c) => c.name)).toEqual(["SkyNet_sky_net_sky_net_returns", "SkyNet_sky_net_sky_net_recovered"]);
    sky.charts.forEach((plan, i) => {
      const chart = charts[i]!;
      expect(chart.title).toBe(`${plan.title}\n${plan.caption}`);
      expect(chart.source.sheet).toBe(data);
      expect(chart.series.map((s) => s.name)).toEqual(plan.series.map((s) => s.name));
      // One series per chart in Sky Net: full figures blue, partial periods orange, lower bounds grey.
      expect(chart.series.map((s) => s.color)).toEqual(chart.series.map((s) => (s.name.endsWith("(partial period)") ? "#F4B183" : s.name.endsWith("(lower bound: more than)") ? "#A6A6A6" : "#2B579A")));
    });
    const returns = charts[0]!;
    const partial = returns.series.find((s) => s.name.includes("partial"))!;
    expect(partial.color).not.toBe(returns.series[0]!.color);
  });

  it("links each source on the Sources sheet", async () => {
    const wb = freshWorkbook();
    const plans = plansFor(["sky-net"]);
    await load(wb, plans);
    const sources = plans.at(-1)!;
    const withUrl = rowWhere(sources, (r) => typeof r[columnOf(sources, "url")] === "string");
    const url = sources.rows[withUrl]![columnOf(sources, "url")];
    expect(cellAt(wb, "Sources", addr(sources, withUrl, "url", SOURCES_HEADER_ROW))!.hyperlink).toEqual({ address: url, textToDisplay: url });
  });

  it("needs a fixed number of syncs and keeps every request small", async () => {
    const wb = freshWorkbook();
    await load(wb, plansFor(ALL_IDS));
    // read the workbook, read chart-data sheets, one write chunk, finish
    expect(wb.syncs).toHaveLength(4);
    expect(wb.syncs.map((s) => s.calculationSuspended)).toEqual([false, false, true, false]);
    expect(Math.max(...wb.syncs.map((s) => s.requestBytes))).toBeLessThan(1_000_000);
  });

  it("writes a 100,000-row plan in chunks that each stay under 1 MB", async () => {
    const wb = freshWorkbook();
    const base = planSheet("sky-net");
    const keep = ["series", "end", "value", "coverage", "note"].map((k) => columnOf(base, k));
    const rows = Array.from({ length: 100_000 }, (_, i) => keep.map((j) => (j === 0 ? `generated.series.${i}` : base.rows[i % base.rows.length]![j]!)));
    const plan: SheetPlan = { ...base, columns: keep.map((j) => base.columns[j]!), rows, numberFormats: rows.map((_, i) => keep.map((j) => base.numberFormats[i % base.rows.length]![j]!)), charts: [] };
    await load(wb, [plan]);
    const writes = wb.syncs.filter((s) => s.calculationSuspended);
    expect(writes.length).toBeGreaterThan(5);
    expect(wb.syncs).toHaveLength(writes.length + 2);
    for (const s of wb.syncs) expect(s.requestBytes).toBeLessThan(1_000_000);
    const t = wb.table(base.tableName)!;
    expect(t.block.bottom).toBe(HEADER_ROW + 100_000);
    expect(wb.cell(t.sheet, t.block.bottom, 0)!.value).toBe("generated.series.99999");
  });

  it("gives a new sheet a free name when one is taken by the analyst", async () => {
    const wb = freshWorkbook();
    wb.addSheet("Sources");
    wb.typeIntoCell("Sources", "A1", "my notes");
    await load(wb, plansFor(["spp"]));
    expect(wb.table("SkyNet_sources")!.sheet.name).toBe("Sources (2)");
    expect(valueAt(wb, "Sources", "A1")).toBe("my notes");
  });
});

describe("loadPlans (refresh)", () => {
  const sky = planSheet("sky-net");
  const key = (r: SheetPlan["rows"][number]) => String(r[0]);
  const valueCol = columnOf(sky, "value");
  const top = HEADER_ROW;
  const width = sky.columns.length;
  const analystCol = layout.columnLetter(width); // first column right of the table
  const besideCol = layout.columnLetter(width + 2); // a gap, then the analyst's own cells

  /** Inserts sky-net, then adds what an analyst adds: a typed column and a calculated column, cells beside and below, a formula on a table cell. */
  async function analystWorkbook() {
    const wb = freshWorkbook();
    await load(wb, [sky]);
    const s = wb.sheet(sky.sheetName)!;
    const t = wb.table(sky.tableName)!;
    wb.typeIntoCell(sky.sheetName, `${analystCol}${top + 1}`, "My flag");
    wb.typeIntoCell(sky.sheetName, layout.cellAddress({ row: top, col: width + 1 }), "Double");
    t.block = { ...t.block, right: width + 1 };
    sky.rows.forEach((r, i) => {
      wb.typeIntoCell(sky.sheetName, `${analystCol}${top + 2 + i}`, `flag ${key(r)} ${r[4]}`);
      wb.typeIntoCell(sky.sheetName, layout.cellAddress({ row: top + 1 + i, col: width + 1 }), "=[@Value]*2");
    });
    wb.typeIntoCell(sky.sheetName, `${besideCol}${top + 3}`, "beside");
    wb.typeIntoCell(sky.sheetName, `A${t.block.bottom + 6}`, "=SUM(G8:G10)");
    wb.typeIntoCell(sky.sheetName, "Z1", "far away");
    wb.syncs = [];
    return { wb, s };
  }

  it("keeps analyst columns with their rows, calculated columns, and cells beside and below when rows are added", async () => {
    const { wb } = await analystWorkbook();
    const extra = sky.rows.slice(0, 1).map((r) => r.map((v, j) => (j === 4 ? Number(v) - 3650 : j === 5 ? Number(v) - 3650 : j === 3 ? "2004" : v)));
    const rows = [...extra, ...sky.rows];
    const oldBottom = wb.table(sky.tableName)!.block.bottom;
    const result = await load(wb, [withRows(sky, rows)]);
    expect(result.tables[0]).toMatchObject({ status: "refreshed", added: 1, removed: 0, revised: 0 });
    const t = wb.table(sky.tableName)!;
    expect(t.block.bottom).toBe(oldBottom + 1);
    expect(t.block.right).toBe(width + 1);
    expect(valueAt(wb, sky.sheetName, `${analystCol}${top + 2}`)).toBe("");
    expect(valueAt(wb, sky.sheetName, `${analystCol}${top + 3}`)).toBe(`flag ${key(sky.rows[0]!)} ${sky.rows[0]![4]}`);
    expect(valueAt(wb, sky.sheetName, `${analystCol}${t.block.bottom + 1}`)).toBe(`flag ${key(sky.rows.at(-1)!)} ${sky.rows.at(-1)![4]}`);
    for (let r = t.block.top + 1; r <= t.block.bottom; r++) expect(wb.cell(t.sheet, r, width + 1)!.formula).toBe("=[@Value]*2");
    expect(valueAt(wb, sky.sheetName, `${besideCol}${top + 3}`)).toBe("beside");
    expect(cellAt(wb, sky.sheetName, `A${oldBottom + 6}`)!.formula).toBe("=SUM(G8:G10)");
    expect(valueAt(wb, sky.sheetName, "Z1")).toBe("far away");
  });

  it("clears the rows it no longer needs and reports them removed", async () => {
    const { wb } = await analystWorkbook();
    const oldBottom = wb.table(sky.tableName)!.block.bottom;
    const result = await load(wb, [withRows(sky, sky.rows.slice(0, -2))]);
    expect(result.tables[0]).toMatchObject({ status: "refreshed", added: 0, removed: 2 });
    const t = wb.table(sky.tableName)!;
    expect(t.block.bottom).toBe(oldBottom - 2);
    expect(wb.readBlock(t.sheet, { top: oldBottom - 1, left: 0, bottom: oldBottom, right: width + 1 }, "values").flat().every((v) => v === "")).toBe(true);
    expect(cellAt(wb, sky.sheetName, `A${oldBottom + 6}`)!.formula).toBe("=SUM(G8:G10)");
  });

  it("reports each revised value and writes the new one", async () => {
    const { wb } = await analystWorkbook();
    const i = rowWhere(sky, (r) => r[0] === "sky-net.returned" && typeof r[valueCol] === "number");
    const rows = sky.rows.map((r, j) => (j === i ? r.map((v, c) => (c === valueCol ? Number(v) + 1 : v)) : r));
    const result = await load(wb, [withRows(sky, rows)]);
    expect(result.tables[0]).toMatchObject({ added: 0, removed: 0, revised: 1 });
    expect(result.tables[0]!.revisedCells[0]).toMatchObject({ column: "Value", from: String(sky.rows[i]![valueCol]), to: String(Number(sky.rows[i]![valueCol]) + 1) });
    expect(valueAt(wb, sky.sheetName, addr(sky, i, "value"))).toBe(Number(sky.rows[i]![valueCol]) + 1);
    expect(result.tables[0]!.message).toBe("Refreshed: 0 rows added, 0 removed, 1 value revised.");
  });

  it("leaves a table unchanged and names the cells in the way when it would grow into the analyst's data", async () => {
    const { wb } = await analystWorkbook();
    const bottom = wb.table(sky.tableName)!.block.bottom;
    wb.typeIntoCell(sky.sheetName, `C${bottom + 2}`, "mine");
    const before = wb.readBlock(wb.sheet(sky.sheetName)!, { top: 0, left: 0, bottom: bottom + 2, right: width + 3 }, "formulas");
    const rows = [...sky.rows, ...sky.rows.slice(0, 2).map((r) => r.map((v, j) => (j === 10 ? `${v}-bis` : v)))];
    const result = await load(wb, [withRows(sky, rows)]);
    expect(result.tables[0]).toMatchObject({ status: "blocked", blockedBy: [`C${bottom + 2}`] });
    expect(result.tables[0]!.message).toContain(`C${bottom + 2}`);
    expect(wb.readBlock(wb.sheet(sky.sheetName)!, { top: 0, left: 0, bottom: bottom + 2, right: width + 3 }, "formulas")).toEqual(before);
  });

  it("recreates a deleted table on a sheet of its own", async () => {
    const { wb } = await analystWorkbook();
    wb.deleteTable(wb.table(sky.tableName)!);
    const result = await load(wb, (stamp) => (stamp?.datasets ?? []).map(planSheet));
    const second = "Sky Net (2)";
    expect(result.tables[0]).toMatchObject({ status: "recreated", sheet: second });
    expect(wb.table(sky.tableName)!.sheet.name).toBe(second);
    expect(valueAt(wb, sky.sheetName, `${besideCol}${top + 3}`)).toBe("beside");
  });

  it("recreates a deleted sheet", async () => {
    const { wb } = await analystWorkbook();
    wb.deleteSheet(wb.sheet(sky.sheetName)!);
    const result = await load(wb, (stamp) => (stamp?.datasets ?? []).map(planSheet));
    expect(result.tables[0]).toMatchObject({ status: "recreated", sheet: sky.sheetName, added: sky.rows.length });
    expect(wb.charts.filter((c) => c.sheet.name === sky.sheetName)).toHaveLength(sky.charts.length);
  });

  it("finds a table whose sheet was renamed and refreshes it there", async () => {
    const { wb, s } = await analystWorkbook();
    wb.renameSheet(s, "My returns");
    const result = await load(wb, [sky]);
    expect(result.tables[0]).toMatchObject({ status: "refreshed", sheet: "My returns", added: 0, removed: 0, revised: 0 });
    expect(wb.sheet(sky.sheetName)).toBeUndefined();
    expect(wb.charts.filter((c) => c.sheet === s)).toHaveLength(sky.charts.length);
  });

  it("needs a fixed number of syncs for a refresh, whatever the row count", async () => {
    const { wb } = await analystWorkbook();
    await load(wb, [withRows(sky, [...sky.rows].reverse())]);
    // read the workbook, read the tables, read their cells, one write chunk, finish
    expect(wb.syncs).toHaveLength(5);
    expect(Math.max(...wb.syncs.map((s) => s.requestBytes))).toBeLessThan(1_000_000);
  });
});

describe("loadPlans: the sheet's data version note", () => {
  const withVersion = (plan: SheetPlan, version: string): SheetPlan => ({ ...plan, notes: plan.notes.map((n) => n.replace(/^Data version \S+\./, `Data version ${version}.`)) });

  it("follows the release on refresh, in the syncs a refresh takes anyway, and never overwrites the analyst's words", async () => {
    const wb = freshWorkbook();
    await load(wb, plansFor(["spp"]));
    const sheet = wb.sheet("SPP")!;
    const note = () => wb.readBlock(sheet, { top: 4, left: 0, bottom: 4, right: 0 }, "values")[0]![0];
    expect(note()).toBe(`Data version ${DATA_VERSION}. Sources: see the Sources sheet.`);
    wb.syncs = [];
    await load(wb, [withVersion(planSheet("spp"), "2099.1.0+abcdef12")], { dataVersion: "2099.1.0+abcdef12" });
    const syncs = wb.syncs.length;
    expect(note()).toBe("Data version 2099.1.0+abcdef12. Sources: see the Sources sheet.");
    wb.syncs = [];
    await load(wb, [withVersion(planSheet("spp"), "2099.1.0+abcdef12")], { dataVersion: "2099.1.0+abcdef12" });
    expect(wb.syncs.length).toBe(syncs);
    wb.typeIntoCell("SPP", "A5", "My own note about these figures");
    await load(wb, [withVersion(planSheet("spp"), "2099.2.0+12345678")], { dataVersion: "2099.2.0+12345678" });
    expect(note()).toBe("My own note about these figures");
  });
});
