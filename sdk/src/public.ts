// The public API of @skynet-data/sdk: this file decides what is exported; index.ts only re-exports it.
import { catalog } from "./catalog.js";
import type { FigureOptions, FigureQuery, FigureResult, ReleaseInfo } from "./core/catalog.js";
import type { Event, Observation, Source } from "./core/schema.js";
import type { SheetPlan } from "./sheet/plan.js";
import type { Table } from "./core/table.js";
import { dataVersionOf, sdkFor, type DatasetSummary } from "./sdk-for.js";

/** The functions below, bound to the bundled catalogue (sdkFor gives the same API over any other release). */
const bundled = sdkFor(catalog);

/** The validated, indexed catalogue behind every export of this module. */
export { catalog };

/** Version of the SDK package. */
export const SDK_VERSION = "0.1.0";

/**
 * The bundled release: its version, date, SHA-256, the release it follows and its changelog.
 *
 * @example
 * RELEASE.version //=> "2026.11.0"
 * RELEASE.hash //=> "9959b4de65be…" (64 hex digits)
 */
export const RELEASE: ReleaseInfo = catalog.release!;

/**
 * Fingerprint of the bundled data: the release version and the first 8 hex digits of its hash.
 *
 * @example
 * DATA_VERSION //=> "2026.11.0+9959b4de"
 */
export const DATA_VERSION = dataVersionOf(RELEASE);

/**
 * Every custom function answering from the bundled release, by its permanent Excel id (`=SKYNET.<id>`): each takes
 * Excel's raw arguments and returns the value, or `{ error: "#N/A" | "#VALUE!", message }` with words.
 *
 * @example
 * CUSTOM_FUNCTIONS.CAPTURES(2014) //=> 680
 * CUSTOM_FUNCTIONS.RETURNED(2016).error //=> "#N/A" (only a January–November figure exists)
 */
export { CUSTOM_FUNCTIONS } from "./functions-entry.js";

/**
 * Every observation: one figure each, with series, value, unit, period, coverage, qualifier, source id,
 * and the verbatim seed quote for seed figures.
 *
 * @example
 * observations.find((o) => o.series === "fox-hunt.captured" && o.period.start.startsWith("2014"))
 * //=> { value: 680, unit: "persons", period: { label: "2014 (Jul–Dec)", … }, coverage: "full", qualifier: "exact",
 * //     source: "seed", quote: "Operation \"Fox Hunt 2014\", … 680 corrupt officials …", … }
 */
export const observations: readonly Observation[] = catalog.observations;

/**
 * Every source cited: publisher, our short title, publication date, URL, reliability.
 *
 * @example
 * sources.find((s) => s.id === "seed")?.seedPath //=> "seeds/sky-net-fox-hunt-2015.txt"
 */
export const sources: readonly Source[] = catalog.sources;

/**
 * The series catalogue: what each series counts, its agency, unit and kind (flow or stock).
 *
 * @example
 * series.find((s) => s.id === "spp.captured") //=> { title: "SPP: fugitive officials captured", agency: "SPP", unit: "persons", kind: "flow", … }
 */
export const series = catalog.series;

/**
 * The dated timeline, sorted by date.
 *
 * @example
 * events[0] //=> { id: "cpc-18th-congress", date: "2012-01-01", end: "2012-12-31", precision: "year", phrase: "in 2012", … }
 */
export const events: readonly Event[] = catalog.events;

/** The partner countries and their roles. */
export const partners = catalog.partners;

/** The datasets as defined, validated. */
export const datasets = catalog.datasets;

export type { DatasetSummary, Sdk } from "./sdk-for.js";
export { sdkFor } from "./sdk-for.js";

/**
 * Lists every dataset with its title, row count, the period it covers and how many sources back it.
 *
 * @example
 * listDatasets().map((d) => `${d.id}: ${d.rows} rows, ${d.from}..${d.to}, ${d.sources} sources`)
 * //=> ["sky-net: 54 rows, 2014-01-01..2024-12-31, 17 sources", …]
 */
