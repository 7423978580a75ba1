// Finding a figure from plain words: "how many fugitives came back in 2019" -> sky-net.returned, 2019.
import { publishedLabel, type Catalog } from "../core/catalog.js";
import type { Observation, Series } from "../core/schema.js";
import { AGENCY_NAMES } from "../functions/choices.js";
import { formulaFor, formulaText, type FormulaChoice } from "./formula.js";

/** One search result: a figure with everything its card shows, and the formula that answers it. */
export interface FigureHit {
  series: Series;
  observation: Observation;
  /** The source's publisher and date, as cited. */
  source: string;
  formula: FormulaChoice;
  score: number;
}

// What people write for what the series count; each group's words all mean its first word.
const SYNONYMS: readonly (readonly string[])[] = [
  ["returned", "return", "returns", "came back", "come back", "brought back", "back", "repatriated", "repatriation", "extradited"],
  ["captured", "capture", "captures", "caught", "arrested", "arrests", "trapped", "seized", "apprehended"],
  ["recovered", "recovery", "assets", "money", "yuan", "dollars", "confiscated", "funds", "billion"],
  ["surrendered", "surrender", "turned themselves in", "gave themselves up", "persuaded"],
  ["treaties", "treaty", "extradition", "judicial assistance", "mla", "mlat"],
  ["most wanted", "100 most wanted", "top 100", "red notice", "interpol"],
  ["countries", "country", "regions", "nations"],
  ["officials", "official", "party members", "functionaries", "cadres", "supervision targets"],
  ["fugitives", "fugitive", "people", "persons", "suspects"],
];
const STOP = new Set(["the", "a", "an", "of", "in", "to", "and", "or", "for", "from", "by", "did", "do", "does", "is", "are", "was", "were", "what", "which", "who", "says", "say", "said", "how", "many", "much", "with", "on", "at", "?"]);

