// `npm run build` (sdk): compiles the datasets into a release file, points the bundled release at it and writes the
// format's JSON Schema. Node only; the run time never imports this.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DATASETS } from "../datasets/index.js";
import { RELEASE } from "../datasets/release.js";
import { Release } from "../release/format.js";
import { REMOVED_SOURCES, SOURCES } from "../sources/index.js";
import { compareVersions, compileRelease } from "./compile.js";

/** Where the build reads and writes, from the SDK package's root. */
export function releasePaths(sdkRoot: string) {
  return {
    repoRoot: join(sdkRoot, ".."),
    releases: join(sdkRoot, "src", "releases"),
    current: join(sdkRoot, "src", "releases", "current.ts"),
    schema: join(sdkRoot, "release.schema.json"),
  };
}

/** The releases kept in the repository, oldest first. */
export function publishedReleases(dir: string): { version: string; path: string }[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}\.\d{1,2}\.\d+\.json$/.test(f))
    .map((f) => ({ version: f.slice(0, -5), path: join(dir, f) }))
    .sort((a, b) => compareVersions(a.version, b.version));
}

/** The seed files the sources name, read from the repository. */
function readSeeds(repoRoot: string): Map<string, string> {
  const seeds = new Map<string, string>();
  for (const s of SOURCES) if (s.seedPath) seeds.set(s.seedPath, readFileSync(join(repoRoot, s.seedPath), "utf8"));
  return seeds;
}

/** The release file's text: its JSON, one member per line at the top level so a diff reads. */
export const releaseText = (release: Release): string => `${JSON.stringify(release, null, 1)}\n`;

/** The JSON Schema of the release format, generated from its zod schema. */
export function releaseJsonSchema(): unknown {
  return {
    ...z.toJSONSchema(Release, { io: "output", unrepresentable: "any" }),
    $id: "https://skynet-data.example/release.schema.json",
    title: "Sky Net Data release",
    description: "A compiled, hashed release of the Sky Net Data figures: records, indexes, custom-function answer tables and the changelog against the previous release.",
  };
}

/** Compiles the declared release and writes it with the files that follow from it; returns what it wrote. */
export function buildRelease(sdkRoot: string): { release: Release; path: string; previous: string | null } {
  const paths = releasePaths(sdkRoot);
  const earlier = publishedReleases(paths.releases).filter((r) => compareVersions(r.version, RELEASE.version) < 0);
  const previousFile = earlier.at(-1);
  const previous = previousFile ? (JSON.parse(readFileSync(previousFile.path, "utf8")) as Release) : null;
  const release = compileRelease({
    version: RELEASE.version,
    date: RELEASE.date,
    datasets: DATASETS,
    sources: SOURCES,
    removedSources: REMOVED_SOURCES,
    seeds: readSeeds(paths.repoRoot),
    previous,
  });
  const path = join(paths.releases, `${release.version}.json`);
  writeIfChanged(path, releaseText(release));
  writeIfChanged(
    paths.current,
    `// Written by \`npm run build\`: the release bundled with the SDK and the add-in.\nimport release from "./${release.version}.json" with { type: "json" };\n\nexport default release;\n`,
  );
  writeIfChanged(paths.schema, `${JSON.stringify(releaseJsonSchema(), null, 2)}\n`);
  return { release, path, previous: previous?.version ?? null };
}

function writeIfChanged(path: string, text: string): void {
  if (existsSync(path) && readFileSync(path, "utf8") === text) return;
  writeFileSync(path, text);
}
