// Formulas follow a new release: after the data feed swaps the catalogue, every =SKYNET.* cell must show its new
// answer. Excel calls a non-volatile custom function again only on a full calculation, so that is what is asked for:
// one command, nothing read (the README's "Formulas follow" compares it with the alternatives, measured). The workbook
// remembers which release its formulas were last calculated with, so a start-up that restores that same release asks
// for nothing.

import type { WorkbookContext } from "./office.js";

/** Excel.CalculationType.full: calculates every formula in every open workbook, custom functions included. */
export const FULL_CALCULATION = "Full";

/** The workbook setting that records the data version the formulas were last fully calculated with. */
export const CALCULATED_WITH_KEY = "SkyNetData.calculatedWith";

/**
 * Queues a full calculation in a batch (no sync), and records the release it follows: the adapter adds it to a
 * refresh's last sync, so formulas follow at no extra round trip.
 */
export function queueFullCalculation(context: WorkbookContext, dataVersion?: string): void {
  context.workbook.application.calculate(FULL_CALCULATION as Excel.CalculationType);
  if (dataVersion) context.workbook.settings.add(CALCULATED_WITH_KEY, dataVersion);
}

/** A full calculation on its own: one sync. */
export async function recalculateFormulas(context: WorkbookContext, dataVersion?: string): Promise<void> {
  queueFullCalculation(context, dataVersion);
  await context.sync();
}

/**
 * A full calculation unless the workbook's formulas were last calculated with this very release (read first: one
 * sync, and a second when it calculates). Returns whether it calculated.
 */
export async function recalculateIfStale(context: WorkbookContext, dataVersion: string): Promise<boolean> {
  const setting = context.workbook.settings.getItemOrNullObject(CALCULATED_WITH_KEY).load("value");
  await context.sync();
  if (!setting.isNullObject && setting.value === dataVersion) return false;
  await recalculateFormulas(context, dataVersion);
  return true;
}
