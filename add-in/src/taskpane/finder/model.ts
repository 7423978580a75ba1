// What the pane's finder shows and does, without the page: search results as cards, the citation a value carries,
// the formula builder's choices and answer, and the inserts into the selected cell (through excel/selection.ts).
import {
  formulaArgument,
  functionArguments,
  FUNCTION_IDS,
  functionsFor,
  periodsOf,
  searchFigures,
  searchSeries,
  type ArgumentChoices,
  type Catalog,
  type CustomFunctions,
  type FigureHit,
  type Observation,
  type ReleaseHistory,
} from "@skynet-data/sdk";
import type { IsSetSupported } from "../../excel/requirements.js";
import type { Runner } from "../../excel/run.js";
import { insertIntoSelection, type Confirmed, type InsertOutcome } from "../../excel/selection.js";

/** The release the finder answers from: the one the pane's data feed holds. */
export interface FinderData {
  catalog: Catalog;
  dataVersion: string;
  history?: ReleaseHistory | undefined;
}

const numberWords = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const QUALIFIER_WORDS = { exact: "exact", approximate: "approximate (about)", "lower-bound": "lower bound (more than)" } as const;
const COVERAGE_WORDS = { full: "full period", partial: "part of the period only" } as const;

/** One search result as its card shows it. */
export interface FigureCard {
  /** The observation's id. */
  id: string;
  seriesId: string;
  title: string;
  value: number;
  /** The value as read: `2,041`, `more than 700`. */
  valueText: string;
  unit: string;
  period: string;
  coverage: string;
  qualifier: string;
  source: { publisher: string; date: string | null; title: string; url: string | null };
  /** The formula that answers this figure, or null where none does (a kept conflict: only the value can go in). */
  formula: string | null;
  /** The function and arguments of that formula, for the builder. */
  call: { functionId: string; args: (string | number)[] } | null;
  /** Words on the formula: which function, or why there is none. */
  formulaWords: string;
  /** The note Insert value adds beside the number. */
  citation: string;
}

/** A series found by the same words, offered as a whole: SKYNET.SERIES spills it. */
export interface SeriesCard {
  seriesId: string;
  title: string;
  dataset: string;
  figures: string;
  formula: string;
}

const dateOf = (s: { published: string | null; publishedPrecision: string }) =>
  !s.published || s.publishedPrecision === "unknown" ? null : s.publishedPrecision === "year" ? s.published.slice(0, 4) : s.publishedPrecision === "month" ? s.published.slice(0, 7) : s.published;

/**
 * The words that cite a figure's source, as a note beside an inserted value: what it counts, the period, coverage and
 * qualifier, the publisher, date, our title for the page and its address, and the data version.
 * @example
 * citationFor(catalog, returned2019, "2026.11.1+c0ffee00")
 * //=> "Sky Net fugitives returned (sky-net.returned), 2019: 2,041 persons; full period, exact. Source: The Japan Times, carrying Bloomberg, 2022-01-19, … Sky Net Data 2026.11.1+c0ffee00."
 */
export function citationFor(catalog: Catalog, o: Observation, dataVersion: string): string {
  const s = catalog.getSeries(o.series);
  const src = catalog.getSource(o.source);
  const where = [src.publisher, dateOf(src), `"${src.title}"`, src.url ?? (src.seedPath ? `the seed article (${src.seedPath})` : null)].filter(Boolean).join(", ");
  const quote = o.quote ? ` It says: "${o.quote}".` : "";
  return `${s.title} (${o.series}), ${o.period.label}: ${valueText(o)} ${o.unit}; ${COVERAGE_WORDS[o.coverage]}, ${QUALIFIER_WORDS[o.qualifier]}. Source: ${where}.${quote} Sky Net Data ${dataVersion}.`;
}

const valueText = (o: Observation) => `${o.qualifier === "lower-bound" ? "more than " : o.qualifier === "approximate" ? "about " : ""}${numberWords.format(o.value)}`;

