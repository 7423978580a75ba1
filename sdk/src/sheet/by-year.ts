// The by-year layout of a dataset sheet: years down, one column per series, a number only where the figure answers
// for the whole year as the =SKYNET functions answer it (catalog.figure); every other figure of the year goes into
// the Notes column beside it, with its period, qualifier and source. A SheetPlan like the others, so every renderer
// draws it without a special case.
import type { Catalog } from "../core/catalog.js";
import type { ChartDefinition, Dataset } from "../core/dataset.js";
import { SkynetError } from "../core/errors.js";
import type { Observation, Series, Unit } from "../core/schema.js";
import type { Cell } from "../core/table.js";
import { formatCell } from "../layout/format.js";
import { dataVersionNote, FORMAT, sheetNameFor, sourceCaption, tableNameFor, unitFormat, type ChartPlan, type PlannedColumn, type SheetPlan } from "./plan.js";

/** The header of the key column: a refresh matches a by-year table's rows on it. */
export const YEAR_HEADER = "Year";
/** The header of the column of words beside each year. */
export const NOTES_HEADER = "Notes";
/** What a year's note says when the dataset has no figure for it. */
export const NO_FIGURE_NOTE = "No figure for this year.";

/** The sheet notes of a by-year sheet: how to read its columns. */
export const BY_YEAR_NOTES = {
  columns:
    "By year: one row per calendar year, one column per series. A number column holds only a figure for the whole year (or the whole operation or campaign of that year), exact or 'about', as the =SKYNET functions answer it; part-year figures and 'more than' lower bounds are never in a number column: they are in the Notes column beside their year, with their period and source id.",
  approximate: "An 'about' figure is in its column and named in the Notes column; running totals (since 2014) are not a year's figure and are left out: the long table has them.",
  stocks: "Counts at a date (stocks) show the latest count stated in the year; the Notes column gives its date.",
} as const;

/**
 * Whether a dataset can be laid out by year: it holds figures, and at least one series (not a running total) has a
 * figure that belongs to one calendar year.
 *
 * @example
 * hasByYearLayout(catalog.getDataset("sky-net")) //=> true
 * hasByYearLayout(catalog.getDataset("timeline")) //=> false (events, not figures)
 */
export function hasByYearLayout(d: Dataset): boolean {
  return d.kind === "observations" && d.series.some((s) => !s.cumulative && d.observations.some((o) => o.series === s.id && yearOfFigure(o, s) !== null));
}

/** The by-year sheet's table name: never the long table's, nor a prefix that shares its chart-data sheet. */
export const byYearTableName = (datasetId: string): string => tableNameFor(`by-year-${datasetId}`);

/** The calendar year a figure belongs to: a flow's when its period lies within one year, a stock's as-of year. */
function yearOfFigure(o: Observation, s: Series): number | null {
  const start = Number(o.period.start.slice(0, 4));
  const end = Number(o.period.end.slice(0, 4));
  if (s.kind === "stock") return end;
  return start === end ? start : null;
}

/** The figure a year's number column holds: the functions' answer for that year, when it is a figure of that year. */
function yearAnswer(catalog: Catalog, s: Series, year: number): Observation | null {
  const r = catalog.figure(s.id, { year });
  return r.found && yearOfFigure(r.observation, s) === year ? r.observation : null;
}

/** A figure in words for a note: "Jan–Nov 2016: 908 (partial; cnr-2016-12-09)". */
function figureWords(o: Observation, inColumn: boolean): string {
  const bound = o.qualifier === "lower-bound" ? "more than " : o.qualifier === "approximate" ? "about " : "";
  const marks = [inColumn ? "in the column" : "", o.coverage === "partial" ? "partial" : "", o.qualifier === "lower-bound" ? "lower bound" : o.qualifier === "approximate" ? "approximate" : "", o.source];
  return `${o.period.label}: ${bound}${formatCell(o.value, unitFormat(o.unit))} (${marks.filter(Boolean).join("; ")})`;
}

interface SeriesYears {
  series: Series;
  /** Per year: the figure in the number column (or null), and the figures of that year that are only in the note. */
  years: Map<number, { answer: Observation | null; others: Observation[] }>;
}

