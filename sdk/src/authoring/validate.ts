// Validation of hand-written datasets: the zod schemas, then the integrity rules, each problem in words.
import { z } from "zod";
import { Dataset, type DatasetInput } from "../core/dataset.js";
import { Source, type Observation } from "../core/schema.js";
import { isMoneyUnit } from "../core/units.js";

export type SourceInput = z.input<typeof Source>;

/** What the integrity rules read besides the records: the seed files' text by repo-relative path. */
export interface RuleContext {
  sources: ReadonlyMap<string, Source>;
  seeds: ReadonlyMap<string, string>;
}

/** One integrity rule: a name an author can read, and the problems it finds in one dataset. */
export interface IntegrityRule {
  name: string;
  check(d: Dataset, ctx: RuleContext): string[];
}

/** Words in a source's note that say why it has no web address. */
const NO_ADDRESS = /\b(no (web )?address|not online|print edition|offline)\b/i;
/** Words in a source's note that record its page as gone. */
const NOT_FOUND = /\b(page|address) (is |was )?(not found|gone|dead)\b|\bcannot be found\b|\bno longer (online|available)\b/i;

const recordsOf = (d: Dataset) => (d.kind === "observations" ? d.observations : d.kind === "events" ? d.events : d.partners);

/** The ways a source writes a value: 680, 1,023, 10.14 billion. */
export function spellings(o: Pick<Observation, "value" | "unit">): string[] {
  const v = o.value;
  if (isMoneyUnit(o.unit) && v >= 1e8) return [`${+(v / 1e9).toFixed(3)} billion`];
  return [String(v), v.toLocaleString("en-US")];
}

