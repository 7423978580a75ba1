// The workbook double: an in-memory workbook that enforces Excel's documented rules, shared by tests and the preview.
export { WorkbookModel, WorkbookError, PAYLOAD_LIMIT } from "./model.js";
export type { CellState, ChartModel, ChartSeriesModel, ExcelErrorCode, Scalar, SheetModel, SyncRecord, TableModel } from "./model.js";
export { RequestContext, runOn } from "./api.js";
// The formula engine carries fast-formula-parser (about 300 KB): code the pane bundles imports model.js and api.js
// directly, never this barrel, so the engine is loaded only for the preview (taskpane/preview/calculator.ts).
export { ERROR_WORDS, functionHost } from "./formulas.js";
export type { CalculationRecord, CalculationType, CellValue, Evaluated, FormulaCalculator, FunctionTable } from "./formulas.js";
