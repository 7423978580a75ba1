import { describe, expect, it } from "vitest";
import { choiceArg, dateArg, isoOf, normalizeWords, scalar, show, yearArg } from "./args.js";
import { AGENCY_ALIASES, TREATY_KIND_ALIASES } from "./choices.js";

describe("yearArg", () => {
  it("accepts whole numbers, numeric text and a 1×1 range", () => {
    expect([yearArg(2014), yearArg(" 2014 "), yearArg([[2014]])]).toEqual([2014, 2014, 2014]);
  });

  it("throws a problem with words for anything else", () => {
    expect(problem(() => yearArg(1899))).toMatch(/whole number from 1900 to 9999/);
    expect(problem(() => yearArg("2014.0"))).toMatch(/got "2014.0"/);
  });
});

/** The message of what a call throws, or null when it does not throw. */
function problem(f: () => unknown): string | null {
  try {
    f();
  } catch (e) {
    return (e as { message: string }).message;
  }
  return null;
}

describe("dateArg", () => {
  it("keeps a serial as a serial, dropping the time of day", () => {
    expect(dateArg(41974.9, "as_of")).toEqual({ serial: 41974 });
  });

  it("reads ISO text and a year-month as that month's end", () => {
    expect(dateArg("2014-12-01", "as_of")).toEqual({ iso: "2014-12-01" });
    expect(dateArg("2016-02", "as_of")).toEqual({ iso: "2016-02-29" });
  });

  it("converts a serial to its ISO date for messages", () => {
    expect(isoOf({ serial: 41974 })).toBe("2014-12-01");
  });

  it("refuses serials outside Excel's calendar", () => {
    expect(() => dateArg(60, "as_of")).toThrow(/as_of must be a date/);
    expect(() => dateArg(2_958_466, "as_of")).toThrow(/as_of must be a date/);
  });
});

describe("choiceArg", () => {
  it("matches aliases whatever their case, spacing and punctuation", () => {
    expect(["spp", "SPP", "Supreme People’s Procuratorate", " sky  net ", "Fox-Hunt"].map((v) => choiceArg(v, "agency", AGENCY_ALIASES, "…"))).toEqual(["SPP", "SPP", "SPP", "CCDI-NSC", "MPS"]);
    expect(choiceArg("Criminal Judicial-Assistance", "kind", TREATY_KIND_ALIASES, "…")).toBe("judicial-assistance");
  });

  it("treats null and blank text as omitted", () => {
    expect([choiceArg(null, "agency", AGENCY_ALIASES, "…"), choiceArg("  ", "agency", AGENCY_ALIASES, "…")]).toEqual([undefined, undefined]);
  });

  it("refuses punctuation-only text instead of matching an empty alias", () => {
    expect(() => choiceArg("!!!", "agency", AGENCY_ALIASES, "x")).toThrow(/unknown agency "!!!"; accepted: x/);
  });
});

describe("scalar", () => {
  it("refuses a range larger than one cell, naming its size", () => {
    expect(() => scalar([[1], [2]], "year")).toThrow(/year must be a single value, got a 2×1 range/);
  });
});

describe("show", () => {
  it("words each kind of Excel value", () => {
    expect([show(null), show(""), show(true), show(3), show("a"), show({ type: "Entity" })]).toEqual(["nothing", "empty text", "TRUE", "3", '"a"', "a data-type value"]);
  });
});

describe("normalizeWords", () => {
  it("lower-cases and collapses punctuation to single spaces", () => {
    expect(normalizeWords("  Judicial-Assistance (MLA) ")).toBe("judicial assistance mla");
  });
});
