// Made-up data releases for the data-feed tests, the browser test and the bench: compiled with the SDK's compiler from
// the real datasets, following the real bundled release 2026.11.1, with small edits. Never published anywhere.
//   2026.12.0  the same records as 2026.11.1 (a release with an empty changelog)
//   2026.12.1  Sky Net returned 2020 revised 1,421 → 1,444; Sky Net returned 2025 added (1,555); Sky Net red-notice
//              returned 2020 removed; each with its reason.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { compileRelease, type DatasetInput, type ReleaseInput } from "@skynet-data/sdk/authoring";
import type { Release } from "@skynet-data/sdk";
import { DATASETS } from "../../../sdk/src/datasets/index.js";
import { RELEASE as BUNDLED } from "../../../sdk/src/datasets/release.js";
import { SOURCES } from "../../../sdk/src/sources/index.js";

// The repository: the bench runs this bundled elsewhere and says where the repository is (BENCH_ROOT).
const REPO = process.env.BENCH_ROOT ? pathToFileURL(`${process.env.BENCH_ROOT}/`) : new URL("../../../", import.meta.url);

export const V1 = "2026.12.0";
export const V2 = "2026.12.1";
export const REVISED = { id: "sky-net.returned.2020-01-01.2020-12-31", series: "sky-net.returned", year: 2020, label: "2020", before: 1421, after: 1444, reason: "value: the 2020 work report, read again, gives 1,444 (a made-up correction for the tests)" };
export const ADDED = { id: "sky-net.returned.2025-01-01.2025-12-31", series: "sky-net.returned", year: 2025, label: "2025", value: 1555, reason: "added: the 2025 total (a made-up figure for the tests)" };
export const REMOVED = { id: "sky-net.red-notice-returned.2020-01-01.2020-12-31", series: "sky-net.red-notice-returned", year: 2020, label: "2020", value: 28, reason: "the page does not print it (a made-up removal for the tests)" };

type Obs = { id: string; value: number; period: { start: string; end: string; label: string; precision: string }; changes?: unknown[] };
type Ds = { id: string; observations?: Obs[]; removed?: unknown[] };

function datasets(edit: (sky: Ds) => void): DatasetInput[] {
  const copy = structuredClone(DATASETS) as unknown as Ds[];
  edit(copy.find((d) => d.id === "sky-net")!);
  return copy as unknown as DatasetInput[];
}

function input(version: string, date: string, ds: DatasetInput[], previous: Release): ReleaseInput {
  const seeds = new Map<string, string>();
  for (const s of SOURCES) if (s.seedPath) seeds.set(s.seedPath, readFileSync(new URL(s.seedPath, REPO), "utf8"));
  return { version, date, datasets: ds, sources: SOURCES, seeds, previous };
}

let made: { bundled: Release; r1: Release; r2: Release } | undefined;

/** The real bundled release and the two made-up ones that follow it (compiled once per process). */
export function madeUpReleases(): { bundled: Release; r1: Release; r2: Release } {
  if (made) return made;
  const bundled = JSON.parse(readFileSync(new URL(`sdk/src/releases/${BUNDLED.version}.json`, REPO), "utf8")) as Release;
  const r1 = compileRelease(input(V1, "2026-12-01", datasets(() => {}), bundled));
  const r2 = compileRelease(
    input(
      V2,
      "2026-12-15",
      datasets((sky) => {
        const obs = sky.observations!;
        const revised = obs.find((o) => o.id === REVISED.id)!;
        Object.assign(revised, { value: REVISED.after, changes: [...(revised.changes ?? []), { release: V2, reason: REVISED.reason }] });
        obs.push({ ...structuredClone(revised), id: ADDED.id, value: ADDED.value, period: { start: "2025-01-01", end: "2025-12-31", label: "2025", precision: "year" }, changes: [{ release: V2, reason: ADDED.reason }] });
        sky.observations = obs.filter((o) => o.id !== REMOVED.id);
        sky.removed = [...(sky.removed ?? []), { id: REMOVED.id, release: V2, reason: REMOVED.reason }];
      }),
      r1,
    ),
  );
  return (made = { bundled, r1, r2 });
}

/** A release file's text as the SDK's build writes it. */
export const fileText = (r: Release): string => `${JSON.stringify(r, null, 1)}\n`;
