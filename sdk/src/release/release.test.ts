import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { compileRelease, ReleaseBuildError, validateRelease, type ReleaseInput } from "../authoring/index.js";
import { BUNDLED_RELEASE } from "../catalog.js";
import type { DatasetInput } from "../core/dataset.js";
import { DATASETS } from "../datasets/index.js";
import { RELEASE } from "../datasets/release.js";
import { SEED_PATH } from "../seed/reference.js";
import { REMOVED_SOURCES, SOURCES } from "../sources/index.js";
import { functionsFor } from "../functions/index.js";
import type { Release } from "./format.js";
import { src, worldSeries, year } from "./chain.testkit.js";
import { loadRelease } from "./load.js";

const file = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const releaseText = readFileSync(file(`../releases/${RELEASE.version}.json`), "utf8");
const seeds = new Map([[SEED_PATH, readFileSync(file(`../../../${SEED_PATH}`), "utf8")]]);

describe("the bundled release", () => {
  it("is exactly what the datasets compile to: npm run build was run after the last data change", () => {
    const previous = BUNDLED_RELEASE.previous ? (JSON.parse(readFileSync(file(`../releases/${BUNDLED_RELEASE.previous.version}.json`), "utf8")) as Release) : null;
    const compiled = compileRelease({ ...RELEASE, datasets: DATASETS, sources: SOURCES, removedSources: REMOVED_SOURCES, seeds, previous });
    expect(compiled.hash).toBe(JSON.parse(releaseText).hash);
    expect(BUNDLED_RELEASE.hash).toBe(compiled.hash);
    expect(BUNDLED_RELEASE.version).toBe(RELEASE.version);
  });

  it("validates against the JSON Schema shipped with the SDK, read by a validator nobody here wrote", () => {
    const schema = JSON.parse(readFileSync(file("../../release.schema.json"), "utf8"));
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(JSON.parse(releaseText)), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    expect(validate({ ...JSON.parse(releaseText), format: "1" })).toBe(false);
  });

  it("validates against the format's zod schema", () => {
    expect(validateRelease(JSON.parse(releaseText))).toEqual([]);
    expect(validateRelease({ ...JSON.parse(releaseText), version: "next" })).toEqual([expect.stringMatching(/^version: a release version is YYYY\.M\.N/)]);
  });

  it("is a plain lookup table for the yearly functions: Fox Hunt 2014 and its #N/A years, as the seed and the sources say", () => {
    const r = JSON.parse(releaseText) as Release;
    expect(r.answers.CAPTURES.routes.MPS!.years["2014"]).toBe(680);
    expect(r.answers.CAPTURES.routes.SPP!.years["2014"]).toBe(749);
    expect(r.answers.RECOVERED.routes["SPP|USD"]!.years["2013"]).toBe(1_630_000_000);
    expect(r.answers.CAPTURES.routes.MPS!.otherYears.template).toBe("no figure of fox-hunt.captured for {year} (it has figures for 2014, 2015, 2016, 2022).");
  });
});

describe("loadRelease", () => {
  it("loads a release from its text or its parsed JSON, and answers from it", () => {
    const catalog = loadRelease(releaseText);
    expect(catalog.release?.version).toBe(RELEASE.version);
    expect(functionsFor(catalog).CAPTURES(2014)).toBe(680);
    expect(loadRelease(JSON.parse(releaseText)).release?.hash).toBe(catalog.release?.hash);
  });

  it("refuses a release whose figures were altered after publishing, saying it does not match its hash", () => {
    const tampered = releaseText.replace('"value": 680', '"value": 681');
    expect(tampered).not.toBe(releaseText);
    expect(() => loadRelease(tampered)).toThrow(/does not match its hash: it was altered or damaged after it was published/);
  });

  it("refuses truncated JSON, an HTML page, a newer format and a document missing its parts, each in words", () => {
    expect(() => loadRelease(releaseText.slice(0, 5000))).toThrow(/its JSON does not parse .*truncated/);
    expect(() => loadRelease("<!doctype html><title>404</title>")).toThrow(/it is an HTML page, not JSON/);
    expect(() => loadRelease({ ...JSON.parse(releaseText), format: 2 })).toThrow(/release format 2 is newer than this version of Sky Net Data reads \(format 1\)/);
    expect(() => loadRelease({ format: 1, version: "2026.11.0", date: "2026-11-27", hash: "0".repeat(64) })).toThrow(/has no datasets or sources/);
    expect(() => loadRelease([1, 2])).toThrow(/a release is a JSON object/);
  });
});

