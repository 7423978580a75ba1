// Entry of functions.js, the script the manifest names and the taskpane page loads (the shared runtime): the custom
// functions, which register themselves with CustomFunctions.associate, and the data feed, which restores the last good
// release, checks the data address once per interval and makes the functions follow each release it swaps in.
// Nothing here marks the workbook to load the add-in at startup; that is the pane's "Open Sky Net Data with this
// workbook" setting (startup.ts).
import { startRuntimeFeed } from "../data-feed/runtime.js";
import "../functions/functions.js";

startRuntimeFeed();
