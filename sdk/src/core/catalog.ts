// The catalogue: queries over data that was validated when its release was compiled. Nothing here validates records.
import type { ReleaseBody, ReleaseIndexes } from "../release/format.js";
import { isIsoDate, monthEnd } from "./calendar.js";
import type { Dataset } from "./dataset.js";
import { listAccepted, SkynetError } from "./errors.js";
import { isMoneyUnit } from "./units.js";
import type { Event, Observation, Partner, Series, Source } from "./schema.js";
import { datasetToTable, sourcesToTable, type Table } from "./table.js";

/** What one figure is asked for: a calendar year (flows), an as-of date (stocks), or a period label. */
export type FigureQuery = { year: number } | { asOf: string } | { period: string };

/** Why no figure answers a query exactly. */
export type NoFigureReason = "no-figure" | "partial-only" | "lower-bound-only" | "before-first";

/** The answer to a figure query: the observation, or words on what exists instead. */
export type FigureResult =
  | { found: true; observation: Observation; series: Series; source: Source }
  | { found: false; reason: NoFigureReason; message: string; alternatives: Observation[] };

export interface FigureOptions {
  /** Accept a partial-coverage or lower-bound figure as an answer (default: only full, exact or approximate). */
  acceptIncomplete?: boolean;
}

/** What a release says of itself: its version, date, hash, the release it follows and what changed since. */
export type ReleaseInfo = Pick<ReleaseBody, "format" | "version" | "date" | "previous" | "changelog"> & { hash: string };

/** The datasets and sources, validated and indexed once, with the queries over them. */
export interface Catalog {
  /** The release the records come from; null for a catalogue of unreleased data (tests, authoring). */
  readonly release: ReleaseInfo | null;
  /** Every custom function's answer table; null where the data binds no series to the functions. */
  readonly answers: ReleaseBody["answers"] | null;
  readonly datasets: readonly Dataset[];
  readonly series: readonly Series[];
  readonly observations: readonly Observation[];
  readonly events: readonly Event[];
  readonly partners: readonly Partner[];
  readonly sources: readonly Source[];
  getSeries(id: string): Series;
  getSource(id: string): Source;
  getDataset(id: string): Dataset;
  observationsOf(seriesId: string, range?: { from?: number; to?: number }): Observation[];
  figure(seriesId: string, query: FigureQuery, options?: FigureOptions): FigureResult;
  timeline(from?: string, to?: string): Event[];
  table(datasetId: string): Table;
  sourcesTable(ids?: readonly string[], quotes?: ReadonlyMap<string, readonly string[]>): Table;
  /** Source ids cited by a dataset, in first-cited order. */
  sourcesOf(datasetId: string): string[];
}

const yearOf = (iso: string) => Number(iso.slice(0, 4));

/** Binary search in observations sorted by period end: the last one ending on or before `date`. */
function lastEndingBy(sorted: readonly Observation[], date: string): Observation | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.period.end <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? sorted[lo - 1] : undefined;
}

const fmtNumber = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 3 });

/**
 * A source's publication date as precisely as it is known: `2016-01-15`, `2017-06` or `2019`; null when unknown.
 *
 * @example
 * publishedLabel({ published: "2025-01-01", publishedPrecision: "year" }) //=> "2025"
 */
export function publishedLabel(s: Pick<Source, "published" | "publishedPrecision">): string | null {
  if (!s.published || s.publishedPrecision === "unknown") return null;
  return s.publishedPrecision === "year" ? s.published.slice(0, 4) : s.publishedPrecision === "month" ? s.published.slice(0, 7) : s.published;
}

/** Human words for one observation, as used in "what exists instead" messages. */
export function describeObservation(o: Observation, source?: Source): string {
  const q = o.qualifier === "lower-bound" ? "more than " : o.qualifier === "approximate" ? "about " : "";
  const money = isMoneyUnit(o.unit);
  const v = money && Math.abs(o.value) >= 1e8 ? `${fmtNumber(o.value / 1e9)} billion ${o.unit}` : `${fmtNumber(o.value)} ${o.unit}`;
  const cov = o.coverage === "partial" ? "partial coverage" : "";
  const date = source && publishedLabel(source);
  const src = source ? `${source.publisher}${date ? `, ${date}` : ""}` : o.source;
  return `${q}${v} for ${o.period.label} (${[cov, src].filter(Boolean).join("; ")}) in ${o.series}`;
}