export function listDatasets(): DatasetSummary[] {
  return bundled.listDatasets();
}

/**
 * Looks up one figure: a series for a calendar year (flows), an as-of date (stocks) or a period label.
 * Found only when a full-coverage, exact or approximate figure answers exactly that; otherwise the answer
 * says what exists instead (a partial-year figure, a lower bound, another agency's series).
 * Throws `SkynetError` for an unknown series or a malformed query.
 *
 * @example
 * getFigure("fox-hunt.captured", { year: 2014 }).found //=> true (680 persons)
 * getFigure("sky-net.returned", { year: 2016 })
 * //=> { found: false, reason: "partial-only", message: "no full, exact figure of sky-net.returned for 2016. What exists: 908 persons for Jan–Nov 2016 (partial coverage; China National Radio (CNR), 2016-12-09) in sky-net.returned", … }
 * getFigure("treaties.extradition.in-force", { asOf: "2015-01-01" }).found //=> true (29 treaties, as of Nov 2014)
 */
export function getFigure(seriesId: string, query: FigureQuery, options?: FigureOptions): FigureResult {
  return bundled.getFigure(seriesId, query, options);
}

/**
 * A series' observations, optionally limited to the years `from`..`to` (inclusive), sorted by period end.
 *
 * @example
 * getSeries("sky-net.returned", { from: 2020, to: 2020 }).map((o) => [o.period.label, o.value, o.coverage])
 * //=> [["Jan–Nov 2020", 1229, "partial"], ["2020", 1421, "full"]]
 */
export function getSeries(seriesId: string, range?: { from?: number; to?: number }): Observation[] {
  return bundled.getSeries(seriesId, range);
}

/**
 * The events that may have fallen between two ISO dates (inclusive), sorted by date.
 *
 * @example
 * getTimeline("2014-10-01", "2014-11-30").map((e) => e.id)
 * //=> ["china-us-asset-cooperation", "australia-commitment", "apec-beijing-declaration", "g20-brisbane-action-plan", "fox-hunt-2014"]
 */
export function getTimeline(from?: string, to?: string): Event[] {
  return bundled.getTimeline(from, to);
}

/**
 * A source by id. Throws `SkynetError("unknown-source")` listing the ids that exist.
 *
 * @example
 * getSource("ecns-2016-01-15").publisher //=> "ECNS (China News Service)"
 */
export function getSource(id: string): Source {
  return bundled.getSource(id);
}

/**
 * A dataset as a table: typed columns and rows (dates as ISO strings), ready to become a sheet or a file.
 *
 * @example
 * const t = getDatasetTable("spp");
 * t.columns.map((c) => c.header).slice(0, 4) //=> ["Series", "What is counted", "Agency", "Period"]
 * t.rows.length //=> 4
 */
export function getDatasetTable(datasetId: string): Table {
  return bundled.getDatasetTable(datasetId);
}

/**
 * The sources as a table; by default every source, or those cited by the given datasets. The seed's row lists
 * the verbatim quotes those datasets take from it.
 *
 * @example
 * getSourcesTable(["spp"]).rows.map((r) => r[0]) //=> ["seed"]
 */
export function getSourcesTable(datasetIds?: readonly string[]): Table {
  return bundled.getSourcesTable(datasetIds);
}

/**
 * The sheet plan of one dataset: a pure description (header, rows with dates as Excel serials, one number
 * format per cell, widths, charts with partial years kept apart, notes) that the add-in, the xlsx export and
 * the preview all lay out the same way.
 *
 * @example
 * const plan = planSheet("fox-hunt");
 * plan.sheetName //=> "Fox Hunt"
 * plan.tableName //=> "SkyNet_fox_hunt"
 * plan.charts[0].title //=> "Fox Hunt captures per operation (persons)"
 */
export function planSheet(datasetId: string): SheetPlan {
  return bundled.planSheet(datasetId);
}

