// Entry of functions.js, the script the manifest names and the taskpane page loads (the shared runtime): the custom
// functions, which register themselves with CustomFunctions.associate. Nothing here marks the workbook to load the
// add-in at startup; that is the pane's "Open Sky Net Data with this workbook" setting (startup.ts).
import "../functions/functions.js";
