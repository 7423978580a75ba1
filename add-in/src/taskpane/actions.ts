// What Insert and Refresh do, without the page: the pane (pane.ts) shows their results, the tests run them on the
// workbook double. Refresh first asks the data feed for a newer release; a fault stops it before anything is written.
import { catalog, sdkFor, type Sdk, type SheetPlan, type TableLayout } from "@skynet-data/sdk";
import { explainTable, type TableChanges } from "../data-feed/changes.js";
import { versionOfDataVersion, type DataFeed, type Held, type RefreshOutcome } from "../data-feed/feed.js";
import { loadPlans, type LoadResult } from "../excel/adapter.js";
import type { Stamp } from "../excel/load-plan/index.js";
import { recalculateFormulas } from "../excel/recalc.js";
import type { IsSetSupported } from "../excel/requirements.js";
import type { Runner } from "../excel/run.js";

/** Raised when the workbook has no stamp: there is nothing to refresh. */
export const NOTHING_TO_REFRESH = "Nothing to refresh yet: this workbook has no Sky Net Data tables. Select datasets and choose Insert first.";

/** A dataset to insert: its id (the long table), or its id and the layout of its sheet. */
export type DatasetChoice = string | { id: string; layout: TableLayout };

type PlanSdk = Pick<Sdk, "planSheet" | "planByYearSheet" | "planSourcesSheet">;

const planOf = (sdk: PlanSdk, id: string, layout: TableLayout): SheetPlan => (layout === "by-year" ? sdk.planByYearSheet(id) : sdk.planSheet(id));

/** Every dataset a stamp lists, whatever its layout (the Sources sheet cites them all). */
const stampedDatasets = (stamp: Stamp | null): string[] => [...new Set([...(stamp?.datasets ?? []), ...(stamp?.byYear ?? [])])];

/** The plans for an insert: the chosen datasets in their layouts and a Sources sheet for everything loaded so far. */
export function insertPlans(choices: readonly DatasetChoice[], sdk: PlanSdk = bundledSdk()): (stamp: Stamp | null) => SheetPlan[] {
  const chosen = choices.map((c) => (typeof c === "string" ? { id: c, layout: "long" as const } : c));
  return (stamp) => [...chosen.map((c) => planOf(sdk, c.id, c.layout)), sdk.planSourcesSheet([...new Set([...stampedDatasets(stamp), ...chosen.map((c) => c.id)])])];
}

/**
 * The plans for a refresh: every sheet the workbook's stamp lists that the release has, in the layout it was inserted
 * in (long tables, then by-year sheets); a workbook without a stamp has nothing to refresh.
 */
export function refreshPlans(known: readonly string[], sdk: PlanSdk = bundledSdk()): (stamp: Stamp | null) => SheetPlan[] {
  return (stamp) => {
    if (!stamp) throw new Error(NOTHING_TO_REFRESH);
    const long = stamp.datasets.filter((id) => known.includes(id));
    const byYear = (stamp.byYear ?? []).filter((id) => known.includes(id));
    return [...long.map((id) => sdk.planSheet(id)), ...byYear.map((id) => sdk.planByYearSheet(id)), sdk.planSourcesSheet(stampedDatasets(stamp).filter((id) => known.includes(id)))];
  };
}

let bundled: Sdk | undefined;
/** The SDK over the bundled release. */
const bundledSdk = (): Sdk => (bundled ??= sdkFor(catalog));

export interface ActionOptions {
  isSetSupported?: IsSetSupported;
  onProgress?: (message: string) => void;
  now?: () => Date;
}

/** What a Refresh came to. */
export type RefreshResult =
  /** The data feed could not bring the data: nothing in the workbook was written. */
  | { kind: "stopped"; outcome: Extract<RefreshOutcome, { kind: "failed" }>; message: string }
  | {
      kind: "done";
      outcome: Exclude<RefreshOutcome, { kind: "failed" }>;
      /** The tables' refresh; null for a workbook without Sky Net Data tables. */
      load: LoadResult | null;
      /** Each refreshed table's changes with their reasons. */
      changes: TableChanges[];
      /** The releases whose changelogs were read, oldest first, and words when some could not be had. */
      releases: string[];
      releasesNote: string | null;
      /** Whether every =SKYNET formula was recalculated (the release changed). */
      recalculated: boolean;
    };

