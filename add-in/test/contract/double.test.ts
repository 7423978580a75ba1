// The adapter contract on the workbook double: each case from a fresh workbook, at the newest Excel and at the oldest
// the pane supports without Table.resize (Excel on Mac 16.35, ExcelApi 1.11).
import { describe, expect, expectTypeOf, it } from "vitest";
import type { OfficeContext, WorkbookContext } from "../../src/excel/office.js";
import { doubleRunner } from "../../src/excel/run.js";
import { HOSTS } from "../../src/workbook/hosts.js";
import { WorkbookModel, type RequestContext } from "../../src/workbook/index.js";
import { CASES } from "./cases.js";

describe("the Office surface", () => {
  it("is satisfied by Office's own request context and by the double's", () => {
    expectTypeOf<Excel.RequestContext>().toMatchTypeOf<WorkbookContext>();
    expectTypeOf<RequestContext>().toMatchTypeOf<WorkbookContext>();
    expectTypeOf<Excel.RequestContext>().toMatchTypeOf<OfficeContext>();
    expectTypeOf<RequestContext>().toMatchTypeOf<OfficeContext>();
  });
});

describe.each(["web", "mac-oldest"] as const)("the adapter contract on the workbook double (%s)", (host) => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_, c) => {
    const wb = WorkbookModel.blank(HOSTS[host].sets);
    const checks = await c.run(doubleRunner(wb), (name, v) => wb.isSetSupported(name, v));
    for (const check of checks) expect(check.actual, check.what).toEqual(check.expected);
  });
});
