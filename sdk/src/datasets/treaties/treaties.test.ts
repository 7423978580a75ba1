import { describe, expect, it } from "vitest";
import { datasetIntegrity } from "../_lib/integrity.testkit.js";
import { treaties } from "./data.js";

datasetIntegrity(treaties);

const at = (series: string, end: string) => treaties.observations.find((o) => o.series === series && o.period.end === end)?.value;

describe("treaties", () => {
  it("carries the seed's counts as of November 2014", () => {
    expect([
      at("treaties.extradition.concluded", "2014-11-30"),
      at("treaties.extradition.in-force", "2014-11-30"),
      at("treaties.judicial-assistance.concluded", "2014-11-30"),
      at("treaties.judicial-assistance.in-force", "2014-11-30"),
    ]).toEqual([39, 29, 52, 46]);
  });

  it("counts partner countries in series of unit countries, never treaties", () => {
    const units = new Map(treaties.series.map((s) => [s.id, s.unit]));
    const partnerSeries = treaties.series.filter((s) => s.id.endsWith("partner-countries"));
    expect(partnerSeries.length).toBe(3);
    expect(partnerSeries.every((s) => units.get(s.id) === "countries")).toBe(true);
  });

  it("never has more treaties in force than concluded at one date", () => {
    for (const kind of ["extradition", "judicial-assistance", "judicial-assistance.criminal-only"]) {
      for (const o of treaties.observations.filter((x) => x.series === `treaties.${kind}.in-force`)) {
        const concluded = at(`treaties.${kind}.concluded`, o.period.end);
        if (concluded !== undefined) expect(o.value, `${kind} ${o.period.label}`).toBeLessThanOrEqual(concluded);
      }
    }
  });

  it("records that negotiations finished with 10 countries in 2014", () => {
    const o = treaties.observations.find((x) => x.series === "treaties.negotiations-finished")!;
    expect([o.value, o.unit, o.period.start, o.period.end, o.period.phrase]).toEqual([10, "countries", "2014-01-01", "2014-12-31", "last year"]);
  });
});
