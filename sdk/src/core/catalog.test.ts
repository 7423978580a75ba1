import { describe, expect, it } from "vitest";
import { createCatalog } from "../authoring/index.js";
import type { DatasetInput } from "./dataset.js";
import { SkynetError } from "./errors.js";

// A small synthetic world: core is tested without the real datasets.
const sources = [
  { id: "doc", publisher: "Agency bulletin", title: "Figures", published: "2020-01-10", publishedPrecision: "day" as const, url: "https://example.org/a", reliability: "official" as const, seedPath: null },
  { id: "blog", publisher: "A blog", title: "Figures again", published: "2021-01-10", publishedPrecision: "day" as const, url: null, reliability: "secondary" as const, seedPath: null },
];
const series = (id: string, extra: object = {}) => ({ id, dataset: "d", title: id, description: id, agency: "MPS" as const, unit: "persons" as const, kind: "flow" as const, measure: "captured", ...extra });
const obs = (id: string, s: string, value: number, start: string, end: string, label: string, extra: object = {}) => ({
  id, series: s, value, unit: "persons" as const, period: { start, end, label, precision: "year" as const }, coverage: "full" as const, qualifier: "exact" as const, source: "doc", ...extra,
});
const world = (): DatasetInput[] => [
  {
    id: "d",
    title: "D",
    description: "Synthetic",
    kind: "observations",
    series: [series("a.captured"), series("b.captured", { agency: "SPP" }), series("stock", { kind: "stock", measure: "stock" })],
    observations: [
      obs("a-2019-part", "a.captured", 90, "2019-01-01", "2019-11-30", "Jan–Nov 2019", { coverage: "partial" }),
      obs("a-2020", "a.captured", 100, "2020-01-01", "2020-12-31", "2020"),
      obs("a-2021", "a.captured", 700, "2021-01-01", "2021-12-31", "2021", { qualifier: "lower-bound" }),
      obs("b-2018", "b.captured", 55, "2018-01-01", "2018-12-31", "2018"),
      obs("s-1", "stock", 30, "2014-11-01", "2014-11-30", "Nov 2014"),
      obs("s-2", "stock", 40, "2018-09-01", "2018-09-30", "Sep 2018"),
    ],
    charts: [],
  },
];

describe("createCatalog", () => {
  it("rejects an observation whose unit differs from its series", () => {
    const w = world();
    (w[0] as { observations: { unit: string }[] }).observations[0]!.unit = "CNY";
    expect(() => createCatalog(w, sources)).toThrowError(/is in CNY but series a.captured is in persons/);
  });

  it("rejects a record citing a source that does not exist", () => {
    const w = world();
    (w[0] as { observations: { source: string }[] }).observations[1]!.source = "nowhere";
    expect(() => createCatalog(w, sources)).toThrowError(/cites unknown source "nowhere"/);
  });

  it("rejects a quote from a source that is not the seed", () => {
    const w = world();
    (w[0] as { observations: { quote?: string }[] }).observations[1]!.quote = "copied words";
    expect(() => createCatalog(w, sources)).toThrowError(/only the seed is quoted/);
  });

  it("rejects a schema violation naming the field", () => {
    const w = world();
    (w[0] as { observations: { qualifier: string }[] }).observations[1]!.qualifier = "roughly";
    expect(() => createCatalog(w, sources)).toThrowError(/qualifier/);
  });

  it("rejects duplicate ids", () => {
    const w = world();
    const o = (w[0] as { observations: object[] }).observations;
    o.push({ ...(o[1] as object) });
    expect(() => createCatalog(w, sources)).toThrowError(/used twice/);
  });
});

describe("catalog.figure", () => {
  const c = createCatalog(world(), sources);

  it("finds a full, exact figure for a year", () => {
    const r = c.figure("a.captured", { year: 2020 });
    expect(r.found && r.observation.value).toBe(100);
  });

  it("answers a partial-year-only year with what exists", () => {
    const r = c.figure("a.captured", { year: 2019 });
    expect(r).toMatchObject({ found: false, reason: "partial-only" });
    expect(!r.found && r.message).toMatch(/90 persons for Jan–Nov 2019 \(partial coverage; Agency bulletin, 2020-01-10\)/);
  });

  it("answers a lower-bound-only year with the bound", () => {
    const r = c.figure("a.captured", { year: 2021 });
    expect(r).toMatchObject({ found: false, reason: "lower-bound-only" });
    expect(!r.found && r.message).toMatch(/more than 700 persons/);
  });

  it("accepts a partial or lower-bound figure when asked to", () => {
    const r = c.figure("a.captured", { year: 2021 }, { acceptIncomplete: true });
    expect(r.found && r.observation.value).toBe(700);
  });

  it("points to another agency's series for the same measure and year", () => {
    const r = c.figure("a.captured", { year: 2018 });
    expect(r).toMatchObject({ found: false, reason: "no-figure" });
    expect(!r.found && r.message).toMatch(/55 persons for 2018 .* in b.captured/);
  });

  it("takes the latest stock figure dated on or before the as-of date", () => {
    const r = c.figure("stock", { asOf: "2017-01-01" });
    expect(r.found && r.observation.value).toBe(30);
    const r2 = c.figure("stock", { asOf: "2018-09-30" });
    expect(r2.found && r2.observation.value).toBe(40);
  });

  it("counts a month-dated stock from the end of its month only", () => {
    const r = c.figure("stock", { asOf: "2014-11-15" });
    expect(r).toMatchObject({ found: false, reason: "before-first" });
    expect(!r.found && r.message).toMatch(/earliest is as of 2014-11-30/);
  });

  it("matches a period by its label", () => {
    const r = c.figure("a.captured", { period: "jan–nov 2019" });
    expect(r.found && r.observation.value).toBe(90);
  });

  it("throws a typed error naming the accepted series for an unknown one", () => {
    expect(() => c.figure("a.capturd", { year: 2020 })).toThrowError(SkynetError);
    expect(() => c.figure("a.capturd", { year: 2020 })).toThrowError(/unknown series "a.capturd"; accepted: "a.captured"/);
  });

  it("throws for a year that is not a whole number in range", () => {
    expect(() => c.figure("a.captured", { year: 2020.5 })).toThrowError(/whole number from 1900 to 9999, got 2020.5/);
    expect(() => c.figure("a.captured", { year: 99999 })).toThrowError(/whole number/);
  });

  it("throws for an as-of date that is not ISO", () => {
    expect(() => c.figure("stock", { asOf: "Nov 2014" })).toThrowError(/asOf must be an ISO date YYYY-MM-DD/);
  });
});

describe("catalog.observationsOf", () => {
  const c = createCatalog(world(), sources);

  it("limits a series to a range of years, inclusive", () => {
    expect(c.observationsOf("a.captured", { from: 2020, to: 2021 }).map((o) => o.id)).toEqual(["a-2020", "a-2021"]);
  });

  it("rejects a range whose start is after its end", () => {
    expect(() => c.observationsOf("a.captured", { from: 2021, to: 2020 })).toThrowError(/after/);
  });
});

describe("catalog.getDataset", () => {
  const c = createCatalog(world(), sources);
  it("names the datasets that exist when asked for an unknown one", () => {
    expect(() => c.getDataset("nope")).toThrowError(/unknown dataset "nope"; accepted: "d"/);
  });
});
