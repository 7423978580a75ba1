import { describe, expect, it } from "vitest";
import { datasetIntegrity } from "../_lib/integrity.testkit.js";
import { spp } from "./data.js";

datasetIntegrity(spp);

describe("spp", () => {
  it("carries the SPP's 2013 and 2014 figures of the seed", () => {
    expect(spp.observations.map((o) => [o.series, o.value, o.unit, o.period.start.slice(0, 4)])).toEqual([
      ["spp.returned", 762, "persons", "2013"],
      ["spp.recovered.cny", 10_140_000_000, "CNY", "2013"],
      ["spp.recovered.usd", 1_630_000_000, "USD", "2013"],
      ["spp.captured", 749, "persons", "2014"],
    ]);
  });

  it("resolves \"last year\" in the 749 sentence to 2014", () => {
    const o = spp.observations.find((x) => x.series === "spp.captured")!;
    expect(o.period).toMatchObject({ start: "2014-01-01", end: "2014-12-31", precision: "year", phrase: "last year" });
  });
});
