// The in-memory workbook behind the double: sheets of cells, tables, charts and settings, with Excel's rules.
import { layout } from "@skynet-data/sdk";
import { evaluateFormula, type CalculationRecord, type CalculationType, type FunctionHost } from "./formulas.js";
import { HOSTS, supportsSet, type RequirementSets } from "./hosts.js";

type Block = layout.Block;

/** The error codes Excel's JavaScript API uses for the rules this double enforces. */
export type ExcelErrorCode =
  | "PropertyNotLoaded"
  | "InvalidArgument"
  | "InvalidOperation"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "ApiNotFound"
  | "RequestPayloadSizeLimitExceeded";

/** Thrown like Excel's `OfficeExtension.Error`: a code and a message in words. */
export class WorkbookError extends Error {
  override readonly name = "RichApi.Error";
  constructor(
    readonly code: ExcelErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type Scalar = string | number | boolean;

export interface CellState {
  value: Scalar;
  formula?: string;
  /** A `=SKYNET.*` formula this double calculated: `value` holds its result (see formulas.ts). */
  computed?: boolean;
  /** The words of an error result (#N/A, #VALUE!, #SPILL!), as Excel shows them beside the cell. */
  errorMessage?: string;
  /** A cell filled by a formula's spilled result: the cell key of that formula. */
  spillFrom?: number;
  numberFormat: string;
  hyperlink?: { address?: string; textToDisplay?: string };
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
}

export interface SheetModel {
  id: number;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /** Cells by `row * 16384 + col` (see cellKey). */
  cells: Map<number, CellState>;
  columnWidths: Map<number, number>;
  frozenRows: number;
}

export interface TableModel {
  id: number;
  name: string;
  sheet: SheetModel;
  block: Block;
  style: string;
  showBandedRows: boolean;
}

export interface ChartSeriesModel {
  name: string;
  column: number;
  color?: string;
  lineStyle?: string;
}

export interface ChartModel {
  id: number;
  name: string;
  sheet: SheetModel;
  type: string;
  title: string;
  source: { sheet: SheetModel; block: Block };
  series: ChartSeriesModel[];
  from?: string;
  to?: string;
  legend?: string;
}

/** Excel on the web's limit for one request or response. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** The map key of a cell: one number per position. */
export const cellKey = (row: number, col: number): number => row * 16_384 + col;
const key = cellKey;
const rows = (b: Block) => b.bottom - b.top + 1;
const cols = (b: Block) => b.right - b.left + 1;
const INVALID_SHEET = /[[\]:*?/\\]/;
const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** What one `context.sync()` carried: request and response bytes, and whether calculation was suspended. */
export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  calculationSuspended: boolean;
}

export class WorkbookModel {
  /** The requirement sets this workbook's Excel supports (Excel on the web unless told otherwise). */
  requirementSets: RequirementSets = HOSTS.web.sets;
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  charts: ChartModel[] = [];
  settings = new Map<string, unknown>();
  syncs: SyncRecord[] = [];
  activeSheet: SheetModel | null = null;
  /**
   * What `=SKYNET.*` formulas call (the custom functions); null: formulas are kept as written and never calculated.
   * The preview and the tests set it; every other formula stays uncalculated (this double has no formula engine).
   */
  functions: FunctionHost | null = null;
  /** Every calculation: when a formula was entered, and each `Application.calculate`. */
  calculations: CalculationRecord[] = [];
  /** The selected range (`Workbook.getSelectedRange`); null: A1 of the active sheet. The preview sets it on a click. */
  selection: { sheet: SheetModel; block: Block } | null = null;
  /** Cell notes (ExcelApi 1.18), by sheet then cell key. */
  notes = new Map<SheetModel, Map<number, string>>();
  /** Threaded comments (ExcelApi 1.10), by sheet then cell key: the text of each thread's first comment. */
  comments = new Map<SheetModel, Map<number, string>>();
  private nextId = 1;

