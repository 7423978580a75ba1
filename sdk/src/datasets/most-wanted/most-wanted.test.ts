import { describe, expect, it } from "vitest";
import { datasetIntegrity } from "../_lib/integrity.testkit.js";
import { mostWanted } from "./data.js";

datasetIntegrity(mostWanted);

describe("most-wanted", () => {
  it("is a running total that never decreases and never exceeds the 100 on the list", () => {
    const vals = [...mostWanted.observations].sort((a, b) => a.period.end.localeCompare(b.period.end)).map((o) => o.value);
    expect(vals).toEqual([...vals].sort((a, b) => a - b));
    expect(Math.max(...vals)).toBeLessThanOrEqual(100);
  });

  it("never dates a figure after its source was published", () => {
    // e.g. the 9 Dec 2016 report counts as of 9 Dec, not 31 Dec.
    const late = mostWanted.observations.filter((o) => o.source === "china-daily-2016-12-09" && o.period.end > "2016-12-09");
    expect(late).toEqual([]);
  });
});
