// The in-memory workbook behind the double: sheets of cells, tables, charts and settings, with Excel's rules.
import { layout } from "@skynet-data/sdk";
import type { CalculationRecord, CalculationType, CellSource, CellValue, FormulaCalculator, Reference } from "./formulas.js";
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
  /** A formula this double calculated: `value` holds its result (see formulas.ts). */
  computed?: boolean;
  /** The words of an error value (#N/A, #VALUE!, #SPILL!, ...), as Excel shows them beside the cell. */
  errorMessage?: string;
  /** Why a formula was not calculated: the engine cannot read it (it is shown as written). */
  unreadable?: string;
  /** A formula that reads its own answer (a circular reference): Excel warns; this says so. */
  circular?: boolean;
  /** A formula whose answer is an array: its size, and whether cells in the way keep it from spilling (#SPILL!). */
  spill?: { rows: number; cols: number; blocked: boolean };
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
   * What formulas are calculated with (formulas.ts: Excel's functions and the SKYNET.* custom functions); null: formulas
   * are kept as written and never calculated. The preview and the tests set it.
   */
  functions: FormulaCalculator | null = null;
  /** Every calculation: when a formula was entered, and each `Application.calculate`. */
  calculations: CalculationRecord[] = [];
  /** The selected range (`Workbook.getSelectedRange`); null: A1 of the active sheet. The preview sets it on a click. */
  selection: { sheet: SheetModel; block: Block } | null = null;
  /** Cell notes (ExcelApi 1.18), by sheet then cell key. */
  notes = new Map<SheetModel, Map<number, string>>();
  /** Threaded comments (ExcelApi 1.10), by sheet then cell key: the text of each thread's first comment. */
  comments = new Map<SheetModel, Map<number, string>>();
  private nextId = 1;
  /** Every formula cell with the cells it refers to, by `sheetId:cellKey`; null until first needed or after cells move. */
  private formulaIndex: Map<string, FormulaEntry> | null = null;

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
    this.formulaIndex = null;
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
    const changed: Area[] = [{ sheet: s, block: { top: row, left: col, bottom: row, right: col } }];
    if (c.formula) {
      const spilled = this.clearSpill(s, row, col, c);
      if (spilled) changed.push(spilled);
      this.unindex(s, key(row, col));
    }
    for (const k of CALCULATED) delete c[k];
    c.value = v;
    if (typeof v === "string" && c.numberFormat !== "@") {
      if (v.startsWith("=") && v.length > 1) c.formula = v;
      else if (NUMERIC.test(v.trim())) c.value = Number(v);
    }
    if (!this.functions) return;
    // Entering a formula calculates it, as Excel does; any change recalculates the formulas that depend on the cell.
    if (c.formula) this.index(s, row, col, c);
    const record = this.recalculate(changed, c.formula ? [formulaId(s, key(row, col))] : []);
    if (record.formulas > 0) this.calculations.push({ type: "Entered", ...record });
  }

  setFormat(s: SheetModel, row: number, col: number, f: unknown): void {
    if (f === null) return;
    if (typeof f !== "string") throw new WorkbookError("InvalidArgument", `A number format must be text, not ${JSON.stringify(f)}.`);
    this.cellForWrite(s, row, col).numberFormat = f;
  }

  clear(s: SheetModel, b: Block, applyTo: string): void {
    const changed: Area[] = [{ sheet: s, block: b }];
    for (let r = b.top; r <= b.bottom; r++) {
      for (let c = b.left; c <= b.right; c++) {
        const cell = s.cells.get(key(r, c));
        if (!cell) continue;
        if (cell.formula && applyTo !== "Formats") {
          const spilled = this.clearSpill(s, r, c, cell);
          if (spilled) changed.push(spilled);
          this.unindex(s, key(r, c));
        }
        if (applyTo === "All") s.cells.delete(key(r, c));
        else if (applyTo === "Formats") Object.assign(cell, { numberFormat: "General", bold: undefined, italic: undefined, fontSize: undefined, fontColor: undefined, fill: undefined });
        else {
          cell.value = "";
          delete cell.formula;
          for (const k of CALCULATED) delete cell[k];
          delete cell.hyperlink;
        }
      }
    }
    if (this.functions && applyTo !== "Formats") {
      const record = this.recalculate(changed, []);
      if (record.formulas > 0) this.calculations.push({ type: "Entered", ...record });
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
    this.formulaIndex = null;
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
    // Moved formulas keep their text (Excel would rewrite their references); the index is rebuilt when next needed.
    if (moved.some(([, cell]) => cell.formula)) this.formulaIndex = null;
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
   * Excel's `Application.calculate`. "Recalculate" calculates the formulas whose precedents changed since they were
   * last calculated, and the volatile ones (NOW, TODAY, RAND, RANDBETWEEN) with what depends on them: this double
   * recalculates dependents as each cell changes, so nothing else is left to do, and a non-volatile custom function
   * with constant arguments keeps its answer. "Full" and "FullRebuild" calculate every formula.
   */
  calculate(type: CalculationType): CalculationRecord {
    if (type !== "Recalculate" && type !== "Full" && type !== "FullRebuild") throw new WorkbookError("InvalidArgument", `"${String(type)}" is not a calculation type (Recalculate, Full, FullRebuild).`);
    let done = { formulas: 0, functionCalls: 0 };
    if (this.functions) {
      const entries = [...this.formulas().values()];
      const seeds = type === "Recalculate" ? entries.filter((e) => VOLATILE.test(e.cell.formula ?? "")) : entries;
      if (seeds.length) done = this.recalculate([], seeds.map((e) => e.id));
    } else if (type !== "Recalculate") {
      for (const sh of this.sheets) for (const c of sh.cells.values()) if (c.formula) done.formulas++;
    }
    const record: CalculationRecord = { type, ...done };
    this.calculations.push(record);
    return record;
  }

  /** Every formula cell with what it refers to (built from the cells when first needed). */
  private formulas(): Map<string, FormulaEntry> {
    if (!this.formulaIndex) {
      this.formulaIndex = new Map();
      for (const sh of this.sheets) for (const [k, c] of sh.cells) if (c.formula) this.index(sh, Math.floor(k / 16_384), k % 16_384, c);
    }
    return this.formulaIndex;
  }

  private index(s: SheetModel, row: number, col: number, cell: CellState): void {
    if (!this.formulaIndex) return;
    const refs = this.functions!.references(cell.formula!, { sheet: s.name, row, col }) ?? [];
    const id = formulaId(s, key(row, col));
    this.formulaIndex.set(id, { id, sheet: s, row, col, cell, refs: refs.map((r) => ({ sheet: r.sheet.toLowerCase(), block: r.block })) });
  }

  private unindex(s: SheetModel, k: number): void {
    this.formulaIndex?.delete(formulaId(s, k));
  }

  /** The cells a formula's answer occupies: its own, and the block it spills into (or would, when blocked). */
  private outputOf(e: FormulaEntry): Area {
    const sp = e.cell.spill;
    return { sheet: e.sheet, block: { top: e.row, left: e.col, bottom: e.row + (sp ? sp.rows - 1 : 0), right: e.col + (sp ? sp.cols - 1 : 0) }, from: e.id };
  }

  /** The formulas to calculate after `changed` cells changed: those that read them, those whose spill they are in the way of, and so on. */
  private dependents(changed: Area[], seeds: string[]): Map<string, FormulaEntry> {
    const all = this.formulas();
    const found = new Map<string, FormulaEntry>();
    const work = [...changed];
    for (const id of seeds) {
      const e = all.get(id);
      if (e && !found.has(id)) {
        found.set(id, e);
        work.push(this.outputOf(e));
      }
    }
    while (work.length) {
      const area = work.pop()!;
      const name = area.sheet.name.toLowerCase();
      for (const e of all.values()) {
        if (found.has(e.id) || e.id === area.from) continue;
        const reads = e.refs.some((r) => r.sheet === name && layout.blocksOverlap(r.block, area.block));
        const inTheWay = !reads && e.cell.spill !== undefined && e.sheet === area.sheet && layout.blocksOverlap(this.outputOf(e).block, area.block);
        if (reads || inTheWay) {
          found.set(e.id, e);
          work.push(this.outputOf(e));
        }
      }
    }
    return found;
  }

  /**
   * Calculates the formulas that depend on `changed` cells (and `seeds`), each once, a formula's precedents before it:
   * reading a cell whose formula is still to be calculated calculates that formula first.
   */
  private recalculate(changed: Area[], seeds: string[]): { formulas: number; functionCalls: number } {
    const done = { formulas: 0, functionCalls: 0 };
    let pending = this.dependents(changed, seeds);
    // A spill that grows reaches cells no dependent was found for: those are looked at again (a few rounds at most).
    for (let round = 0; pending.size > 0 && round < 8; round++) {
      const grown: Area[] = [];
      const busy = new Set<string>();
      const run = (e: FormulaEntry) => {
        pending.delete(e.id);
        busy.add(e.id);
        const before = this.outputOf(e).block;
        const cell = e.cell;
        if (cell.formula && this.cell(e.sheet, e.row, e.col) === cell) {
          done.formulas++;
          done.functionCalls += this.calculateCell(e, cell, source);
          const after = this.outputOf(e).block;
          if (after.bottom > before.bottom || after.right > before.right) grown.push({ sheet: e.sheet, block: after, from: e.id });
        }
        busy.delete(e.id);
      };
      // Before a cell is read: the formula in it, or the one spilling into it, is calculated first if it is pending.
      const fresh = (s: SheetModel, row: number, col: number) => {
        const c = s.cells.get(key(row, col));
        const owner = c?.formula ? formulaId(s, key(row, col)) : c?.spillFrom !== undefined ? formulaId(s, c.spillFrom) : undefined;
        if (owner !== undefined) {
          if (busy.has(owner)) return "circular";
          const e = pending.get(owner);
          if (e) run(e);
        }
        return "ok";
      };
      const source: CellSource = {
        cell: (name, row, col) => {
          const s = this.sheet(name);
          if (!s) return undefined;
          if (fresh(s, row, col) === "circular") {
            const reader = [...busy].at(-1)!;
            const [sid, k] = reader.split(":").map(Number) as [number, number];
            const at = this.sheets.find((x) => x.id === sid)?.cells.get(k);
            if (at) at.circular = true;
            return 0;
          }
          const c = s.cells.get(key(row, col));
          if (!c || (c.value === "" && !c.formula)) return null;
          return c.errorMessage !== undefined ? { error: String(c.value), message: c.errorMessage } : c.value;
        },
        extent: (name) => {
          const s = this.sheet(name);
          if (!s) return undefined;
          let bottom = 0;
          let right = 0;
          for (const k of s.cells.keys()) {
            bottom = Math.max(bottom, Math.floor(k / 16_384));
            right = Math.max(right, k % 16_384);
          }
          return { bottom, right };
        },
      };
      while (pending.size) run(pending.values().next().value!);
      pending = grown.length ? this.dependents(grown, []) : pending;
    }
    return done;
  }

  /** Calculates one formula cell and lays out its answer (a value, an error with its words, or a spill); returns its custom-function calls. */
  private calculateCell(e: FormulaEntry, cell: CellState, cells: CellSource): number {
    const { sheet: s, row, col } = e;
    delete cell.circular;
    const { result, calls } = this.functions!.evaluate(cell.formula!, { sheet: s.name, row, col }, cells);
    this.clearSpill(s, row, col, cell);
    for (const k of CALCULATED) if (k !== "circular") delete cell[k];
    if (cell.circular) {
      // Excel answers 0 for a formula that reads its own answer, and warns.
      cell.computed = true;
      cell.value = 0;
      return calls;
    }
    if (result.kind === "unreadable") {
      cell.value = cell.formula!;
      cell.unreadable = result.message;
      return calls;
    }
    cell.computed = true;
    if (result.kind !== "spill") {
      setResult(cell, result.kind === "error" ? result : result.value);
      return calls;
    }
    // A spill: the formula's cell holds the top-left value; the cells it covers must be empty, or #SPILL!.
    const { rows } = result;
    const width = Math.max(...rows.map((r) => r.length));
    cell.spill = { rows: rows.length, cols: width, blocked: false };
    const blocked: string[] = [];
    for (let i = 0; i < rows.length; i++) {
      for (let j = 0; j < width; j++) {
        if (i === 0 && j === 0) continue;
        const other = s.cells.get(key(row + i, col + j));
        const inTheWay = other && (other.spillFrom !== undefined ? other.spillFrom !== key(row, col) : other.formula || other.value !== "");
        if (inTheWay) blocked.push(layout.cellAddress({ row: row + i, col: col + j }));
      }
    }
    if (blocked.length) {
      cell.spill.blocked = true;
      setResult(cell, { error: "#SPILL!", message: `The spill range isn't blank: ${blocked.slice(0, 4).join(", ")}${blocked.length > 4 ? ` and ${blocked.length - 4} more` : ""} hold data.` });
      return calls;
    }
    setResult(cell, rows[0]?.[0] ?? "");
    for (let i = 0; i < rows.length; i++) {
      for (let j = 0; j < width; j++) {
        if (i === 0 && j === 0) continue;
        const target = s.cells.get(key(row + i, col + j)) ?? { value: "", numberFormat: "General" };
        setResult(target, rows[i]![j] ?? "");
        target.spillFrom = key(row, col);
        s.cells.set(key(row + i, col + j), target);
      }
    }
    return calls;
  }

  /** Empties the cells a formula's earlier answer spilled into; returns that block, if it spilled. */
  private clearSpill(s: SheetModel, row: number, col: number, cell: CellState): Area | null {
    const sp = cell.spill;
    if (!sp) return null;
    const from = key(row, col);
    for (let i = 0; i < sp.rows; i++) {
      for (let j = 0; j < sp.cols; j++) {
        const k = key(row + i, col + j);
        if (s.cells.get(k)?.spillFrom === from) s.cells.delete(k);
      }
    }
    return { sheet: s, block: { top: row, left: col, bottom: row + sp.rows - 1, right: col + sp.cols - 1 } };
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

/** Cells of one sheet, for the dependency search. */
interface Area {
  sheet: SheetModel;
  block: Block;
  /** The formula whose answer these cells are (it does not depend on itself). */
  from?: string;
}

/** A formula cell and the cells it refers to (sheet names in lower case). */
interface FormulaEntry {
  id: string;
  sheet: SheetModel;
  row: number;
  col: number;
  cell: CellState;
  refs: Reference[];
}

const formulaId = (s: SheetModel, k: number): string => `${s.id}:${k}`;

/** What a calculation leaves on a cell, cleared when the cell is written or calculated again. */
const CALCULATED = ["computed", "errorMessage", "unreadable", "circular", "spill", "spillFrom"] as const;

/** Excel's volatile functions among those the engine knows: calculated again by every recalculation. */
const VOLATILE = /\b(NOW|TODAY|RAND|RANDBETWEEN)\s*\(/i;

/** Puts a calculated value or error value into a cell. */
function setResult(cell: CellState, v: CellValue): void {
  if (typeof v === "object") {
    cell.value = v.error;
    cell.errorMessage = v.message;
  } else {
    cell.value = v;
    delete cell.errorMessage;
  }
}