/** Every figure of the dataset's year-bound series, sorted into years: the functions' answer, and the rest. */
function sortIntoYears(catalog: Catalog, d: Extract<Dataset, { kind: "observations" }>): SeriesYears[] {
  return d.series
    .filter((s) => !s.cumulative)
    .map((series) => {
      const years = new Map<number, { answer: Observation | null; others: Observation[] }>();
      for (const o of catalog.observationsOf(series.id)) {
        const year = yearOfFigure(o, series);
        if (year === null) continue;
        if (!years.has(year)) years.set(year, { answer: yearAnswer(catalog, series, year), others: [] });
        years.get(year)!.others.push(o);
      }
      for (const [year, y] of years) {
        y.others = y.others.filter((o) => o !== y.answer);
        // A count at a date: only the latest count of the year matters, and only when the column has none.
        if (series.kind === "stock") y.others = y.answer || !y.others.length ? [] : [y.others.at(-1)!];
        years.set(year, y);
      }
      return { series, years };
    })
    .filter((s) => s.years.size > 0);
}

/** Whether the note names the figure in a column: when it is "about", or its period is not the plain year. */
const worthNaming = (o: Observation, year: number): boolean => o.qualifier !== "exact" || o.period.label !== String(year);

const headerOf = (s: Series): string => `${s.title} (${s.unit})`;

/** One chart per unit over the number columns of the series the dataset charts (persons and yuan never share an axis). */
function planByYearCharts(charts: readonly ChartDefinition[], columns: readonly SeriesYears[], years: readonly number[], rows: readonly Cell[][], captionOf: (o: Observation) => string): ChartPlan[] {
  const charted = charts.flatMap((c) => c.series.flatMap((id) => {
    const at = columns.findIndex((x) => x.series.id === id);
    return at < 0 ? [] : [{ chart: c, at, s: columns[at]! }];
  }));
  const units = [...new Set(charted.filter((c) => [...c.s.years.values()].some((y) => y.answer)).map((c) => c.s.series.unit))];
  return units.map((unit: Unit) => {
    const members = charted.filter((c, i) => c.s.series.unit === unit && charted.findIndex((x) => x.at === c.at) === i);
    const declared = [...new Set(members.map((m) => m.chart))];
    const base = declared.length === 1 ? declared[0]!.title : "Figures per year";
    const publishers = members.flatMap((m) => years.flatMap((y) => (m.s.years.get(y)?.answer ? [captionOf(m.s.years.get(y)!.answer!)] : [])));
    return {
      id: `by-year-${unit}`,
      title: `${base} (${unit})`,
      unit,
      type: declared[0]!.type,
      caption: `${sourceCaption(publishers)}. Whole-year figures only; part years and lower bounds are in the Notes column.`,
      categoryLabel: YEAR_HEADER,
      categories: years.map(String),
      series: members.map((m) => ({ name: headerOf(m.s.series), seriesId: m.s.series.id, marking: "full" as const, values: rows.map((r) => (typeof r[1 + m.at] === "number" ? (r[1 + m.at] as number) : null)) })),
    };
  });
}

/** A year's Notes cell: its words, and the figures it names (every other figure of the year, and a column's figure that is "about" or not the plain year). */
function yearNote(columns: readonly SeriesYears[], year: number): { text: string | null; figures: Observation[] } {
  const inRow = columns.flatMap(({ series, years: ys }) => (ys.get(year) ? [{ series, ...ys.get(year)! }] : []));
  const named = inRow.flatMap((y) => (y.answer && worthNaming(y.answer, year) ? [{ series: y.series, o: y.answer }] : []));
  const numbers = inRow.filter((y) => y.answer).length;
  // Where every number of the row covers the same operation or date, one phrase says so instead of one per column.
  const shared = named.length > 1 && named.length === numbers && named.every((n) => n.o.qualifier === "exact" && n.o.period.label === named[0]!.o.period.label && n.series.kind === named[0]!.series.kind);
  const parts = [
    ...(shared ? [`Every number in this row ${named[0]!.series.kind === "stock" ? "is as of" : "covers"} ${named[0]!.o.period.label}.`] : named.map((n) => `${n.series.title} ${figureWords(n.o, true)}`)),
    ...inRow.flatMap((y) => y.others.map((o) => `${y.series.title} ${figureWords(o, false)}`)),
  ];
  const figures = [...named.map((n) => n.o), ...inRow.flatMap((y) => y.others)];
  return { text: parts.length ? parts.join(" | ") : numbers ? null : NO_FIGURE_NOTE, figures };
}

/**
 * The figures behind each cell of a dataset's by-year sheet, by year and column header: a number column's one figure,
 * and the figures the Notes column names. A refresh report gives a changed cell the reasons its figures have. Empty
 * for a dataset without a by-year layout.
 *
 * @example
 * const cells = byYearFigures(catalog, "sky-net");
 * cells.get(2019)?.get("Sky Net fugitives returned (persons)")?.map((o) => o.id) //=> ["sky-net.returned.2019-01-01.2019-12-31"]
 * cells.get(2016)?.get("Notes")?.map((o) => o.period.label) //=> ["Jan–Nov 2016", …]
 */
