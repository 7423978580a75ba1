import { describe, expect, it } from "vitest";
import { datasetIntegrity } from "../_lib/integrity.testkit.js";
import { skyNet } from "./data.js";

datasetIntegrity(skyNet);

const returned = skyNet.observations.filter((o) => o.series === "sky-net.returned");

describe("sky-net", () => {
  it("keeps January–November and full-year figures of one year apart", () => {
    const y2020 = returned.filter((o) => o.period.start.startsWith("2020")).map((o) => [o.period.label, o.value, o.coverage]);
    expect(y2020).toEqual([
      ["Jan–Nov 2020", 1229, "partial"],
      ["2020", 1421, "full"],
    ]);
  });

  it("stores 23.12 yi yuan as 2,312,000,000 CNY", () => {
    const o = skyNet.observations.find((x) => x.series === "sky-net.recovered" && x.period.start.startsWith("2016"));
    expect(o).toMatchObject({ value: 2_312_000_000, unit: "CNY", coverage: "partial" });
  });

  it("has a returned figure for every year from 2015 to 2024", () => {
    const years = new Set(returned.map((o) => Number(o.period.start.slice(0, 4))));
    expect([...years].sort()).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
  });

  it("keeps running totals in cumulative series only", () => {
    const cumulative = new Set(skyNet.series.filter((s) => s.cumulative).map((s) => s.id));
    const multiYear = skyNet.observations.filter((o) => o.period.start.slice(0, 4) !== o.period.end.slice(0, 4));
    expect(multiYear.every((o) => cumulative.has(o.series))).toBe(true);
    expect(multiYear.length).toBeGreaterThan(0);
  });

  it("running totals never decrease", () => {
    for (const id of ["sky-net.returned.cumulative", "sky-net.recovered.cumulative", "sky-net.returned-officials.cumulative"]) {
      const vals = skyNet.observations.filter((o) => o.series === id).sort((a, b) => a.period.end.localeCompare(b.period.end)).map((o) => o.value);
      expect(vals, id).toEqual([...vals].sort((a, b) => a - b));
    }
  });
});