  /** A fresh workbook with one empty sheet, as Excel opens it; `sets` chooses the Excel it runs in. */
  static blank(sets: RequirementSets = HOSTS.web.sets): WorkbookModel {
    const wb = new WorkbookModel();
    wb.requirementSets = sets;
    wb.addSheet("Sheet1");
    return wb;
  }

  /** `Office.context.requirements.isSetSupported` for this workbook's Excel. */
  isSetSupported(name: string, minVersion?: string): boolean {
    return supportsSet(this.requirementSets, name, minVersion);
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  table(name: string): TableModel | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string): SheetModel {
    this.checkSheetName(name, null);
    const s: SheetModel = { id: this.nextId++, name, visibility: "Visible", cells: new Map(), columnWidths: new Map(), frozenRows: 0 };
    this.sheets.push(s);
    this.activeSheet ??= s;
    return s;
  }

  checkSheetName(name: string, self: SheetModel | null): void {
    if (typeof name !== "string" || !name.trim()) throw new WorkbookError("InvalidArgument", "A sheet name cannot be blank.");
    if (name.length > 31) throw new WorkbookError("InvalidArgument", `The sheet name "${name}" is longer than 31 characters.`);
    if (INVALID_SHEET.test(name)) throw new WorkbookError("InvalidArgument", `The sheet name "${name}" contains one of [ ] : * ? / \\.`);
    if (name.startsWith("'") || name.endsWith("'")) throw new WorkbookError("InvalidArgument", `The sheet name "${name}" begins or ends with an apostrophe.`);
    if (name.toLowerCase() === "history") throw new WorkbookError("InvalidArgument", `"History" is reserved by Excel.`);
    const other = this.sheet(name);
    if (other && other !== self) throw new WorkbookError("ItemAlreadyExists", `A sheet named "${other.name}" already exists (sheet names ignore case).`);
  }

  renameSheet(s: SheetModel, name: string): void {
    this.checkSheetName(name, s);
    s.name = name;
  }

  deleteSheet(s: SheetModel): void {
    if (this.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0) throw new WorkbookError("InvalidOperation", "A workbook must keep at least one visible sheet.");
    this.sheets = this.sheets.filter((x) => x !== s);
    this.tables = this.tables.filter((t) => t.sheet !== s);
    this.charts = this.charts.filter((c) => c.sheet !== s);
    if (this.activeSheet === s) this.activeSheet = this.sheets.find((x) => x.visibility === "Visible") ?? null;
  }

  cell(s: SheetModel, row: number, col: number): CellState | undefined {
    return s.cells.get(key(row, col));
  }

  private cellForWrite(s: SheetModel, row: number, col: number): CellState {
    let c = s.cells.get(key(row, col));
    if (!c) {
      c = { value: "", numberFormat: "General" };
      s.cells.set(key(row, col), c);
    }
    return c;
  }

  /** Excel's reading of a written value: "=..." in a cell not formatted as text becomes a formula; numeric text becomes a number. */
  writeValue(s: SheetModel, row: number, col: number, v: unknown): void {
    if (v === null) return;
    if (typeof v === "number" && !Number.isFinite(v)) throw new WorkbookError("InvalidArgument", `The value ${v} cannot be stored in a cell.`);
    if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") throw new WorkbookError("InvalidArgument", `A cell value must be text, a number or a boolean, not ${JSON.stringify(v) ?? typeof v}.`);
    const c = this.cellForWrite(s, row, col);
    if (c.formula) this.clearSpill(s, key(row, col));
    delete c.formula;
    delete c.computed;
    delete c.errorMessage;
    delete c.spillFrom;
    if (typeof v === "string" && c.numberFormat !== "@") {
      if (v.startsWith("=") && v.length > 1) {
        c.formula = v;
        c.value = v;
        // Entering a formula calculates it, as Excel does (a custom function is called when its cell is entered).
        if (this.functions) {
          const called = this.calculateCell(s, row, col, c);
          this.calculations.push({ type: "Entered", formulas: 1, functionCalls: called ? 1 : 0 });
        }
        return;
      }
      if (NUMERIC.test(v.trim())) {
        c.value = Number(v);
        return;
      }
    }
    c.value = v;
  }

