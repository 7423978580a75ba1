// The shared runtime's half of the data feed (functions.js): the feed is created or found, the custom functions follow
// every release it swaps in, and at start the last good release is restored and, once per interval, the data address
// is checked. A release swapped in at start is followed by a full calculation in Excel, so no cell keeps an answer of
// the release before.
import { catalog } from "@skynet-data/sdk";
import { recalculateIfStale } from "../excel/recalc.js";
import { answerFrom } from "../functions/functions.js";
import type { DataFeed, FeedEvent } from "./feed.js";
import { sharedFeed } from "./shared.js";

type OfficeGlobals = {
  location?: unknown;
  fetch?: unknown;
  Office?: { onReady?: () => Promise<{ host?: unknown }> };
  Excel?: { run?: (batch: (context: Excel.RequestContext) => Promise<void>) => Promise<void> };
};

/** The custom functions answer from the feed's release and history whenever it changes. */
export function followFeed(feed: DataFeed, answer: typeof answerFrom = answerFrom): () => void {
  const follow = (e: Pick<FeedEvent, "state">) => answer(e.state.held.catalog, e.state.history);
  follow({ state: feed.state() });
  return feed.subscribe((e) => {
    if (e.type !== "status") follow(e);
  });
}

/**
 * Asks Excel for a full calculation when this runtime runs in Excel and the workbook's formulas were last calculated
 * with another release; does nothing elsewhere. Returns whether it calculated.
 */
export async function recalculateInExcel(dataVersion: string, g: OfficeGlobals = globalThis as OfficeGlobals): Promise<boolean> {
  if (typeof g.Office?.onReady !== "function" || typeof g.Excel?.run !== "function") return false;
  const info = await g.Office.onReady();
  if (String(info?.host).toLowerCase() !== "excel") return false;
  let calculated = false;
  await g.Excel.run(async (context) => {
    calculated = await recalculateIfStale(context, dataVersion);
  });
  return calculated;
}

/**
 * Starts the feed in the shared runtime. Does nothing outside a page (no `location` or `fetch`: Node, a bare script
 * context), so functions.js still only registers the functions there. Never throws.
 */
export function startRuntimeFeed(g: OfficeGlobals = globalThis as OfficeGlobals): DataFeed | null {
  if (typeof g.location === "undefined" || typeof g.fetch !== "function") return null;
  try {
    const feed = sharedFeed(catalog);
    followFeed(feed);
    void feed
      .start()
      .then((r) => (r.restored || r.check?.kind === "updated" ? recalculateInExcel(feed.state().held.dataVersion, g) : false))
      .catch(() => undefined);
    return feed;
  } catch {
    return null;
  }
}
