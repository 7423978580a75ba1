// The sheet contract's content: what a dataset sheet and the Sources sheet hold (cells, number formats, title, notes,
// charts). Where each piece goes is layout.ts; Excel, the xlsx export and the preview only render the two.
import { toExcelSerial } from "../core/calendar.js";
import type { Catalog } from "../core/catalog.js";
import { isMoneyUnit } from "../core/units.js";
import type { Dataset } from "../core/dataset.js";
import type { Observation, Series, Source, Unit } from "../core/schema.js";
import type { Cell, Column, Table } from "../core/table.js";

/** A column as it lands in a sheet: header, Excel number format and width in characters. */
export interface PlannedColumn extends Column {
  numberFormat: string;
  width: number;
}

/** How a charted point was reported: charts keep partial years and lower bounds apart from full figures. */
export type Marking = "full" | "partial" | "lower-bound";

export interface ChartSeriesPlan {
  name: string;
  seriesId: string;
  marking: Marking;
  values: (number | null)[];
}

/** A native chart, described without Office types: categories, series, title, unit and source caption. */
export interface ChartPlan {
  id: string;
  title: string;
  unit: Unit;
  type: "column" | "line";
  caption: string;
  categoryLabel: string;
  categories: string[];
  series: ChartSeriesPlan[];
}

/** Which sheet a plan describes: a dataset's sheet, or the Sources sheet of the citations behind them. */
export type SheetKind = "dataset" | "sources";

/** How a dataset's table is laid out: one figure per row ("long"), or years down and series across ("by-year"). */
export type TableLayout = "long" | "by-year";

/** The layouts a dataset sheet can take, the long table first. */
export const TABLE_LAYOUTS: readonly TableLayout[] = ["long", "by-year"];

/** A pure description of one sheet: everything an adapter (Excel, xlsx, preview) needs to lay it out. */
export interface SheetPlan {
  kind: SheetKind;
  dataset: string;
  sheetName: string;
  tableName: string;
  title: string;
  columns: PlannedColumn[];
  /** Cell values: dates as Excel serials, money in full units, absent values as null. */
  rows: Cell[][];
  /** One Excel number format per cell, the same shape as `rows`. */
  numberFormats: string[][];
  charts: ChartPlan[];
  notes: string[];
  /** The table's layout; absent means "long" (every plan that is not by year). */
  layout?: TableLayout;
}

export const FORMAT = {
  text: "@",
  integer: "#,##0",
  number: "#,##0.###",
  date: "yyyy-mm-dd",
  billions: (currency: string) => `#,##0.00,,," bn ${currency}"`,
  general: "General",
} as const;

/** The Excel number format for a value in a unit: money reads in billions while the cell keeps the full amount. */
export function unitFormat(unit: string | null): string {
  if (isMoneyUnit(unit)) return FORMAT.billions(unit);
  if (unit === "years") return "0";
  return FORMAT.integer;
}

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/g;

/** A valid Excel sheet name: at most 31 characters, none of `[ ] : * ? / \`, not blank, no leading or trailing apostrophe. */
export function sheetNameFor(title: string): string {
  const cleaned = title.replace(INVALID_SHEET_CHARS, " ").replace(/\s+/g, " ").trim().replace(/^'+|'+$/g, "");
  // Cut at a word boundary where one falls in the second half of the allowance.
  let cut = cleaned.slice(0, 31);
  if (cleaned.length > 31 && cut.lastIndexOf(" ") > 15) cut = cut.slice(0, cut.lastIndexOf(" "));
  return cut.trim() || "Sheet";
}

/** A valid Excel table name from a dataset id: letters, digits and underscores, prefixed so it never looks like a cell. */
export function tableNameFor(datasetId: string): string {
  return `SkyNet_${datasetId.replace(/[^A-Za-z0-9]+/g, "_")}`.slice(0, 255);
}

const formatFor = (c: Column, row: Cell[], columns: readonly Column[]): string => {
  switch (c.type) {
    case "date":
      return FORMAT.date;
    case "integer":
      return FORMAT.integer;
    case "money":
      return FORMAT.billions("CNY");
    case "number": {
      if (!c.unitColumn) return FORMAT.number;
      const u = row[columns.findIndex((x) => x.key === c.unitColumn)];
      return unitFormat(typeof u === "string" ? u : null);
    }
    default:
      return FORMAT.text;
  }
};

const widthOf = (c: Column, rows: Cell[][], i: number): number => {
  const longest = rows.reduce((m, r) => Math.max(m, r[i] == null ? 0 : String(r[i]).length), c.header.length);
  const min = c.type === "date" ? 11 : 8;
  return Math.max(min, Math.min(longest + 2, c.type === "url" ? 40 : 60));
};

