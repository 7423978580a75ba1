import { readFileSync } from "node:fs";
import { loadRelease, releaseHistory } from "@skynet-data/sdk";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cell, StubError, stubCustomFunctions, type Registered } from "./stub.js";

const IDS = ["TREATIES_IN_FORCE", "TREATIES_CONCLUDED", "CAPTURES", "SURRENDERED", "RETURNED", "RECOVERED", "COUNTRIES", "SERIES", "SERIES_LIST", "DATASET", "EVENTS", "SOURCE", "FIGURE", "REVISIONS"];
const stub = stubCustomFunctions();
let fns: Record<string, Registered>;
let mod: typeof import("../../src/functions/functions.js");

beforeAll(async () => {
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = stub.api;
  mod = await import("../../src/functions/functions.js");
  fns = Object.fromEntries(stub.registered);
});
afterAll(() => {
  delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
});

const call = (id: string, ...args: unknown[]) => cell(fns[id]!, ...args);

describe("CustomFunctions.associate registrations", () => {
  it("registers every catalogue id exactly once", () => {
    expect([...stub.registered.keys()].sort()).toEqual([...IDS].sort());
    expect(stub.duplicates).toEqual([]);
  });

  it("registers the same functions the module exports by id", () => {
    for (const [id, fn] of Object.entries(mod.REGISTRATIONS)) expect(fns[id]).toBe(fn);
  });
});

