// The integrity rule that keeps citations to pages a reader can open (sdk/src/authoring/validate.ts), on records made
// up for the test: a source without an address, a source marked as not found, a record corroborated by itself.
import { describe, expect, it } from "vitest";
import { INTEGRITY_RULES } from "../authoring/validate.js";
import { Dataset } from "../core/dataset.js";
import { Source } from "../core/schema.js";

const rule = INTEGRITY_RULES.find((r) => r.name.startsWith("cites only pages that can be found"))!;
const source = (id: string, url: string | null, note?: string) =>
  Source.parse({ id, publisher: "P", title: "T", published: "2020-01-01", publishedPrecision: "day", url, reliability: "official", seedPath: null, ...(note ? { note } : {}) });
const sources = new Map(
  [
    source("online", "https://example.org/a"),
    source("print", null, "Print edition, no web address."),
    source("nowhere", null),
    source("gone", "https://example.org/b", "The page is not found any more (checked November 2026)."),
  ].map((s) => [s.id, s]),
);
const dataset = (cites: { source: string; corroboratedBy?: string[] }[]) =>
  Dataset.parse({
    id: "t",
    title: "T",
    description: "D",
    kind: "events",
    events: cites.map((c, i) => ({ id: `e${i}`, date: "2020-01-01", end: "2020-01-01", precision: "day", phrase: "1 Jan 2020", what: "W", parties: [], ...c })),
  });
const check = (cites: { source: string; corroboratedBy?: string[] }[]) => rule.check(dataset(cites), { sources, seeds: new Map() });

describe("integrity rule: cites only pages that can be found", () => {
  it("accepts a page with an address, and a print source whose note says why it has none", () => {
    expect(check([{ source: "online" }, { source: "print", corroboratedBy: ["online"] }])).toEqual([]);
  });

  it("refuses a source with neither an address nor the reason", () => {
    expect(check([{ source: "online", corroboratedBy: ["nowhere"] }])).toEqual([
      't/e0 cites nowhere, which has no address: give its URL, or say in its note why there is none (e.g. "print edition, no web address")',
    ]);
  });

  it("refuses a source whose note records its page as not found, as citation or corroboration", () => {
    expect(check([{ source: "gone" }, { source: "online", corroboratedBy: ["gone"] }])).toEqual([
      "t/e0 cites gone, whose note says its page cannot be found: cite a page that prints the figure",
      "t/e1 cites gone, whose note says its page cannot be found: cite a page that prints the figure",
    ]);
  });

  it("refuses a record that names its own source as corroboration", () => {
    expect(check([{ source: "online", corroboratedBy: ["online"] }])).toEqual(["t/e0 names its own source online as corroboration"]);
  });
});
