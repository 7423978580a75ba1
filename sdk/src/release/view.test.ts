import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RELEASE } from "../datasets/release.js";
import { functionsFor } from "../functions/index.js";
import type { Release } from "./format.js";
import { catalogOfRelease, loadRelease } from "./load.js";
import { functionsView, lazyReleaseModule } from "./view.js";

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

/** The module lazyReleaseModule writes, evaluated: its default export. */
async function evaluated(source: string): Promise<Record<string, unknown>> {
  return ((await import(`data:text/javascript;base64,${Buffer.from(source).toString("base64")}`)) as { default: Record<string, unknown> }).default;
}

describe("lazyReleaseModule", () => {
  it("gives back the release exactly, field for field, and is all in ASCII", async () => {
    const source = lazyReleaseModule(release);
    expect([...source].every((c) => c.charCodeAt(0) < 0x80)).toBe(true);
    const lazy = await evaluated(source);
    for (const k of Object.keys(release) as (keyof Release)[]) expect(JSON.stringify(lazy[k]), k).toBe(JSON.stringify(release[k]));
    expect(Object.keys(lazy).sort()).toEqual(Object.keys(release).sort());
    expect(lazy.version).toBe(RELEASE.version);
  });

  it("gives back the functions' view exactly (fields left undefined stay absent), and its catalogue answers as the view's does", async () => {
    const v = functionsView(release);
    const lazy = await evaluated(lazyReleaseModule(v, { piece: 1000 }));
    for (const k of Object.keys(v) as (keyof typeof v)[]) expect(JSON.stringify(lazy[k]), k).toBe(JSON.stringify(v[k]));
    const fromModule = functionsFor(catalogOfRelease(lazy as unknown as Release));
    for (const call of [["CAPTURES", 2014], ["RETURNED", 2016], ["DATASET", "partners"], ["EVENTS", "2014-11-01", "2014-11-30"]] as const) {
      const [id, ...args] = call;
      expect(JSON.stringify((fromModule as any)[id](...args))).toBe(JSON.stringify((view as any)[id](...args)));
    }
  });

  it("writes the text without apostrophes (as \\u0027), so a minifier keeps every piece a plain string, not a template", () => {
    expect(text).toContain("People's");
    for (const source of [lazyReleaseModule(release), lazyReleaseModule(release, { compact: false })]) {
      const pieces = /const text = \[([\s\S]*?)\];/.exec(source)![1]!;
      expect(pieces).not.toContain("'");
      expect(pieces).toContain("People\\\\u0027s");
    }
  });

  it("keeps texts that hold its marks ~ and ^, and refuses in words a text that is a mark alone", async () => {
    const withMarks = structuredClone(release);
    const first = withMarks.data.datasets.find((d) => d.kind === "observations")!;
    first.title = "~ about ^ 700";
    const lazy = await evaluated(lazyReleaseModule(withMarks));
    expect((lazy.data as Release["data"]).datasets.find((d) => d.id === first.id)!.title).toBe("~ about ^ 700");
    first.title = "~";
    expect(() => lazyReleaseModule(withMarks)).toThrow('a text of the release is "~" alone, which the compact text uses as a mark: write it otherwise (for example "~ ")');
    first.title = "^";
    expect(() => lazyReleaseModule(withMarks)).toThrow('a text of the release is "^" alone');
  });

  it("gives back the release exactly when written as it is (compact: false)", async () => {
    const source = lazyReleaseModule(release, { compact: false });
    expect(source).not.toContain("readColumns");
    const lazy = await evaluated(source);
    for (const k of Object.keys(release) as (keyof Release)[]) expect(JSON.stringify(lazy[k]), k).toBe(JSON.stringify(release[k]));
  });

  it("parses nothing until data is asked for", async () => {
    const source = lazyReleaseModule(release).replace("JSON.parse(", "(globalThis.__parsed = (globalThis.__parsed ?? 0) + 1, JSON.parse)(");
    const lazy = await evaluated(source);
    const g = globalThis as { __parsed?: number };
    const catalog = catalogOfRelease(lazy as unknown as Release);
    expect(catalog.release?.hash).toBe(release.hash);
    expect(g.__parsed).toBeUndefined();
    expect(catalog.getSeries("fox-hunt.captured").id).toBe("fox-hunt.captured");
    expect(g.__parsed).toBe(1);
    delete g.__parsed;
  });
});