/** Converts a table to a sheet plan body: date columns become serials, every cell gets its number format. */
export function planTable(table: Table, sheetName: string, tableName: string, kind: SheetKind = "dataset"): Omit<SheetPlan, "charts" | "notes"> {
  const dateCols = table.columns.map((c) => c.type === "date");
  const rows = table.rows.map((r) => r.map((v, i) => (dateCols[i] && typeof v === "string" ? toExcelSerial(v) : v)));
  return {
    kind,
    dataset: table.dataset,
    sheetName,
    tableName,
    title: table.title,
    columns: table.columns.map((c, i) => ({ ...c, numberFormat: c.unitColumn ? FORMAT.general : formatFor(c, [], table.columns), width: widthOf(c, table.rows, i) })),
    rows,
    numberFormats: table.rows.map((r) => table.columns.map((c) => formatFor(c, r, table.columns))),
  };
}

export interface ChartContext {
  series: (id: string) => Series;
  source: (id: string) => Source;
  observationsOf: (seriesId: string) => Observation[];
}

const markingOf = (o: Observation): Marking => (o.qualifier === "lower-bound" ? "lower-bound" : o.coverage === "partial" ? "partial" : "full");
const MARK_WORDS: Record<Marking, string> = { full: "", partial: " (partial period)", "lower-bound": " (lower bound: more than)" };

/** A chart's source line: up to three publishers, then how many more. */
export function sourceCaption(publishers: readonly string[]): string {
  const p = [...new Set(publishers)];
  return p.length <= 3 ? `Source: ${p.join("; ")}` : `Sources: ${p.slice(0, 3).join("; ")} and ${p.length - 3} more (see the Sources sheet)`;
}

/** Plans the charts a dataset declares: one chart series per (series, marking), aligned on shared categories. */
export function planCharts(d: Dataset, ctx: ChartContext): ChartPlan[] {
  if (d.kind !== "observations") return [];
  return d.charts.map((c) => {
    const members = c.series.map((id) => ({ s: ctx.series(id), obs: ctx.series(id).cumulative ? [] : ctx.observationsOf(id) }));
    const stock = members.every((m) => m.s.kind === "stock");
    const catOf = (o: Observation) => (stock ? o.period.end.slice(0, 7) : o.period.start.slice(0, 4));
    const categories = [...new Set(members.flatMap((m) => m.obs.map(catOf)))].sort();
    const series: ChartSeriesPlan[] = [];
    for (const m of members) {
      for (const marking of ["full", "partial", "lower-bound"] as const) {
        const pts = m.obs.filter((o) => markingOf(o) === marking);
        if (!pts.length) continue;
        const values = categories.map((cat) => pts.find((o) => catOf(o) === cat)?.value ?? null);
        series.push({ name: `${m.s.title}${MARK_WORDS[marking]}`, seriesId: m.s.id, marking, values });
      }
    }
    const caption = sourceCaption(members.flatMap((m) => m.obs.map((o) => ctx.source(o.source).publisher)));
    const unit = members[0]!.s.unit;
    return { id: c.id, title: `${c.title} (${unit})`, unit, type: c.type, caption, categoryLabel: stock ? "As of (month)" : "Year", categories, series };
  });
}

/** The notes under a dataset sheet's title: what the dataset is, how to read coverage and qualifiers, which data. */
export function datasetNotes(d: Pick<Dataset, "description">, dataVersion: string): string[] {
  return [
    d.description,
    "Coverage 'partial' marks a figure for part of the period (e.g. January–November): never sum or chart it as a full year.",
    "Qualifier 'lower-bound' marks a published \"more than\" figure; 'approximate' an \"about\" figure.",
    dataVersionNote(dataVersion),
  ];
}

/** The last note of a dataset sheet, which a refresh rewrites when the data version changes. */
export const dataVersionNote = (dataVersion: string): string => `Data version ${dataVersion}. Sources: see the Sources sheet.`;

/** The Sources sheet's note: the citation policy in one line. */
export const SOURCES_NOTES: readonly string[] = ["Every citation behind the loaded datasets. Only the seed article is quoted; other sources are cited, never copied."];

/** The Sources sheet's fixed names. */
export const SOURCES_SHEET = { sheetName: "Sources", tableName: "SkyNet_sources" } as const;

/**
 * The sheet plan of one dataset of a catalogue: its table, charts and notes.
 *
 * @example
 * planDatasetSheet(catalog, "spp", "2026.11.0+9959b4de").notes.length //=> 4
 */
export function planDatasetSheet(catalog: Catalog, datasetId: string, dataVersion: string): SheetPlan {
  const d = catalog.getDataset(datasetId);
  const body = planTable(catalog.table(d.id), sheetNameFor(d.sheet ?? d.title), tableNameFor(d.id), "dataset");
  const charts = planCharts(d, { series: catalog.getSeries, source: catalog.getSource, observationsOf: (id) => catalog.observationsOf(id) });
  return { ...body, charts, notes: datasetNotes(d, dataVersion) };
}

/**
 * The Sources sheet plan from a sources table: no charts, the citation policy as its note.
 *
 * @example
 * planSourcesOf(getSourcesTable(["spp"])).sheetName //=> "Sources"
 */
export function planSourcesOf(table: Table): SheetPlan {
  return { ...planTable(table, SOURCES_SHEET.sheetName, SOURCES_SHEET.tableName, "sources"), charts: [], notes: [...SOURCES_NOTES] };
}
