// The adapter's contract: what an insert and a refresh leave in a workbook, set up and read back through the Office
// API only, so the same cases run on the workbook double (double.test.ts, vitest) and in real Excel (in-excel.ts,
// with Microsoft's office-addin-test-server; see README "The adapter contract"). Expected values are written out
// from the SPP dataset (its seed article: 762 persons returned in 2013) and the sheet contract's rules.
import { planSheet, planSourcesSheet, type SheetPlan } from "@skynet-data/sdk";
import { loadPlans, type LoadResult } from "../../src/excel/adapter.js";
import { STAMP_KEY } from "../../src/excel/load-plan/index.js";
import type { IsSetSupported } from "../../src/excel/requirements.js";
import type { Runner } from "../../src/excel/run.js";

/** One thing a case saw, and what the contract says it must be. */
export interface Check {
  what: string;
  actual: unknown;
  expected: unknown;
}

export interface ContractCase {
  name: string;
  run: (runner: Runner, isSetSupported: IsSetSupported) => Promise<Check[]>;
}

/** The sheet every case starts from: the only one left after `reset`. */
export const BLANK = "Blank";

/**
 * Brings a workbook back to one blank sheet and no stamp (an unreadable stamp counts as none), so the cases can run
 * one after another in the same Excel workbook.
 */
export async function reset(runner: Runner): Promise<void> {
  await runner(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load("items/name");
    await ctx.sync();
    if (!sheets.items.some((s) => s.name === BLANK)) ctx.workbook.worksheets.add(BLANK);
    ctx.workbook.worksheets.getItem(BLANK).activate();
    await ctx.sync();
    for (const s of sheets.items) if (s.name !== BLANK) s.delete();
    ctx.workbook.settings.add(STAMP_KEY, "none");
    await ctx.sync();
  });
}

const SPP_PLANS = (): SheetPlan[] => [planSheet("spp"), planSourcesSheet(["spp"])];
const NOW = () => new Date("2026-03-01T12:00:00Z");

const load = (runner: Runner, isSetSupported: IsSetSupported, choose: (stamp: { datasets: string[] } | null) => SheetPlan[]): Promise<LoadResult> =>
  runner((ctx) => loadPlans(ctx, choose, { dataVersion: "contract", now: NOW, isSetSupported }));

/** Reads cells and table addresses back through the Office API. */
async function read(runner: Runner, what: { cells?: [sheet: string, address: string][]; tables?: string[] }) {
  return runner(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load("items/name");
    const cells = (what.cells ?? []).map(([s, a]) => ctx.workbook.worksheets.getItem(s).getRange(a).load("values"));
    const tables = (what.tables ?? []).map((t) => ctx.workbook.tables.getItem(t).getRange().load("address"));
    const stamp = ctx.workbook.settings.getItemOrNullObject(STAMP_KEY).load("value");
    await ctx.sync();
    return {
      sheets: sheets.items.map((s) => s.name),
      cells: cells.map((c) => c.values),
      tables: tables.map((t) => t.address),
      stamp: stamp.isNullObject ? null : typeof stamp.value === "string" ? safeParse(stamp.value) : stamp.value,
    };
  });
}

const safeParse = (s: string): unknown => {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
};

/** SPP with the first row's value (spp.returned, 2013: 762 persons) changed, and optionally a fifth row. */
function sppWith(value: number, extraRow = false): SheetPlan {
  const p = planSheet("spp");
  const rows = p.rows.map((r, i) => (i === 0 ? r.map((v, j) => (j === 6 ? value : v)) : r));
  if (extraRow) rows.push(rows[3]!.map((v, j) => (j === 3 ? "2015" : j === 4 ? 42005 : j === 5 ? 42369 : v)));
  return { ...p, rows, numberFormats: rows.map((_, i) => [...p.numberFormats[Math.min(i, p.numberFormats.length - 1)]!]) };
}