/** The integrity rules every dataset is held to when a release is compiled (and in each dataset's tests). */
export const INTEGRITY_RULES: readonly IntegrityRule[] = [
  {
    name: "has unique record ids",
    check: (d) => {
      const seen = new Set<string>();
      return recordsOf(d).flatMap((r) => (seen.has(r.id) ? [`${d.id}/${r.id}: the id is used twice`] : (seen.add(r.id), [])));
    },
  },
  {
    name: "cites only sources that exist",
    check: (d, ctx) =>
      recordsOf(d).flatMap((r) => [
        ...(ctx.sources.has(r.source) ? [] : [`${d.id}/${r.id} cites unknown source "${r.source}": add it to sdk/src/sources/index.ts`]),
        ...("corroboratedBy" in r ? (r.corroboratedBy ?? []) : []).filter((c) => !ctx.sources.has(c)).map((c) => `${d.id}/${r.id} is corroborated by unknown source "${c}"`),
      ]),
  },
  {
    name: "quotes the seed verbatim, and only the seed",
    check: (d, ctx) =>
      recordsOf(d).flatMap((r) => {
        const src = ctx.sources.get(r.source);
        if (!src) return [];
        if (!src.seedPath) return r.quote ? [`${d.id}/${r.id} quotes a source that is not the seed: only the seed is quoted, other sources are cited`] : [];
        if (!r.quote) return [`${d.id}/${r.id} comes from the seed but carries no quote`];
        const text = ctx.seeds.get(src.seedPath);
        if (text === undefined) return [`${d.id}/${r.id}: the seed file ${src.seedPath} could not be read`];
        return text.includes(r.quote) ? [] : [`${d.id}/${r.id}: the quote is not in the seed word for word: "${r.quote}"`];
      }),
  },
  {
    // A citation is a page a reader can open. A source without an address must be the seed or say in its note why it
    // has none; a source whose note records that its page can no longer be found is kept for the record but cited by
    // nothing; a record never counts its own source as corroboration.
    name: "cites only pages that can be found: an address or the reason there is none, never a page marked as not found",
    check: (d, ctx) =>
      recordsOf(d).flatMap((r) => {
        const corroborating = "corroboratedBy" in r ? (r.corroboratedBy ?? []) : [];
        return [r.source, ...corroborating].flatMap((id) => {
          const src = ctx.sources.get(id);
          if (!src) return [];
          const note = src.note ?? "";
          if (!src.url && !src.seedPath && !NO_ADDRESS.test(note)) return [`${d.id}/${r.id} cites ${id}, which has no address: give its URL, or say in its note why there is none (e.g. "print edition, no web address")`];
          if (NOT_FOUND.test(note)) return [`${d.id}/${r.id} cites ${id}, whose note says its page cannot be found: cite a page that prints the figure`];
          return [];
        });
      }).concat(recordsOf(d).filter((r) => "corroboratedBy" in r && (r.corroboratedBy ?? []).includes(r.source)).map((r) => `${d.id}/${r.id} names its own source ${r.source} as corroboration`)),
  },
  {
    name: "names only series its dataset defines, in the series' unit",
    check: (d) => {
      if (d.kind !== "observations") return [];
      const series = new Map(d.series.map((s) => [s.id, s]));
      return [
        ...d.series.filter((s) => s.dataset !== d.id).map((s) => `series ${s.id} says dataset "${s.dataset}" but lives in "${d.id}"`),
        ...d.observations.flatMap((o) => {
          const s = series.get(o.series);
          if (!s) return [`${d.id}/${o.id} names series "${o.series}", which ${d.id} does not define`];
          return o.unit === s.unit ? [] : [`${d.id}/${o.id} is in ${o.unit} but series ${s.id} is in ${s.unit}`];
        }),
        ...d.charts.flatMap((c) => c.series.filter((id) => !series.has(id)).map((id) => `chart ${c.id} names unknown series "${id}"`)),
      ];
    },
  },
  {
    name: "gives every seed figure a number that its quote states",
    check: (d, ctx) =>
      d.kind !== "observations"
        ? []
        : d.observations
            .filter((o) => o.quote && ctx.sources.get(o.source)?.seedPath)
            .filter((o) => !spellings(o).some((s) => o.quote!.includes(s)))
            .map((o) => `${d.id}/${o.id}: its value (${spellings(o).join(" / ")}) is not in its quote "${o.quote}"`),
  },
  {
    name: "marks every part-year flow figure as partial coverage",
    check: (d) => {
      if (d.kind !== "observations") return [];
      const series = new Map(d.series.map((s) => [s.id, s]));
      // A calendar-year flow labelled "Jan–…" or "H1" covers part of the year; operation periods (Fox Hunt) are whole operations.
      return d.observations
        .filter((o) => !series.get(o.series)?.cumulative && /^(Jan–|H1 )/.test(o.period.label) && o.coverage !== "partial")
        .map((o) => `${d.id}/${o.id}: the period "${o.period.label}" is part of a year, so its coverage is partial, not ${o.coverage}`);
    },
  },
  {
    name: "marks every \"more than\" or \"over\" figure as a lower bound, and every \"about\" figure as approximate",
    check: (d) =>
      d.kind !== "observations"
        ? []
        : d.observations.flatMap((o) => {
            const note = o.note ?? "";
            if (/\b(more than|over) [\d,.]+/i.test(note) && o.qualifier !== "lower-bound") return [`${d.id}/${o.id}: its note says "more than" or "over", so its qualifier is lower-bound, not ${o.qualifier}`];
            if (/\b(about|around|nearly) [\d,.]+/i.test(note) && o.qualifier !== "approximate") return [`${d.id}/${o.id}: its note says "about", so its qualifier is approximate, not ${o.qualifier}`];
            return [];
          }),
  },
  {
    name: "never has two figures for one series and period unless the conflict is marked",
    check: (d) => {
      if (d.kind !== "observations") return [];
      const seen = new Map<string, Observation>();
      const clashes: string[] = [];
      for (const o of d.observations) {
        const k = `${o.series}|${o.period.start}|${o.period.end}`;
        const prev = seen.get(k);
        if (prev && prev.value !== o.value && !(prev.conflict && o.conflict)) clashes.push(`${d.id}: ${prev.id} and ${o.id} give two values for one period without marking the conflict`);
        seen.set(k, o);
      }
      return clashes;
    },
  },
  {
    name: "stores money in whole units of the currency, never in billions",
    check: (d) =>
      d.kind !== "observations"
        ? []
        : d.observations
            .filter((o) => isMoneyUnit(o.unit) && (o.value < 1e6 || !Number.isInteger(o.value)))
            .map((o) => `${d.id}/${o.id}: money is stored in whole units of the currency (10.14 billion yuan is 10140000000), got ${o.value}`),
  },
];

/** The datasets and sources parsed with their schemas and held to every integrity rule; problems in words. */
export function validateDatasets(
  datasetInputs: readonly DatasetInput[],
  sourceInputs: readonly SourceInput[],
  seeds: ReadonlyMap<string, string>,
): { datasets: Dataset[]; sources: Source[]; problems: string[] } {
  const problems: string[] = [];
  const parse = <T>(schema: z.ZodType<T>, value: unknown, what: string): T | undefined => {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    problems.push(`${what}: ${z.prettifyError(r.error).replace(/\n\s*/g, " ")}`);
    return undefined;
  };
  const datasets = datasetInputs.flatMap((d, i) => parse(Dataset, d, `dataset ${(d as { id?: string }).id ?? i}`) ?? []);
  const sources = sourceInputs.flatMap((s, i) => parse(Source, s, `source ${s.id ?? i}`) ?? []);
  const dupes = (ids: string[], what: string) => ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `${what} id "${id}" is used twice`);
  problems.push(...dupes(datasets.map((d) => d.id), "dataset"), ...dupes(sources.map((s) => s.id), "source"));
  problems.push(...dupes(datasets.flatMap((d) => (d.kind === "observations" ? d.series.map((s) => s.id) : [])), "series"));
  problems.push(...dupes(datasets.flatMap((d) => recordsOf(d).map((r) => r.id)), "record"));
  const ctx: RuleContext = { sources: new Map(sources.map((s) => [s.id, s])), seeds };
  for (const d of datasets) for (const rule of INTEGRITY_RULES) problems.push(...rule.check(d, ctx));
  return { datasets, sources, problems };
}
