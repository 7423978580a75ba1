import { describe, expect, it } from "vitest";
import { catalog, getTimeline, listDatasets, observations } from "../public.js";
import { isFunctionError, type Answer } from "./errors.js";
import { CUSTOM_FUNCTIONS } from "../public.js";
import { EVENTS_HEADER, SERIES_HEADER, SERIES_LIST_HEADER, type Spill } from "./spills.js";

const { DATASET: datasetTable, EVENTS: eventsTable, SERIES_LIST: seriesListTable, SERIES: seriesTable } = CUSTOM_FUNCTIONS;

const spill = (a: Answer<Spill>): Spill => {
  if (isFunctionError(a)) throw new Error(`expected a table, got ${JSON.stringify(a)}`);
  return a;
};
const err = (a: Answer<unknown>, code: "#N/A" | "#VALUE!"): string => {
  if (!isFunctionError(a) || a.error !== code) throw new Error(`expected ${code}, got ${JSON.stringify(a)}`);
  return a.message;
};
const column = (t: Spill, header: string) => t.slice(1).map((r) => r[t[0]!.indexOf(header)]);
const rectangular = (t: Spill) => t.every((r) => r.length === t[0]!.length && r.every((c) => c !== null && c !== undefined && !Number.isNaN(c)));

describe("seriesTable", () => {
  it("spills a header row then one row per figure of the series", () => {
    const t = spill(seriesTable("sky-net.returned"));
    expect(t[0]).toEqual(SERIES_HEADER);
    expect(t.length - 1).toBe(observations.filter((o) => o.series === "sky-net.returned").length);
    expect(rectangular(t)).toBe(true);
  });

  it("carries coverage, qualifier and source on every row so a partial year cannot hide", () => {
    const t = spill(seriesTable("sky-net.returned", 2016, 2016));
    expect(t.slice(1)).toEqual([["Jan–Nov 2016", "2016-01-01", "2016-11-30", 908, "persons", "partial", "exact", "cnr-2016-12-09", expect.stringContaining("2016-12-09"), ""]]);
  });

  it("keeps the lower bound labelled as such", () => {
    const t = spill(seriesTable("fox-hunt.captured", 2022));
    expect(column(t, "Qualifier")).toEqual(["lower-bound"]);
    expect(column(t, "Value")).toEqual([700]);
  });

  it("accepts the series id in any case and with spaces around it", () => {
    expect(spill(seriesTable(" SPP.Returned "))).toHaveLength(2);
  });

  it("gives #N/A with the series' span when no figure falls in the years", () => {
    expect(err(seriesTable("spp.returned", 2020, 2021), "#N/A")).toMatch(/no figures of spp\.returned between 2020 and 2021; its figures run from 2013 to 2013/);
  });

  it("gives #VALUE! naming accepted ids and SERIES_LIST for an unknown series", () => {
    expect(err(seriesTable("fox-hunt.catpured"), "#VALUE!")).toMatch(/unknown series "fox-hunt\.catpured".*"fox-hunt\.captured".*SERIES_LIST/);
  });

  it("gives #VALUE! when from_year is after to_year", () => {
    expect(err(seriesTable("sky-net.returned", 2020, 2015), "#VALUE!")).toMatch(/from \(2020\) is after to \(2015\)/);
  });

  it("gives #VALUE! for a missing series id", () => {
    expect(err(seriesTable(null), "#VALUE!")).toMatch(/series_id is required/);
  });
});

describe("seriesListTable", () => {
  it("lists every series of the catalogue under a header, with title, unit and agency", () => {
    const t = spill(seriesListTable());
    expect(t[0]).toEqual(SERIES_LIST_HEADER);
    expect(column(t, "Series")).toEqual(catalog.series.map((s) => s.id));
    expect(column(t, "Agency")).toEqual(catalog.series.map((s) => s.agency));
    expect(column(t, "Unit")).toEqual(catalog.series.map((s) => s.unit));
    expect(rectangular(t)).toBe(true);
  });

  it("returns a fresh table each call so a caller cannot change the next answer", () => {
    const a = spill(seriesListTable());
    a[1]![0] = "changed";
    expect(spill(seriesListTable())[1]![0]).toBe(catalog.series[0]!.id);
  });

  it("gives #VALUE! when given an argument", () => {
    expect(err(seriesListTable("x"), "#VALUE!")).toMatch(/takes no arguments/);
  });
});

describe("datasetTable", () => {
  it("spills every dataset with its header and one row per record", () => {
    for (const d of listDatasets()) {
      const t = spill(datasetTable(d.id));
      expect(t.length - 1).toBe(d.rows);
      expect(rectangular(t)).toBe(true);
    }
  });

  it("carries coverage, qualifier and source columns for figure datasets", () => {
    const t = spill(datasetTable("SPP"));
    expect(t[0]).toEqual(expect.arrayContaining(["Coverage", "Qualifier", "Source"]));
    expect(column(t, "Value")).toEqual([762, 10_140_000_000, 1_630_000_000, 749]);
  });

  it("gives #VALUE! naming the datasets for an unknown one", () => {
    expect(err(datasetTable("skynet"), "#VALUE!")).toMatch(/unknown dataset "skynet".*"sky-net"/);
  });
});

describe("eventsTable", () => {
  it("spills the whole timeline when both dates are omitted", () => {
    const t = spill(eventsTable());
    expect(t[0]).toEqual(EVENTS_HEADER);
    expect(t.length - 1).toBe(getTimeline().length);
    expect(rectangular(t)).toBe(true);
  });

  it("takes Excel date serials and ISO text alike", () => {
    expect(eventsTable(41944, 41973)).toEqual(eventsTable("2014-11-01", "2014-11-30"));
  });

  it("lists the events that may have fallen in the range, with their sources", () => {
    const t = spill(eventsTable("2014-11-01", "2014-11-30"));
    expect(t.length - 1).toBe(getTimeline("2014-11-01", "2014-11-30").length);
    expect(column(t, "Source").every((s) => typeof s === "string" && s.length > 0)).toBe(true);
  });

  it("gives #N/A with the timeline's span when nothing falls in the range", () => {
    expect(err(eventsTable("1990-01-01", "1990-12-31"), "#N/A")).toMatch(/no events between 1990-01-01 and 1990-12-31; the timeline runs from/);
  });

  it("gives #VALUE! when from is after to, or a date is malformed", () => {
    expect(err(eventsTable("2015-01-01", "2014-01-01"), "#VALUE!")).toMatch(/from \(2015-01-01\) is after to \(2014-01-01\)/);
    expect(err(eventsTable("01/02/2014"), "#VALUE!")).toMatch(/from must be a date/);
  });
});