/** A search hit as its card. */
export function figureCard(catalog: Catalog, hit: FigureHit, dataVersion: string): FigureCard {
  const o = hit.observation;
  const src = catalog.getSource(o.source);
  const f = hit.formula;
  return {
    id: o.id,
    seriesId: o.series,
    title: hit.series.title,
    value: o.value,
    valueText: valueText(o),
    unit: o.unit,
    period: o.period.label,
    coverage: COVERAGE_WORDS[o.coverage],
    qualifier: QUALIFIER_WORDS[o.qualifier],
    source: { publisher: src.publisher, date: dateOf(src), title: src.title, url: src.url },
    formula: f.answersThisFigure ? f.formula : null,
    call: f.answersThisFigure ? { functionId: f.functionId, args: f.args } : null,
    formulaWords: f.answersThisFigure
      ? f.functionId === "FIGURE"
        ? `No plain function gives exactly this figure (${o.coverage === "partial" ? "part of a period" : o.qualifier === "lower-bound" ? "a lower bound" : "not a yearly or treaty count"}); SKYNET.FIGURE returns it as a card, with =A1.Value its number.`
        : `SKYNET.${f.functionId} answers exactly this figure.`
      : `No formula gives this very figure: another source reports the same period and SKYNET.FIGURE answers that one (${f.formula}). Insert value puts this figure in with its source.`,
    citation: citationFor(catalog, o, dataVersion),
  };
}

/** What a query finds: figure cards, the matching series, and the sentence a screen reader announces. */
export interface SearchResult {
  figures: FigureCard[];
  series: SeriesCard[];
  announcement: string;
}

/**
 * Searches the release for a question in plain words.
 * @example
 * searchCards(data, "fugitives returned 2019").figures[0].formula //=> "=SKYNET.RETURNED(2019)"
 */
export function searchCards(data: FinderData, query: string, limit = 12): SearchResult {
  const q = query.trim();
  if (!q) return { figures: [], series: [], announcement: "" };
  const figures = searchFigures(data.catalog, q, limit).map((h) => figureCard(data.catalog, h, data.dataVersion));
  const series = searchSeries(data.catalog, q, 3).map((h) => ({
    seriesId: h.series.id,
    title: h.series.title,
    dataset: h.dataset,
    figures: `${h.figures} figure${h.figures === 1 ? "" : "s"}, ${h.first === h.last ? h.first : `${h.first} to ${h.last}`}`,
    formula: h.formula.formula,
  }));
  const top = figures[0];
  const announcement = top
    ? `${figures.length} figure${figures.length === 1 ? "" : "s"} found. First: ${top.title}, ${top.period}, ${top.valueText} ${top.unit}.`
    : series.length
      ? `No single figure matches; ${series.length} series do.`
      : `Nothing matches "${q}". Try words such as returned, captured, recovered, treaties, with a year.`;
  return { figures, series, announcement };
}

/** One argument of the builder: its choices in the data (the series' periods once a series is chosen). */
export function builderArguments(catalog: Catalog, functionId: string, chosen: readonly (string | number | null)[]): ArgumentChoices[] {
  const args = functionArguments(catalog, functionId);
  if (functionId !== "FIGURE" && functionId !== "SOURCE") return args;
  const series = chosen[0];
  if (typeof series !== "string" || !catalog.series.some((s) => s.id === series)) return args;
  return args.map((a) => (a.name === "period" ? { ...a, options: periodsOf(catalog, series).map((p) => ({ value: p, label: p })) } : a));
}

/** The functions the builder offers, in Excel's order. */
export const BUILDER_FUNCTIONS: readonly string[] = FUNCTION_IDS;

/**
 * A formula from the builder's choices: omitted arguments at the end are left out, one in the middle stays empty.
 * @example
 * builderFormula("RECOVERED", [2018, null, "USD"]) //=> '=SKYNET.RECOVERED(2018, , "USD")'
 */
