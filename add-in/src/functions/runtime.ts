// Entry of functions.js, the script the manifest names and the taskpane page loads (the shared runtime): the custom
// functions, which register themselves with CustomFunctions.associate; the hook through which the data feed (the same
// page's pane bundle, data-feed/runtime.ts) makes them answer from each release it swaps in; and, before that bundle
// has run, the release kept for offline use read back (restore.ts restoreEarly), so the functions never answer from
// the bundled release when a newer one is kept. Nothing here marks the workbook to load the add-in at startup; that is
// the pane's "Open Sky Net Data with this workbook" setting (excel/startup.ts).
import { BUNDLED_CATALOG as catalog } from "@skynet-data/sdk/functions";
import { restoreEarly } from "../data-feed/restore.js";
import { ANSWER_FROM_HOOK, EARLY_RESTORE } from "../data-feed/runtime.js";
import { runtimeReader } from "../data-feed/store.js";
import { answerFrom, answerWith, REGISTRATIONS } from "./functions.js";
import { FUNCTIONS_GLOBAL } from "./published.js";

const g = globalThis as Record<string, unknown>;
g[ANSWER_FROM_HOOK] = answerFrom;
// In every host: the browser preview calculates with exactly the wrappers Excel is given (functions/published.ts).
g[FUNCTIONS_GLOBAL] = REGISTRATIONS;
// Only on a page (the shared runtime); in a bare script context (tests, tools) functions.js only registers.
if (typeof g.location !== "undefined") {
  let before: ReturnType<typeof answerFrom> | null = null;
  g[EARLY_RESTORE] = restoreEarly(runtimeReader(), catalog.release!.version, (c) => void (before = answerFrom(c)), () => before && answerWith(before));
}
