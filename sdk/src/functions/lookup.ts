import type { FigureResult } from "../core/catalog.js";
import { toExcelSerial } from "../core/dates.js";
import type { Observation } from "../core/schema.js";
import { catalog } from "../catalog.js";
import { isoOf, type DateArg } from "./args.js";
import { ArgMemo, notAvailable, type Answer } from "./errors.js";

// Indexes over the catalogue's figure answers, built once per series on first use (only series someone asks for).

const FIRST_YEAR = 1900;
const YEARS = 9999 - FIRST_YEAR + 1;

/** How to ask for a figure the function would not return as a number. */
function hintFor(o: Observation, agencyHint?: (seriesId: string) => string | undefined): string {
  const viaAgency = agencyHint?.(o.series);
  if (viaAgency) return `agency ${JSON.stringify(viaAgency)} asks for ${o.series}`;
  return `=SKYNET.FIGURE("${o.series}", "${o.period.label}") returns ${o.qualifier === "lower-bound" ? "the lower bound" : o.coverage === "partial" ? "the partial figure" : "it"} with its coverage and qualifier`;
}

/** The `#N/A` words for a figure that does not exist, with how to ask for what does. */
export function missing(r: Extract<FigureResult, { found: false }>, agencyHint?: (seriesId: string) => string | undefined): Answer<never> {
  const hints = [...new Set(r.alternatives.map((o) => hintFor(o, agencyHint)))];
  return notAvailable(hints.length ? `${r.message}. ${hints.join("; ")}.` : r.message);
}

/** The memoised answers of one flow series, by year - 1900, with how to point at other series in #N/A words. */
export interface YearAnswers {
  seriesId: string;
  answers: Answer<number>[];
  agencyHint?: (seriesId: string) => string | undefined;
}

/** An empty memo of a series' yearly answers. */
export const yearAnswers = (seriesId: string, agencyHint?: (seriesId: string) => string | undefined): YearAnswers => ({
  seriesId,
  answers: new Array<Answer<number>>(YEARS),
  agencyHint,
});

/** The number of a flow series for a calendar year, or `#N/A` saying what exists: computed once per (series, year). */
export function yearValue(memo: YearAnswers, year: number): Answer<number> {
  const hit = memo.answers[year - FIRST_YEAR];
  if (hit !== undefined) return hit;
  const r = catalog.figure(memo.seriesId, { year });
  const a = r.found ? r.observation.value : Object.freeze(missing(r, memo.agencyHint));
  memo.answers[year - FIRST_YEAR] = a;
  return a;
}

/** A step function over the dates a stock series changes: the answer from each date on. */
export interface Steps {
  serials: number[];
  isos: string[];
  /** The number from that date on, or undefined where the figure there is not a full, exact one. */
  values: (number | undefined)[];
}

const stepsMemo = new Map<string, Steps>();

/** The dates a stock series' figure changes (its period ends) and the answer from each. */
export function stepsOf(seriesId: string): Steps {
  let s = stepsMemo.get(seriesId);
  if (s) return s;
  const isos = [...new Set(catalog.observationsOf(seriesId).map((o) => o.period.end))].sort();
  s = {
    isos,
    serials: isos.map(toExcelSerial),
    values: isos.map((iso) => {
      const r = catalog.figure(seriesId, { asOf: iso });
      return r.found ? r.observation.value : undefined;
    }),
  };
  stepsMemo.set(seriesId, s);
  return s;
}

/** Index of the last step on or before the date, -1 if none (binary search). */
export function stepIndex(steps: { serials: number[]; isos: string[] }, at: DateArg): number {
  let lo = 0;
  let hi = steps.isos.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const before = at.iso === undefined ? steps.serials[mid]! <= at.serial! : steps.isos[mid]! <= at.iso;
    if (before) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The #N/A of a stock series as of a date, by (series, serial or ISO date; null for the latest). */
const asOfMisses = new ArgMemo<Answer<number>>((seriesId, at) => {
  const id = seriesId as string;
  const iso = at === null ? (stepsOf(id).isos.at(-1) ?? "9999-12-31") : typeof at === "number" ? isoOf({ serial: at }) : (at as string);
  const r = catalog.figure(id, { asOf: iso });
  return r.found ? r.observation.value : Object.freeze(missing(r));
});

/** A stock series' number as of a date (the latest date it is known when omitted), or `#N/A` saying what exists. */
export function asOfValue(seriesId: string, at: DateArg | undefined): Answer<number> {
  const steps = stepsOf(seriesId);
  const i = at ? stepIndex(steps, at) : steps.isos.length - 1;
  const v = i >= 0 ? steps.values[i] : undefined;
  if (v !== undefined) return v;
  return asOfMisses.get(seriesId, at ? (at.iso ?? at.serial) : null);
}