export function byYearFigures(catalog: Catalog, datasetId: string): Map<number, Map<string, Observation[]>> {
  const out = new Map<number, Map<string, Observation[]>>();
  const d = catalog.datasets.find((x) => x.id === datasetId);
  if (!d || d.kind !== "observations" || !hasByYearLayout(d)) return out;
  const columns = sortIntoYears(catalog, d);
  for (const year of new Set(columns.flatMap((c) => [...c.years.keys()]))) {
    const cells = new Map<string, Observation[]>();
    for (const c of columns) {
      const answer = c.years.get(year)?.answer;
      if (answer) cells.set(headerOf(c.series), [answer]);
    }
    const { figures } = yearNote(columns, year);
    if (figures.length) cells.set(NOTES_HEADER, figures);
    out.set(year, cells);
  }
  return out;
}

/**
 * The by-year sheet plan of one dataset: a Year column (the key a refresh matches rows on), one number column per
 * series (not running totals) holding the figure the =SKYNET functions answer for that year, and a Notes column
 * with every other figure of the year (part years, lower bounds) and what the number's figure covers when it is
 * "about" or not the plain calendar year; one chart per unit over the number columns of the series the dataset charts.
 *
 * @example
 * const p = planByYearSheet(catalog, "sky-net", "2026.11.1+…");
 * p.columns.map((c) => c.header)[1] //=> "Sky Net fugitives returned (persons)"
 * p.rows.find((r) => r[0] === 2019)[1] //=> 2041
 * p.rows.find((r) => r[0] === 2016)[1] //=> null; its note names "Sky Net fugitives returned Jan–Nov 2016: 908 (partial; cnr-2016-12-09)"
 */
export function planByYearSheet(catalog: Catalog, datasetId: string, dataVersion: string): SheetPlan {
  const d = catalog.getDataset(datasetId);
  if (d.kind !== "observations" || !hasByYearLayout(d)) {
    throw new SkynetError("invalid-argument", `dataset "${d.id}" has no figures of a calendar year (it holds ${d.kind === "observations" ? "running totals only" : d.kind}), so it has no by-year layout; insert its long table instead`);
  }
  const columns = sortIntoYears(catalog, d);
  const known = columns.flatMap((c) => [...c.years.keys()]);
  const first = Math.min(...known);
  const years = Array.from({ length: Math.max(...known) - first + 1 }, (_, i) => first + i);

  const rows: Cell[][] = years.map((year) => [year, ...columns.map((c) => c.years.get(year)?.answer?.value ?? null), yearNote(columns, year).text]);
  const numberFormats = years.map(() => ["0", ...columns.map((c) => unitFormat(c.series.unit)), FORMAT.text]);

  const planned: PlannedColumn[] = [
    { key: "year", header: YEAR_HEADER, type: "integer", description: "Calendar year", numberFormat: "0", width: 8 },
    ...columns.map(({ series }) => ({ key: series.id, header: headerOf(series), type: "number" as const, description: series.description, numberFormat: unitFormat(series.unit), width: Math.max(12, Math.min(headerOf(series).length + 2, 28)) })),
    { key: "notes", header: NOTES_HEADER, type: "text", description: "Figures of the year that are not in a number column (part years, lower bounds), and what an 'about' or operation figure covers", numberFormat: FORMAT.text, width: 60 },
  ];
  const headers = new Set<string>();
  for (const c of planned) {
    if (headers.has(c.header.toLowerCase())) throw new SkynetError("invalid-argument", `two columns of the by-year sheet of "${d.id}" would share the header "${c.header}"`);
    headers.add(c.header.toLowerCase());
  }
  const tableName = byYearTableName(d.id);
  const charts = planByYearCharts(d.charts, columns, years, rows, (o) => catalog.getSource(o.source).publisher);
  const hasStocks = columns.some((c) => c.series.kind === "stock");
  return {
    kind: "dataset",
    layout: "by-year",
    dataset: d.id,
    sheetName: sheetNameFor(`${d.sheet ?? d.title} by year`),
    tableName,
    title: `${d.title}, by year`,
    columns: planned,
    rows,
    numberFormats,
    charts,
    notes: [d.description, BY_YEAR_NOTES.columns, BY_YEAR_NOTES.approximate, ...(hasStocks ? [BY_YEAR_NOTES.stocks] : []), dataVersionNote(dataVersion)],
  };
}
