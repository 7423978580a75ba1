// Compiles each custom function's answer table from a catalogue: every year or every as-of interval, with its answer.
import type { Catalog } from "../core/catalog.js";
import { MAX_SERIAL, MIN_SERIAL, fromExcelSerial, toExcelSerial } from "../core/calendar.js";
import { Agency, TreatyKind, TreatyFunctionId, YearlyFunctionId, type Series } from "../core/schema.js";
import { MONEY_UNITS, isMoneyUnit } from "../core/units.js";
import { AGENCY_NAMES } from "../functions/choices.js";
import { isFunctionError, notAvailable, type Answer } from "../functions/errors.js";
import { missing } from "../functions/words.js";
import type { AsOfAnswers, ErrorTemplate, ReleaseBody, TreatyAnswers, YearlyAnswers } from "../release/format.js";

type Problems = string[];
const FIRST_YEAR = 1900;
const LAST_YEAR = 9999;

/** The words of an answer with the argument's text replaced by `placeholder`, checked to give back every probe's words. */
function templateOf(answerAt: (arg: string) => Answer<number>, probes: readonly string[], placeholder: string): ErrorTemplate | undefined {
  for (const p of probes) {
    const a = answerAt(p);
    if (!isFunctionError(a) || a.error !== "#N/A") return undefined;
    const template = a.message.split(p).join(placeholder);
    const fits = probes.every((q) => {
      const b = answerAt(q);
      return isFunctionError(b) && b.error === "#N/A" && b.message === template.split(placeholder).join(q);
    });
    if (fits) return { error: "#N/A", template };
  }
  return undefined;
}

const sameAnswer = (a: Answer<number>, b: Answer<number>) =>
  isFunctionError(a) ? isFunctionError(b) && a.error === b.error && a.message === b.message : a === b;

function yearlyAnswers(catalog: Catalog, fn: YearlyFunctionId, problems: Problems): YearlyAnswers | undefined {
  const bound = catalog.series.filter((s) => s.answers?.function === fn);
  const defaults = bound.filter((s) => s.answers && "default" in s.answers && s.answers.default);
  if (!bound.length) return void problems.push(`custom function ${fn}: no series answers it (give a series answers: { function: "${fn}" })`);
  if (defaults.length !== 1) {
    return void problems.push(`custom function ${fn}: exactly one series must be its default, found ${defaults.length ? defaults.map((s) => s.id).join(", ") : "none"}`);
  }
  for (const s of bound) {
    if (s.kind !== "flow" || s.cumulative) problems.push(`series ${s.id} answers ${fn}, which gives a year's figure, but it is ${s.cumulative ? "a running total" : "a stock"}`);
  }
  const withCurrency = bound.some((s) => isMoneyUnit(s.unit));
  const defaultAgency = defaults[0]!.agency;
  const keyOf = (s: Series) => (withCurrency ? `${s.agency}|${s.unit}` : s.agency);
  const seriesByKey = new Map<string, Series>();
  for (const s of bound) {
    const clash = seriesByKey.get(keyOf(s));
    if (clash) problems.push(`custom function ${fn}: series ${clash.id} and ${s.id} both answer for ${keyOf(s).replace("|", " in ")}`);
    seriesByKey.set(keyOf(s), s);
  }
  const agencyOf = new Map(bound.filter((s) => s.agency !== defaultAgency).map((s) => [s.id, s.agency]));
  const hint = (id: string) => agencyOf.get(id);

  const routes: YearlyAnswers["routes"] = {};
  for (const [key, s] of seriesByKey) {
    const answerAt = (year: string): Answer<number> => {
      const r = catalog.figure(s.id, { year: Number(year) });
      return r.found ? r.observation.value : missing(r, hint);
    };
    const probes = ["1900", "9999", "1901", "9998"].filter((y) => !catalog.observations.some((o) => o.period.start.startsWith(y)));
    const otherYears = templateOf(answerAt, probes.slice(0, 3), "{year}");
    if (!otherYears) {
      problems.push(`custom function ${fn}: the answer of ${s.id} for a year without figures could not be written as words with the year in them`);
      continue;
    }
    const years: Record<string, Answer<number>> = {};
    for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
      const a = answerAt(String(y));
      if (!sameAnswer(a, notAvailable(otherYears.template.split("{year}").join(String(y))))) years[y] = a;
    }
    routes[key] = { series: s.id, years, otherYears };
  }

  const offered = [...seriesByKey.entries()].map(([k, s]) => `${k.replace("|", " in ")} (${s.id})`).join(", ");
  const unrouted: YearlyAnswers["unrouted"] = {};
  for (const agency of Agency.options) {
    for (const currency of withCurrency ? MONEY_UNITS : [undefined]) {
      const key = currency ? `${agency}|${currency}` : agency;
      if (seriesByKey.has(key)) continue;
      const what = currency ? `${currency} figures from ${AGENCY_NAMES[agency]}` : `figures from ${AGENCY_NAMES[agency]}`;
      unrouted[key] = notAvailable(`${fn} has no ${what}; it answers for ${offered}`);
    }
  }
  return { kind: "yearly", defaultAgency, defaultCurrency: withCurrency ? "CNY" : null, routes, unrouted };
}