// A small made-up world with one series for each custom function, so a release compiles from it.
const SOURCES_W = [src("doc"), src("seed", "seeds/s.txt")];
const obs = (series: string, value: number, unit = "persons", extra: object = {}) => ({ id: `${series}.2020`, series, value, unit, period: year(2020), coverage: "full", qualifier: "exact", source: "doc", ...extra });
function world(edit: (d: { series: any[]; observations: any[]; removed?: any[] }) => void = () => {}): DatasetInput[] {
  const d = {
    id: "w",
    title: "World",
    description: "Made up",
    kind: "observations",
    series: worldSeries(),
    observations: [
      obs("captured", 100),
      obs("surrendered", 10),
      obs("returned", 200),
      obs("recovered", 2_000_000_000, "CNY"),
      obs("countries", 5, "countries"),
      ...["ext.in-force", "mla.in-force", "ext.concluded", "mla.concluded"].map((s) => obs(s, 30, "treaties")),
    ],
  };
  edit(d);
  return [d as unknown as DatasetInput];
}
const input = (datasets: DatasetInput[], extra: Partial<ReleaseInput> = {}): ReleaseInput => ({
  version: "2030.1.0",
  date: "2030-01-15",
  datasets,
  sources: SOURCES_W,
  seeds: new Map([["seeds/s.txt", "The seed says 100 people came back."]]),
  previous: null,
  ...extra,
});
const problemsOf = (i: ReleaseInput): string[] => {
  try {
    compileRelease(i);
    return [];
  } catch (e) {
    if (e instanceof ReleaseBuildError) return [...e.problems];
    throw e;
  }
};

