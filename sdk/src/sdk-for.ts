// The SDK's reading API bound to one catalogue. public.ts exports it bound to the bundled release; a release fetched or
// read from a file gets the same API from sdkFor(loadRelease(text)).
import type { Catalog, FigureOptions, FigureQuery, FigureResult, ReleaseInfo } from "./core/catalog.js";
import type { Dataset } from "./core/dataset.js";
import type { Event, Observation, Partner, Series, Source } from "./core/schema.js";
import { planDatasetSheet, planSourcesOf, type SheetPlan, type TableLayout } from "./sheet/plan.js";
import { hasByYearLayout, planByYearSheet as planByYearOf } from "./sheet/by-year.js";
import type { Table } from "./core/table.js";

/** What the taskpane and `--help` list for each dataset. */
export interface DatasetSummary {
  id: string;
  title: string;
  description: string;
  kind: "observations" | "events" | "partners";
  rows: number;
  /** First and last day any of its records covers. */
  from: string;
  to: string;
  sources: number;
  /** The layouts its sheet can take: always "long"; "by-year" where it has figures of a calendar year. */
  layouts: TableLayout[];
}

/** The SDK's reading API over one catalogue: the same names, and the same behaviour, as the package's exports. */
export interface Sdk {
  readonly catalog: Catalog;
  /** The release the catalogue comes from; null for unreleased data. */
  readonly RELEASE: ReleaseInfo | null;
  /** `<version>+<first 8 hex digits of the hash>`, or "unreleased". */
  readonly DATA_VERSION: string;
  readonly observations: readonly Observation[];
  readonly sources: readonly Source[];
  readonly series: readonly Series[];
  readonly events: readonly Event[];
  readonly partners: readonly Partner[];
  readonly datasets: readonly Dataset[];
  listDatasets(): DatasetSummary[];
  getFigure(seriesId: string, query: FigureQuery, options?: FigureOptions): FigureResult;
  getSeries(seriesId: string, range?: { from?: number; to?: number }): Observation[];
  getTimeline(from?: string, to?: string): Event[];
  getSource(id: string): Source;
  getDatasetTable(datasetId: string): Table;
  getSourcesTable(datasetIds?: readonly string[]): Table;
  planSheet(datasetId: string): SheetPlan;
  planSourcesSheet(datasetIds?: readonly string[]): SheetPlan;
  planByYearSheet(datasetId: string): SheetPlan;
}

/** The fingerprint of a release: its version and the first 8 hex digits of its hash. */
export const dataVersionOf = (release: ReleaseInfo | null): string => (release ? `${release.version}+${release.hash.slice(0, 8)}` : "unreleased");

/**
 * The SDK's reading API bound to a catalogue: listDatasets, getFigure, getSeries, getTimeline, getSource,
 * getDatasetTable, getSourcesTable, planSheet, planSourcesSheet, planByYearSheet, the record lists, RELEASE and DATA_VERSION, each
 * answering from that catalogue exactly as the package's exports answer from the bundled release.
 *
 * @example
 * const sdk = sdkFor(loadRelease(readFileSync("2026.11.1.json", "utf8")));
 * sdk.DATA_VERSION //=> "2026.11.1+…"
 * sdk.planSheet("spp").rows.length //=> 4
 */
export function sdkFor(catalog: Catalog): Sdk {
  const DATA_VERSION = dataVersionOf(catalog.release);

  const listDatasets = (): DatasetSummary[] =>
    catalog.datasets.map((d) => {
      const spans =
        d.kind === "observations" ? d.observations.map((o) => [o.period.start, o.period.end]) : d.kind === "events" ? d.events.map((e) => [e.date, e.end]) : d.partners.map((p) => [p.date, p.date]);
      return {
        id: d.id,
        title: d.title,
        description: d.description,
        kind: d.kind,
        rows: spans.length,
        from: spans.map((s) => s[0]!).sort()[0]!,
        to: spans.map((s) => s[1]!).sort().at(-1)!,
        sources: catalog.sourcesOf(d.id).length,
        layouts: hasByYearLayout(d) ? ["long", "by-year"] : ["long"],
      };
    });

  const getSourcesTable = (datasetIds?: readonly string[]): Table => {
    const ids = datasetIds ?? catalog.datasets.map((d) => d.id);
    const quotes = new Map<string, string[]>();
    for (const id of ids) {
      const d = catalog.getDataset(id);
      const recs = d.kind === "observations" ? d.observations : d.kind === "events" ? d.events : d.partners;
      for (const r of recs) if (r.quote) quotes.set(r.source, [...new Set([...(quotes.get(r.source) ?? []), r.quote])]);
    }
    const cited = datasetIds ? [...new Set(datasetIds.flatMap((id) => catalog.sourcesOf(id)))] : undefined;
    return catalog.sourcesTable(cited, quotes);
  };

  const planSheet = (datasetId: string): SheetPlan => planDatasetSheet(catalog, datasetId, DATA_VERSION);

  const planSourcesSheet = (datasetIds?: readonly string[]): SheetPlan => planSourcesOf(getSourcesTable(datasetIds));

  const planByYearSheet = (datasetId: string): SheetPlan => planByYearOf(catalog, datasetId, DATA_VERSION);

  return Object.freeze({
    catalog,
    RELEASE: catalog.release,
    DATA_VERSION,
    observations: catalog.observations,
    sources: catalog.sources,
    series: catalog.series,
    events: catalog.events,
    partners: catalog.partners,
    datasets: catalog.datasets,
    listDatasets,
    getFigure: (seriesId: string, query: FigureQuery, options?: FigureOptions) => catalog.figure(seriesId, query, options),
    getSeries: (seriesId: string, range?: { from?: number; to?: number }) => catalog.observationsOf(seriesId, range),
    getTimeline: (from?: string, to?: string) => catalog.timeline(from, to),
    getSource: (id: string) => catalog.getSource(id),
    getDatasetTable: (datasetId: string) => catalog.table(datasetId),
    getSourcesTable,
    planSheet,
    planSourcesSheet,
    planByYearSheet,
  });
}
