import { describe, expect, expectTypeOf, it } from "vitest";
import {
  DATA_VERSION,
  getDatasetTable,
  getFigure,
  getSeries,
  getSource,
  getSourcesTable,
  getTimeline,
  listDatasets,
  observations,
  planSheet,
  planSourcesSheet,
  SkynetError,
  sources,
  type Observation,
} from "./public.js";

describe("observations", () => {
  it("is typed as the schema's inferred Observation", () => {
    expectTypeOf(observations).toEqualTypeOf<readonly Observation[]>();
  });

  it("gives every observation a source that resolves, a unit and a period", () => {
    for (const o of observations) {
      expect(getSource(o.source).id).toBe(o.source);
      expect(o.unit).toBeTruthy();
      expect(o.period.start <= o.period.end).toBe(true);
    }
  });
});

describe("sources", () => {
  it("gives every non-seed source a URL or a note saying why not", () => {
    expect(sources.filter((s) => !s.seedPath && !s.url && !s.note).map((s) => s.id)).toEqual([]);
  });

  it("is cited by at least one record each", () => {
    const cited = new Set(listDatasets().flatMap((d) => getSourcesTable([d.id]).rows.map((r) => r[0])));
    const unused = sources.filter((s) => !cited.has(s.id)).map((s) => s.id);
    expect(unused).toEqual([]);
  });
});

describe("getFigure", () => {
  it("answers the seed's Fox Hunt 2014 capture count", () => {
    const r = getFigure("fox-hunt.captured", { year: 2014 });
    expect(r.found && [r.observation.value, r.observation.unit, r.source.id]).toEqual([680, "persons", "seed"]);
  });

  it("says what exists when only a January–November figure does", () => {
    const r = getFigure("sky-net.returned", { year: 2016 });
    expect(r.found).toBe(false);
    expect(!r.found && r.message).toMatch(/908 persons for Jan–Nov 2016 \(partial coverage/);
  });

  it("answers treaties in force as of a date after November 2014", () => {
    const r = getFigure("treaties.extradition.in-force", { asOf: "2014-12-31" });
    expect(r.found && r.observation.value).toBe(29);
  });

  it("throws SkynetError for an unknown series", () => {
    expect(() => getFigure("fox.hunt", { year: 2014 })).toThrowError(SkynetError);
  });
});

describe("getSeries", () => {
  it("returns a series in a range of years, partial years included and marked", () => {
    expect(getSeries("sky-net.returned", { from: 2020, to: 2020 }).map((o) => [o.period.label, o.value, o.coverage])).toEqual([
      ["Jan–Nov 2020", 1229, "partial"],
      ["2020", 1421, "full"],
    ]);
  });
});

describe("getTimeline", () => {
  it("returns the events that may have fallen between two dates", () => {
    expect(getTimeline("2015-03-01", "2015-04-30").map((e) => e.id)).toEqual(["fox-hunt-2014-results", "sky-net-launched", "sky-net-announced-dated", "fox-hunt-2015-launched", "most-wanted-list-published"]);
  });

  it("rejects a date that is not ISO", () => {
    expect(() => getTimeline("1/4/2015")).toThrowError(/from must be an ISO date/);
  });
});

describe("listDatasets", () => {
  it("lists every dataset with rows, period and source count", () => {
    const l = listDatasets();
    expect(l.map((d) => d.id)).toEqual(["sky-net", "fox-hunt", "treaties", "spp", "most-wanted", "timeline", "partners"]);
    for (const d of l) {
      expect(d.rows).toBe(getDatasetTable(d.id).rows.length);
      expect(d.sources).toBeGreaterThan(0);
      expect(d.from <= d.to).toBe(true);
    }
  });
});

describe("getDatasetTable", () => {
  it("gives rows as wide as the header", () => {
    for (const d of listDatasets()) {
      const t = getDatasetTable(d.id);
      expect(t.rows.every((r) => r.length === t.columns.length)).toBe(true);
    }
  });

  it("names the datasets that exist when asked for an unknown one", () => {
    expect(() => getDatasetTable("foxhunt")).toThrowError(/unknown dataset "foxhunt"; accepted: "sky-net", "fox-hunt"/);
  });
});

describe("planSheet", () => {
  it("plans a valid sheet for every dataset", () => {
    for (const d of listDatasets()) {
      const p = planSheet(d.id);
      expect(p.sheetName.length).toBeLessThanOrEqual(31);
      expect(p.sheetName).not.toMatch(/[[\]:*?/\\]/);
      expect(p.numberFormats.length).toBe(p.rows.length);
      expect(p.numberFormats.every((r) => r.length === p.columns.length)).toBe(true);
    }
  });

  it("charts partial years as their own series, never as a dip in the full-year one", () => {
    const c = planSheet("sky-net").charts.find((x) => x.id === "sky-net-returns")!;
    const full = c.series.find((s) => s.marking === "full")!;
    const partial = c.series.find((s) => s.marking === "partial")!;
    const i2016 = c.categories.indexOf("2016");
    expect([full.values[i2016], partial.values[i2016]]).toEqual([null, 908]);
    expect(c.title).toBe("Sky Net fugitives returned per year (persons)");
  });

  it("stamps the data version in its notes", () => {
    expect(planSheet("spp").notes.join(" ")).toContain(DATA_VERSION);
  });
});

describe("planSourcesSheet", () => {
  it("holds exactly the sources the chosen datasets cite", () => {
    expect(planSourcesSheet(["spp", "partners"]).rows.map((r) => r[0])).toEqual(["seed"]);
  });
});

describe("getSourcesTable", () => {
  it("lists on the seed's row the verbatim passages the chosen datasets quote", () => {
    const t = getSourcesTable(["spp"]);
    const q = t.rows[0]![t.columns.findIndex((c) => c.key === "quotes")] as string;
    expect(q.split("\n")).toEqual([
      "In 2013, 762 people suspected of criminality in taking advantage of their positions of power were brought back to China from abroad, with 10.14 billion yuan (1.63 billion U.S. dollars) confiscated, according to the Supreme People's Procuratorate (SPP).",
      "A total of 749 fugitive officials suspected of committing work-related crimes were captured last year, the SPP said in a report.",
    ]);
  });

  it("leaves the quotes of other sources empty", () => {
    const t = getSourcesTable(["sky-net"]);
    const qi = t.columns.findIndex((c) => c.key === "quotes");
    expect(t.rows.every((r) => r[qi] === null)).toBe(true);
  });
});