  setFormat(s: SheetModel, row: number, col: number, f: unknown): void {
    if (f === null) return;
    if (typeof f !== "string") throw new WorkbookError("InvalidArgument", `A number format must be text, not ${JSON.stringify(f)}.`);
    this.cellForWrite(s, row, col).numberFormat = f;
  }

  clear(s: SheetModel, b: Block, applyTo: string): void {
    for (let r = b.top; r <= b.bottom; r++) {
      for (let c = b.left; c <= b.right; c++) {
        const cell = s.cells.get(key(r, c));
        if (!cell) continue;
        if (cell.formula && applyTo !== "Formats") this.clearSpill(s, key(r, c));
        if (applyTo === "All") s.cells.delete(key(r, c));
        else if (applyTo === "Formats") Object.assign(cell, { numberFormat: "General", bold: undefined, italic: undefined, fontSize: undefined, fontColor: undefined, fill: undefined });
        else {
          cell.value = "";
          delete cell.formula;
          delete cell.computed;
          delete cell.errorMessage;
          delete cell.hyperlink;
        }
      }
    }
  }

  /** Adds a table over a block; its header row is the block's first row. */
  addTable(s: SheetModel, b: Block): TableModel {
    const clash = this.tables.find((t) => t.sheet === s && layout.blocksOverlap(t.block, b));
    if (clash) throw new WorkbookError("InvalidArgument", `A table can't overlap another table: the range overlaps "${clash.name}".`);
    if (b.bottom === b.top) throw new WorkbookError("InvalidArgument", "A table with headers needs at least one row below its header.");
    const seen = new Set<string>();
    for (let c = b.left; c <= b.right; c++) {
      const h = this.cell(s, b.top, c);
      let name = h && h.value !== "" ? String(h.value) : `Column${c - b.left + 1}`;
      for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${String(h?.value ?? "Column")}${n}`;
      seen.add(name.toLowerCase());
      const cell = this.cellForWrite(s, b.top, c);
      cell.value = name;
      delete cell.formula;
    }
    let n = this.tables.length + 1;
    while (this.table(`Table${n}`)) n++;
    const t: TableModel = { id: this.nextId++, name: `Table${n}`, sheet: s, block: { ...b }, style: "TableStyleMedium2", showBandedRows: true };
    this.tables.push(t);
    return t;
  }

  renameTable(t: TableModel, name: string): void {
    if (typeof name !== "string" || !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || name.length > 255) {
      throw new WorkbookError("InvalidArgument", `"${name}" is not a valid table name: start with a letter or underscore, then letters, digits, underscores or periods, at most 255 characters.`);
    }
    if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || /^[RrCc]$/.test(name)) throw new WorkbookError("InvalidArgument", `"${name}" looks like a cell reference and cannot name a table.`);
    const other = this.table(name);
    if (other && other !== t) throw new WorkbookError("ItemAlreadyExists", `A table named "${other.name}" already exists (table names ignore case).`);
    t.name = name;
  }

  /** Excel's resize: the header stays in its row, the new range overlaps the old one, no other table is touched; calculated columns fill new rows. */
  resizeTable(t: TableModel, b: Block): void {
    if (b.top !== t.block.top) throw new WorkbookError("InvalidArgument", "The header row of a table must remain in the same row when it is resized.");
    if (!layout.blocksOverlap(b, t.block)) throw new WorkbookError("InvalidArgument", "The resized range must overlap the table's current range.");
    if (b.bottom === b.top) throw new WorkbookError("InvalidArgument", "A table with headers needs at least one row below its header.");
    const clash = this.tables.find((x) => x !== t && x.sheet === t.sheet && layout.blocksOverlap(x.block, b));
    if (clash) throw new WorkbookError("InvalidArgument", `A table can't overlap another table: the range overlaps "${clash.name}".`);
    const old = t.block;
    for (let c = b.left; c <= Math.min(b.right, old.right); c++) {
      const only = this.calculatedFormula(t.sheet, { ...old, left: c, right: c });
      if (only) for (let r = old.bottom + 1; r <= b.bottom; r++) this.writeValue(t.sheet, r, c, only);
    }
    t.block = { ...b };
  }

  /**
   * Excel's `TableRowCollection.add` at the end: inserts rows below the table's last row, shifting the cells below the
   * table (in its columns) down; calculated columns fill the new rows.
   */
  addTableRows(t: TableModel, values: unknown[][]): void {
    const count = values.length;
    if (count === 0) throw new WorkbookError("InvalidArgument", "Adding table rows needs at least one row of values.");
    const width = cols(t.block);
    if (values.some((r) => !Array.isArray(r) || r.length !== width)) throw new WorkbookError("InvalidArgument", `Each added row must have ${width} values, one per table column.`);
    this.shiftCells(t.sheet, { top: t.block.bottom + 1, left: t.block.left, bottom: layout.MAX_ROWS - 1, right: t.block.right }, count);
    const old = t.block;
    t.block = { ...old, bottom: old.bottom + count };
    values.forEach((row, i) => row.forEach((v, j) => this.writeValue(t.sheet, old.bottom + 1 + i, old.left + j, v)));
    for (let c = old.left; c <= old.right; c++) {
      const only = this.calculatedFormula(t.sheet, { ...old, left: c, right: c });
      if (only) for (let r = old.bottom + 1; r <= t.block.bottom; r++) this.writeValue(t.sheet, r, c, only);
    }
  }

  /**
   * Excel's `Range.delete("Up")`: removes the cells and moves the cells below them (in the same columns) up. Deleting
   * whole body rows of a table shrinks it; cutting through a table any other way is refused, as Excel refuses it.
   */
  deleteCellsUp(s: SheetModel, b: Block): void {
    for (const t of this.tables.filter((x) => x.sheet === s && layout.blocksOverlap(x.block, b))) {
      const wholeRows = b.left <= t.block.left && b.right >= t.block.right && b.top > t.block.top && b.bottom <= t.block.bottom;
      if (!wholeRows || b.bottom - b.top + 1 >= t.block.bottom - t.block.top) {
        throw new WorkbookError("InvalidOperation", "This operation is not allowed: it would cut through a table. Delete whole table rows, leaving at least one.");
      }
    }
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) s.cells.delete(key(r, c));
    for (const t of this.tables.filter((x) => x.sheet === s && layout.blocksOverlap(x.block, b))) t.block = { ...t.block, bottom: t.block.bottom - rows(b) };
    this.shiftCells(s, { top: b.bottom + 1, left: b.left, bottom: layout.MAX_ROWS - 1, right: b.right }, -rows(b));
  }

