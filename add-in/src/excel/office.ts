// The part of Office.js the add-in drives, written against @types/office-js: each member is Office's own type (Pick)
// or narrows one where Office returns a proxy. Every batch gets an OfficeContext (run.ts): officeRunner hands it
// Excel.RequestContext and doubleRunner the workbook double's context, with no cast, so tsc checks that both satisfy
// it and the double cannot drift from Office's types unnoticed. Use nothing of Office outside this surface; add a
// member here (or to selection.ts's SelectionContext) first.
import type { SelectionContext } from "./selection.js";

/** A range: its address and cells after `load`, the setters the adapter writes, and the calls it makes. */
export interface RangeSurface extends Pick<Excel.Range, "address" | "values" | "formulas" | "numberFormat" | "hyperlink" | "isNullObject"> {
  readonly format: RangeFormatSurface;
  clear(applyTo?: "All" | "Contents"): void;
  delete(shift: "Up"): void;
  load(propertyNames: string): RangeSurface;
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeSurface;
}

export interface RangeFormatSurface extends Pick<Excel.RangeFormat, "columnWidth"> {
  readonly font: Pick<Excel.RangeFont, "bold" | "italic" | "size" | "color">;
}

export interface WorksheetSurface extends Pick<Excel.Worksheet, "name" | "visibility" | "isNullObject" | "activate" | "delete"> {
  readonly tables: TableCollectionSurface;
  readonly charts: ChartCollectionSurface;
  readonly freezePanes: Pick<Excel.WorksheetFreezePanes, "freezeRows">;
  load(propertyNames: string): WorksheetSurface;
  getRange(address?: string): RangeSurface;
  getUsedRange(valuesOnly?: boolean): RangeSurface;
  getCell(row: number, column: number): RangeSurface;
}

export interface WorksheetCollectionSurface {
  readonly items: WorksheetSurface[];
  load(propertyNames: string): WorksheetCollectionSurface;
  add(name?: string): WorksheetSurface;
  getItem(key: string): WorksheetSurface;
  getItemOrNullObject(key: string): WorksheetSurface;
}

export interface TableSurface extends Pick<Excel.Table, "name" | "style" | "showBandedRows" | "isNullObject"> {
  readonly worksheet: WorksheetSurface;
  readonly rows: { add(index?: number, values?: (string | number | boolean)[][]): unknown };
  load(propertyNames: string): TableSurface;
  getRange(): RangeSurface;
  getHeaderRowRange(): RangeSurface;
  resize(newRange: string): void;
}

export interface TableCollectionSurface {
  readonly items: TableSurface[];
  load(propertyNames: string): TableCollectionSurface;
  add(address: string, hasHeaders: boolean): TableSurface;
  getItem(key: string): TableSurface;
}

export interface ChartSurface extends Pick<Excel.Chart, "name" | "isNullObject" | "setPosition"> {
  readonly title: Pick<Excel.ChartTitle, "text">;
  readonly legend: Pick<Excel.ChartLegend, "position">;
  readonly series: { getItemAt(index: number): ChartSeriesSurface };
  load(propertyNames: string): ChartSurface;
  setData(sourceData: RangeSurface, seriesBy?: "Auto" | "Columns" | "Rows"): void;
}

export interface ChartSeriesSurface {
  readonly format: { readonly fill: Pick<Excel.ChartFill, "setSolidColor">; readonly line: Pick<Excel.ChartLineFormat, "color" | "lineStyle"> };
}

export interface ChartCollectionSurface {
  add(type: "ColumnClustered" | "LineMarkers", sourceData: RangeSurface, seriesBy?: "Auto" | "Columns" | "Rows"): ChartSurface;
  getItemOrNullObject(name: string): ChartSurface;
}

export interface SettingSurface extends Pick<Excel.Setting, "value" | "isNullObject"> {
  load(propertyNames: string): SettingSurface;
}

export interface WorkbookSurface {
  readonly worksheets: WorksheetCollectionSurface;
  readonly tables: TableCollectionSurface;
  readonly settings: { add(key: string, value: unknown): unknown; getItemOrNullObject(key: string): SettingSurface };
  readonly application: Pick<Excel.Application, "suspendApiCalculationUntilNextSync" | "calculate">;
}

/** What a batch gets from `Excel.run` (or the double's `runOn`): the workbook and `sync`. */
export interface WorkbookContext {
  readonly workbook: WorkbookSurface;
  sync(): Promise<unknown>;
}

/** Everything a batch may drive: the adapter's surface and the finder's (selection, notes, comments: selection.ts). */
export type OfficeContext = WorkbookContext & SelectionContext;
