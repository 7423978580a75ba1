// The preview's formula calculator, loaded on demand: the formula engine (fast-formula-parser, about 300 KB) is fetched
// only when the pane runs its preview, never in Excel.
import { publishedFunctions } from "../../functions/published.js";
import type { FormulaCalculator } from "../../workbook/formulas.js";

/**
 * A calculator whose SKYNET.* functions are the wrappers functions.js published on this page (the ones Excel is
 * given), read at every call so each release the data feed swaps in answers at once.
 * @example
 * wb.functions = await previewCalculator(); // then =SKYNET.CAPTURES(2014) typed into a cell shows 680
 */
export async function previewCalculator(): Promise<FormulaCalculator> {
  const { functionHost } = await import("../../workbook/formulas.js");
  return functionHost(() => publishedFunctions());
}
