// Shared set-up for the taskpane tests: a blank workbook double and the adapter run against it.
import { DATA_VERSION, listDatasets, planSheet, planSourcesSheet, type SheetPlan } from "@skynet-data/sdk";
import { loadPlans, type LoadOptions } from "../../src/excel/adapter.js";
import type { Stamp } from "../../src/excel/load-plan/index.js";
import { doubleRunner } from "../../src/excel/run.js";
import { WorkbookModel } from "../../src/workbook/index.js";

export const NOW = () => new Date("2026-03-01T12:00:00Z");
export const ALL_IDS = listDatasets().map((d) => d.id);

/** The plans the pane sends for these datasets (each dataset, then the Sources sheet). */
export const plansFor = (ids: readonly string[]): SheetPlan[] => [...ids.map(planSheet), planSourcesSheet(ids)];

/** Loads plans into a workbook through the adapter and the double's Excel.run. */
export function load(model: WorkbookModel, plans: SheetPlan[] | ((stamp: Stamp | null) => SheetPlan[]), options: Partial<LoadOptions> = {}) {
  const choose = typeof plans === "function" ? plans : () => plans;
  return doubleRunner(model)((ctx) => loadPlans(ctx, choose, { dataVersion: DATA_VERSION, now: NOW, isSetSupported: (name, v) => model.isSetSupported(name, v), ...options }));
}

/** A copy of a plan with its rows changed (the same columns and formats per row). */
export function withRows(plan: SheetPlan, rows: SheetPlan["rows"]): SheetPlan {
  const fmt = plan.numberFormats[0]!;
  return { ...plan, rows, numberFormats: rows.map(() => [...fmt]) };
}

export const freshWorkbook = () => WorkbookModel.blank();
