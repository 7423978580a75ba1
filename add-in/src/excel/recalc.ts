// Formulas follow a new release: after the data feed swaps the catalogue, every =SKYNET.* cell must show its new
// answer. Excel calls a non-volatile custom function again only on a full calculation, so that is what is asked for:
// one command, one sync, nothing read (the README's "Formulas follow" compares it with the alternatives, measured).

/** Excel.CalculationType.full: calculates every formula in every open workbook, custom functions included. */
export const FULL_CALCULATION = "Full";

/**
 * Queues a full calculation in a batch (no sync): the adapter adds it to a refresh's last sync, so formulas follow at
 * no extra round trip.
 */
export function queueFullCalculation(context: Excel.RequestContext): void {
  context.workbook.application.calculate(FULL_CALCULATION as Excel.CalculationType);
}

/** A full calculation on its own: one sync. */
export async function recalculateFormulas(context: Excel.RequestContext): Promise<void> {
  queueFullCalculation(context);
  await context.sync();
}
