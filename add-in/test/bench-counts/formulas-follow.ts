// How =SKYNET formulas follow a new release, measured on the workbook double: what each way costs in syncs and bytes,
// on a workbook of realistic size (every dataset inserted, an analysis sheet of =SKYNET formulas among ordinary
// formulas and typed figures). Used by the test beside it and by the bench (tests/bench/items/data-feed.ts).
import { functionsFor, listDatasets, planSheet, planSourcesSheet, type Catalog } from "@skynet-data/sdk";
import { loadPlans } from "../../src/excel/adapter.js";
import { recalculateFormulas } from "../../src/excel/recalc.js";
import { doubleRunner } from "../../src/excel/run.js";
import { functionHost, WorkbookModel } from "../../src/workbook/index.js";

export interface WorkbookSize {
  /** =SKYNET formulas on the analysis sheet. */
  skynet: number;
  /** Ordinary formulas (=B2*2 and the like) on it. */
  ordinary: number;
  /** Typed figures on it. */
  values: number;
}

export interface WayCost {
  way: string;
  syncs: number;
  requestBytes: number;
  /** Bytes Excel sends back (what the add-in reads). */
  responseBytes: number;
  /** Formulas Excel calculates, and how many of them call a custom function. */
  formulasCalculated: number;
  functionCalls: number;
  /** Whether every =SKYNET cell shows the new release's answer afterwards. */
  follows: boolean;
}

const YEARLY = ["CAPTURES", "RETURNED", "RECOVERED", "SURRENDERED", "COUNTRIES"] as const;

/** The analysis sheet's formulas: yearly figures, cards and citations for 2013–2024, cycling. */
function skynetFormula(i: number): string {
  const year = 2013 + (i % 12);
  const kind = Math.floor(i / 12) % 8;
  if (kind < YEARLY.length) return `=SKYNET.${YEARLY[kind]}(${year})`;
  if (kind === 5) return `=SKYNET.FIGURE("sky-net.returned", ${year})`;
  if (kind === 6) return `=SKYNET.SOURCE("sky-net.recovered", ${year})`;
  return `=SKYNET.TREATIES_IN_FORCE("extradition", "${year}-12-31")`;
}

/** A workbook with every dataset inserted and an analysis sheet of the given size, answering from `from`. */
export async function realisticWorkbook(from: Catalog, size: WorkbookSize): Promise<{ wb: WorkbookModel; use: (c: Catalog) => void }> {
  const wb = WorkbookModel.blank();
  let fns = functionsFor(from);
  wb.functions = functionHost(() => fns);
  const ids = listDatasets().map((d) => d.id);
  await doubleRunner(wb)((ctx) => loadPlans(ctx, () => [...ids.map(planSheet), planSourcesSheet(ids)], { dataVersion: "bench" }));
  const sheet = wb.addSheet("Analysis");
  const width = 20;
  let n = 0;
  const put = (text: string | number) => {
    wb.writeValue(sheet, 1 + Math.floor(n / width), n % width, text);
    n++;
  };
  for (let i = 0; i < size.values; i++) put(1000 + i);
  for (let i = 0; i < size.ordinary; i++) put(`=A${2 + (i % 50)}*2+B${2 + (i % 40)}`);
  for (let i = 0; i < size.skynet; i++) put(skynetFormula(i));
  return { wb, use: (c) => (fns = functionsFor(c)) };
}

/** The =SKYNET cells' values, to see whether they follow. */
const skynetValues = (wb: WorkbookModel) => [...wb.sheet("Analysis")!.cells.values()].filter((c) => c.formula?.startsWith("=SKYNET.")).map((c) => c.value);

/**
 * Measures each way for a workbook answering from `from` when the release becomes `to`: a full calculation
 * (Application.calculate Full), a plain recalculation (what Excel does by itself), and rewriting every cell that holds a
 * =SKYNET formula (read every sheet's formulas, write those cells' formulas back). Streaming functions cost no sync;
 * they are described beside the figures, not run (this double has no streaming invocations).
 */
export async function measureFormulasFollow(from: Catalog, to: Catalog, size: WorkbookSize): Promise<{ ways: WayCost[]; cells: number; formulaTextBytes: number }> {
  const ways: WayCost[] = [];
  const expected = await (async () => {
    const { wb } = await realisticWorkbook(to, size);
    return JSON.stringify(skynetValues(wb));
  })();
  const run = async (way: string, act: (wb: WorkbookModel) => Promise<void>) => {
    const { wb, use } = await realisticWorkbook(from, size);
    use(to);
    wb.syncs = [];
    wb.calculations = [];
    await act(wb);
    ways.push({
      way,
      syncs: wb.syncs.length,
      requestBytes: wb.syncs.reduce((a, s) => a + s.requestBytes, 0),
      responseBytes: wb.syncs.reduce((a, s) => a + s.responseBytes, 0),
      formulasCalculated: wb.calculations.reduce((a, c) => a + c.formulas, 0),
      functionCalls: wb.calculations.reduce((a, c) => a + c.functionCalls, 0),
      follows: JSON.stringify(skynetValues(wb)) === expected,
    });
    return wb;
  };
  await run("full calculation", (wb) => doubleRunner(wb)((ctx) => recalculateFormulas(ctx, "bench")));
  await run("plain recalculation", (wb) =>
    doubleRunner(wb)(async (ctx) => {
      ctx.workbook.application.calculate("Recalculate");
      await ctx.sync();
    }),
  );
  const probe = await run("rewrite the =SKYNET cells", (wb) =>
    doubleRunner(wb)(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name");
      await ctx.sync();
      const used = sheets.items.map((s) => ctx.workbook.worksheets.getItem(s.name).getUsedRange().load("address,formulas"));
      await ctx.sync();
      used.forEach((range, k) => {
        const top = Number(/!\$?[A-Z]+\$?(\d+)/.exec(range.address)?.[1] ?? 1) - 1;
        const left = letters(/!\$?([A-Z]+)/.exec(range.address)?.[1] ?? "A");
        range.formulas.forEach((row: unknown[], i: number) =>
          row.forEach((f, j) => {
            if (typeof f === "string" && /^=\s*SKYNET\./i.test(f)) ctx.workbook.worksheets.getItem(sheets.items[k]!.name).getCell(top + i, left + j).formulas = [[f]];
          }),
        );
      });
      await ctx.sync();
    }),
  );
  const cells = probe.sheets.reduce((a, s) => a + s.cells.size, 0);
  const formulaTextBytes = probe.sheets.reduce((a, s) => a + [...s.cells.values()].reduce((b, c) => b + (c.formula ? c.formula.length + 3 : 0), 0), 0);
  return { ways, cells, formulaTextBytes };
}

const letters = (col: string) => [...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
