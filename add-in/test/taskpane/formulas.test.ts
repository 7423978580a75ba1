// The workbook double's formulas: =SKYNET.X(constant arguments) calculated by the custom functions, spills, and
// Excel's rule that a non-volatile custom function is called again only by a full calculation.
import { readFileSync } from "node:fs";
import { functionsFor, loadRelease, type Catalog } from "@skynet-data/sdk";
import { describe, expect, it } from "vitest";
import { doubleRunner } from "../../src/excel/run.js";
import { CALCULATED_WITH_KEY, recalculateFormulas, recalculateIfStale } from "../../src/excel/recalc.js";
import { functionHost, parseSkynetCall, WorkbookModel } from "../../src/workbook/index.js";

const release = (v: string): Catalog => loadRelease(readFileSync(new URL(`../../../sdk/src/releases/${v}.json`, import.meta.url), "utf8"));
const R0 = release("2026.11.0");
const R1 = release("2026.11.1");

/** A blank workbook whose formulas call the functions of `catalog`; `use` swaps the release, as the data feed does. */
function workbook(catalog: Catalog) {
  const wb = WorkbookModel.blank();
  let fns = functionsFor(catalog);
  wb.functions = functionHost(() => fns);
  return { wb, sheet: wb.sheets[0]!, use: (c: Catalog) => (fns = functionsFor(c)) };
}

describe("parseSkynetCall", () => {
  it.each([
    ["=SKYNET.CAPTURES(2014)", { id: "CAPTURES", args: [2014] }],
    ['=skynet.captures(2014, "SPP")', { id: "CAPTURES", args: [2014, "SPP"] }],
    ["=SKYNET.TREATIES_IN_FORCE()", { id: "TREATIES_IN_FORCE", args: [] }],
    ["=SKYNET.TREATIES_IN_FORCE(,)", { id: "TREATIES_IN_FORCE", args: [null, null] }],
    ['=SKYNET.SOURCE("a ""quoted"" id", -1.5e3)', { id: "SOURCE", args: ['a "quoted" id', -1500] }],
    ["=SKYNET.DATASET(TRUE)", { id: "DATASET", args: [true] }],
  ])("%s reads as %j", (formula, want) => {
    expect(parseSkynetCall(formula)).toEqual(want);
  });

  it.each(["=SKYNET.CAPTURES(A1)", "=SUM(1,2)", "=SKYNET.CAPTURES(2014)+1", '=SKYNET.SOURCE("open', "=SKYNET.CAPTURES(YEAR(A1))", "680"])("leaves %s alone (not a call with constant arguments)", (formula) => {
    expect(parseSkynetCall(formula)).toBeNull();
  });
});

