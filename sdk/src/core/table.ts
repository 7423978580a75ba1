import type { Dataset } from "./dataset.js";
import type { ColumnType, Event, Observation, Partner, Series, Source } from "./schema.js";

/** One column of a dataset table: its key, header, type and what it holds. */
export interface Column {
  key: string;
  header: string;
  type: ColumnType;
  description: string;
  /** For `quantity`-like value columns: the column that holds each row's unit. */
  unitColumn?: string;
}

/** A cell of a dataset table: dates are ISO strings here; the sheet plan turns them into Excel serials. */
export type Cell = string | number | boolean | null;

/** A dataset as a table: a header and rows, ready to become a sheet or a file. */
export interface Table {
  dataset: string;
  title: string;
  columns: Column[];
  rows: Cell[][];
}

const col = (key: string, header: string, type: ColumnType, description: string, extra: Partial<Column> = {}): Column => ({
  key,
  header,
  type,
  description,
  ...extra,
});

const OBSERVATION_COLUMNS: Column[] = [
  col("series", "Series", "text", "Permanent series id"),
  col("title", "What is counted", "text", "Title of the series"),
  col("agency", "Agency", "text", "Agency that reports the series (MPS, SPP, CCDI-NSC, MFA)"),
  col("period", "Period", "text", "Period label as the source gave it"),
  col("start", "Start", "date", "First day of the period"),
  col("end", "End", "date", "Last day of the period (the as-of date of a stock)"),
  col("value", "Value", "number", "The figure, in the row's unit (money in units of the currency)", { unitColumn: "unit" }),
  col("unit", "Unit", "text", "persons, treaties, countries-and-regions, countries, years, CNY or USD"),
  col("coverage", "Coverage", "text", "full, or partial (a part of the period, e.g. January–November)"),
  col("qualifier", "Qualifier", "text", "exact, approximate (\"about\") or lower-bound (\"more than\")"),
  col("source", "Source", "text", "Source id; see the Sources sheet"),
  col("publisher", "Publisher", "text", "Who published the figure"),
  col("url", "URL", "url", "Where the source can be read, if online"),
  col("alsoReportedBy", "Also reported by", "text", "Other sources reporting the same figure, separated by '; '"),
  col("quote", "Seed quote", "text", "Verbatim words of the seed article that state the figure"),
  col("note", "Note", "text", "Caveats: definitions that shift, conflicting sources"),
];

const EVENT_COLUMNS: Column[] = [
  col("id", "Event", "text", "Permanent event id"),
  col("date", "Date", "date", "First day the event may have fallen on"),
  col("end", "Latest date", "date", "Last day it may have fallen on (same as Date for day precision)"),
  col("precision", "Precision", "text", "How precisely the source dated it: day, month, half-year, year, range"),
  col("phrase", "As written", "text", "The source's own words for the date"),
  col("what", "What happened", "text", "The event, in our words"),
  col("parties", "Parties", "text", "Who took part, separated by '; '"),
  col("source", "Source", "text", "Source id; see the Sources sheet"),
  col("publisher", "Publisher", "text", "Who reported it"),
  col("alsoReportedBy", "Also reported by", "text", "Other sources dating the same event, separated by '; '"),
  col("quote", "Seed quote", "text", "Verbatim words of the seed article"),
];

const PARTNER_COLUMNS: Column[] = [
  col("country", "Country", "text", "Partner country as the source names it"),
  col("iso2", "ISO code", "text", "ISO 3166-1 alpha-2 code"),
  col("role", "Role", "text", "major-destination, treaty-negotiations-finished or cooperation-agreement"),
  col("detail", "Detail", "text", "What the role consists of, in our words"),
  col("date", "Date", "date", "When the role applies from (first day of the period the source gave)"),
  col("precision", "Precision", "text", "How precisely the source dated it"),
  col("source", "Source", "text", "Source id; see the Sources sheet"),
  col("publisher", "Publisher", "text", "Who reported it"),
  col("quote", "Seed quote", "text", "Verbatim words of the seed article"),
];

export interface TableContext {
  series: (id: string) => Series;
  source: (id: string) => Source;
}

const obsRow = (o: Observation, ctx: TableContext): Cell[] => {
  const s = ctx.series(o.series);
  const src = ctx.source(o.source);
  return [o.series, s.title, s.agency, o.period.label, o.period.start, o.period.end, o.value, o.unit, o.coverage, o.qualifier, o.source, src.publisher, src.url, o.corroboratedBy?.join("; ") ?? null, o.quote ?? null, o.note ?? null];
};

const eventRow = (e: Event, ctx: TableContext): Cell[] => [
  e.id, e.date, e.end, e.precision, e.phrase, e.what, e.parties.join("; "), e.source, ctx.source(e.source).publisher, e.corroboratedBy?.join("; ") ?? null, e.quote ?? null,
];

const partnerRow = (p: Partner, ctx: TableContext): Cell[] => [
  p.country, p.iso2, p.role, p.detail, p.date, p.precision, p.source, ctx.source(p.source).publisher, p.quote ?? null,
];

/** Lays a dataset out as a table (header and rows); the column set follows the dataset's kind. */
export function datasetToTable(d: Dataset, ctx: TableContext): Table {
  switch (d.kind) {
    case "observations":
      return { dataset: d.id, title: d.title, columns: OBSERVATION_COLUMNS, rows: d.observations.map((o) => obsRow(o, ctx)) };
    case "events":
      return { dataset: d.id, title: d.title, columns: EVENT_COLUMNS, rows: d.events.map((e) => eventRow(e, ctx)) };
    case "partners":
      return { dataset: d.id, title: d.title, columns: PARTNER_COLUMNS, rows: d.partners.map((p) => partnerRow(p, ctx)) };
  }
}

export const SOURCE_COLUMNS: Column[] = [
  col("id", "Source", "text", "Source id, as cited in the dataset tables"),
  col("publisher", "Publisher", "text", "Who published it"),
  col("title", "About", "text", "What it is, in our words"),
  col("published", "Published", "date", "Publication date (first day of the month or year where only that is known)"),
  col("reliability", "Reliability", "text", "official, secondary or mirror"),
  col("url", "URL", "url", "Where it can be read"),
  col("seedPath", "Seed file", "text", "Path of the seed copy in this repository"),
  col("note", "Note", "text", "Caveats about the source"),
  col("quotes", "Quoted words", "text", "For the seed: the verbatim passages the loaded datasets quote, one per line"),
];

/** The sources as a table, in the order given, with the quotes taken from each (only the seed is ever quoted). */
export function sourcesToTable(list: readonly Source[], quotes?: ReadonlyMap<string, readonly string[]>): Table {
  return {
    dataset: "sources",
    title: "Sources",
    columns: SOURCE_COLUMNS,
    rows: list.map((s) => [s.id, s.publisher, s.title, s.published, s.reliability, s.url, s.seedPath, s.note ?? null, quotes?.get(s.id)?.join("\n") || null]),
  };
}