  /** Moves every cell of a block (and any table wholly inside its columns) by `by` rows; a table cut by the move is refused. */
  private shiftCells(s: SheetModel, b: Block, by: number): void {
    for (const t of this.tables.filter((x) => x.sheet === s && x.block.top >= b.top && layout.blocksOverlap(x.block, b))) {
      if (t.block.left < b.left || t.block.right > b.right) throw new WorkbookError("InvalidOperation", `This operation is not allowed: it would shift cells of the table "${t.name}" on your worksheet.`);
      t.block = { ...t.block, top: t.block.top + by, bottom: t.block.bottom + by };
    }
    const moved: [number, CellState][] = [];
    for (const [k, cell] of s.cells) {
      const r = Math.floor(k / 16_384);
      const c = k % 16_384;
      if (r >= b.top && r <= b.bottom && c >= b.left && c <= b.right) moved.push([key(r + by, c), cell]);
    }
    if (moved.some(([k]) => Math.floor(k / 16_384) >= layout.MAX_ROWS)) throw new WorkbookError("InvalidOperation", "Cells would be pushed off the end of the worksheet.");
    for (const [k] of moved) s.cells.delete(k - by * 16_384);
    for (const [k, cell] of moved) s.cells.set(k, cell);
  }

  /** The formula every body cell of a one-column block shares (a calculated column), if any. */
  private calculatedFormula(s: SheetModel, column: Block): string | undefined {
    const formulas = new Set<string | undefined>();
    for (let r = column.top + 1; r <= column.bottom; r++) formulas.add(this.cell(s, r, column.left)?.formula);
    const [only] = [...formulas];
    return formulas.size === 1 ? only : undefined;
  }