describe("formulas in the workbook double", () => {
  it("calculates a =SKYNET formula when it is entered: the value, an #N/A with its words, a table that spills", () => {
    const { wb, sheet } = workbook(R1);
    wb.typeIntoCell("Sheet1", "A1", "=SKYNET.CAPTURES(2014)");
    wb.typeIntoCell("Sheet1", "A2", "=SKYNET.RETURNED(2016)");
    wb.typeIntoCell("Sheet1", "C1", '=SKYNET.SERIES("spp.returned")');
    expect(wb.cell(sheet, 0, 0)).toMatchObject({ formula: "=SKYNET.CAPTURES(2014)", value: 680, computed: true });
    expect(wb.cell(sheet, 1, 0)).toMatchObject({ value: "#N/A", errorMessage: expect.stringMatching(/^no full, exact figure of sky-net\.returned for 2016\. What exists: 908 persons for Jan–Nov 2016/) });
    // SERIES spills its header and the one SPP returned figure (2013: 762) from C1.
    expect(wb.readBlock(sheet, { top: 0, left: 2, bottom: 1, right: 5 }, "values")).toEqual([
      ["Period", "Start", "End", "Value"],
      ["2013", "2013-01-01", "2013-12-31", 762],
    ]);
    expect(wb.cell(sheet, 1, 5)).toMatchObject({ spillFrom: 2 });
    expect(wb.readBlock(sheet, { top: 0, left: 2, bottom: 0, right: 2 }, "formulas")).toEqual([['=SKYNET.SERIES("spp.returned")']]);
    expect(wb.calculations).toEqual([
      { type: "Entered", formulas: 1, functionCalls: 1 },
      { type: "Entered", formulas: 1, functionCalls: 1 },
      { type: "Entered", formulas: 1, functionCalls: 1 },
    ]);
  });

  it("answers #SPILL! with the cells in the way, and spills once they are cleared", () => {
    const { wb, sheet } = workbook(R1);
    wb.typeIntoCell("Sheet1", "B2", "mine");
    wb.typeIntoCell("Sheet1", "A1", '=SKYNET.SERIES("spp.returned")');
    expect(wb.cell(sheet, 0, 0)).toMatchObject({ value: "#SPILL!", errorMessage: "The spill range isn't blank: B2 hold data." });
    expect(wb.cell(sheet, 1, 1)!.value).toBe("mine");
    wb.typeIntoCell("Sheet1", "B2", "");
    wb.calculate("Full");
    expect(wb.cell(sheet, 0, 0)!.value).toBe("Period");
  });

  it("leaves every other formula as written (this double has no formula engine)", () => {
    const { wb, sheet } = workbook(R1);
    wb.typeIntoCell("Sheet1", "A1", "=SUM(B1:B3)");
    expect(wb.cell(sheet, 0, 0)).toEqual({ value: "=SUM(B1:B3)", formula: "=SUM(B1:B3)", numberFormat: "General" });
    expect(wb.calculations).toEqual([{ type: "Entered", formulas: 1, functionCalls: 0 }]);
  });

  it("calls the functions again only on a full calculation: after a swap, Recalculate keeps the old answers, Full shows the new", () => {
    const { wb, sheet, use } = workbook(R0);
    wb.typeIntoCell("Sheet1", "A1", '=SKYNET.FIGURE("sky-net.returned", 2015)');
    wb.typeIntoCell("Sheet1", "A2", "=SUM(1,2)");
    expect(wb.cell(sheet, 0, 0)!.value).toBe("1,023 persons, 2015");
    use(R1);
    expect(wb.calculate("Recalculate")).toEqual({ type: "Recalculate", formulas: 0, functionCalls: 0 });
    expect(wb.cell(sheet, 0, 0)!.value).toBe("1,023 persons, 2015");
    expect(wb.calculate("Full")).toEqual({ type: "Full", formulas: 2, functionCalls: 1 });
    expect(wb.cell(sheet, 0, 0)!.value).toBe("1,023 persons, 2015 (Apr–Dec)");
  });

  it("runs Application.calculate(Full) as one command in one sync, reading nothing", async () => {
    const { wb, sheet, use } = workbook(R0);
    wb.typeIntoCell("Sheet1", "A1", '=SKYNET.FIGURE("sky-net.returned", 2015)');
    use(R1);
    wb.syncs = [];
    await doubleRunner(wb)(recalculateFormulas);
    expect(wb.syncs).toEqual([{ requestBytes: 2 + 6 + 16 + 24, responseBytes: 2, calculationSuspended: false }]);
    expect(wb.cell(sheet, 0, 0)!.value).toBe("1,023 persons, 2015 (Apr–Dec)");
    expect(() => wb.calculate("Sometimes" as never)).toThrow(/"Sometimes" is not a calculation type/);
  });

  it("at start-up calculates only when the workbook's formulas were last calculated with another release", async () => {
    const { wb, sheet, use } = workbook(R0);
    wb.typeIntoCell("Sheet1", "A1", '=SKYNET.FIGURE("sky-net.returned", 2015)');
    use(R1);
    const v1 = `2026.11.1+${R1.release!.hash.slice(0, 8)}`;
    wb.syncs = [];
    wb.calculations = [];
    expect(await doubleRunner(wb)((ctx) => recalculateIfStale(ctx, v1))).toBe(true);
    expect(wb.syncs).toHaveLength(2);
    expect(wb.settings.get(CALCULATED_WITH_KEY)).toBe(v1);
    expect(wb.cell(sheet, 0, 0)!.value).toBe("1,023 persons, 2015 (Apr–Dec)");
    // Reopened on the same release: one sync reads the setting, nothing is calculated.
    wb.syncs = [];
    expect(await doubleRunner(wb)((ctx) => recalculateIfStale(ctx, v1))).toBe(false);
    expect(wb.syncs).toHaveLength(1);
    expect(wb.calculations.map((c) => c.type)).toEqual(["Full"]);
  });
});
