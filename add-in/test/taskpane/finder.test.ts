// The pane's finder on the workbook double: a plain-words search, Insert formula and Insert value into the selected
// cell (never over an analyst's content unasked), the citation note and its fallbacks, and the formula builder.
import { catalog, DATA_VERSION, functionsFor } from "@skynet-data/sdk";
import { describe, expect, it } from "vitest";
import { citationPlace, planWrite, type SelectionContext } from "../../src/excel/selection.js";
import { doubleRunner } from "../../src/excel/run.js";
import { builderAnswer, builderArguments, builderFormula, insertFormula, insertValue, searchCards } from "../../src/taskpane/finder/model.js";
import { functionHost } from "../../src/workbook/formulas.js";
import { RequestContext, WorkbookModel } from "../../src/workbook/index.js";
import { HOSTS, supportsSet } from "../../src/workbook/hosts.js";

const data = { catalog, dataVersion: DATA_VERSION };
const functions = functionsFor(catalog);

/** A blank workbook whose =SKYNET formulas calculate, in the Excel of `sets`. */
function workbook(sets: Record<string, string> = HOSTS.web.sets) {
  const wb = WorkbookModel.blank(sets);
  wb.functions = functionHost(() => functions);
  const isSetSupported = (name: string, v?: string) => supportsSet(sets, name, v);
  return { wb, runner: doubleRunner(wb), isSetSupported };
}
const cellOf = (wb: WorkbookModel, address: string) => {
  const [row, col] = [Number(address.slice(1)) - 1, address.charCodeAt(0) - 65];
  return wb.cell(wb.sheet("Sheet1")!, row, col);
};
const returned2019 = () => searchCards(data, "fugitives returned 2019").figures[0]!;

describe("searchCards", () => {
  it("shows Sky Net's 2,041 returns of 2019 first, with unit, period, coverage, qualifier and source", () => {
    expect(returned2019()).toMatchObject({
      seriesId: "sky-net.returned",
      title: "Sky Net fugitives returned",
      value: 2041,
      valueText: "2,041",
      unit: "persons",
      period: "2019",
      coverage: "full period",
      qualifier: "exact",
      source: { publisher: "The Japan Times, carrying Bloomberg", date: "2022-01-19", url: "https://japantimes.co.jp/news/2022/01/19/asia-pacific/china-finds-fugitives" },
      formula: "=SKYNET.RETURNED(2019)",
    });
    expect(searchCards(data, "how many came back in 2019").figures[0]!.id).toBe(returned2019().id);
  });

  it("announces what it found, and says what to try when nothing matches", () => {
    expect(searchCards(data, "fugitives returned 2019").announcement).toMatch(/^\d+ figures found\. First: Sky Net fugitives returned, 2019, 2,041 persons\.$/);
    const none = searchCards(data, "zebra crossings");
    expect(none.figures).toEqual([]);
    expect(none.announcement).toBe('Nothing matches "zebra crossings". Try words such as returned, captured, recovered, treaties, with a year.');
  });

  it("offers SKYNET.FIGURE for a part-year figure and reads a lower bound as one", () => {
    const partial = searchCards(data, "returned Jan–Nov 2016").figures[0]!;
    expect([partial.value, partial.coverage, partial.formula]).toEqual([908, "part of the period only", '=SKYNET.FIGURE("sky-net.returned", "Jan–Nov 2016")']);
    const [captured2022] = searchCards(data, "captured 2022").figures;
    expect([captured2022!.valueText, captured2022!.qualifier]).toEqual(["more than 700", "lower bound (more than)"]);
  });

  it("lists the matching series with the SERIES formula that spills it", () => {
    expect(searchCards(data, "fugitives returned").series[0]).toMatchObject({ seriesId: "sky-net.returned", formula: '=SKYNET.SERIES("sky-net.returned")' });
  });
});

