import { describe, expect, it } from "vitest";
import { datasetIntegrity } from "../_lib/integrity.testkit.js";
import { foxHunt } from "./data.js";

datasetIntegrity(foxHunt);

const fig = (series: string, startsWith: string) => foxHunt.observations.find((o) => o.series === series && o.period.start.startsWith(startsWith));

describe("fox-hunt", () => {
  it("carries every Fox Hunt 2014 figure of the seed", () => {
    expect([
      ["fox-hunt.captured", 680],
      ["fox-hunt.surrendered", 390],
      ["fox-hunt.cases-over-10m-cny", 208],
      ["fox-hunt.at-large-over-10-years", 117],
      ["fox-hunt.longest-at-large", 22],
      ["fox-hunt.countries", 69],
    ].map(([s]) => [s, fig(s as string, "2014")?.value, fig(s as string, "2014")?.source])).toEqual([
      ["fox-hunt.captured", 680, "seed"],
      ["fox-hunt.surrendered", 390, "seed"],
      ["fox-hunt.cases-over-10m-cny", 208, "seed"],
      ["fox-hunt.at-large-over-10-years", 117, "seed"],
      ["fox-hunt.longest-at-large", 22, "seed"],
      ["fox-hunt.countries", 69, "seed"],
    ]);
  });

  it("dates Fox Hunt 2014 to the second half of 2014, ending on 31 December", () => {
    const o = fig("fox-hunt.captured", "2014")!;
    expect([o.period.start, o.period.end, o.period.precision]).toEqual(["2014-07-01", "2014-12-31", "half-year"]);
  });

  it("keeps the 2022 \"more than 700\" as a lower bound", () => {
    expect(fig("fox-hunt.captured", "2022")).toMatchObject({ value: 700, qualifier: "lower-bound" });
  });

  it("adds up: arrested plus surrendered equals captured in 2014", () => {
    expect(fig("fox-hunt.arrested", "2014")!.value + fig("fox-hunt.surrendered", "2014")!.value).toBe(fig("fox-hunt.captured", "2014")!.value);
  });

  it("adds up: arrested, surrendered and prosecuted abroad equal captured in 2015", () => {
    const parts = ["fox-hunt.arrested", "fox-hunt.surrendered", "fox-hunt.prosecuted-abroad"].map((s) => fig(s, "2015")!.value);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(fig("fox-hunt.captured", "2015")!.value);
  });
});
