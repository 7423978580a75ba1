// How a batch reaches a workbook: Excel.run inside Office, the workbook double in the browser preview and the tests.
// Not the workbook/ barrel: it carries the formula engine, which the pane loads only for its preview.
import { runOn } from "../workbook/api.js";
import type { WorkbookModel } from "../workbook/model.js";
import type { OfficeContext } from "./office.js";

/** Runs one batch of commands against a workbook, the way `Excel.run` does. */
export type Runner = <T>(batch: (context: OfficeContext) => Promise<T>) => Promise<T>;

/** The runner inside Office: Excel.run (tsc checks that Excel.RequestContext satisfies OfficeContext). */
export const officeRunner: Runner = (batch) => Excel.run(batch);

/** The runner for the in-memory workbook (tsc checks that the double's context satisfies OfficeContext). */
export const doubleRunner =
  (model: WorkbookModel): Runner =>
  (batch) =>
    runOn(model, batch);
