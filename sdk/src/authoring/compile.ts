// Compiles the hand-written datasets into a release: validated, indexed, every answer table written, the changes
// against the previous release listed with their reasons, and the whole hashed.
import { canonicalJson } from "../core/canonical.js";
import { catalogFrom, computeIndexes } from "../core/catalog.js";
import type { Dataset, DatasetInput, Removal } from "../core/dataset.js";
import type { ChangeNote, Source } from "../core/schema.js";
import { sha256Hex } from "../core/sha256.js";
import { RELEASE_FORMAT, type Changelog, type Release, type ReleaseBody } from "../release/format.js";
import { compileAnswers } from "./answers.js";
import { validateDatasets, type SourceInput } from "./validate.js";

/** What a release is compiled from. */
export interface ReleaseInput {
  version: string;
  /** The release date, ISO. */
  date: string;
  datasets: readonly DatasetInput[];
  sources: readonly SourceInput[];
  /** Seed files' text by repo-relative path, for the quote checks. */
  seeds: ReadonlyMap<string, string>;
  /** The release this one follows, or null for the first. */
  previous: Release | null;
  /** Sources taken out, with reasons (records of datasets are listed in their dataset's `removed`). */
  removedSources?: readonly Removal[];
}

/** A release that cannot be compiled, with every problem found in words. */
export class ReleaseBuildError extends Error {
  override readonly name = "ReleaseBuildError";
  constructor(readonly problems: readonly string[]) {
    super(`the data cannot be released:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

type Kind = Changelog["added"][number]["kind"];
interface Versioned {
  kind: Kind;
  id: string;
  content: Record<string, unknown>;
  notes: readonly ChangeNote[];
}

/** Each record of a set of datasets and sources by kind and id, without its change notes. */
function recordsOf(datasets: readonly Dataset[], sources: readonly Source[]): Map<string, Versioned> {
  const out = new Map<string, Versioned>();
  const put = (kind: Kind, r: { id: string; changes?: ChangeNote[] }, content: Record<string, unknown>) => {
    const { changes, ...rest } = content as { changes?: ChangeNote[] };
    out.set(`${kind}:${r.id}`, { kind, id: r.id, content: rest, notes: changes ?? r.changes ?? [] });
  };
  for (const s of sources) put("source", s, s);
  for (const d of datasets) {
    const { removed: _removed, ...meta } = d;
    const header = Object.fromEntries(Object.entries(meta).filter(([k]) => !["series", "observations", "events", "partners"].includes(k)));
    put("dataset", d, header);
    if (d.kind === "observations") {
      for (const s of d.series) put("series", s, s);
      for (const o of d.observations) put("observation", o, o);
    } else if (d.kind === "events") for (const e of d.events) put("event", e, e);
    else for (const p of d.partners) put("partner", p, p);
  }
  return out;
}

/** Removes change notes and removal lists: the changelog carries them. */
function withoutNotes(d: Dataset): Dataset {
  const strip = <T extends { changes?: unknown }>(r: T): T => {
    const { changes: _c, ...rest } = r;
    return rest as T;
  };
  const { removed: _r, ...rest } = d;
  if (rest.kind === "observations") return { ...rest, series: rest.series.map(strip), observations: rest.observations.map(strip) };
  if (rest.kind === "events") return { ...rest, events: rest.events.map(strip) };
  return { ...rest, partners: rest.partners.map(strip) };
}

const show = (v: unknown) => (v === undefined ? "(none)" : JSON.stringify(v));

function changelogOf(input: ReleaseInput, datasets: readonly Dataset[], sources: readonly Source[], problems: string[]): Changelog {
  const current = recordsOf(datasets, sources);
  const previous = input.previous ? recordsOf(input.previous.data.datasets, input.previous.data.sources) : new Map<string, Versioned>();
  const noteFor = (r: Versioned) => r.notes.find((n) => n.release === input.version);
  const removals = new Map([...datasets.flatMap((d) => d.removed ?? []), ...(input.removedSources ?? [])].filter((r) => r.release === input.version).map((r) => [r.id, r]));
  const changelog: Changelog = { added: [], removed: [], revised: [] };
  const replaced = new Set<string>();

  for (const [key, now] of current) {
    const note = noteFor(now);
    const was = previous.get(key) ?? (note?.replaces ? previous.get(`${now.kind}:${note.replaces}`) : undefined);
    if (!input.previous) continue;
    if (!was) {
      if (note?.replaces) problems.push(`${now.kind} ${now.id} says it replaces ${note.replaces}, which release ${input.previous.version} does not have`);
      changelog.added.push({ kind: now.kind, id: now.id, ...(note ? { reason: note.reason } : {}) });
      continue;
    }
    if (was.id !== now.id) replaced.add(`${was.kind}:${was.id}`);
    const fields = [...new Set([...Object.keys(was.content), ...Object.keys(now.content)])].sort();
    const changes = fields
      .filter((f) => canonicalJson(was.content[f] ?? null) !== canonicalJson(now.content[f] ?? null))
      .map((field) => ({ field, before: was.content[field] ?? null, after: now.content[field] ?? null }));
    if (!changes.length) continue;
    if (!note) {
      const what = changes.map((c) => `${c.field} ${show(c.before)} → ${show(c.after)}`).join("; ");
      problems.push(`${now.kind} ${now.id} changed since release ${input.previous.version} (${what}) without a reason: add changes: [{ release: "${input.version}", reason: "…" }] beside it`);
      continue;
    }
    changelog.revised.push({ kind: now.kind, id: now.id, ...(was.id !== now.id ? { previousId: was.id } : {}), changes, reason: note.reason });
  }
  for (const [key, was] of previous) {
    if (current.has(key) || replaced.has(key)) continue;
    const removal = removals.get(was.id);
    if (!removal) {
      problems.push(`${was.kind} ${was.id} is in release ${input.previous!.version} but no longer in the data, without a reason: list it in its dataset's removed: [{ id, release: "${input.version}", reason }]`);
      continue;
    }
    changelog.removed.push({ kind: was.kind, id: was.id, reason: removal.reason });
  }
  for (const note of [...current.values()].flatMap((r) => r.notes)) {
    if (note.release !== input.version && input.previous && compareVersions(note.release, input.version) > 0) {
      problems.push(`a change note names release ${note.release}, which is later than the release being built (${input.version})`);
    }
  }
  return changelog;
}

