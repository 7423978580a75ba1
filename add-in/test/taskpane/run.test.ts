import { OfficeMockObject } from "office-addin-mock";
import { afterEach, describe, expect, it, vi } from "vitest";
import { officeRunner } from "../../src/excel/run.js";

describe("officeRunner", () => {
  afterEach(() => {
    delete (globalThis as { Excel?: unknown }).Excel;
  });

  it("hands the batch the context of Excel.run and returns its result", async () => {
    const mock = new OfficeMockObject({
      context: { workbook: { worksheets: { count: 3 } } },
      run: async function (this: { context: unknown }, batch: (ctx: unknown) => Promise<unknown>) {
        return batch(this.context);
      },
    });
    (globalThis as { Excel?: unknown }).Excel = mock;
    const sync = vi.spyOn((mock as unknown as { context: { sync: () => Promise<void> } }).context, "sync");
    const result = await officeRunner(async (ctx) => {
      const sheets = ctx.workbook.worksheets as unknown as OfficeMockObject & { count: number };
      sheets.load("count");
      await ctx.sync();
      return sheets.count;
    });
    expect(result).toBe(3);
    expect(sync).toHaveBeenCalledTimes(1);
  });
});