export const CASES: ContractCase[] = [
  {
    name: "inserts SPP and its Sources sheet: title in A1, the table at A7:P11, Sources at A4:I5, the stamp",
    async run(runner, isSetSupported) {
      await reset(runner);
      const result = await load(runner, isSetSupported, SPP_PLANS);
      const seen = await read(runner, { cells: [["SPP", "A1"], ["SPP", "G8"]], tables: ["SkyNet_spp", "SkyNet_sources"] });
      return [
        { what: "statuses", actual: result.tables.map((t) => [t.table, t.status, t.message]), expected: [["SkyNet_spp", "inserted", "Inserted 4 rows."], ["SkyNet_sources", "inserted", "Inserted 1 row."]] },
        { what: "sheets", actual: seen.sheets.filter((s) => s !== BLANK), expected: ["SPP", "Sources"] },
        { what: "title and the 2013 figure", actual: seen.cells, expected: [[["Supreme People's Procuratorate figures"]], [[762]]] },
        { what: "table addresses", actual: seen.tables, expected: ["SPP!A7:P11", "Sources!A4:I5"] },
        { what: "stamp", actual: seen.stamp, expected: { dataVersion: "contract", loadedAt: "2026-03-01T12:00:00.000Z", datasets: ["spp"] } },
      ];
    },
  },
  {
    name: "refreshes SPP in place: the revised figure is written, reported, and the analyst's cell beside the table kept",
    async run(runner, isSetSupported) {
      await reset(runner);
      await load(runner, isSetSupported, SPP_PLANS);
      await runner(async (ctx) => {
        ctx.workbook.worksheets.getItem("SPP").getRange("R8").values = [["mine"]];
        await ctx.sync();
      });
      const result = await load(runner, isSetSupported, () => [sppWith(763)]);
      const seen = await read(runner, { cells: [["SPP", "G8"], ["SPP", "R8"]], tables: ["SkyNet_spp"] });
      return [
        { what: "report", actual: [result.tables[0]!.status, result.tables[0]!.revisedCells, result.tables[0]!.message], expected: ["refreshed", [{ key: "spp.returned|41275|41639|seed", column: "Value", from: "762", to: "763" }], "Refreshed: 0 rows added, 0 removed, 1 value revised."] },
        { what: "cells", actual: seen.cells, expected: [[[763]], [["mine"]]] },
        { what: "table address", actual: seen.tables, expected: ["SPP!A7:P11"] },
      ];
    },
  },
  {
    name: "leaves SPP unchanged, naming the cell in the way, when a new row would overwrite the analyst's data",
    async run(runner, isSetSupported) {
      await reset(runner);
      await load(runner, isSetSupported, SPP_PLANS);
      await runner(async (ctx) => {
        ctx.workbook.worksheets.getItem("SPP").getRange("B12").values = [["mine"]];
        await ctx.sync();
      });
      const result = await load(runner, isSetSupported, () => [sppWith(763, true)]);
      const seen = await read(runner, { cells: [["SPP", "G8"], ["SPP", "B12"]], tables: ["SkyNet_spp"] });
      return [
        { what: "report", actual: [result.tables[0]!.status, result.tables[0]!.blockedBy, result.tables[0]!.message], expected: ["blocked", ["B12"], 'Left unchanged: it needs 1 more row(s), but B12 on "SPP" hold other data. Move those cells, then refresh again.'] },
        { what: "cells", actual: seen.cells, expected: [[[762]], [["mine"]]] },
        { what: "table address", actual: seen.tables, expected: ["SPP!A7:P11"] },
      ];
    },
  },
  {
    name: "recreates a deleted sheet from the stamp's datasets",
    async run(runner, isSetSupported) {
      await reset(runner);
      await load(runner, isSetSupported, SPP_PLANS);
      await runner(async (ctx) => {
        ctx.workbook.worksheets.getItem("SPP").delete();
        await ctx.sync();
      });
      const result = await load(runner, isSetSupported, (stamp) => [...(stamp?.datasets ?? []).map((id) => planSheet(id)), planSourcesSheet(stamp?.datasets ?? [])]);
      const seen = await read(runner, { tables: ["SkyNet_spp"] });
      return [
        { what: "statuses", actual: result.tables.map((t) => [t.table, t.status]), expected: [["SkyNet_sources", "refreshed"], ["SkyNet_spp", "recreated"]] },
        { what: "table address", actual: seen.tables, expected: ["SPP!A7:P11"] },
      ];
    },
  },
];