function assertYear(year: unknown, what = "year"): number {
  if (typeof year !== "number" || !Number.isInteger(year) || year < 1900 || year > 9999) {
    throw new SkynetError("invalid-argument", `${what} must be a whole number from 1900 to 9999, got ${JSON.stringify(year)}`);
  }
  return year;
}

function assertIso(d: unknown, what: string): string {
  if (typeof d !== "string" || !isIsoDate(d)) throw new SkynetError("invalid-argument", `${what} must be an ISO date YYYY-MM-DD, got ${JSON.stringify(d)}`);
  return d;
}

/** Validated records and the indexes over them: what a catalogue is made from. */
export interface CatalogData {
  datasets: readonly Dataset[];
  sources: readonly Source[];
  indexes: ReleaseIndexes;
  answers?: ReleaseBody["answers"] | null;
  release?: ReleaseInfo | null;
}

const recordsOf = (d: Dataset) => (d.kind === "observations" ? d.observations : d.kind === "events" ? d.events : d.partners);

/** The indexes a catalogue needs, computed once when a release is compiled. */
export function computeIndexes(datasets: readonly Dataset[]): ReleaseIndexes {
  const observations = datasets.flatMap((d) => (d.kind === "observations" ? d.observations : []));
  const events = datasets.flatMap((d) => (d.kind === "events" ? d.events : []));
  const observationsBySeries: Record<string, number[]> = {};
  for (const d of datasets) if (d.kind === "observations") for (const s of d.series) observationsBySeries[s.id] = [];
  observations.forEach((o, i) => (observationsBySeries[o.series] ??= []).push(i));
  for (const list of Object.values(observationsBySeries)) {
    list.sort((a, b) => observations[a]!.period.end.localeCompare(observations[b]!.period.end) || observations[a]!.period.start.localeCompare(observations[b]!.period.start) || a - b);
  }
  const eventsByDate = events.map((_, i) => i).sort((a, b) => events[a]!.date.localeCompare(events[b]!.date) || events[a]!.end.localeCompare(events[b]!.end) || a - b);
  const sourcesByDataset: Record<string, string[]> = {};
  for (const d of datasets) {
    sourcesByDataset[d.id] = [...new Set(recordsOf(d).flatMap((r) => [r.source, ...("corroboratedBy" in r ? (r.corroboratedBy ?? []) : [])]))];
  }
  return { observationsBySeries, eventsByDate, sourcesByDataset };
}

/**
 * The queries over a compiled release's records. No validation happens here: a release is validated when it is
 * compiled, and checked against its hash when it is loaded (`loadRelease`).
 *
 * @example
 * const catalog = catalogFrom({ datasets: release.data.datasets, sources: release.data.sources, indexes: release.indexes });
 * catalog.figure("fox-hunt.captured", { year: 2014 }); //=> { found: true, observation: { value: 680, … }, … }
 */
