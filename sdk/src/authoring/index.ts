// @skynet-data/sdk/authoring: the build-time half of the SDK, for data maintainers and tools that write or check
// releases. It uses zod and date-fns; the run time (`@skynet-data/sdk`) never imports it.
import { catalogFrom, computeIndexes, type Catalog } from "../core/catalog.js";
import type { DatasetInput } from "../core/dataset.js";
import { SkynetError } from "../core/errors.js";
import { Release } from "../release/format.js";
import { compileAnswers } from "./answers.js";
import { validateDatasets, type SourceInput } from "./validate.js";

export { compileRelease, compareVersions, releaseHash, ReleaseBuildError, type ReleaseInput } from "./compile.js";
export { INTEGRITY_RULES, spellings, validateDatasets, type IntegrityRule, type RuleContext, type SourceInput } from "./validate.js";
export { resolvePhrase, type ResolvedPhrase } from "../core/dates.js";
export { functionsView, lazyReleaseModule } from "../release/view.js";
export * as schemas from "../core/schema.js";
export * as releaseSchemas from "../release/format.js";
export { Dataset as DatasetSchema, defineDataset, type DatasetInput } from "../core/dataset.js";

/**
 * A catalogue straight from hand-written datasets, validated with the schemas and integrity rules (no seed quote
 * check without `seeds`). For tests and tools; the product loads compiled releases instead.
 * Throws `SkynetError("invalid-data")` listing every problem.
 *
 * @example
 * createCatalog([myDataset], mySources).figure("my.series", { year: 2014 }) //=> { found: true, … }
 */
export function createCatalog(datasets: readonly DatasetInput[], sources: readonly SourceInput[], seeds: ReadonlyMap<string, string> = new Map()): Catalog {
  const v = validateDatasets(datasets, sources, seeds);
  const problems = v.problems.filter((p) => seeds.size || !/could not be read/.test(p));
  if (problems.length) throw new SkynetError("invalid-data", problems.join("; "));
  const indexes = computeIndexes(v.datasets);
  const base = catalogFrom({ datasets: v.datasets, sources: v.sources, indexes });
  const answerProblems: string[] = [];
  const answers = base.series.some((s) => s.answers) ? compileAnswers(base, answerProblems) : null;
  return catalogFrom({ datasets: v.datasets, sources: v.sources, indexes, answers: answers ?? null });
}

/**
 * Checks a release document against the format's full schema (every record, index and answer table), beyond the
 * hash and shape check `loadRelease` makes. Returns the problems in words; an empty list means valid.
 *
 * @example
 * validateRelease(JSON.parse(text)) //=> []
 */
export function validateRelease(doc: unknown): string[] {
  const r = Release.safeParse(doc);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".") || "(release)"}: ${i.message}`);
}