const addDays = (iso: string, days: number) => fromExcelSerial(toExcelSerial(iso) + days);
const FIRST_DATE = fromExcelSerial(MIN_SERIAL);
const LAST_DATE = fromExcelSerial(MAX_SERIAL);

/** The answers of an as-of question between change points: a number, or words with the date in them. */
function asOfAnswers(
  series: string[],
  changePoints: readonly string[],
  answerAt: (iso: string) => Answer<number>,
  latest: Answer<number>,
  what: string,
  problems: Problems,
): AsOfAnswers | undefined {
  const points = [...new Set(changePoints)].sort();
  const intervalAnswer = (from: string, to: string): AsOfAnswers["steps"][number]["answer"] | undefined => {
    const mid = fromExcelSerial(Math.floor((toExcelSerial(from) + toExcelSerial(to)) / 2));
    const probes = [...new Set([from, from < to ? addDays(from, 1) : from, mid, to])];
    const first = answerAt(from);
    if (!isFunctionError(first)) {
      if (probes.every((p) => sameAnswer(answerAt(p), first))) return first;
      return void problems.push(`${what}: the answer changes between ${from} and ${to} without a figure changing`);
    }
    const t = templateOf(answerAt, probes, "{date}");
    if (t) return t;
    if (from === to) return first;
    return void problems.push(`${what}: the answer from ${from} to ${to} could not be written as words with the date in them`);
  };
  const before = points.length ? intervalAnswer(FIRST_DATE, addDays(points[0]!, -1)) : intervalAnswer(FIRST_DATE, LAST_DATE);
  if (before === undefined) return undefined;
  if (typeof before === "number" || !("template" in before)) return void problems.push(`${what}: before its first figure it answers ${JSON.stringify(before)}`);
  const steps: AsOfAnswers["steps"] = [];
  for (let i = 0; i < points.length; i++) {
    const from = points[i]!;
    const answer = intervalAnswer(from, i + 1 < points.length ? addDays(points[i + 1]!, -1) : LAST_DATE);
    if (answer === undefined) return undefined;
    steps.push({ from, answer });
  }
  return { series, steps, before, latest };
}

