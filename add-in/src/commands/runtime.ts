// Entry of functions.js, the script the manifest names and the taskpane page loads (the shared runtime): the custom
// functions, which register themselves with CustomFunctions.associate, and the hook through which the data feed (the
// same page's pane bundle, data-feed/runtime.ts) makes them answer from each release it swaps in. Nothing here marks
// the workbook to load the add-in at startup; that is the pane's "Open Sky Net Data with this workbook" setting
// (startup.ts).
import { ANSWER_FROM_HOOK } from "../data-feed/runtime.js";
import { answerFrom } from "../functions/functions.js";

(globalThis as Record<string, unknown>)[ANSWER_FROM_HOOK] = answerFrom;