/**
 * The Sources sheet plan: every citation behind the given datasets (all by default), with the seed quotes.
 *
 * @example
 * planSourcesSheet(["spp"]).rows.length //=> 1 (the seed)
 */
export function planSourcesSheet(datasetIds?: readonly string[]): SheetPlan {
  return bundled.planSourcesSheet(datasetIds);
}

/**
 * The by-year sheet plan of one dataset: years down, one number column per series holding the figure the =SKYNET
 * functions answer for that year, part years and lower bounds in a Notes column beside the year, one chart per unit.
 *
 * @example
 * const plan = planByYearSheet("sky-net");
 * plan.tableName //=> "SkyNet_by_year_sky_net"
 * plan.rows.find((r) => r[0] === 2019)[1] //=> 2041 (Sky Net fugitives returned)
 */
export function planByYearSheet(datasetId: string): SheetPlan {
  return bundled.planByYearSheet(datasetId);
}

export { FUNCTION_IDS, functionsFor, isFunctionError, isInternalError, unwrapCellValue } from "./functions/index.js";
export type { Answer, Attribution, CustomFunctions, FigureEntity, FunctionError, FunctionErrorCode, FunctionId, Spill, SpillCell } from "./functions/index.js";
export { loadRelease } from "./release/load.js";
export { signRelease, verifySignature, generateSigningKey, keyIdOf, publicKeyOf, readPublicKey, readPrivateKey } from "./release/signature.js";
export type { ReleasePublicKey, ReleasePrivateKey } from "./release/signature.js";
export { fetchLatest, fetchRelease, fetchReleaseIndex, fetchHistory } from "./release/fetch.js";
export type { FetchedRelease, FetchProgress, FetchReleaseOptions } from "./release/fetch.js";
export { parseJsonDocument, readPublished, readReleaseIndex, releaseFilePath, RELEASE_FOLDER } from "./release/published.js";
export type { PublishedRelease, ReleaseIndex } from "./release/published.js";
export { compareReleaseVersions, isReleaseVersion } from "./release/version.js";
export { releaseHistory, revisionsFor, REVISIONS_HEADER } from "./release/history.js";
export type { ReleaseHistory } from "./release/history.js";
export { RELEASE_FORMAT } from "./release/constants.js";
export type { Release, Changelog } from "./release/format.js";
export { describeObservation } from "./core/catalog.js";
export type { Catalog, FigureOptions, FigureQuery, FigureResult, NoFigureReason, ReleaseInfo } from "./core/catalog.js";
export { toExcelSerial, fromExcelSerial, isIsoDate } from "./core/calendar.js";
export { SkynetError } from "./core/errors.js";
export type { SkynetErrorCode } from "./core/errors.js";
export type { Agency, Coverage, Event, Observation, Partner, Period, Precision, Qualifier, Reliability, Series, SeriesKind, Source, Unit, ColumnType, FunctionBinding, TreatyKind } from "./core/schema.js";
export type { Dataset, ChartDefinition } from "./core/dataset.js";
export type { Cell, Column, Table } from "./core/table.js";
export { FORMAT, sheetNameFor, tableNameFor, unitFormat, TABLE_LAYOUTS } from "./sheet/plan.js";
export type { ChartPlan, ChartSeriesPlan, Marking, PlannedColumn, SheetKind, SheetPlan, TableLayout } from "./sheet/plan.js";
export { SEED_PATH, SEED_REFERENCE_DATE, SEED_SOURCE } from "./seed/reference.js";

// The sheet contract (plans and their layout) for every renderer: Excel, the xlsx export, the preview.
export * as sheet from "./sheet/index.js";
// Cell rules every renderer shares: A1 addresses, the formula-injection guard, cell display, free sheet names.
export * as layout from "./layout/index.js";
export { formulaArgument, formulaFor, formulaText, functionArguments, periodsOf, searchFigures, searchSeries } from "./finder/index.js";
export type { ArgumentChoices, ArgumentOption, FigureHit, FormulaChoice, SeriesHit } from "./finder/index.js";