export function catalogFrom({ datasets, sources, indexes, answers = null, release = null }: CatalogData): Catalog {
  const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((it) => [it.id, it]));
  const datasetById = byId(datasets);
  const sourceById = byId(sources);
  const series = datasets.flatMap((d) => (d.kind === "observations" ? d.series : []));
  const seriesById = byId(series);
  const observations = datasets.flatMap((d) => (d.kind === "observations" ? d.observations : []));
  const allEvents = datasets.flatMap((d) => (d.kind === "events" ? d.events : []));
  const events = indexes.eventsByDate.map((i) => allEvents[i]!);
  const partners = datasets.flatMap((d) => (d.kind === "partners" ? d.partners : []));

  // Indexes, built once.
  const bySeries = new Map<string, Observation[]>(Object.entries(indexes.observationsBySeries).map(([id, at]) => [id, at.map((i) => observations[i]!)]));
  const byMeasure = new Map<string, Series[]>();
  for (const s of series) byMeasure.set(s.measure, [...(byMeasure.get(s.measure) ?? []), s]);
  const byYear = new Map<string, Observation[]>();
  for (const o of observations) {
    if (yearOf(o.period.start) !== yearOf(o.period.end)) continue;
    const k = `${o.series}|${yearOf(o.period.start)}`;
    byYear.set(k, [...(byYear.get(k) ?? []), o]);
  }
  const sourceOrderByDataset = new Map(Object.entries(indexes.sourcesByDataset));
  const tables = new Map<string, Table>();

  const getSeries = (id: string): Series => {
    if (typeof id !== "string" || id.trim() === "") throw new SkynetError("invalid-argument", `a series id is required; accepted: ${listAccepted([...seriesById.keys()])}`);
    const s = seriesById.get(id.trim().toLowerCase());
    if (!s) throw new SkynetError("unknown-series", `unknown series "${id}"; accepted: ${listAccepted([...seriesById.keys()], id)}`);
    return s;
  };
  const getSource = (id: string): Source => {
    const s = sourceById.get(id);
    if (!s) throw new SkynetError("unknown-source", `unknown source "${id}"; accepted: ${listAccepted([...sourceById.keys()], id)}`);
    return s;
  };
  const getDataset = (id: string): Dataset => {
    const key = typeof id === "string" ? id.trim().toLowerCase() : "";
    const d = datasetById.get(key);
    if (!d) throw new SkynetError("unknown-dataset", `unknown dataset ${JSON.stringify(id)}; accepted: ${listAccepted([...datasetById.keys()])}`);
    return d;
  };
  const acceptable = (o: Observation, incomplete: boolean) => incomplete || (o.coverage === "full" && o.qualifier !== "lower-bound");
  const describe = (o: Observation) => describeObservation(o, sourceById.get(o.source));

  /** Figures of the same measure in other series (another agency or currency) for the same year. */
  const otherSeriesInYear = (s: Series, year: number): Observation[] =>
    (byMeasure.get(s.measure) ?? []).filter((x) => x.id !== s.id).flatMap((x) => byYear.get(`${x.id}|${year}`) ?? []);

  const none = (reason: NoFigureReason, head: string, alternatives: Observation[]): FigureResult => ({
    found: false,
    reason,
    alternatives,
    message: alternatives.length ? `${head}. What exists: ${alternatives.map(describe).join("; ")}` : `${head}.`,
  });
  const found = (o: Observation): FigureResult => ({ found: true, observation: o, series: seriesById.get(o.series)!, source: sourceById.get(o.source)! });

  const pick = (cands: Observation[], incomplete: boolean): Observation | undefined => {
    const ok = cands.filter((o) => acceptable(o, incomplete));
    // Prefer full coverage, then official sources, then the latest published.
    const rank = (o: Observation) => (o.coverage === "full" ? 0 : 2) + (sourceById.get(o.source)!.reliability === "official" ? 0 : 1);
    return ok.sort((a, b) => rank(a) - rank(b))[0];
  };

  const figure = (seriesId: string, query: FigureQuery, options: FigureOptions = {}): FigureResult => {
    const s = getSeries(seriesId);
    const incomplete = options.acceptIncomplete ?? false;
    const all = bySeries.get(s.id) ?? [];
    if (query === null || typeof query !== "object") throw new SkynetError("invalid-argument", "a figure query is { year }, { asOf } or { period }");
    if ("year" in query) {
      const year = assertYear(query.year);
      if (s.kind === "stock") {
        return figure(s.id, { asOf: `${year}-12-31` }, options);
      }
      const cands = byYear.get(`${s.id}|${year}`) ?? [];
      const hit = pick(cands, incomplete);
      if (hit) return found(hit);
      const others = otherSeriesInYear(s, year);
      if (cands.length) {
        const reason = cands.some((o) => o.coverage === "partial") ? "partial-only" : "lower-bound-only";
        return none(reason, `no full, exact figure of ${s.id} for ${year}`, [...cands, ...others]);
      }
      const years = s.cumulative ? [] : [...new Set(all.map((o) => yearOf(o.period.start)))];
      const head = `no figure of ${s.id} for ${year}${years.length ? ` (it has figures for ${years.join(", ")})` : ""}`;
      return none("no-figure", head, others);
    }
    if ("asOf" in query) {
      const asOf = assertIso(query.asOf, "asOf");
      // A figure dated to a month counts from the end of that month.
      const latest = lastEndingBy(all, asOf);
      if (latest && acceptable(latest, incomplete)) return found(latest);
      if (latest) return none(latest.qualifier === "lower-bound" ? "lower-bound-only" : "partial-only", `the latest figure of ${s.id} as of ${asOf} is not a full, exact figure`, [latest]);
      const first = all[0];
      return none("before-first", `no figure of ${s.id} as of ${asOf}${first ? ` (the earliest is as of ${first.period.end})` : ""}`, first ? [first] : []);
    }
    if ("period" in query) {
      const p = typeof query.period === "string" ? query.period.trim() : "";
      if (!p) throw new SkynetError("invalid-argument", "period must be a label such as \"2014\", \"Jan–Nov 2016\" or an ISO date");
      if (/^\d{4}$/.test(p)) return figure(s.id, { year: Number(p) }, options);
      const byLabel = all.filter((o) => o.period.label.toLowerCase() === p.toLowerCase() || `${o.period.start}/${o.period.end}` === p);
      const hit = pick(byLabel, true);
      if (hit) return found(hit);
      if (isIsoDate(p) || /^\d{4}-\d{2}$/.test(p)) return figure(s.id, { asOf: p.length === 7 ? monthEnd(`${p}-01`) : p }, { acceptIncomplete: true });
      return none("no-figure", `no figure of ${s.id} for period "${p}"; its periods are ${all.map((o) => `"${o.period.label}"`).join(", ")}`, []);
    }
    throw new SkynetError("invalid-argument", "a figure query is { year }, { asOf } or { period }");
  };

  const observationsOf = (seriesId: string, range: { from?: number; to?: number } = {}): Observation[] => {
    const s = getSeries(seriesId);
    const from = range.from == null ? -Infinity : assertYear(range.from, "from");
    const to = range.to == null ? Infinity : assertYear(range.to, "to");
    if (from > to) throw new SkynetError("invalid-argument", `from (${from}) is after to (${to})`);
    return (bySeries.get(s.id) ?? []).filter((o) => yearOf(o.period.end) >= from && yearOf(o.period.start) <= to);
  };

  const timeline = (from?: string, to?: string): Event[] => {
    const f = from == null ? "0000-01-01" : assertIso(from, "from");
    const t = to == null ? "9999-12-31" : assertIso(to, "to");
    if (f > t) throw new SkynetError("invalid-argument", `from (${f}) is after to (${t})`);
    return events.filter((e) => e.end >= f && e.date <= t);
  };

  const table = (datasetId: string): Table => {
    const d = getDataset(datasetId);
    let t = tables.get(d.id);
    if (!t) {
      t = datasetToTable(d, { series: getSeries, source: getSource });
      tables.set(d.id, t);
    }
    return t;
  };

  return {
    release,
    answers,
    datasets,
    series,
    observations,
    events,
    partners,
    sources,
    getSeries,
    getSource,
    getDataset,
    observationsOf,
    figure,
    timeline,
    table,
    sourcesTable: (ids, quotes) => sourcesToTable((ids ?? sources.map((s) => s.id)).map(getSource), quotes),
    sourcesOf: (id) => [...(sourceOrderByDataset.get(getDataset(id).id) ?? [])],
  };
}

