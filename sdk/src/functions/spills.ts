import { publishedLabel, type Catalog } from "../core/catalog.js";
import type { Observation, Series, Source } from "../core/schema.js";
import { isoOf, isOmitted, optionalDateArg, optionalYearArg, scalar, show, textArg } from "./args.js";
import { badArgument, guarded, notAvailable, type Answer } from "./errors.js";

/** One cell of a spilled table: text, a number or a boolean, never empty (`""` stands for no value). */
export type SpillCell = string | number | boolean;
/** A spilled table: the header row first, then at least one row. */
export type Spill = SpillCell[][];

const cell = (v: string | number | boolean | null | undefined): SpillCell => (v == null ? "" : v);

/** How a source is cited in one cell: publisher, date and URL, or the seed file for the seed. */
export const citation = (s: Source): string => [s.publisher, publishedLabel(s) ?? "undated", s.url ?? s.seedPath ?? ""].filter(Boolean).join(", ");

/** A series id argument, checked against the catalogue (unknown ids list the accepted ones). */
export function seriesArg(catalog: Catalog, raw: unknown, name = "series_id"): Series {
  const id = textArg(raw, name, `"fox-hunt.captured" (see SKYNET.SERIES_LIST())`);
  try {
    return catalog.getSeries(id);
  } catch (e) {
    return badArgument(`${e instanceof Error ? e.message : String(e)}; SKYNET.SERIES_LIST() lists them all`);
  }
}

export const SERIES_HEADER = ["Period", "Start", "End", "Value", "Unit", "Coverage", "Qualifier", "Source", "Citation", "Note"];

const seriesRow = (catalog: Catalog, o: Observation): SpillCell[] => {
  const src = catalog.getSource(o.source);
  return [o.period.label, o.period.start, o.period.end, o.value, o.unit, o.coverage, o.qualifier, o.source, citation(src), cell(o.note)];
};

/**
 * A whole series as a spilled table: a header row, then one row per figure with period, value, unit, coverage,
 * qualifier and source, sorted by period end; optionally only the years `from_year`..`to_year`.
 *
 * @example
 * seriesTable("sky-net.returned", 2016, 2016)
 * //=> [["Period", "Start", "End", "Value", "Unit", "Coverage", "Qualifier", "Source", "Citation", "Note"],
 * //    ["Jan–Nov 2016", "2016-01-01", "2016-11-30", 908, "persons", "partial", "exact", "cnr-2016-12-09", "China National Radio (CNR), 2016-12-09, http…", ""]]
 */
const seriesTable = (catalog: Catalog) =>
  guarded((series_id: unknown, from_year?: unknown, to_year?: unknown): Answer<Spill> => {
  const s = seriesArg(catalog, series_id);
  const from = optionalYearArg(from_year, "from_year");
  const to = optionalYearArg(to_year, "to_year");
  const rows = catalog.observationsOf(s.id, { from, to });
  if (!rows.length) {
    const all = catalog.observationsOf(s.id);
    const span = all.length ? `its figures run from ${all[0]!.period.label} to ${all.at(-1)!.period.label}` : "it has no figures";
    return notAvailable(`no figures of ${s.id} between ${from ?? "the start"} and ${to ?? "the end"}; ${span}`);
  }
  return [SERIES_HEADER.slice(), ...rows.map((o) => seriesRow(catalog, o))];
});

export const SERIES_LIST_HEADER = ["Series", "Title", "Unit", "Agency", "Kind", "Running total", "Dataset", "Figures", "First period", "Last period"];

/**
 * The catalogue of series as a spilled table: id, title, unit, agency, kind (flow or stock), whether it is a
 * running total, its dataset, how many figures it holds and its first and last period.
 *
 * @example
 * seriesListTable()[1] //=> ["sky-net.returned", "Sky Net fugitives returned", "persons", "CCDI-NSC", "flow", false, "sky-net", 13, "Jan–Nov 2015", "2024"]
 */
const seriesListTable = (catalog: Catalog) =>
  guarded((...args: unknown[]): Answer<Spill> => {
  if (args.some((a) => !isOmitted(scalar(a, "argument")))) badArgument(`SERIES_LIST takes no arguments, got ${args.filter((a) => !isOmitted(a)).map((a) => show(Array.isArray(a) ? a : scalar(a, "argument"))).join(", ")}`);
  return [
    SERIES_LIST_HEADER,
    ...catalog.series.map((s) => {
      const obs = catalog.observationsOf(s.id);
      return [s.id, s.title, s.unit, s.agency, s.kind, s.cumulative, s.dataset, obs.length, cell(obs[0]?.period.label), cell(obs.at(-1)?.period.label)];
    }),
  ];
});

/**
 * A whole dataset as a spilled table with its header (the same columns as the dataset's sheet; dates as ISO text).
 * Names are the dataset ids: sky-net, fox-hunt, treaties, spp, most-wanted, timeline, partners.
 *
 * @example
 * datasetTable("spp")[0].slice(0, 4) //=> ["Series", "What is counted", "Agency", "Period"]
 * datasetTable("spp").length //=> 5 (header + 4 figures)
 */
const datasetTable = (catalog: Catalog) =>
  guarded((name: unknown): Answer<Spill> => {
  const id = textArg(name, "name", `"sky-net" (${catalog.datasets.map((d) => `"${d.id}"`).join(", ")})`);
  const t = catalog.table(id);
  if (!t.rows.length) return notAvailable(`dataset ${t.dataset} has no rows`);
  return [t.columns.map((c) => c.header), ...t.rows.map((r) => r.map(cell))];
});

export const EVENTS_HEADER = ["Date", "Latest date", "Precision", "As written", "What happened", "Parties", "Source", "Citation"];

/**
 * The timeline between two dates (inclusive; Excel dates or ISO text), as a spilled table, sorted by date.
 * An event dated only to a month or year is listed when any day it may have fallen on is in the range.
 *
 * @example
 * eventsTable("2014-11-01", "2014-11-30").length //=> 5 (header + 4 events, among them the APEC Beijing declaration)
 */
const eventsTable = (catalog: Catalog) =>
  guarded((from?: unknown, to?: unknown): Answer<Spill> => {
  const f = optionalDateArg(from, "from");
  const t = optionalDateArg(to, "to");
  const fIso = f && isoOf(f);
  const tIso = t && isoOf(t);
  if (fIso && tIso && fIso > tIso) return badArgument(`from (${fIso}) is after to (${tIso})`);
  const events = catalog.timeline(fIso, tIso);
  if (!events.length) {
    const all = catalog.timeline();
    return notAvailable(`no events between ${fIso ?? "the start"} and ${tIso ?? "the end"}; the timeline runs from ${all[0]?.date ?? "-"} to ${all.at(-1)?.end ?? "-"}`);
  }
  return [EVENTS_HEADER.slice(), ...events.map((e) => [e.date, e.end, e.precision, e.phrase, e.what, e.parties.join("; "), e.source, citation(catalog.getSource(e.source))])];
});

/** SERIES, SERIES_LIST, DATASET and EVENTS over one catalogue. */
export const tableFunctions = (catalog: Catalog) => ({
  SERIES: seriesTable(catalog),
  SERIES_LIST: seriesListTable(catalog),
  DATASET: datasetTable(catalog),
  EVENTS: eventsTable(catalog),
});
