import { describe, expect, it } from "vitest";
import { toExcelSerial } from "../core/calendar.js";
import { catalog, CUSTOM_FUNCTIONS, functionsFor, observations } from "../public.js";
import { isFunctionError, type Answer } from "./errors.js";
import { treatyFunction } from "./treaties.js";

const { TREATIES_CONCLUDED: treatiesConcluded, TREATIES_IN_FORCE: treatiesInForce } = CUSTOM_FUNCTIONS;

const err = (a: Answer<unknown>, code: "#N/A" | "#VALUE!"): string => {
  if (!isFunctionError(a) || a.error !== code) throw new Error(`expected ${code}, got ${JSON.stringify(a)}`);
  return a.message;
};
const latest = (series: string) => observations.filter((o) => o.series === series).sort((a, b) => a.period.end.localeCompare(b.period.end)).at(-1)!.value;

describe("treatiesInForce", () => {
  it.each([
    [["extradition", toExcelSerial("2014-12-01")], 29],
    [["Extradition", "2014-12-01"], 29],
    [["extradition", "2014-11"], 29],
    [["extradition", toExcelSerial("2014-11-30") + 0.75], 29],
    [["judicial assistance", "2015-01-01"], 46],
    [["criminal judicial assistance", "2015-01-01"], 46],
    [["MLA", "2015-01-01"], 46],
    [["extradition", "2018-10-01"], 37],
    [[], 75],
    [[null, null], 75],
    [["", ""], 75],
    [[null, "2015-06-30"], 75],
  ] as [unknown[], number][])("answers %j with %d", (args, want) => {
    expect(treatiesInForce(...(args as [unknown, unknown]))).toBe(want);
  });

  it("answers every spelling of a kind alike, however many a sheet uses and in whatever order they first come", () => {
    // A fresh function: the first spellings seen are the ones it compares before its Map (a text date fills one too).
    const fresh = functionsFor(catalog).TREATIES_IN_FORCE;
    const calls: [unknown, unknown, number][] = [
      ["extradition", "2014-12-01", 29],
      ["extradition", toExcelSerial("2014-12-01"), 29],
      ["judicial assistance", toExcelSerial("2015-01-01"), 46],
      ["MLA", toExcelSerial("2015-01-01"), 46],
      ["Extradition", toExcelSerial("2014-12-01"), 29],
      ["criminal judicial assistance", "2015-01-01", 46],
    ];
    for (let round = 0; round < 2; round++) for (const [kind, date, want] of calls) expect(fresh(kind, date)).toBe(want);
    expect(err(fresh("friendship", toExcelSerial("2015-01-01")), "#VALUE!")).toMatch(/unknown kind "friendship"/);
  });

  it("answers a date given as text as its Excel date, every time it is asked and for each kind on its own", () => {
    // A fresh function remembers the answer to arguments off its hot path (text dates, typos) by the arguments given.
    const fresh = functionsFor(catalog).TREATIES_IN_FORCE;
    const calls: [unknown, string, number | "#N/A" | "#VALUE!"][] = [
      ["extradition", "2015-01-01", 29],
      ["MLA", "2015-01-01", 46],
      [null, "2015-01-01", 75],
      ["extradition", "2014-11-29", "#N/A"],
      ["extradition", "2014-11", 29],
      ["extradition", "2014-02-30", "#VALUE!"],
      // The seed's 46 (November 2014) is the only judicial assistance figure: it stands on any later date.
      ["judicial assistance", " 2018-10-01 ", 46],
    ];
    for (let round = 0; round < 3; round++) {
      for (const [kind, text, expected] of calls) {
        const a = fresh(kind, text);
        expect(typeof a === "number" ? a : a.error, `${String(kind)} ${text}, round ${round}`).toBe(expected);
      }
    }
  });

  it("adds the two kinds as of November 2014 when the kind is omitted", () => {
    expect(treatiesInForce()).toBe((treatiesInForce("extradition", "2014-11-30") as number) + (treatiesInForce("judicial assistance", "2014-11-30") as number));
  });

  it("answers the latest figure of a kind when the date is omitted", () => {
    expect(treatiesInForce("extradition")).toBe(latest("treaties.extradition.in-force"));
  });

  it("counts a figure dated November 2014 only from the end of that month", () => {
    expect(err(treatiesInForce("extradition", "2014-11-29"), "#N/A")).toMatch(/as of 2014-11-29.*earliest is as of 2014-11-30/);
  });

  it("gives #N/A when both kinds are not yet known on the date", () => {
    expect(err(treatiesInForce(undefined, "2010-01-01"), "#N/A")).toMatch(/both extradition and criminal judicial assistance/);
  });

  it.each([
    [["bilateral"], /unknown kind "bilateral".*"extradition".*"judicial assistance"/],
    [[42], /kind must be text/],
    [["extradition", "next year"], /as_of must be a date/],
    [["extradition", -5], /as_of must be a date/],
    [["extradition", true], /as_of must be a date.*TRUE/],
    [["extradition", "2014-02-30"], /as_of must be a date/],
  ] as [unknown[], RegExp][])("gives #VALUE! for %j", (args, message) => {
    expect(err(treatiesInForce(...(args as [unknown, unknown])), "#VALUE!")).toMatch(message);
  });
});

describe("treatiesConcluded", () => {
  it("adds 39 extradition and 52 judicial assistance treaties concluded as of November 2014", () => {
    expect(treatiesConcluded()).toBe(91);
  });

  it.each([
    [["extradition", "2014-12-31"], 39],
    [["extradition", "2018-12-31"], 54],
    [["judicial assistance", "2020-12-31"], 52],
  ] as [unknown[], number][])("answers %j with %d", (args, want) => {
    expect(treatiesConcluded(...(args as [unknown, unknown]))).toBe(want);
  });

  it("answers the latest extradition figure when the date is omitted", () => {
    expect(treatiesConcluded("extradition")).toBe(latest("treaties.extradition.concluded"));
  });
});

describe("treatyFunction", () => {
  it("answers an internal error in words, never an exception, when its table cannot be built, and tries again on the next call", () => {
    let builds = 0;
    const f = treatyFunction(() => {
      builds++;
      throw new Error("the table is missing");
    });
    for (const args of [[], [null, null], ["extradition", 41974]] as [unknown?, unknown?][]) {
      const a = f(...args);
      expect(a).toEqual({ error: "#VALUE!", message: "internal error in Sky Net Data (please report it): the table is missing", internal: true });
    }
    expect(builds).toBe(3);
  });
});
