// The workbook double's formulas: Excel's grammar and functions (fast-formula-parser) with the SKYNET.* custom
// functions, spills, error values with their words, dependents recalculated, and Excel's rule that a non-volatile
// custom function is called again only by a full calculation. Expected figures are written out from the datasets
// (sdk/src/datasets/*/data.ts): Fox Hunt 2014 captured 680 (SPP: 749), 2015 (Apr–Dec) 857, 2022 "more than 700";
// SPP returned 762 in 2013; Sky Net returned 908 in Jan–Nov 2016 only.
import { existsSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { functionsFor, loadRelease, type Catalog } from "@skynet-data/sdk";
import { describe, expect, it } from "vitest";
import { doubleRunner } from "../../src/excel/run.js";
import { CALCULATED_WITH_KEY, recalculateFormulas, recalculateIfStale } from "../../src/excel/recalc.js";
import { FUNCTIONS_GLOBAL } from "../../src/functions/published.js";
import { functionHost, type FunctionTable } from "../../src/workbook/formulas.js";
import { WorkbookModel } from "../../src/workbook/index.js";

const release = (v: string): Catalog => loadRelease(readFileSync(new URL(`../../../sdk/src/releases/${v}.json`, import.meta.url), "utf8"));
const R0 = release("2026.11.0");
const R1 = release("2026.11.1");

/** A blank workbook whose formulas call the functions of `catalog`; `use` swaps the release, as the data feed does. */
function workbook(catalog: Catalog) {
  const wb = WorkbookModel.blank();
  let fns = functionsFor(catalog);
  wb.functions = functionHost(() => fns);
  const sheet = wb.sheets[0]!;
  const at = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    return wb.cell(sheet, Number(m[2]) - 1, [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1);
  };
  const type = (a: string, text: string) => wb.typeIntoCell("Sheet1", a, text);
  return { wb, sheet, at, type, use: (c: Catalog) => (fns = functionsFor(c)) };
}

describe("formulas in the workbook double", () => {
  it("calculates a =SKYNET formula when it is entered: the value, an #N/A with its words, a table that spills", () => {
    const { wb, sheet, at, type } = workbook(R1);
    type("A1", "=SKYNET.CAPTURES(2014)");
    type("A2", "=SKYNET.RETURNED(2016)");
    type("C1", '=SKYNET.SERIES("spp.returned")');
    expect(at("A1")).toMatchObject({ formula: "=SKYNET.CAPTURES(2014)", value: 680, computed: true });
    expect(at("A2")).toMatchObject({ value: "#N/A", errorMessage: expect.stringMatching(/^no full, exact figure of sky-net\.returned for 2016\. What exists: 908 persons for Jan–Nov 2016/) });
    // SERIES spills its header and the one SPP returned figure (2013: 762) from C1.
    expect(wb.readBlock(sheet, { top: 0, left: 2, bottom: 1, right: 5 }, "values")).toEqual([
      ["Period", "Start", "End", "Value"],
      ["2013", "2013-01-01", "2013-12-31", 762],
    ]);
    expect(at("F2")).toMatchObject({ spillFrom: 2 });
    expect(wb.readBlock(sheet, { top: 0, left: 2, bottom: 0, right: 2 }, "formulas")).toEqual([['=SKYNET.SERIES("spp.returned")']]);
    expect(wb.calculations).toEqual([
      { type: "Entered", formulas: 1, functionCalls: 1 },
      { type: "Entered", formulas: 1, functionCalls: 1 },
      { type: "Entered", formulas: 1, functionCalls: 1 },
    ]);
  });

  it("gives #N/A with the words of what exists for a year whose only figure is a lower bound", () => {
    const { at, type } = workbook(R1);
    type("A1", "=SKYNET.CAPTURES(2022)");
    expect(at("A1")).toMatchObject({ value: "#N/A", computed: true, errorMessage: expect.stringMatching(/700/) });
  });

  it("spills a whole series down and right: the Fox Hunt captures' header and first rows", () => {
    const { wb, sheet, type } = workbook(R1);
    type("B2", '=SKYNET.SERIES("fox-hunt.captured")');
    expect(wb.readBlock(sheet, { top: 1, left: 1, bottom: 4, right: 4 }, "values")).toEqual([
      ["Period", "Start", "End", "Value"],
      ["2014 (Jul–Dec)", "2014-07-01", "2014-12-31", 680],
      ["2015 (Apr–Dec)", "2015-04-01", "2015-12-31", 857],
      ["2016", "2016-01-01", "2016-12-31", 951],
    ]);
  });

  it("calculates cell references, ranges, operators and nested calls, with Excel's own functions", () => {
    const { at, type } = workbook(R1);
    type("A1", "=SKYNET.CAPTURES(2014)");
    type("B1", "=A1*2");
    type("C1", '=SKYNET.CAPTURES(2014)+SKYNET.CAPTURES(2014, "SPP")');
    type("D1", "2014");
    type("D2", "=SKYNET.CAPTURES(D1)");
    type("D3", "=SKYNET.CAPTURES(YEAR(DATE(2014,6,30)))");
    type("D4", "=SUM(A1:C1)");
    type("D5", '=IFERROR(SKYNET.RETURNED(2016), "no full year")');
    type("D6", '=INDEX(SKYNET.SERIES("spp.returned"), 2, 4)');
    type("D7", '="Captured: "&TEXT(A1,"#,##0")');
    expect([at("B1")!.value, at("C1")!.value, at("D2")!.value, at("D3")!.value, at("D4")!.value, at("D5")!.value, at("D6")!.value, at("D7")!.value]).toEqual([
      1360,
      680 + 749,
      680,
      680,
      680 + 1360 + 1429,
      "no full year",
      762,
      "Captured: 680",
    ]);
  });

  it("gives Excel's error values, each with words: #DIV/0!, #NAME? for an unknown function, #REF!, #VALUE!, and an #N/A passed on", () => {
    const { at, type } = workbook(R1);
    type("A1", "=1/0");
    type("A2", "=SKYNET.NOPE(1)");
    type("A3", "=NOPE(1)");
    type("A4", "='No such sheet'!A1");
    type("A5", '="words"+1');
    type("A6", "=SKYNET.RETURNED(2016)");
    type("A7", "=A6*2");
    type("A8", "=SKYNET.CAPTURES(B1:B2)");
    type("A9", "=A6");
    expect(at("A1")).toMatchObject({ value: "#DIV/0!", errorMessage: "A number is divided by zero or by an empty cell." });
    expect(at("A2")).toMatchObject({ value: "#NAME?", errorMessage: expect.stringMatching(/^SKYNET\.NOPE is not a Sky Net Data function\. The functions are SKYNET\.TREATIES_IN_FORCE, .*SKYNET\.REVISIONS\.$/) });
    expect(at("A3")).toMatchObject({ value: "#NAME?", errorMessage: expect.stringMatching(/^NOPE is not among the functions the preview calculates/) });
    expect(at("A4")).toMatchObject({ value: "#REF!", errorMessage: 'There is no sheet named "No such sheet".' });
    expect(at("A5")).toMatchObject({ value: "#VALUE!", errorMessage: expect.stringMatching(/wrong type/) });
    // A referenced #N/A passes on with the words of the cell it came from.
    expect(at("A7")).toMatchObject({ value: "#N/A", errorMessage: at("A6")!.errorMessage });
    expect(at("A7")!.errorMessage).toMatch(/908 persons for Jan–Nov 2016/);
    expect(at("A9")).toMatchObject({ value: "#N/A", errorMessage: at("A6")!.errorMessage });
    expect(at("A8")).toMatchObject({ value: "#VALUE!", errorMessage: expect.stringMatching(/^SKYNET\.CAPTURES takes one value per argument, not a range of 2 × 1 cells/) });
  });

  it("recalculates the cells that depend on a changed cell, and only those", () => {
    const { wb, at, type } = workbook(R1);
    type("A1", "2014");
    type("B1", "=SKYNET.CAPTURES(A1)");
    type("C1", "=B1*2");
    type("D1", "=SKYNET.CAPTURES(2014, \"SPP\")");
    expect([at("B1")!.value, at("C1")!.value]).toEqual([680, 1360]);
    wb.calculations = [];
    type("A1", "2015");
    expect([at("B1")!.value, at("C1")!.value, at("D1")!.value]).toEqual([857, 1714, 749]);
    // B1 and C1 were calculated again; D1 (constant arguments) was not.
    expect(wb.calculations).toEqual([{ type: "Entered", formulas: 2, functionCalls: 1 }]);
    type("A1", "2022");
    expect([at("B1")!.value, at("C1")!.value]).toEqual(["#N/A", "#N/A"]);
  });

  it("reads the cells of a spill, and what reads them follows when the spill changes", () => {
    const { at, type } = workbook(R1);
    type("A1", "2014");
    type("B1", '=SKYNET.SERIES("fox-hunt.captured", A1, 2016)');
    type("A10", "=SUM(E2:E10)");
    expect(at("A10")!.value).toBe(680 + 857 + 951);
    type("A1", "2015");
    expect(at("A10")!.value).toBe(857 + 951);
    // The row the spill no longer reaches is empty again.
    expect(at("B4")).toBeUndefined();
  });

  it("answers #SPILL! with the cells in the way, keeps what the analyst typed, and spills once they are cleared", () => {
    const { at, type } = workbook(R1);
    type("B2", "mine");
    type("A1", '=SKYNET.SERIES("spp.returned")');
    expect(at("A1")).toMatchObject({ value: "#SPILL!", errorMessage: "The spill range isn't blank: B2 hold data." });
    expect(at("B2")!.value).toBe("mine");
    type("B2", "");
    expect(at("A1")!.value).toBe("Period");
    expect(at("B2")).toMatchObject({ value: "2013-01-01", spillFrom: 0 });
    // Typing into a spilled cell blocks the spill again; the typed value stays.
    type("D2", "42");
    expect(at("A1")).toMatchObject({ value: "#SPILL!", errorMessage: "The spill range isn't blank: D2 hold data." });
    expect(at("D2")!.value).toBe(42);
    expect(at("B2")).toBeUndefined();
  });

  it("shows a formula it cannot read as written, with the reason, and answers 0 for a circular reference", () => {
    const { at, type } = workbook(R1);
    type("A1", "=SUM(");
    expect(at("A1")).toMatchObject({ value: "=SUM(", formula: "=SUM(", unreadable: expect.stringMatching(/^The preview cannot read this formula/) });
    expect(at("A1")!.computed).toBeUndefined();
    type("A2", "=A2+1");
    expect(at("A2")).toMatchObject({ value: 0, circular: true });
  });

  it("calls the functions again only on a full calculation: after a swap, Recalculate keeps the old answers, Full shows the new", () => {
    const { wb, at, type, use } = workbook(R0);
    type("A1", '=SKYNET.FIGURE("sky-net.returned", 2015)');
    type("A2", "=SUM(1,2)");
    expect(at("A1")!.value).toBe("1,023 persons, 2015");
    expect(at("A2")!.value).toBe(3);
    use(R1);
    expect(wb.calculate("Recalculate")).toEqual({ type: "Recalculate", formulas: 0, functionCalls: 0 });
    expect(at("A1")!.value).toBe("1,023 persons, 2015");
    expect(wb.calculate("Full")).toEqual({ type: "Full", formulas: 2, functionCalls: 1 });
    expect(at("A1")!.value).toBe("1,023 persons, 2015 (Apr–Dec)");
  });

  it("recalculates volatile formulas (NOW, RAND) on Recalculate, with what depends on them", () => {
    const { wb, type } = workbook(R1);
    type("A1", "=NOW()");
    type("A2", "=A1+1");
    type("A3", "=SKYNET.CAPTURES(2014)");
    expect(wb.calculate("Recalculate")).toEqual({ type: "Recalculate", formulas: 2, functionCalls: 0 });
  });

  it("runs Application.calculate(Full) as one command in one sync, reading nothing", async () => {
    const { wb, at, type, use } = workbook(R0);
    type("A1", '=SKYNET.FIGURE("sky-net.returned", 2015)');
    use(R1);
    wb.syncs = [];
    await doubleRunner(wb)(recalculateFormulas);
    expect(wb.syncs).toEqual([{ requestBytes: 2 + 6 + 16 + 24, responseBytes: 2, calculationSuspended: false }]);
    expect(at("A1")!.value).toBe("1,023 persons, 2015 (Apr–Dec)");
    expect(() => wb.calculate("Sometimes" as never)).toThrow(/"Sometimes" is not a calculation type/);
  });

  it("at start-up calculates only when the workbook's formulas were last calculated with another release", async () => {
    const { wb, at, type, use } = workbook(R0);
    type("A1", '=SKYNET.FIGURE("sky-net.returned", 2015)');
    use(R1);
    const v1 = `2026.11.1+${R1.release!.hash.slice(0, 8)}`;
    wb.syncs = [];
    wb.calculations = [];
    expect(await doubleRunner(wb)((ctx) => recalculateIfStale(ctx, v1))).toBe(true);
    expect(wb.syncs).toHaveLength(2);
    expect(wb.settings.get(CALCULATED_WITH_KEY)).toBe(v1);
    expect(at("A1")!.value).toBe("1,023 persons, 2015 (Apr–Dec)");
    // Reopened on the same release: one sync reads the setting, nothing is calculated.
    wb.syncs = [];
    expect(await doubleRunner(wb)((ctx) => recalculateIfStale(ctx, v1))).toBe(false);
    expect(wb.syncs).toHaveLength(1);
    expect(wb.calculations.map((c) => c.type)).toEqual(["Full"]);
  });

  it("keeps every formula as written when the workbook has no calculator", () => {
    const wb = WorkbookModel.blank();
    wb.typeIntoCell("Sheet1", "A1", "=SKYNET.CAPTURES(2014)");
    expect(wb.cell(wb.sheets[0]!, 0, 0)).toEqual({ value: "=SKYNET.CAPTURES(2014)", formula: "=SKYNET.CAPTURES(2014)", numberFormat: "General" });
    expect(wb.calculations).toEqual([]);
  });
});

// The built functions.js, loaded as a plain page loads it (no CustomFunctions global): it publishes the wrappers Excel
// would be given, and the workbook's answers are theirs.
const BUNDLE = fileURLToPath(new URL("../../dist/functions.js", import.meta.url));
const RUNTIME_SOURCES = ["../../src/functions/functions.ts", "../../src/functions/runtime.ts", "../../src/functions/published.ts"].map((p) => fileURLToPath(new URL(p, import.meta.url)));
const CI = process.env.CI === "true" || process.env.CI === "1";
const built = existsSync(BUNDLE);
const stale = built && !CI && RUNTIME_SOURCES.some((src) => statSync(BUNDLE).mtimeMs < statSync(src).mtimeMs);
const why = !built ? "add-in/dist/functions.js is not built: run `npm run build -w @skynet-data/add-in`" : "add-in/dist/functions.js is older than its sources: rebuild it";

describe("the preview's formulas call the built functions.js", () => {
  it.runIf(CI && !built)("exists in CI", () => {
    throw new Error(why);
  });
  if ((!built || stale) && !CI) it.skip(`skipped locally: ${why}`, () => {});

  // A plain page without office.js has no CustomFunctions; with office.js outside Office, its loader defines
  // CustomFunctions.associate and nothing else (no CustomFunctions.Error).
  it.runIf(built && !stale).each([
    ["without CustomFunctions", {}],
    ["beside office.js's loader (CustomFunctions.associate only)", { CustomFunctions: { associate: () => undefined } }],
  ])("publishes its wrappers on SkynetFunctions %s, and the workbook answers with them", (_, globals) => {
    const context = vm.createContext({ URL, URLSearchParams, TextEncoder, TextDecoder, setTimeout, clearTimeout, ...globals });
    new vm.Script(readFileSync(BUNDLE, "utf8"), { filename: "functions.js" }).runInContext(context);
    const table = (context as Record<string, unknown>)[FUNCTIONS_GLOBAL] as Record<string, (...a: unknown[]) => unknown>;
    expect(Object.keys(table).sort()).toEqual(["CAPTURES", "COUNTRIES", "DATASET", "EVENTS", "FIGURE", "RECOVERED", "RETURNED", "REVISIONS", "SERIES", "SERIES_LIST", "SOURCE", "SURRENDERED", "TREATIES_CONCLUDED", "TREATIES_IN_FORCE"]);
    // Every call the workbook makes goes through the bundle's own wrapper, which is recorded here.
    const calls: string[] = [];
    const spied: FunctionTable = Object.fromEntries(Object.entries(table).map(([id, fn]) => [id, (...a: unknown[]) => (calls.push(`${id}(${a.map((x) => JSON.stringify(x)).join(",")})`), fn(...a))]));
    const wb = WorkbookModel.blank();
    wb.functions = functionHost(() => spied);
    const sheet = wb.sheets[0]!;
    wb.typeIntoCell("Sheet1", "A1", "=SKYNET.CAPTURES(2014)");
    wb.typeIntoCell("Sheet1", "A2", "=SKYNET.RETURNED(2016)");
    wb.typeIntoCell("Sheet1", "A3", "=A1*2");
    wb.typeIntoCell("Sheet1", "C1", '=SKYNET.SERIES("spp.returned")');
    expect(wb.cell(sheet, 0, 0)!.value).toBe(680);
    // The wrapper throws an Error carrying Excel's code and the words; the cell shows both.
    expect(wb.cell(sheet, 1, 0)).toMatchObject({ value: "#N/A", errorMessage: expect.stringMatching(/908 persons for Jan–Nov 2016/) });
    expect(wb.cell(sheet, 2, 0)!.value).toBe(1360);
    expect(wb.readBlock(sheet, { top: 0, left: 2, bottom: 1, right: 5 }, "values")).toEqual([
      ["Period", "Start", "End", "Value"],
      ["2013", "2013-01-01", "2013-12-31", 762],
    ]);
    expect(calls).toEqual(["CAPTURES(2014)", "RETURNED(2016)", 'SERIES("spp.returned")']);
    expect(() => (table.RETURNED as (y: number) => unknown)(2016)).toThrow(expect.objectContaining({ code: "#N/A" }));
  });
});