  /** The smallest block holding every non-empty cell of `b` (values and formulas; with `valuesOnly` false, formatted cells too), or null. */
  usedBlockIn(s: SheetModel, b: Block, valuesOnly: boolean): Block | null {
    let found: Block | null = null;
    for (const [k, cell] of s.cells) {
      const r = Math.floor(k / 16_384);
      const c = k % 16_384;
      if (r < b.top || r > b.bottom || c < b.left || c > b.right) continue;
      if (valuesOnly && cell.value === "" && !cell.formula) continue;
      found = found ? { top: Math.min(found.top, r), left: Math.min(found.left, c), bottom: Math.max(found.bottom, r), right: Math.max(found.right, c) } : { top: r, left: c, bottom: r, right: c };
    }
    return found;
  }

  deleteTable(t: TableModel): void {
    this.tables = this.tables.filter((x) => x !== t);
  }

  addChart(s: SheetModel, type: string, source: { sheet: SheetModel; block: Block }): ChartModel {
    const chart: ChartModel = { id: this.nextId++, name: `Chart ${this.charts.length + 1}`, sheet: s, type, title: "", source, series: [] };
    this.setChartData(chart, source);
    this.charts.push(chart);
    return chart;
  }

  /** Series by columns: the first column holds categories, the first row the series names. */
  setChartData(chart: ChartModel, source: { sheet: SheetModel; block: Block }): void {
    const b = source.block;
    if (b.right <= b.left || b.bottom <= b.top) throw new WorkbookError("InvalidArgument", "Chart data needs a column of categories, at least one series column and a header row.");
    chart.source = source;
    chart.series = [];
    for (let c = b.left + 1; c <= b.right; c++) chart.series.push({ name: String(this.cell(source.sheet, b.top, c)?.value ?? `Series${c - b.left}`), column: c });
  }

  /**
   * Excel's `Application.calculate`. A custom function that is not volatile is called again only by a full
   * calculation: "Recalculate" recalculates formulas whose precedents changed, and a `=SKYNET.*` formula with
   * constant arguments has none, so it keeps its answer; "Full" and "FullRebuild" calculate every formula.
   */
  calculate(type: CalculationType): CalculationRecord {
    if (type !== "Recalculate" && type !== "Full" && type !== "FullRebuild") throw new WorkbookError("InvalidArgument", `"${String(type)}" is not a calculation type (Recalculate, Full, FullRebuild).`);
    const record: CalculationRecord = { type, formulas: 0, functionCalls: 0 };
    if (type !== "Recalculate") {
      for (const s of this.sheets) {
        for (const [k, cell] of [...s.cells]) {
          if (!cell.formula || s.cells.get(k) !== cell) continue;
          record.formulas++;
          if (this.functions && this.calculateCell(s, Math.floor(k / 16_384), k % 16_384, cell)) record.functionCalls++;
        }
      }
    }
    this.calculations.push(record);
    return record;
  }

