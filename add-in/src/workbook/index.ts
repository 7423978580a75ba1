// The workbook double: an in-memory workbook that enforces Excel's documented rules, shared by tests and the preview.
export { WorkbookModel, WorkbookError, PAYLOAD_LIMIT } from "./model.js";
export type { CellState, ChartModel, ChartSeriesModel, ExcelErrorCode, Scalar, SheetModel, SyncRecord, TableModel } from "./model.js";
export { RequestContext, runOn } from "./api.js";
export { evaluateFormula, functionHost, parseSkynetCall } from "./formulas.js";
export type { CalculationRecord, CalculationType, FunctionHost, FunctionResult } from "./formulas.js";
