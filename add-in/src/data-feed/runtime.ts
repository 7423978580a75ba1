// The data feed in the shared runtime. The runtime is one page, taskpane.html: Excel loads it when the add-in starts
// (with the workbook, or when a =SKYNET function first calculates), whether or not the pane is shown, and runs both of
// its scripts: functions.js (the custom functions) first, then the pane's bundle, which starts the feed. functions.js
// carries no feed code (it stays small, see the README's start-up budget); it only exposes the hook through which the
// feed makes the registered functions answer from each release it swaps in.
import { recalculateIfStale } from "../excel/recalc.js";
import type { answerFrom } from "../functions/functions.js";
import type { DataFeed, FeedEvent } from "./feed.js";
import type { EarlyRestore } from "./restore.js";

/** The global through which functions.js lets the feed swap its functions' release (set in functions/runtime.ts). */
export const ANSWER_FROM_HOOK = "skynetAnswerFrom";
/** The global holding functions.js's early restore (a Promise of restore.ts's EarlyRestore or null). */
export const EARLY_RESTORE = "skynetEarlyRestore";

/** functions.js's early restore on this page, for the feed to take over; undefined without functions.js. */
export function earlyRestore(g: object = globalThis): Promise<EarlyRestore | null> | undefined {
  const p = (g as Record<string, unknown>)[EARLY_RESTORE];
  return p instanceof Promise ? (p as Promise<EarlyRestore | null>) : undefined;
}

type OfficeGlobals = {
  Office?: { onReady?: () => Promise<{ host?: unknown }> };
  Excel?: { run?: (batch: (context: Excel.RequestContext) => Promise<void>) => Promise<void> };
};

/** functions.js's swap hook, when functions.js runs on this page (it does not without a CustomFunctions runtime). */
export function functionsHook(g: object = globalThis): typeof answerFrom | null {
  const hook = (g as Record<string, unknown>)[ANSWER_FROM_HOOK];
  return typeof hook === "function" ? (hook as typeof answerFrom) : null;
}

/** The registered custom functions answer from the feed's release and history, now and whenever either changes. */
export function followFeed(feed: DataFeed, answer: typeof answerFrom | null = functionsHook()): () => void {
  if (!answer) return () => undefined;
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