/**
 * Refresh: asks the feed for a newer release (latest.json at the data address, verified); on a fault stops with words
 * and writes nothing. Otherwise refreshes every table the workbook's stamp lists from the release held, with a full
 * calculation in the same last sync when the release changed, and explains each change with the changelogs of every
 * release since the one the workbook was loaded under.
 */
export async function refreshWorkbook(feed: DataFeed, runner: Runner, options: ActionOptions = {}): Promise<RefreshResult> {
  const progress = options.onProgress ?? (() => undefined);
  progress(`Checking ${feed.state().dataUrl} for a newer release…`);
  const outcome = await feed.refresh();
  if (outcome.kind === "failed") {
    return { kind: "stopped", outcome, message: `Refresh stopped: ${outcome.message} Nothing in the workbook was changed; the functions and the pane keep answering from ${heldWords(outcome.held)}.` };
  }
  const held = outcome.held;
  const swapped = outcome.kind === "updated";
  const sdk = sdkFor(held.catalog);
  const known = held.catalog.datasets.map((d) => d.id);
  let load: LoadResult | null = null;
  try {
    load = await runner((ctx) => loadPlans(ctx, refreshPlans(known, sdk), { dataVersion: held.dataVersion, recalculate: swapped, onProgress: progress, ...(options.isSetSupported ? { isSetSupported: options.isSetSupported } : {}), ...(options.now ? { now: options.now } : {}) }));
  } catch (e) {
    if (!(e instanceof Error && e.message === NOTHING_TO_REFRESH)) throw e;
    // No tables, but the functions answer from a new release: their cells must follow it.
    if (swapped) await runner((ctx) => recalculateFormulas(ctx, held.dataVersion));
  }
  let changes: TableChanges[] = [];
  let releases: string[] = [];
  let releasesNote: string | null = null;
  if (load) {
    const from = load.previous ? versionOfDataVersion(load.previous.dataVersion) : null;
    const changed = load.tables.some((t) => t.added || t.removed || t.revised);
    const since = changed ? await feed.releasesSince(from) : { catalogs: [held.catalog], complete: true, message: null };
    releases = since.catalogs.map((c) => c.release!.version);
    releasesNote = since.message;
    changes = load.tables.map((t) => explainTable(t, since.catalogs, since.complete));
  }
  return { kind: "done", outcome, load, changes, releases, releasesNote, recalculated: swapped };
}

/** Insert: the chosen datasets, each in its layout, from the release held (works offline: nothing is downloaded). */
export async function insertDatasets(feed: DataFeed, runner: Runner, ids: readonly DatasetChoice[], options: ActionOptions = {}): Promise<LoadResult> {
  const held = feed.state().held;
  return runner((ctx) =>
    loadPlans(ctx, insertPlans(ids, sdkFor(held.catalog)), { dataVersion: held.dataVersion, ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.isSetSupported ? { isSetSupported: options.isSetSupported } : {}), ...(options.now ? { now: options.now } : {}) }),
  );
}

/** A held release in words: "release 2026.12.1 (downloaded 2026-12-15 from https://…)". */
export function heldWords(h: Held): string {
  const day = h.downloadedAt ? h.downloadedAt.slice(0, 10) : null;
  if (h.from === "bundled") return `release ${h.version} (bundled with the add-in)`;
  const where = h.url ? ` from ${new URL(".", h.url).href.replace(/releases\/$/, "")}` : "";
  return `release ${h.version}${h.pinned ? ", pinned" : ""} (${h.from === "cached" ? "kept for offline use, " : ""}downloaded ${day ?? "earlier"}${where})`;
}