function treatyAnswers(catalog: Catalog, fn: TreatyFunctionId, problems: Problems): TreatyAnswers | undefined {
  const bound = catalog.series.filter((s) => s.answers?.function === fn);
  const byKind = new Map<string, Series>();
  for (const s of bound) {
    if (!s.answers || !("treatyKind" in s.answers)) continue;
    if (s.kind !== "stock") problems.push(`series ${s.id} answers ${fn}, a count as of a date, but it is a flow`);
    const clash = byKind.get(s.answers.treatyKind);
    if (clash) problems.push(`custom function ${fn}: series ${clash.id} and ${s.id} both answer for ${s.answers.treatyKind}`);
    byKind.set(s.answers.treatyKind, s);
  }
  const missingKinds = TreatyKind.options.filter((k) => !byKind.has(k));
  if (missingKinds.length) return void problems.push(`custom function ${fn}: no series answers for ${missingKinds.join(", ")}`);

  const kinds = {} as TreatyAnswers["kinds"];
  const ends = new Map<string, string[]>();
  for (const kind of TreatyKind.options) {
    const s = byKind.get(kind)!;
    const points = catalog.observationsOf(s.id).map((o) => o.period.end);
    ends.set(kind, points);
    const answerAt = (iso: string): Answer<number> => {
      const r = catalog.figure(s.id, { asOf: iso });
      return r.found ? r.observation.value : missing(r);
    };
    const last = [...points].sort().at(-1) ?? LAST_DATE;
    const table = asOfAnswers([s.id], points, answerAt, answerAt(last), `${fn}("${kind}")`, problems);
    if (!table) return undefined;
    kinds[kind] = table;
  }

  // Both kinds together: from each month in which every kind has a full, exact figure, their sum.
  const status = fn === "TREATIES_IN_FORCE" ? "in force" : "concluded";
  const valueFrom = (kind: string, iso: string) => {
    const r = catalog.figure(byKind.get(kind)!.id, { asOf: iso });
    return r.found ? r.observation : undefined;
  };
  const monthsOf = TreatyKind.options.map((k) => {
    const m = new Map<string, { iso: string; value: number | undefined }>();
    for (const iso of [...new Set(ends.get(k)!)].sort()) m.set(iso.slice(0, 7), { iso, value: valueFrom(k, iso)?.value });
    return m;
  });
  const months = [...monthsOf[0]!.keys()].filter((m) => monthsOf.every((bm) => bm.get(m)?.value !== undefined)).sort();
  const bothSteps = months.map((m) => ({ from: monthsOf.map((bm) => bm.get(m)!.iso).sort().at(-1)!, value: monthsOf.reduce((sum, bm) => sum + bm.get(m)!.value!, 0) }));
  const known = bothSteps.length ? `the earliest is ${bothSteps[0]!.from}` : "there is none";
  const kindWords: Record<string, string> = { extradition: "extradition", "judicial-assistance": "criminal judicial assistance" };
  const bothMissing = (iso: string | undefined): Answer<number> => {
    const each = TreatyKind.options
      .map((k) => {
        const o = valueFrom(k, iso ?? "9999-12-31");
        return o ? `${kindWords[k]}: ${o.value} as of ${o.period.label}` : `${kindWords[k]}: none`;
      })
      .join("; ");
    return notAvailable(
      `no date on or before ${iso ?? "today"} where both extradition and criminal judicial assistance treaties ${status} are known (${known}). Each kind alone: ${each}`,
    );
  };
  const firstBoth = bothSteps[0]?.from;
  const beforeBoth = [...new Set([...ends.values()].flat())].filter((iso) => !firstBoth || iso < firstBoth);
  const both = asOfAnswers(
    TreatyKind.options.map((k) => byKind.get(k)!.id),
    [...beforeBoth, ...bothSteps.map((s) => s.from)],
    (iso) => {
      const i = bothSteps.findLastIndex((s) => s.from <= iso);
      return i >= 0 ? bothSteps[i]!.value : bothMissing(iso);
    },
    bothSteps.length ? bothSteps.at(-1)!.value : bothMissing(undefined),
    `${fn}()`,
    problems,
  );
  if (!both) return undefined;
  kinds.both = both;
  return { kind: "as-of", kinds };
}

/** Every custom function's answer table, or the problems that keep one from being written. */
export function compileAnswers(catalog: Catalog, problems: Problems): ReleaseBody["answers"] | undefined {
  const out: Partial<ReleaseBody["answers"]> = {};
  for (const fn of YearlyFunctionId.options) out[fn] = yearlyAnswers(catalog, fn, problems);
  for (const fn of TreatyFunctionId.options) out[fn] = treatyAnswers(catalog, fn, problems);
  return Object.values(out).every(Boolean) ? (out as ReleaseBody["answers"]) : undefined;
}
