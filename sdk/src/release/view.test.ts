import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RELEASE } from "../datasets/release.js";
import { functionsFor } from "../functions/index.js";
import type { Release } from "./format.js";
import { catalogOfRelease, loadRelease } from "./load.js";
import { functionsView } from "./view.js";

const text = readFileSync(new URL(`../releases/${RELEASE.version}.json`, import.meta.url), "utf8");
const release = JSON.parse(text) as Release;
const full = functionsFor(loadRelease(text));
const view = functionsFor(catalogOfRelease(functionsView(release)));

describe("functionsView", () => {
  it("answers every custom function exactly as the full release does", () => {
    const calls: unknown[][] = [["SERIES_LIST"], ["TREATIES_IN_FORCE"], ["TREATIES_CONCLUDED", "extradition"]];
    for (let y = 1990; y <= 2030; y++) for (const id of ["CAPTURES", "SURRENDERED", "RETURNED", "RECOVERED", "COUNTRIES"]) calls.push([id, y], [id, y, "SPP"]);
    for (const d of release.data.datasets) {
      calls.push(["DATASET", d.id]);
      if (d.kind !== "observations") continue;
      for (const s of d.series) calls.push(["SERIES", s.id]);
      for (const o of d.observations) calls.push(["FIGURE", o.series, o.period.label], ["SOURCE", o.series, o.period.label], ["TREATIES_IN_FORCE", null, o.period.end]);
    }
    calls.push(["EVENTS"], ["EVENTS", "2014-01-01", "2015-12-31"]);
    const differ = calls.filter(([id, ...args]) => JSON.stringify((view as any)[id as string](...args)) !== JSON.stringify((full as any)[id as string](...args)));
    expect(calls.length).toBeGreaterThan(500);
    expect(differ).toEqual([]);
  });

  it("leaves out the changelog and the prose no function shows, and cannot pass for a release", () => {
    const v = functionsView(release);
    expect(v.changelog).toEqual({ added: [], removed: [], revised: [] });
    expect(v.data.sources.every((s) => s.title === "" && s.note === undefined)).toBe(true);
    expect("indexes" in v).toBe(false);
    expect(JSON.stringify(v).length).toBeLessThan(text.length * 0.8);
    expect(() => loadRelease({ ...v, indexes: release.indexes })).toThrow(/does not match its hash/);
  });
});