describe("Insert formula and Insert value", () => {
  it("writes =SKYNET.RETURNED(2019) in the selected cell, which calculates 2041", async () => {
    const { wb, runner, isSetSupported } = workbook();
    wb.select("Sheet1", "B2");
    const outcome = await insertFormula(runner, returned2019().formula!, { isSetSupported });
    expect(outcome).toEqual({ kind: "written", address: "Sheet1!B2", written: "=SKYNET.RETURNED(2019)", cited: null });
    expect(cellOf(wb, "B2")).toMatchObject({ formula: "=SKYNET.RETURNED(2019)", value: 2041 });
  });

  it("writes 2041 with a note naming the source, its date and address", async () => {
    const { wb, runner, isSetSupported } = workbook();
    wb.select("Sheet1", "C3");
    const outcome = await insertValue(runner, returned2019(), { isSetSupported });
    expect(outcome).toMatchObject({ kind: "written", address: "Sheet1!C3", written: "2041", cited: { place: "note", message: "A note on Sheet1!C3 cites the source." } });
    expect(cellOf(wb, "C3")!.value).toBe(2041);
    expect(cellOf(wb, "C3")!.formula).toBeUndefined();
    expect(wb.noteAt("Sheet1", "C3")).toBe(
      `Sky Net fugitives returned (sky-net.returned), 2019: 2,041 persons; full period, exact. Source: The Japan Times, carrying Bloomberg, 2022-01-19, ` +
        `"Report on fugitives China brought back, with yearly totals", https://japantimes.co.jp/news/2022/01/19/asia-pacific/china-finds-fugitives. Sky Net Data ${DATA_VERSION}.`,
    );
  });

  it("asks before replacing what an analyst typed, and writes only after a yes for that very content", async () => {
    const { wb, runner, isSetSupported } = workbook();
    wb.typeIntoCell("Sheet1", "D4", "my estimate: 2000");
    wb.select("Sheet1", "D4");
    const asked = await insertFormula(runner, "=SKYNET.RETURNED(2019)", { isSetSupported });
    expect(asked).toEqual({ kind: "ask", address: "Sheet1!D4", content: "my estimate: 2000", message: 'Sheet1!D4 is not empty: it holds "my estimate: 2000". Replace it?' });
    expect(cellOf(wb, "D4")!.value).toBe("my estimate: 2000");
    // The analyst changes the cell after the question: the old yes no longer counts.
    wb.typeIntoCell("Sheet1", "D4", "my estimate: 2100");
    const again = await insertFormula(runner, "=SKYNET.RETURNED(2019)", { isSetSupported, confirmed: { address: "Sheet1!D4", content: "my estimate: 2000" } });
    expect(again.kind).toBe("ask");
    expect(cellOf(wb, "D4")!.value).toBe("my estimate: 2100");
    const yes = await insertFormula(runner, "=SKYNET.RETURNED(2019)", { isSetSupported, confirmed: { address: "Sheet1!D4", content: "my estimate: 2100" } });
    expect(yes.kind).toBe("written");
    expect(cellOf(wb, "D4")).toMatchObject({ formula: "=SKYNET.RETURNED(2019)", value: 2041 });
  });

  it("asks before replacing a formula too, and refuses a selection of several cells", async () => {
    const { wb, runner, isSetSupported } = workbook();
    wb.typeIntoCell("Sheet1", "A1", "=SKYNET.CAPTURES(2014)");
    wb.select("Sheet1", "A1");
    expect(await insertValue(runner, returned2019(), { isSetSupported })).toMatchObject({ kind: "ask", content: "=SKYNET.CAPTURES(2014)" });
    expect(cellOf(wb, "A1")).toMatchObject({ formula: "=SKYNET.CAPTURES(2014)", value: 680 });
    expect(wb.noteAt("Sheet1", "A1")).toBeUndefined();
    wb.select("Sheet1", "B2:C5");
    expect(await insertFormula(runner, "=SKYNET.RETURNED(2019)", { isSetSupported })).toEqual({ kind: "refused", message: "Select one cell to write into: the selection is Sheet1!B2:C5 (8 cells). Nothing was written." });
    expect(cellOf(wb, "B2")).toBeUndefined();
  });

  it("keeps an analyst's note on the cell and cites the source in the pane instead", async () => {
    const { wb, runner, isSetSupported } = workbook();
    wb.select("Sheet1", "E5");
    await runner(async (ctx) => {
      ctx.workbook.notes.add("Sheet1!E5", "check with Anna");
      await ctx.sync();
    });
    const outcome = await insertValue(runner, returned2019(), { isSetSupported });
    expect(outcome).toMatchObject({ kind: "written", cited: { place: "pane" } });
    expect(outcome.kind === "written" && outcome.cited!.message).toMatch(/^Sheet1!E5 already has a note, kept as it was; the source is cited here only: Sky Net fugitives returned \(sky-net\.returned\), 2019: 2,041 persons/);
    expect(wb.noteAt("Sheet1", "E5")).toBe("check with Anna");
  });

  it("cites in a comment where Excel has no notes (ExcelApi 1.10 to 1.17), and in the pane below 1.10", async () => {
    expect(citationPlace((n, v) => supportsSet(HOSTS.web.sets, n, v))).toBe("note");
    const older = workbook(HOSTS["retail-2021-2024-oldest"].sets);
    older.wb.select("Sheet1", "B2");
    const viaComment = await insertValue(older.runner, returned2019(), { isSetSupported: older.isSetSupported });
    expect(viaComment).toMatchObject({ kind: "written", cited: { place: "comment", message: "This Excel has no notes from add-ins (ExcelApi 1.18), so a comment on Sheet1!B2 cites the source." } });
    expect(older.wb.comments.get(older.wb.sheet("Sheet1")!)?.get(1 * 16_384 + 1)).toMatch(/^Sky Net fugitives returned \(sky-net\.returned\), 2019/);
    expect(older.wb.notes.size).toBe(0);

    const oldest = workbook(HOSTS["ltsc-2019"].sets);
    oldest.wb.select("Sheet1", "B2");
    const inPane = await insertValue(oldest.runner, returned2019(), { isSetSupported: oldest.isSetSupported });
    expect(inPane).toMatchObject({ kind: "written", cited: { place: "pane" } });
    expect(inPane.kind === "written" && inPane.cited!.message).toMatch(/^This Excel cannot add notes \(ExcelApi 1\.18\) or comments \(ExcelApi 1\.10\) from an add-in, so the source is cited here only: /);
    expect(cellOf(oldest.wb, "B2")!.value).toBe(2041);
  });

  it("drives the double and Excel through one typed surface (tsc checks both fit SelectionContext)", () => {
    const fromOffice = (ctx: Excel.RequestContext): SelectionContext => ctx;
    const double: SelectionContext = new RequestContext(WorkbookModel.blank());
    expect([typeof fromOffice, typeof double.workbook.getSelectedRange, typeof double.workbook.notes.add, typeof double.workbook.comments.add]).toEqual(["function", "function", "function", "function"]);
  });

  it("plans a write from the selection alone", () => {
    expect(planWrite({ address: "Sheet1!A1", cells: 1, content: "" })).toEqual({ kind: "write" });
    expect(planWrite({ address: "Sheet1!A1", cells: 1, content: "x" }, { address: "Sheet1!A2", content: "x" }).kind).toBe("ask");
  });
});