const norm = (s: string) => s.toLowerCase().replace(/[’']/g, "").replace(/[^a-z0-9\u4e00-\u9fff]+/g, " ").trim();

/** The query's concepts: each synonym group it mentions (by its first word), its other words, and its years. */
function conceptsOf(query: string): { words: string[]; years: number[] } {
  let text = ` ${norm(query)} `;
  const words: string[] = [];
  for (const group of SYNONYMS) {
    for (const phrase of [...group].sort((a, b) => b.length - a.length)) {
      if (text.includes(` ${phrase} `)) {
        words.push(group[0]!);
        text = text.split(` ${phrase} `).join(" ");
      }
    }
  }
  const years: number[] = [];
  for (const w of text.split(" ").filter(Boolean)) {
    if (/^(19|20)\d\d$/.test(w)) years.push(Number(w));
    else if (!STOP.has(w)) words.push(w);
  }
  return { words: [...new Set(words)], years };
}

/** The words a series is found by, with synonyms folded in: its name (id, title, what it counts) and the rest. */
function seriesWords(s: Series, datasetTitle: string): { name: string; rest: string } {
  const words = (parts: string[]) => {
    const raw = norm(parts.join(" "));
    return ` ${raw} ${conceptsOf(raw).words.join(" ")} `;
  };
  return { name: words([s.id, s.title, s.measure]), rest: words([s.description, s.agency, AGENCY_NAMES[s.agency], s.unit, datasetTitle]) };
}

const has = (text: string, word: string) => text.includes(` ${word}`);
/** Per query word: 10 when the series' name has it, 5 when only its description, agency or unit does, else 0. */
const seriesWeights = (text: { name: string; rest: string }, words: readonly string[]): number[] => words.map((w) => (has(text.name, w) ? 10 : has(text.rest, w) ? 5 : 0));

/**
 * Figures that answer a question in plain words, best first: each with its value, unit, period, coverage, qualifier,
 * source, and the formula that answers it. Years in the query pick the figures of those years; the words pick series
 * by title, what is counted, agency and unit (with common synonyms: "came back" is returned, "caught" captured).
 * Full, exact figures rank before partial and lower-bound ones, and running totals after yearly figures.
 *
 * @example
 * searchFigures(catalog, "how many fugitives came back in 2019")[0].formula.formula //=> "=SKYNET.RETURNED(2019)"
 */
export function searchFigures(catalog: Catalog, query: string, limit = 20): FigureHit[] {
  const { words, years } = conceptsOf(typeof query === "string" ? query : "");
  if (!words.length && !years.length) return [];
  const hits: Omit<FigureHit, "formula">[] = [];
  for (const d of catalog.datasets) {
    if (d.kind !== "observations") continue;
    for (const s of d.series) {
      const inSeries = seriesWeights(seriesWords(s, d.title), words);
      if (words.length && !inSeries.some((x) => x > 0)) continue;
      for (const o of catalog.observationsOf(s.id)) {
        // A word in the series' name counts most, one in its description, agency, unit or the figure's period less.
        const label = ` ${norm(o.period.label)} `;
        const weights: number[] = words.map((w, i) => inSeries[i]! || (has(label, w) ? 5 : 0));
        const matched = weights.filter((x) => x > 0).length;
        const oYears = [Number(o.period.start.slice(0, 4)), Number(o.period.end.slice(0, 4))];
        if (years.length && !years.some((y) => y >= oYears[0]! && y <= oYears[1]!)) continue;
        const inYear = years.length && years.includes(oYears[0]!) && oYears[0] === oYears[1];
        const score =
          weights.reduce((a, b) => a + b, 0) +
          (inYear ? 5 : 0) +
          (o.coverage === "full" ? 3 : 0) +
          (o.qualifier === "exact" ? 2 : o.qualifier === "approximate" ? 1 : 0) +
          (s.cumulative ? -6 : 0) +
          (s.answers && "default" in s.answers && s.answers.default ? 2 : 0) -
          (words.length - matched) * 4;
        const src = catalog.getSource(o.source);
        hits.push({ series: s, observation: o, source: `${src.publisher}${publishedLabel(src) ? `, ${publishedLabel(src)}` : ""}`, score });
      }
    }
  }
  // The formula of a figure is found by calling the functions, so only the figures shown get one.
  const shown = hits.sort((a, b) => b.score - a.score || b.observation.period.end.localeCompare(a.observation.period.end)).slice(0, Math.max(0, limit));
  return shown.map((h) => ({ ...h, formula: formulaFor(catalog, h.observation) }));
}

/** One series found by words: what it is, how many figures it has over which periods, and the formula that spills it. */
export interface SeriesHit {
  series: Series;
  /** The title of the dataset it belongs to. */
  dataset: string;
  figures: number;
  /** The period labels of its first and last figures. */
  first: string;
  last: string;
  /** `=SKYNET.SERIES("<id>")`, which spills every figure of the series with its source. */
  formula: FormulaChoice;
  score: number;
}

/**
 * Series that match a query's words, best first (years in the query are ignored: a series is every year), each with
 * the `SKYNET.SERIES` formula that spills it. Words in the series' title or id count more than words in its
 * description; yearly series rank before running totals.
 *
 * @example
 * searchSeries(catalog, "fugitives returned")[0].formula.formula //=> '=SKYNET.SERIES("sky-net.returned")'
 */
export function searchSeries(catalog: Catalog, query: string, limit = 5): SeriesHit[] {
  const { words } = conceptsOf(typeof query === "string" ? query : "");
  if (!words.length) return [];
  const hits: SeriesHit[] = [];
  for (const d of catalog.datasets) {
    if (d.kind !== "observations") continue;
    for (const s of d.series) {
      const weights = seriesWeights(seriesWords(s, d.title), words);
      const matched = weights.filter((x) => x > 0).length;
      const figures = catalog.observationsOf(s.id);
      if (!matched || !figures.length) continue;
      const score = weights.reduce((a, b) => a + b, 0) - (words.length - matched) * 4 + (s.cumulative ? -6 : 0) + (s.answers && "default" in s.answers && s.answers.default ? 2 : 0);
      hits.push({ series: s, dataset: d.title, figures: figures.length, first: figures[0]!.period.label, last: figures[figures.length - 1]!.period.label, formula: { formula: formulaText("SERIES", [s.id]), functionId: "SERIES", args: [s.id], answersThisFigure: true }, score });
    }
  }
  return hits.sort((a, b) => b.score - a.score || a.series.id.localeCompare(b.series.id)).slice(0, Math.max(0, limit));
}