const LAZY_RECORDS = ["answers", "datasets", "series", "observations", "events", "partners", "sources"] as const satisfies readonly (keyof Catalog)[];
const LAZY_QUERIES = ["getSeries", "getSource", "getDataset", "observationsOf", "figure", "timeline", "table", "sourcesTable", "sourcesOf"] as const satisfies readonly (keyof Catalog)[];

/**
 * A catalogue that reads its records only when first asked: `release` (what the release says of itself) is there at
 * once, everything else is built by `load` on the first query, once. Start-up (functions.js, the SDK's import) pays
 * nothing for data no call has asked for yet.
 *
 * @example
 * const catalog = lazyCatalog(info, () => ({ datasets, sources, indexes, answers }));
 * catalog.release?.version //=> "2026.11.1" (nothing loaded yet)
 * catalog.getSeries("fox-hunt.captured").unit //=> "persons" (loaded now)
 */
export function lazyCatalog(release: ReleaseInfo | null, load: () => Omit<CatalogData, "release">): Catalog {
  let built: Catalog | undefined;
  const c = (): Record<string, unknown> => (built ??= catalogFrom({ ...load(), release })) as unknown as Record<string, unknown>;
  const lazy: Record<string, unknown> = { release };
  for (const k of LAZY_RECORDS) Object.defineProperty(lazy, k, { enumerable: true, get: () => c()[k] });
  for (const k of LAZY_QUERIES) lazy[k] = (...args: unknown[]) => (c()[k] as (...a: unknown[]) => unknown)(...args);
  return lazy as unknown as Catalog;
}
