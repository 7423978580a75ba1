// How a batch reaches a workbook: Excel.run inside Office, the workbook double in the browser preview and the tests.
// Not the workbook/ barrel: it carries the formula engine, which the pane loads only for its preview.
import { runOn, type RequestContext } from "../workbook/api.js";
import type { WorkbookModel } from "../workbook/model.js";
import type { WorkbookContext } from "./office.js";

/** Runs one batch of commands against a workbook, the way `Excel.run` does. */
export type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The runner inside Office: Excel.run. */
export const officeRunner: Runner = (batch) => Excel.run(batch);

/**
 * The double's context where a batch expects Office's. What tsc checks: the double implements WorkbookContext
 * (office.ts, Office's own types) and Excel.RequestContext satisfies it; the adapter and recalc take only a
 * WorkbookContext. Members outside that surface (the finder's selection and notes) are the double's word alone
 * until they are added to office.ts.
 */
const asOfficeContext = (context: RequestContext & WorkbookContext): Excel.RequestContext => context as unknown as Excel.RequestContext;

/** The runner for the in-memory workbook. */
export const doubleRunner =
  (model: WorkbookModel): Runner =>
  (batch) =>
    runOn(model, (context) => batch(asOfficeContext(context)));