/** Orders release versions `YYYY.M.N` by their numbers. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** The hash a release carries: SHA-256 of the canonical JSON of everything but the hash. */
export const releaseHash = (body: ReleaseBody): string => sha256Hex(canonicalJson(body));

/**
 * Compiles a release from hand-written datasets. Throws `ReleaseBuildError` listing every problem in words:
 * schema errors, missing sources, units that do not match, a part-year figure marked full, a "more than" figure
 * marked exact, a quote not in the seed, a change since the previous release without a reason.
 *
 * @example
 * const release = compileRelease({ version: "2026.11.0", date: "2026-11-27", datasets: DATASETS, sources: SOURCES, seeds, previous: null });
 * release.answers.CAPTURES.routes.MPS.years["2014"] //=> 680
 */
export function compileRelease(input: ReleaseInput): Release {
  const { datasets: validated, sources, problems } = validateDatasets(input.datasets, input.sources, input.seeds);
  if (input.previous && compareVersions(input.version, input.previous.version) <= 0) {
    problems.push(`release ${input.version} must be later than the release it follows (${input.previous.version})`);
  }
  if (problems.length) throw new ReleaseBuildError(problems);
  const changelog = changelogOf(input, validated, sources, problems);
  const datasets = validated.map(withoutNotes);
  const indexes = computeIndexes(datasets);
  const answers = compileAnswers(catalogFrom({ datasets, sources, indexes }), problems);
  if (problems.length || !answers) throw new ReleaseBuildError(problems);
  const body: ReleaseBody = {
    format: RELEASE_FORMAT,
    version: input.version,
    date: input.date,
    previous: input.previous ? { version: input.previous.version, hash: input.previous.hash } : null,
    changelog,
    data: { datasets, sources: sources.map((s) => (({ changes: _c, ...rest }) => rest)(s)) },
    indexes,
    answers,
  };
  return { ...body, hash: releaseHash(body) };
}