describe("the formula builder", () => {
  it("answers RETURNED(2019) with the card's value", () => {
    const answer = builderAnswer(functions, "RETURNED", [2019]);
    expect(answer).toEqual({ kind: "value", value: 2041, text: "2,041" });
    expect(answer.kind === "value" && answer.value).toBe(returned2019().value);
    expect(builderFormula("RETURNED", [2019, null])).toBe("=SKYNET.RETURNED(2019)");
  });

  it("shows the words of #N/A with what exists instead", () => {
    const answer = builderAnswer(functions, "RETURNED", [2016]);
    expect(answer.kind).toBe("error");
    expect(answer.kind === "error" && [answer.error, answer.message]).toEqual(["#N/A", expect.stringMatching(/^no full, exact figure of sky-net\.returned for 2016\. What exists: 908 persons for Jan–Nov 2016 \(partial coverage; China National Radio \(CNR\), 2016-12-09\)/)]);
  });

  it("offers the values that exist in the data, the series' periods once a series is chosen", () => {
    expect(builderArguments(catalog, "RETURNED", []).map((a) => a.name)).toEqual(["year", "agency"]);
    const periods = builderArguments(catalog, "FIGURE", ["sky-net.returned"])[1]!.options.map((o) => o.value);
    expect(periods).toContain("Jan–Nov 2016");
    expect(periods).toContain("2019");
    const card = builderAnswer(functions, "FIGURE", ["sky-net.returned", "Jan–Nov 2016"]);
    expect(card).toEqual({ kind: "card", value: 908, text: "908 persons, Jan–Nov 2016 (partial)" });
  });

  it("leaves an omitted middle argument empty, and describes a spilled table", () => {
    expect(builderFormula("RECOVERED", [2013, null, "USD"])).toBe('=SKYNET.RECOVERED(2013, , "USD")');
    const table = builderAnswer(functions, "SERIES", ["sky-net.returned", 2016, 2016]);
    expect(table).toMatchObject({ kind: "table", rows: 2, columns: 10, header: ["Period", "Start", "End", "Value", "Unit", "Coverage", "Qualifier", "Source", "Citation", "Note"] });
    expect(builderAnswer(functions, "RECOVERED", [2013, "SPP", "USD"])).toMatchObject({ kind: "value", value: 1_630_000_000 });
  });
});