describe("compileRelease", () => {
  it("compiles a world whose every function has its series, with answers looked up from the data", () => {
    const r = compileRelease(input(world()));
    expect(r.answers.CAPTURES.routes.MPS!.years["2020"]).toBe(100);
    expect(r.answers.TREATIES_IN_FORCE.kinds.both.latest).toBe(60);
    expect(r.previous).toBeNull();
    expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("says in words which source is missing", () => {
    expect(problemsOf(input(world((d) => (d.observations[0].source = "nowhere"))))).toEqual([
      'w/captured.2020 cites unknown source "nowhere": add it to sdk/src/sources/index.ts',
    ]);
  });

  it("says in words which unit does not match its series", () => {
    expect(problemsOf(input(world((d) => (d.observations[0].unit = "treaties"))))).toEqual(["w/captured.2020 is in treaties but series captured is in persons"]);
  });

  it("says in words that a part-year figure is marked full", () => {
    const p = problemsOf(input(world((d) => (d.observations[0].period = { start: "2020-01-01", end: "2020-11-30", label: "Jan–Nov 2020", precision: "range" }))));
    expect(p).toEqual(['w/captured.2020: the period "Jan–Nov 2020" is part of a year, so its coverage is partial, not full']);
  });

  it("says in words that a \"more than\" figure is marked exact", () => {
    expect(problemsOf(input(world((d) => (d.observations[0].note = "Reported as more than 100."))))).toEqual([
      'w/captured.2020: its note says "more than" or "over", so its qualifier is lower-bound, not exact',
    ]);
  });

  it("says in words that a quote is not in the seed", () => {
    const p = problemsOf(input(world((d) => Object.assign(d.observations[0], { source: "seed", quote: "The seed says 100 people left." }))));
    expect(p).toEqual(['w/captured.2020: the quote is not in the seed word for word: "The seed says 100 people left."']);
    expect(problemsOf(input(world((d) => Object.assign(d.observations[0], { source: "seed", quote: "The seed says 100 people came back." }))))).toEqual([]);
  });

  it("refuses a revision without a reason, naming the field and both values, and lists it with its reason", () => {
    const first = compileRelease(input(world()));
    const revised = world((d) => (d.observations[0].qualifier = "approximate"));
    expect(problemsOf(input(revised, { version: "2030.2.0", previous: first }))).toEqual([
      'observation captured.2020 changed since release 2030.1.0 (qualifier "exact" → "approximate") without a reason: add changes: [{ release: "2030.2.0", reason: "…" }] beside it',
    ]);
    const withReason = world((d) => Object.assign(d.observations[0], { qualifier: "approximate", changes: [{ release: "2030.2.0", reason: "qualifier: the source says 'about 100'" }] }));
    const second = compileRelease(input(withReason, { version: "2030.2.0", previous: first }));
    expect(second.previous).toEqual({ version: "2030.1.0", hash: first.hash });
    expect(second.changelog).toEqual({
      added: [],
      removed: [],
      revised: [{ kind: "observation", id: "captured.2020", changes: [{ field: "qualifier", before: "exact", after: "approximate" }], reason: "qualifier: the source says 'about 100'" }],
    });
  });

  it("refuses a removal without a reason and lists one with its reason", () => {
    const first = compileRelease(input(world()));
    const extra = (d: { observations: any[] }) => d.observations.push({ ...obs("captured", 90), id: "captured.2019", period: year(2019) });
    const withExtra = compileRelease(input(world(extra), { version: "2030.2.0", previous: first }));
    expect(withExtra.changelog.added).toEqual([{ kind: "observation", id: "captured.2019" }]);
    expect(problemsOf(input(world(), { version: "2030.3.0", previous: withExtra }))).toEqual([
      "observation captured.2019 is in release 2030.2.0 but no longer in the data, without a reason: list it in its dataset's removed: [{ id, release: \"2030.3.0\", reason }]",
    ]);
    const removed = compileRelease(input(world((d) => (d.removed = [{ id: "captured.2019", release: "2030.3.0", reason: "nobody could show the page that prints it" }])), { version: "2030.3.0", previous: withExtra }));
    expect(removed.changelog.removed).toEqual([{ kind: "observation", id: "captured.2019", reason: "nobody could show the page that prints it" }]);
  });

  it("follows a record whose id changed with its period, as one revision", () => {
    const first = compileRelease(input(world()));
    const moved = world((d) =>
      Object.assign(d.observations[0], {
        id: "captured.2020-apr-dec",
        period: { start: "2020-04-01", end: "2020-12-31", label: "2020 (Apr–Dec)", precision: "range" },
        changes: [{ release: "2030.2.0", reason: "period: the figure is the campaign's, April to December", replaces: "captured.2020" }],
      }),
    );
    const second = compileRelease(input(moved, { version: "2030.2.0", previous: first }));
    expect(second.changelog.added).toEqual([]);
    expect(second.changelog.removed).toEqual([]);
    expect(second.changelog.revised).toEqual([
      expect.objectContaining({ id: "captured.2020-apr-dec", previousId: "captured.2020", changes: [expect.objectContaining({ field: "id" }), expect.objectContaining({ field: "period" })] }),
    ]);
  });

  it("refuses a version that is not later than the release it follows", () => {
    const first = compileRelease(input(world()));
    expect(problemsOf(input(world(), { previous: first }))).toEqual(["release 2030.1.0 must be later than the release it follows (2030.1.0)"]);
  });
});
