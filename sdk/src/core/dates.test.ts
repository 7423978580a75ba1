import { describe, expect, it } from "vitest";
import { fromExcelSerial, isIsoDate, toExcelSerial } from "./calendar.js";
import { resolvePhrase } from "./dates.js";
import { SkynetError } from "./errors.js";

const REF = "2015-04-01";
const span = (phrase: string, ref = REF) => {
  const r = resolvePhrase(phrase, ref);
  return [r.start, r.end, r.precision];
};

describe("resolvePhrase", () => {
  it.each([
    ["last year", "2014-01-01", "2014-12-31", "year"],
    ["last November", "2014-11-01", "2014-11-30", "month"],
    ["earlier this year", "2015-01-01", "2015-03-31", "range"],
    ["late March", "2015-03-21", "2015-03-31", "range"],
    ["the second half of last year", "2014-07-01", "2014-12-31", "half-year"],
    ["on Wednesday", "2015-04-01", "2015-04-01", "day"],
    ["Dec. 31 of last year", "2014-12-31", "2014-12-31", "day"],
    ["As of November 2014", "2014-11-01", "2014-11-30", "month"],
    ["In June 2013", "2013-06-01", "2013-06-30", "month"],
    ["in 2012", "2012-01-01", "2012-12-31", "year"],
  ])("resolves %j against 1 April 2015 to %s..%s (%s)", (phrase, start, end, precision) => {
    expect(span(phrase)).toEqual([start, end, precision]);
  });

  it("keeps the original phrase beside the resolved period", () => {
    expect(resolvePhrase("last November", REF)).toMatchObject({ phrase: "last November", label: "Nov 2014" });
  });

  it("takes a bare weekday as the latest such day on or before the reference", () => {
    expect(span("on Monday")).toEqual(["2015-03-30", "2015-03-30", "day"]);
  });

  it("takes \"last <month>\" as last year's when that month has not yet come this year", () => {
    expect(span("last February")).toEqual(["2015-02-01", "2015-02-28", "month"]);
    expect(span("last April")).toEqual(["2014-04-01", "2014-04-30", "month"]);
  });

  it("rejects a phrase it cannot resolve with the phrases it accepts", () => {
    expect(() => resolvePhrase("a while ago", REF)).toThrowError(/cannot resolve "a while ago": accepted are/);
    expect(() => resolvePhrase("late Smarch", REF)).toThrowError(SkynetError);
  });

  it("rejects a reference that is not a date", () => {
    expect(() => resolvePhrase("last year", "yesterday")).toThrowError(/reference date/);
  });
});

describe("toExcelSerial", () => {
  it("gives Excel's serials for known dates", () => {
    expect(toExcelSerial("1900-03-01")).toBe(61);
    expect(toExcelSerial("2014-12-31")).toBe(42004);
    expect(toExcelSerial("2015-04-01")).toBe(42095);
  });

  it("round-trips with fromExcelSerial", () => {
    for (const d of ["2012-01-01", "2014-11-30", "2024-02-29", "9999-12-31"]) expect(fromExcelSerial(toExcelSerial(d))).toBe(d);
  });

  it("rejects text that is not an ISO date", () => {
    expect(() => toExcelSerial("31/12/2014")).toThrowError(SkynetError);
  });
});

describe("fromExcelSerial", () => {
  it("drops the time of day of a fractional serial", () => {
    expect(fromExcelSerial(42004.75)).toBe("2014-12-31");
  });

  it("rejects serials outside Excel's date range", () => {
    expect(() => fromExcelSerial(0)).toThrowError(/between 61/);
    expect(() => fromExcelSerial(3e6)).toThrowError(/between 61/);
    expect(() => fromExcelSerial(Number.NaN)).toThrowError(SkynetError);
  });
});

describe("isIsoDate", () => {
  it("accepts real calendar dates only", () => {
    expect([isIsoDate("2016-02-29"), isIsoDate("2015-02-29"), isIsoDate("2015-4-1"), isIsoDate("")]).toEqual([true, false, false, false]);
  });
});