  /** Calculates one formula cell if it is a `=SKYNET.*` call with constant arguments; returns whether it called a function. */
  private calculateCell(s: SheetModel, row: number, col: number, cell: CellState): boolean {
    const result = evaluateFormula(cell.formula!, this.functions!);
    if (result === null) return false;
    this.clearSpill(s, key(row, col));
    delete cell.errorMessage;
    cell.computed = true;
    if (result.kind === "error") {
      cell.value = result.error;
      cell.errorMessage = result.message;
      return true;
    }
    if (result.kind === "value") {
      cell.value = result.value;
      return true;
    }
    // A spill: the formula's cell holds the top-left value; the cells it covers must be empty, or #SPILL!.
    const { rows } = result;
    const width = Math.max(...rows.map((r) => r.length));
    const blocked: string[] = [];
    rows.forEach((r, i) =>
      Array.from({ length: width }, (_, j) => j).forEach((j) => {
        if (i === 0 && j === 0) return;
        const other = s.cells.get(key(row + i, col + j));
        if (other && other.spillFrom === undefined && (other.formula || other.value !== "")) blocked.push(layout.cellAddress({ row: row + i, col: col + j }));
      }),
    );
    if (blocked.length) {
      cell.value = "#SPILL!";
      cell.errorMessage = `The spill range isn't blank: ${blocked.slice(0, 4).join(", ")}${blocked.length > 4 ? ` and ${blocked.length - 4} more` : ""} hold data.`;
      return true;
    }
    cell.value = rows[0]?.[0] ?? "";
    rows.forEach((r, i) =>
      Array.from({ length: width }, (_, j) => j).forEach((j) => {
        if (i === 0 && j === 0) return;
        const target = s.cells.get(key(row + i, col + j)) ?? { value: "", numberFormat: "General" };
        target.value = r[j] ?? "";
        target.spillFrom = key(row, col);
        s.cells.set(key(row + i, col + j), target);
      }),
    );
    return true;
  }

  /** Empties the cells a formula's earlier result spilled into. */
  private clearSpill(s: SheetModel, from: number): void {
    for (const [k, c] of s.cells) if (c.spillFrom === from) s.cells.delete(k);
  }

  /** What a person typing into a cell does: the same parsing as a written value, and the cell keeps its format. */
  typeIntoCell(sheetName: string, address: string, text: string): void {
    const s = this.sheet(sheetName);
    if (!s) throw new WorkbookError("ItemNotFound", `There is no sheet named "${sheetName}".`);
    const { row, col } = layout.parseCell(address);
    this.writeValue(s, row, col, text);
  }

  /** Selects a cell or range of a sheet and makes the sheet active, as a click in Excel does. */
  select(sheetName: string, address: string): void {
    const s = this.sheet(sheetName);
    if (!s) throw new WorkbookError("ItemNotFound", `There is no sheet named "${sheetName}".`);
    this.selection = { sheet: s, block: layout.parseAddress(address).block };
    this.activeSheet = s;
  }

  /** What `Workbook.getSelectedRange` answers: the selection, or A1 of the active sheet. */
  selectedRange(): { sheet: SheetModel; block: Block } {
    const s = this.activeSheet ?? this.sheets[0]!;
    return this.selection && this.selection.sheet === s && this.sheets.includes(s) ? this.selection : { sheet: s, block: { top: 0, left: 0, bottom: 0, right: 0 } };
  }

  /** The note on a cell (`"B2"` on a sheet), if any. */
  noteAt(sheetName: string, address: string): string | undefined {
    const s = this.sheet(sheetName);
    const { row, col } = layout.parseCell(address);
    return s ? this.notes.get(s)?.get(key(row, col)) : undefined;
  }

  /** The values of a block as Excel's `values` returns them (a formula this double does not calculate reads as its text). */
  readBlock(s: SheetModel, b: Block, what: "values" | "formulas" | "numberFormat"): Scalar[][] {
    const out: Scalar[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const row: Scalar[] = [];
      for (let c = b.left; c <= b.right; c++) {
        const cell = this.cell(s, r, c);
        row.push(what === "numberFormat" ? (cell?.numberFormat ?? "General") : what === "formulas" ? (cell?.formula ?? cell?.value ?? "") : (cell?.value ?? ""));
      }
      out.push(row);
    }
    return out;
  }
}
