// How a batch reaches a workbook: Excel.run inside Office, the workbook double in the browser preview and the tests.
import { runOn, type WorkbookModel } from "../workbook/index.js";

/** Runs one batch of commands against a workbook, the way `Excel.run` does. */
export type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The runner inside Office: Excel.run. */
export const officeRunner: Runner = (batch) => Excel.run(batch);

/** The runner for the in-memory workbook (its context implements the part of the API the adapter uses). */
export const doubleRunner =
  (model: WorkbookModel): Runner =>
  (batch) =>
    runOn(model, (context) => batch(context as unknown as Excel.RequestContext));