export function builderFormula(functionId: string, args: readonly (string | number | null)[]): string {
  const kept = [...args];
  while (kept.length && kept[kept.length - 1] === null) kept.pop();
  return `=SKYNET.${functionId}(${kept.map((a) => (a === null ? "" : formulaArgument(a))).join(", ")})`;
}

/** What a formula answers, as the builder shows it. */
export type BuilderAnswer =
  | { kind: "value"; value: number | string | boolean; text: string }
  | { kind: "card"; value: number; text: string }
  | { kind: "table"; rows: number; columns: number; header: string[]; text: string }
  | { kind: "error"; error: string; message: string; text: string };

/**
 * Calls the custom function Excel calls (`functionsFor` of the release held) with the builder's arguments, and says
 * what the cell will show: a number, a data-type card, a spilled table, or an error value with its words.
 * @example
 * builderAnswer(functions, "RETURNED", [2019]) //=> { kind: "value", value: 2041, text: "2,041" }
 */
export function builderAnswer(functions: CustomFunctions, functionId: string, args: readonly (string | number | null)[]): BuilderAnswer {
  const fn = (functions as unknown as Record<string, (...a: unknown[]) => unknown>)[functionId];
  if (typeof fn !== "function") return { kind: "error", error: "#NAME?", message: `SKYNET.${functionId} is not a Sky Net Data function.`, text: "#NAME?" };
  let answer: unknown;
  try {
    answer = fn(...args.map((a) => (a === null ? null : a)));
  } catch (e) {
    return { kind: "error", error: "#VALUE!", message: e instanceof Error ? e.message : String(e), text: "#VALUE!" };
  }
  if (Array.isArray(answer)) {
    const rows = answer as unknown[][];
    const header = (rows[0] ?? []).map((c) => String(c ?? ""));
    return { kind: "table", rows: rows.length, columns: header.length, header, text: `a table of ${rows.length} rows × ${header.length} columns that spills from the cell (${header.slice(0, 4).join(", ")}${header.length > 4 ? ", …" : ""})` };
  }
  if (answer !== null && typeof answer === "object") {
    const a = answer as { error?: unknown; message?: unknown; type?: unknown; text?: unknown; properties?: { Value?: { basicValue?: unknown } } };
    if (typeof a.error === "string") return { kind: "error", error: a.error, message: String(a.message ?? ""), text: a.error };
    if (a.type === "Entity" && typeof a.properties?.Value?.basicValue === "number") return { kind: "card", value: a.properties.Value.basicValue, text: String(a.text ?? "") };
  }
  if (typeof answer === "number") return { kind: "value", value: answer, text: numberWords.format(answer) };
  if (typeof answer === "string" || typeof answer === "boolean") return { kind: "value", value: answer, text: String(answer) };
  return { kind: "error", error: "#VALUE!", message: `SKYNET.${functionId} answered something a cell cannot hold.`, text: "#VALUE!" };
}

/** The functions of a release, kept while the release is the same. */
export function functionsOf(data: FinderData, memo: { key?: unknown; fns?: CustomFunctions } = {}): CustomFunctions {
  if (memo.key !== data.catalog || !memo.fns) {
    memo.key = data.catalog;
    memo.fns = functionsFor(data.catalog, data.history);
  }
  return memo.fns;
}

/** Writes a formula into the selected cell (asks before replacing anything there). */
export const insertFormula = (runner: Runner, formula: string, options: { isSetSupported: IsSetSupported; confirmed?: Confirmed }): Promise<InsertOutcome> =>
  runner((ctx) => insertIntoSelection(ctx, { formula }, options));

/** Writes a card's number into the selected cell with a note citing its source (asks before replacing anything). */
export const insertValue = (runner: Runner, card: Pick<FigureCard, "value" | "citation">, options: { isSetSupported: IsSetSupported; confirmed?: Confirmed }): Promise<InsertOutcome> =>
  runner((ctx) => insertIntoSelection(ctx, { value: card.value, citation: card.citation }, options));