describe("custom functions called by id as Excel calls them", () => {
  it.each([
    ["CAPTURES", [2014], 680],
    ["CAPTURES", [2014, "SPP"], 749],
    ["CAPTURES", [2014, null], 680],
    ["SURRENDERED", [2014], 390],
    ["RETURNED", [2013, "SPP"], 762],
    ["RETURNED", [2015, null], 1023],
    ["RECOVERED", [2013, "SPP", null], 10_140_000_000],
    ["RECOVERED", [2013, "SPP", "USD"], 1_630_000_000],
    ["COUNTRIES", [2014], 69],
    ["TREATIES_IN_FORCE", ["extradition", 41974], 29],
    ["TREATIES_IN_FORCE", [null, null], 75],
    ["TREATIES_CONCLUDED", [null, null], 91],
  ] as [string, unknown[], number][])("%s(%j) gives %d", (id, args, want) => {
    expect(call(id, ...args)).toEqual({ value: want });
  });

  it.each([
    ["RETURNED", [2016, null], /908.*Jan–Nov 2016/],
    ["CAPTURES", [2022, null], /more than 700/],
    ["RETURNED", [2013, null], /agency "SPP"/],
    ["TREATIES_IN_FORCE", ["extradition", "2010-01-01"], /earliest is as of 2014-11-30/],
    ["SOURCE", ["spp.returned", "Q3 2013"], /its periods are/],
  ] as [string, unknown[], RegExp][])("%s(%j) gives #N/A with words", (id, args, message) => {
    const c = call(id, ...args);
    expect(c).toMatchObject({ error: "#N/A" });
    expect("message" in c && c.message).toMatch(message);
  });

  it.each([
    ["CAPTURES", [2014.5, null], /whole number/],
    ["CAPTURES", ["", null], /year is required/],
    ["CAPTURES", [[[2014, 2015]], null], /single value/],
    ["RETURNED", [2015, "Interpol"], /unknown agency "Interpol"/],
    ["RECOVERED", [2013, "SPP", "EUR"], /unknown currency "EUR"/],
    ["TREATIES_IN_FORCE", ["bilateral", null], /unknown kind "bilateral"/],
    ["TREATIES_CONCLUDED", [null, true], /as_of must be a date/],
    ["SERIES", ["sky-net.retuned", null, null], /unknown series/],
    ["DATASET", ["nope"], /unknown dataset/],
    ["EVENTS", ["2015-01-01", "2014-01-01"], /is after/],
    ["FIGURE", ["sky-net.returned", null], /period is required/],
  ] as [string, unknown[], RegExp][])("%s(%j) gives #VALUE! with words", (id, args, message) => {
    const c = call(id, ...args);
    expect(c).toMatchObject({ error: "#VALUE!" });
    expect("message" in c && c.message).toMatch(message);
  });

  it("spills SERIES with a header row and the partial-year row labelled", () => {
    const c = call("SERIES", "sky-net.returned", 2016, 2016) as { value: unknown[][] };
    expect(c.value[0]).toEqual(expect.arrayContaining(["Period", "Value", "Coverage", "Qualifier", "Source"]));
    expect(c.value[1]).toEqual(expect.arrayContaining(["Jan–Nov 2016", 908, "partial"]));
  });

  it("spills SERIES_LIST, DATASET and EVENTS as rectangular tables with a header", () => {
    for (const [id, args] of [["SERIES_LIST", []], ["DATASET", ["treaties"]], ["EVENTS", [null, null]]] as [string, unknown[]][]) {
      const c = call(id, ...args) as { value: unknown[][] };
      expect(c.value.length).toBeGreaterThan(1);
      expect(c.value.every((r) => r.length === c.value[0]!.length)).toBe(true);
    }
  });

  it("returns FIGURE as an Excel entity whose Value property is a Double", () => {
    const c = call("FIGURE", "sky-net.returned", 2015) as { value: { type: string; text: string; properties: Record<string, { type: string; basicValue: unknown }> } };
    expect(c.value.type).toBe("Entity");
    expect(c.value.properties.Value).toMatchObject({ type: "Double", basicValue: 1023 });
    expect(c.value.text).toBe("1,023 persons, 2015 (Apr–Dec)");
  });

  it("returns SOURCE as the citation text", () => {
    expect(call("SOURCE", "spp.returned", 2013)).toEqual({ value: expect.stringContaining("762 people") });
  });

  it("never lets anything but a CustomFunctions.Error escape, whatever Excel passes", () => {
    const scalar = fc.oneof(fc.double(), fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.constantFrom("SPP", "2014", "extradition", "sky-net.returned", "2014-12-01"));
    const value = fc.oneof(scalar, fc.array(fc.array(scalar, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 }));
    fc.assert(
      fc.property(fc.constantFrom(...IDS), fc.array(value, { maxLength: 3 }), (id, args) => {
        try {
          const v = fns[id]!(...args);
          expect(v).not.toBeUndefined();
          expect(typeof v === "number" ? Number.isFinite(v) : true).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(StubError);
          expect(["#VALUE!", "#N/A"]).toContain((e as StubError).code);
          expect((e as StubError).message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe("custom enums", () => {
  it("offers only agencies and kinds that answer: every enum value gives a figure for some year", () => {
    expect(call("CAPTURES", 2014, mod.CaptureAgency.MPS)).toEqual({ value: 680 });
    expect(call("CAPTURES", 2014, mod.CaptureAgency.SPP)).toEqual({ value: 749 });
    expect(call("RETURNED", 2015, mod.SkyNetAgency.CCDI_NSC)).toEqual({ value: 1023 });
    expect(call("RETURNED", 2013, mod.SkyNetAgency.SPP)).toEqual({ value: 762 });
    expect(call("RECOVERED", 2013, mod.SkyNetAgency.SPP, mod.Currency.USD)).toEqual({ value: 1_630_000_000 });
    expect(call("RECOVERED", 2013, mod.SkyNetAgency.SPP, mod.Currency.CNY)).toEqual({ value: 10_140_000_000 });
    expect(call("TREATIES_IN_FORCE", mod.TreatyKind.extradition, "2014-12-31")).toEqual({ value: 29 });
    expect(call("TREATIES_IN_FORCE", mod.TreatyKind.judicial_assistance, "2014-12-31")).toEqual({ value: 46 });
  });
});

describe("SKYNET.REVISIONS and the swap hook", () => {
  const text = (v: string) => readFileSync(new URL(`../../../sdk/src/releases/${v}.json`, import.meta.url), "utf8");
  const REASON_2015 =
    "period: the page ties 1,023 to the eight-month Sky Net campaign of 2015, which began in April, so the period is the campaign's (Apr–Dec 2015), as Fox Hunt 2015 is labelled; coverage stays full, the whole campaign, and like Fox Hunt's operation figures it still answers RETURNED(2015)";
  const ECNS = "ECNS (China News Service), 2016-01-15, http://ecns.cn/2016/01-15/195964.shtml";
  const HEADER = ["Release", "Release date", "Value", "Period", "Coverage", "Qualifier", "Source", "Reason"];

  it("answers from the bundled release alone until a history is swapped in: one row, with that release's reason", () => {
    expect(call("REVISIONS", "sky-net.returned", 2015)).toEqual({ value: [HEADER, ["2026.11.1", "2026-11-27", 1023, "2015 (Apr–Dec)", "full", "exact", ECNS, REASON_2015]] });
  });

  it("after answerFrom(catalogue, history) spills one row per release that changed the figure, each with its reason", () => {
    const latest = loadRelease(text("2026.11.1"));
    const previous = mod.answerFrom(latest, releaseHistory([text("2026.11.0"), text("2026.11.1")]));
    try {
      expect(call("REVISIONS", "sky-net.returned", 2015)).toEqual({
        value: [HEADER, ["2026.11.0", "2026-11-27", 1023, "2015", "full", "exact", ECNS, "first release"], ["2026.11.1", "2026-11-27", 1023, "2015 (Apr–Dec)", "full", "exact", ECNS, REASON_2015]],
      });
      expect(call("CAPTURES", 2014)).toEqual({ value: 680 });
    } finally {
      mod.answerFrom(latest);
      expect(previous).toBeDefined();
    }
  });

  it("keeps the answer tables when told the release it already holds, giving REVISIONS only the history", () => {
    const before = mod.answerFrom(loadRelease(text("2026.11.1")), releaseHistory([text("2026.11.0"), text("2026.11.1")]));
    const same = mod.answerFrom(loadRelease(text("2026.11.1")));
    const other = mod.answerFrom(loadRelease(text("2026.11.0")));
    const back = mod.answerFrom(loadRelease(text("2026.11.1")));
    expect(same.CAPTURES).toBe(before.CAPTURES);
    expect(same.REVISIONS).not.toBe(before.REVISIONS);
    expect(other.CAPTURES).toBe(same.CAPTURES);
    expect(back.CAPTURES).not.toBe(other.CAPTURES);
    expect(call("CAPTURES", 2014)).toEqual({ value: 680 });
  });

  it("swaps every function to another release: answerFrom(2026.11.0) answers RETURNED(2015) and REVISIONS from it", () => {
    const restore = mod.answerFrom(loadRelease(text("2026.11.0")));
    try {
      expect(call("REVISIONS", "sky-net.returned", 2015)).toEqual({ value: [HEADER, ["2026.11.0", "2026-11-27", 1023, "2015", "full", "exact", ECNS, "first release"]] });
      expect(call("REVISIONS", "sky-net.retuned", 2015)).toMatchObject({ error: "#VALUE!", message: expect.stringMatching(/unknown series "sky-net.retuned"/) });
      expect(call("REVISIONS", "sky-net.returned", 1999)).toMatchObject({ error: "#N/A" });
    } finally {
      mod.answerFrom(loadRelease(text("2026.11.1")));
      void restore;
    }
  });
});
