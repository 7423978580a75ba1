// Spreadsheet rules every renderer shares (Excel, the xlsx export, the preview): A1 addresses, the formula-injection
// guard, how a cell displays under a number format, free sheet names. The add-in's transport (request chunks, refresh
// diffs, the workbook stamp) is not here: it lives in add-in/src/excel/load-plan/.
export * from "./address.js";
export * from "./format.js";
export * from "./guard.js";
export * from "./names.js";
