// The Excel JavaScript API surface the adapter uses, over a WorkbookModel: queued commands, load + sync, null objects.
import { layout } from "@skynet-data/sdk";
import type { WorkbookContext } from "../excel/office.js";
import type { CalculationType } from "./formulas.js";
import { PAYLOAD_LIMIT, WorkbookError, WorkbookModel, type ChartModel, type SheetModel, type TableModel } from "./model.js";

type Block = layout.Block;
type Target<M> = () => M | null;

interface Command {
  bytes: number;
  run: () => void;
}

/** Resolves once and keeps the object it found, as Excel's proxies keep their identity. */
const memo = <M,>(find: () => M | null | undefined): Target<M> => {
  let found: M | null = null;
  return () => (found ??= find() ?? null);
};

const sizeOf = (v: unknown): number => (v === undefined ? 0 : JSON.stringify(v).length);

/**
 * Every member above ExcelApi 1.1 that this double implements, with the ExcelApi version Microsoft's API reference
 * gives it. A workbook whose Excel lacks that version refuses the call at sync with ApiNotFound, as Excel does.
 */
export const EXCEL_API_OF = {
  "Application.suspendApiCalculationUntilNextSync": "1.6",
  "Workbook.settings": "1.4",
  "SettingCollection.add": "1.4",
  "SettingCollection.getItemOrNullObject": "1.4",
  "Setting.value": "1.4",
  "WorksheetCollection.getItemOrNullObject": "1.4",
  "TableCollection.getItemOrNullObject": "1.4",
  "ChartCollection.getItemOrNullObject": "1.4",
  "Worksheet.visibility (setting it)": "1.2",
  "Worksheet.freezePanes": "1.7",
  "WorksheetFreezePanes.freezeRows": "1.7",
  "Range.hyperlink": "1.7",
  "Range.getUsedRangeOrNullObject": "1.4",
  "RangeFormat.columnWidth": "1.2",
  "Table.worksheet": "1.2",
  "Table.showBandedRows": "1.3",
  "Table.resize": "1.13",
  "TableRowCollection.add (several rows)": "1.4",
  "ChartLineFormat.lineStyle": "1.7",
  "NoteCollection.add": "1.18",
  "NoteCollection.getItemOrNullObject": "1.18",
  "CommentCollection.add": "1.10",
} as const;

export type GatedMember = keyof typeof EXCEL_API_OF;

/** A request context: commands queue until `sync()`, which runs them in order, records the payload and fills loads. */
export class RequestContext implements WorkbookContext {
  readonly workbook: Workbook;
  private queue: Command[] = [];
  private suspendCalculation = false;

  constructor(readonly model: WorkbookModel) {
    this.workbook = new Workbook(this);
  }

  enqueue(bytes: number, run: () => void, member?: GatedMember): void {
    this.queue.push({ bytes: bytes + 24, run: member ? () => (this.check(member), run()) : run });
  }

  /** Throws ApiNotFound when this workbook's Excel lacks the ExcelApi version of `member`. */
  check(member: GatedMember): void {
    const needed = EXCEL_API_OF[member];
    if (this.model.isSetSupported("ExcelApi", needed)) return;
    const have = this.model.requirementSets.ExcelApi ?? "none";
    throw new WorkbookError("ApiNotFound", `The API you are trying to use could not be found: ${member.split(" ")[0]} needs ExcelApi ${needed}, and this Excel has ExcelApi ${have}.`);
  }

  suspendCalculationUntilNextSync(): void {
    this.suspendCalculation = true;
    this.enqueue(40, () => undefined, "Application.suspendApiCalculationUntilNextSync");
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const commands = this.queue;
    this.queue = [];
    const record = { requestBytes: commands.reduce((n, c) => n + c.bytes, 2), responseBytes: 2, calculationSuspended: this.suspendCalculation };
    this.suspendCalculation = false;
    this.model.syncs.push(record);
    if (record.requestBytes > PAYLOAD_LIMIT) throw new WorkbookError("RequestPayloadSizeLimitExceeded", `The request payload (${record.requestBytes} bytes) is over the 5 MB limit.`);
    responseSink = (n) => (record.responseBytes += n);
    try {
      for (const c of commands) c.run();
    } finally {
      responseSink = () => undefined;
    }
    if (record.responseBytes > PAYLOAD_LIMIT) throw new WorkbookError("RequestPayloadSizeLimitExceeded", `The response payload (${record.responseBytes} bytes) is over the 5 MB limit.`);
  }
}

let responseSink: (bytes: number) => void = () => undefined;

type LoadArg = string | string[] | { select?: string | string[] } | undefined;
const propsOf = (arg: LoadArg): string[] => {
  const raw = typeof arg === "string" ? arg : Array.isArray(arg) ? arg.join(",") : (arg?.select ? [arg.select].flat().join(",") : "");
  return raw.split(",").map((p) => p.trim()).filter(Boolean);
};

/** Base of every proxy: properties can be read only after `load` and `sync`, like Excel's PropertyNotLoaded. */
abstract class ClientObject<M> {
  private loaded = new Map<string, unknown>();
  constructor(
    protected readonly ctx: RequestContext,
    protected readonly target: Target<M>,
    private readonly what: string,
    private readonly defaults: string[],
  ) {}

  protected model(): M {
    const m = this.target();
    if (!m) throw new WorkbookError("ItemNotFound", `${this.what} does not exist.`);
    return m;
  }

  protected abstract property(m: M, name: string): unknown;

  load(arg?: LoadArg): this {
    const props = propsOf(arg);
    this.ctx.enqueue(40 + props.join(",").length, () => this.accept(props.length ? props : this.defaults));
    return this;
  }

  /** Fills loaded properties from the model now (part of a sync). */
  accept(props: string[]): void {
    const m = this.target();
    this.loaded.set("isNullObject", m === null);
    if (!m) return;
    for (const p of props) {
      const v = this.property(m, p);
      responseSink(sizeOf(v) + p.length + 4);
      this.loaded.set(p.split("/")[0]!, v);
    }
  }

  protected read(name: string): any {
    if (!this.loaded.has(name)) {
      throw new WorkbookError("PropertyNotLoaded", `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this.loaded.get(name);
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }

  /** The loaded properties, as Excel's proxies serialise. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }

  protected command(bytes: number, run: (m: M) => void, member?: GatedMember): void {
    this.ctx.enqueue(bytes, () => run(this.model()), member);
  }
}

export class Workbook {
  readonly worksheets: WorksheetCollection;
  readonly tables: TableCollection;
  readonly settings: SettingCollection;
  readonly application: { suspendApiCalculationUntilNextSync: () => void; calculate: (calculationType: string) => void };
  readonly notes: NoteCollection;
  readonly comments: CommentCollection;
  constructor(private readonly ctx: RequestContext) {
    this.notes = new NoteCollection(ctx);
    this.comments = new CommentCollection(ctx);
    this.worksheets = new WorksheetCollection(ctx);
    this.tables = new TableCollection(ctx, null);
    this.settings = new SettingCollection(ctx);
    this.application = {
      suspendApiCalculationUntilNextSync: () => ctx.suspendCalculationUntilNextSync(),
      // Application.calculate (ExcelApi 1.1): "Recalculate", "Full" or "FullRebuild" (Excel.CalculationType).
      calculate: (calculationType: string) => ctx.enqueue(sizeOf(calculationType) + 16, () => ctx.model.calculate(calculationType as CalculationType)),
    };
  }
  /** The selected range (ExcelApi 1.1); in this double, the model's selection or A1 of the active sheet. */
  getSelectedRange(): Range {
    return new Range(this.ctx, () => this.ctx.model.selectedRange());
  }
}

/** One cell a note or comment is added to: a Range or an address (`"Sheet1!B2"`, or `"B2"` on the active sheet). */
const oneCell = (ctx: RequestContext, cellAddress: string | Range): { sheet: SheetModel; key: number } => {
  let ref: RangeRef;
  if (typeof cellAddress !== "string") ref = cellAddress.ref();
  else {
    const parsed = layout.parseAddress(cellAddress);
    const s = parsed.sheet === null ? ctx.model.activeSheet : ctx.model.sheet(parsed.sheet);
    if (!s) throw new WorkbookError("InvalidArgument", `"${cellAddress}" names no sheet of this workbook.`);
    ref = { sheet: s, block: parsed.block };
  }
  if (rows(ref.block) * cols(ref.block) !== 1) throw new WorkbookError("InvalidArgument", "The range must be a single cell.");
  return { sheet: ref.sheet, key: ref.block.top * 16_384 + ref.block.left };
};

/** `Workbook.notes` (ExcelApi 1.18): one note per cell. */
export class NoteCollection {
  constructor(private readonly ctx: RequestContext) {}
  add(cellAddress: string | Range, content: string): void {
    this.ctx.enqueue(sizeOf(content) + 16, () => {
      const { sheet, key } = oneCell(this.ctx, cellAddress);
      const notes = this.ctx.model.notes.get(sheet) ?? new Map<number, string>();
      if (notes.has(key)) throw new WorkbookError("InvalidArgument", "The cell already has a note.");
      notes.set(key, String(content));
      this.ctx.model.notes.set(sheet, notes);
    }, "NoteCollection.add");
  }
  getItemOrNullObject(key: string): Note {
    return new Note(this.ctx, () => {
      this.ctx.check("NoteCollection.getItemOrNullObject");
      const cell = oneCell(this.ctx, key);
      const content = this.ctx.model.notes.get(cell.sheet)?.get(cell.key);
      return content === undefined ? null : { content };
    });
  }
}

export class Note extends ClientObject<{ content: string }> {
  constructor(ctx: RequestContext, target: Target<{ content: string }>) {
    super(ctx, target, "The note", ["content"]);
  }
  protected property(n: { content: string }, name: string): unknown {
    if (name === "content") return n.content;
    throw new WorkbookError("InvalidArgument", `Notes have no property '${name}' in this double.`);
  }
  get content(): string {
    return this.read("content");
  }
}

/** `Workbook.comments` (ExcelApi 1.10): this double keeps the first comment of each cell's thread. */
export class CommentCollection {
  constructor(private readonly ctx: RequestContext) {}
  add(cellAddress: string | Range, content: string): void {
    this.ctx.enqueue(sizeOf(content) + 16, () => {
      const { sheet, key } = oneCell(this.ctx, cellAddress);
      const comments = this.ctx.model.comments.get(sheet) ?? new Map<number, string>();
      if (!comments.has(key)) comments.set(key, String(content));
      this.ctx.model.comments.set(sheet, comments);
    }, "CommentCollection.add");
  }
}

export class WorksheetCollection extends ClientObject<WorkbookModel> {
  constructor(ctx: RequestContext) {
    super(ctx, () => ctx.model, "The worksheet collection", ["items/name"]);
  }
  protected property(m: WorkbookModel, name: string): unknown {
    if (!name.startsWith("items")) throw new WorkbookError("InvalidArgument", `Worksheets have no property '${name}' in this double.`);
    const sub = name.split("/").slice(1);
    return m.sheets.map((s) => {
      const p = new Worksheet(this.ctx, () => s);
      p.accept(sub.length ? sub : ["name", "visibility"]);
      return p;
    });
  }
  get items(): Worksheet[] {
    return this.read("items");
  }
  add(name?: string): Worksheet {
    let created: SheetModel | null = null;
    this.command(sizeOf(name), (m) => {
      let n = m.sheets.length + 1;
      while (!name && m.sheet(`Sheet${n}`)) n++;
      created = m.addSheet(name ?? `Sheet${n}`);
    });
    return new Worksheet(this.ctx, () => created);
  }
  getItem(name: string): Worksheet {
    const find = memo(() => this.ctx.model.sheet(name));
    return new Worksheet(this.ctx, () => {
      const s = find();
      if (!s) throw new WorkbookError("ItemNotFound", `There is no sheet named "${name}".`);
      return s;
    });
  }
  getItemOrNullObject(name: string): Worksheet {
    const find = memo(() => this.ctx.model.sheet(name));
    return new Worksheet(this.ctx, () => (this.ctx.check("WorksheetCollection.getItemOrNullObject"), find()));
  }
}

export class Worksheet extends ClientObject<SheetModel> {
  readonly tables: TableCollection;
  readonly charts: ChartCollection;
  private freezePanesProxy: { freezeRows: (count?: number) => void } | null = null;
  constructor(ctx: RequestContext, target: Target<SheetModel>) {
    super(ctx, target, "The worksheet", ["name", "visibility"]);
    this.tables = new TableCollection(ctx, this);
    this.charts = new ChartCollection(ctx, this);
  }
  get freezePanes(): { freezeRows: (count?: number) => void } {
    return (this.freezePanesProxy ??= {
      freezeRows: (count = 1) => {
        this.ctx.enqueue(0, () => undefined, "Worksheet.freezePanes");
        this.command(10, (s) => (s.frozenRows = count), "WorksheetFreezePanes.freezeRows");
      },
    });
  }
  /** The model behind this proxy (for ranges and tables resolved at sync time). */
  resolve(): SheetModel {
    return this.model();
  }
  protected property(s: SheetModel, name: string): unknown {
    if (name === "name") return s.name;
    if (name === "visibility") return s.visibility;
    if (name === "id") return String(s.id);
    throw new WorkbookError("InvalidArgument", `Worksheets have no property '${name}' in this double.`);
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.command(sizeOf(v), (s) => this.ctx.model.renameSheet(s, v));
  }
  get visibility(): SheetModel["visibility"] {
    return this.read("visibility");
  }
  set visibility(v: "Visible" | "Hidden" | "VeryHidden") {
    this.command(sizeOf(v), (s) => {
      if (!["Visible", "Hidden", "VeryHidden"].includes(v)) throw new WorkbookError("InvalidArgument", `"${v}" is not a sheet visibility.`);
      if (v !== "Visible" && this.ctx.model.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0) throw new WorkbookError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      s.visibility = v;
    }, "Worksheet.visibility (setting it)");
  }
  getRange(address?: string): Range {
    return new Range(this.ctx, () => {
      const s = this.target();
      if (!s) return null;
      if (!address) return { sheet: s, block: usedBlock(s) };
      const parsed = layout.parseAddress(address);
      if (parsed.sheet !== null && parsed.sheet.toLowerCase() !== s.name.toLowerCase()) throw new WorkbookError("InvalidArgument", `"${address}" is not on the sheet "${s.name}".`);
      return { sheet: s, block: parsed.block };
    });
  }
  /** One cell by its zero-based row and column (Worksheet.getCell, ExcelApi 1.1). */
  getCell(row: number, column: number): Range {
    return new Range(this.ctx, () => {
      const s = this.target();
      return s && { sheet: s, block: { top: row, left: column, bottom: row, right: column } };
    });
  }
  /** The smallest range holding every used cell (with `valuesOnly`, values and formulas only); A1 on an empty sheet. */
  getUsedRange(valuesOnly = false): Range {
    return new Range(this.ctx, () => {
      const s = this.target();
      if (!s) return null;
      return { sheet: s, block: this.ctx.model.usedBlockIn(s, { top: 0, left: 0, bottom: layout.MAX_ROWS - 1, right: 16_383 }, valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
  activate(): void {
    this.command(10, (s) => (this.ctx.model.activeSheet = s));
  }
  delete(): void {
    this.command(10, (s) => this.ctx.model.deleteSheet(s));
  }
}

const usedBlock = (s: SheetModel): Block => {
  const cells = [...s.cells.keys()].map((k) => [Math.floor(k / 16_384), k % 16_384] as [number, number]);
  if (!cells.length) return { top: 0, left: 0, bottom: 0, right: 0 };
  return { top: Math.min(...cells.map((c) => c[0])), left: Math.min(...cells.map((c) => c[1])), bottom: Math.max(...cells.map((c) => c[0])), right: Math.max(...cells.map((c) => c[1])) };
};

interface RangeRef {
  sheet: SheetModel;
  block: Block;
}

const rows = (b: Block) => b.bottom - b.top + 1;
const cols = (b: Block) => b.right - b.left + 1;

/** Applies a scalar to every cell, or a 2-D array whose shape must match the range exactly (InvalidArgument otherwise). */
const eachCell = (r: RangeRef, v: unknown, what: string, set: (row: number, col: number, x: unknown) => void): void => {
  if (!Array.isArray(v)) {
    for (let i = r.block.top; i <= r.block.bottom; i++) for (let j = r.block.left; j <= r.block.right; j++) set(i, j, v);
    return;
  }
  const wide = v.every((row) => Array.isArray(row) && row.length === cols(r.block));
  if (v.length !== rows(r.block) || !wide) {
    const got = `${v.length}×${Array.isArray(v[0]) ? v[0].length : "?"}`;
    throw new WorkbookError("InvalidArgument", `The ${what} array is ${got} but the range ${layout.blockAddress(r.block)} is ${rows(r.block)}×${cols(r.block)}.`);
  }
  v.forEach((row: unknown[], i) => row.forEach((x, j) => set(r.block.top + i, r.block.left + j, x)));
};

export class Range extends ClientObject<RangeRef> {
  private formatProxy: RangeFormat | null = null;
  constructor(ctx: RequestContext, target: Target<RangeRef>) {
    super(ctx, target, "The range", ["address", "values", "rowCount", "columnCount"]);
  }
  get format(): RangeFormat {
    return (this.formatProxy ??= new RangeFormat(this.ctx, this));
  }
  ref(): RangeRef {
    return this.model();
  }
  protected property(r: RangeRef, name: string): unknown {
    const m = this.ctx.model;
    switch (name) {
      case "address":
        return `${layout.quoteSheetName(r.sheet.name)}!${layout.blockAddress(r.block)}`;
      case "values":
      case "formulas":
      case "numberFormat":
        return m.readBlock(r.sheet, r.block, name);
      case "rowCount":
        return rows(r.block);
      case "columnCount":
        return cols(r.block);
      case "rowIndex":
        return r.block.top;
      case "columnIndex":
        return r.block.left;
      default:
        throw new WorkbookError("InvalidArgument", `Ranges have no property '${name}' in this double.`);
    }
  }
  get address(): string {
    return this.read("address");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get values(): any[][] {
    return this.read("values");
  }
  set values(v: any[][]) {
    this.command(sizeOf(v), (r) => eachCell(r, v, "values", (i, j, x) => this.ctx.model.writeValue(r.sheet, i, j, x)));
  }
  get formulas(): any[][] {
    return this.read("formulas");
  }
  set formulas(v: any[][]) {
    this.command(sizeOf(v), (r) => eachCell(r, v, "formulas", (i, j, x) => this.ctx.model.writeValue(r.sheet, i, j, x)));
  }
  get numberFormat(): any[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: any[][]) {
    this.command(sizeOf(v), (r) => eachCell(r, v, "numberFormat", (i, j, x) => this.ctx.model.setFormat(r.sheet, i, j, x)));
  }
  set hyperlink(v: { address?: string; textToDisplay?: string }) {
    this.command(sizeOf(v), (r) => {
      if (rows(r.block) * cols(r.block) !== 1) throw new WorkbookError("InvalidArgument", "A hyperlink is set on one cell at a time in this double.");
      const cell = this.ctx.model.cell(r.sheet, r.block.top, r.block.left);
      this.ctx.model.writeValue(r.sheet, r.block.top, r.block.left, v.textToDisplay ?? v.address ?? cell?.value ?? "");
      this.ctx.model.cell(r.sheet, r.block.top, r.block.left)!.hyperlink = { ...v };
    }, "Range.hyperlink");
  }
  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this.command(sizeOf(applyTo), (r) => this.ctx.model.clear(r.sheet, r.block, applyTo));
  }
  /** Deletes the cells and moves the cells below up (this double models only "Up"). */
  delete(shift: "Up" | "Left"): void {
    this.command(sizeOf(shift), (r) => {
      if (shift !== "Up") throw new WorkbookError("InvalidArgument", "This double deletes cells upwards only.");
      this.ctx.model.deleteCellsUp(r.sheet, r.block);
    });
  }
  /** The block of the range that holds anything (with `valuesOnly`, values and formulas only), or a null object. */
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return new Range(this.ctx, () => {
      this.ctx.check("Range.getUsedRangeOrNullObject");
      const r = this.target();
      const b = r && this.ctx.model.usedBlockIn(r.sheet, r.block, valuesOnly);
      return r && b ? { sheet: r.sheet, block: b } : null;
    });
  }
  getCell(row: number, column: number): Range {
    return new Range(this.ctx, () => {
      const r = this.target();
      return r && { sheet: r.sheet, block: { top: r.block.top + row, left: r.block.left + column, bottom: r.block.top + row, right: r.block.left + column } };
    });
  }
}

class RangeFormat {
  declare columnWidth: number;
  readonly font: { bold: boolean; italic: boolean; size: number; color: string };
  readonly fill: { color: string };
  constructor(ctx: RequestContext, range: Range) {
    const each = (f: (m: WorkbookModel, s: SheetModel, row: number, col: number) => void) =>
      ctx.enqueue(24, () => {
        const r = range.ref();
        for (let i = r.block.top; i <= r.block.bottom; i++) for (let j = r.block.left; j <= r.block.right; j++) f(ctx.model, r.sheet, i, j);
      });
    const cellOf = (m: WorkbookModel, s: SheetModel, i: number, j: number) => {
      if (!m.cell(s, i, j)) m.setFormat(s, i, j, "General");
      return m.cell(s, i, j)!;
    };
    this.font = {
      set bold(v: boolean) { each((m, s, i, j) => (cellOf(m, s, i, j).bold = v)); },
      set italic(v: boolean) { each((m, s, i, j) => (cellOf(m, s, i, j).italic = v)); },
      set size(v: number) { each((m, s, i, j) => (cellOf(m, s, i, j).fontSize = v)); },
      set color(v: string) { each((m, s, i, j) => (cellOf(m, s, i, j).fontColor = v)); },
    } as RangeFormat["font"];
    this.fill = { set color(v: string) { each((m, s, i, j) => (cellOf(m, s, i, j).fill = v)); } } as RangeFormat["fill"];
    Object.defineProperty(this, "columnWidth", {
      set(v: number) {
        ctx.enqueue(16, () => {
          if (!(v >= 0 && v <= 255 * 7.5)) throw new WorkbookError("InvalidArgument", `A column width of ${v} points is outside 0..${255 * 7.5}.`);
          const r = range.ref();
          for (let j = r.block.left; j <= r.block.right; j++) r.sheet.columnWidths.set(j, v);
        }, "RangeFormat.columnWidth");
      },
    });
  }
}

export class TableCollection extends ClientObject<TableModel[]> {
  constructor(
    ctx: RequestContext,
    private readonly sheet: Worksheet | null,
  ) {
    super(ctx, () => ctx.model.tables.filter((t) => !sheet || t.sheet === sheet.resolve()), "The table collection", ["items/name"]);
  }
  protected property(list: TableModel[], name: string): unknown {
    const sub = name.split("/").slice(1);
    return list.map((t) => {
      const p = new Table(this.ctx, () => t);
      p.accept(sub.length ? sub : ["name"]);
      return p;
    });
  }
  get items(): Table[] {
    return this.read("items");
  }
  add(address: string | Range, hasHeaders: boolean): Table {
    let created: TableModel | null = null;
    this.ctx.enqueue(sizeOf(typeof address === "string" ? address : "range"), () => {
      if (!hasHeaders) throw new WorkbookError("InvalidArgument", "This double only models tables with a header row.");
      let ref: RangeRef;
      if (typeof address !== "string") ref = address.ref();
      else {
        const parsed = layout.parseAddress(address);
        const s = this.sheet ? this.sheet.resolve() : parsed.sheet !== null ? this.ctx.model.sheet(parsed.sheet) : undefined;
        if (!s) throw new WorkbookError("InvalidArgument", `"${address}" names no sheet of this workbook.`);
        if (parsed.sheet !== null && parsed.sheet.toLowerCase() !== s.name.toLowerCase()) throw new WorkbookError("InvalidArgument", `"${address}" is not on the sheet "${s.name}".`);
        ref = { sheet: s, block: parsed.block };
      }
      created = this.ctx.model.addTable(ref.sheet, ref.block);
    });
    return new Table(this.ctx, () => created);
  }
  getItem(name: string): Table {
    const find = memo(() => this.ctx.model.table(name));
    return new Table(this.ctx, () => {
      const t = find();
      if (!t) throw new WorkbookError("ItemNotFound", `There is no table named "${name}".`);
      return t;
    });
  }
  getItemOrNullObject(name: string): Table {
    const find = memo(() => this.ctx.model.table(name));
    return new Table(this.ctx, () => (this.ctx.check("TableCollection.getItemOrNullObject"), find()));
  }
}

export class Table extends ClientObject<TableModel> {
  readonly worksheet: Worksheet;
  readonly rows: TableRowCollection;
  constructor(ctx: RequestContext, target: Target<TableModel>) {
    super(ctx, target, "The table", ["name", "style", "showBandedRows"]);
    this.worksheet = new Worksheet(ctx, () => (ctx.check("Table.worksheet"), this.target()?.sheet ?? null));
    this.rows = new TableRowCollection(ctx, () => this.model());
  }
  protected property(t: TableModel, name: string): unknown {
    if (name === "name") return t.name;
    if (name === "style") return t.style;
    if (name === "showBandedRows") return this.ctx.check("Table.showBandedRows"), t.showBandedRows;
    throw new WorkbookError("InvalidArgument", `Tables have no property '${name}' in this double.`);
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.command(sizeOf(v), (t) => this.ctx.model.renameTable(t, v));
  }
  set style(v: string) {
    this.command(sizeOf(v), (t) => (t.style = v));
  }
  set showBandedRows(v: boolean) {
    this.command(8, (t) => (t.showBandedRows = v), "Table.showBandedRows");
  }
  private part(pick: (b: Block) => Block): Range {
    return new Range(this.ctx, () => {
      const t = this.target();
      return t && { sheet: t.sheet, block: pick(t.block) };
    });
  }
  getRange(): Range {
    return this.part((b) => b);
  }
  getHeaderRowRange(): Range {
    return this.part((b) => ({ ...b, bottom: b.top }));
  }
  getDataBodyRange(): Range {
    return this.part((b) => ({ ...b, top: b.top + 1 }));
  }
  resize(newRange: string | Range): void {
    this.command(sizeOf(typeof newRange === "string" ? newRange : "range"), (t) => {
      const ref = typeof newRange === "string" ? layout.parseAddress(newRange) : { sheet: newRange.ref().sheet.name, block: newRange.ref().block };
      if (ref.sheet !== null && ref.sheet.toLowerCase() !== t.sheet.name.toLowerCase()) throw new WorkbookError("InvalidArgument", "A table cannot be resized onto another sheet.");
      this.ctx.model.resizeTable(t, ref.block);
    }, "Table.resize");
  }
  delete(): void {
    this.command(8, (t) => this.ctx.model.deleteTable(t));
  }
}

/** The rows of a table; this double adds rows at the end only. */
export class TableRowCollection {
  constructor(
    private readonly ctx: RequestContext,
    private readonly table: () => TableModel,
  ) {}
  add(index?: number | null, values?: (string | number | boolean)[][]): void {
    this.ctx.enqueue(sizeOf(values), () => {
      if (index !== undefined && index !== null && index !== -1) throw new WorkbookError("InvalidArgument", "This double adds table rows at the end only.");
      if (values && values.length > 1) this.ctx.check("TableRowCollection.add (several rows)");
      const t = this.table();
      this.ctx.model.addTableRows(t, values ?? [Array.from({ length: t.block.right - t.block.left + 1 }, () => "")]);
    });
  }
}

export class ChartCollection extends ClientObject<ChartModel[]> {
  constructor(
    ctx: RequestContext,
    private readonly sheet: Worksheet,
  ) {
    super(ctx, () => ctx.model.charts.filter((c) => c.sheet === sheet.resolve()), "The chart collection", ["items/name"]);
  }
  protected property(list: ChartModel[], name: string): unknown {
    const sub = name.split("/").slice(1);
    return list.map((c) => {
      const p = new Chart(this.ctx, () => c);
      p.accept(sub.length ? sub : ["name"]);
      return p;
    });
  }
  get items(): Chart[] {
    return this.read("items");
  }
  add(type: string, sourceData: Range, seriesBy: string = "Auto"): Chart {
    let created: ChartModel | null = null;
    this.ctx.enqueue(sizeOf(type) + 40, () => {
      if (seriesBy !== "Columns" && seriesBy !== "Auto") throw new WorkbookError("InvalidArgument", "This double models series by columns only.");
      created = this.ctx.model.addChart(this.sheet.resolve(), type, sourceData.ref());
    });
    return new Chart(this.ctx, () => created);
  }
  getItemOrNullObject(name: string): Chart {
    const find = memo(() => this.ctx.model.charts.find((c) => c.sheet === this.sheet.resolve() && c.name === name));
    return new Chart(this.ctx, () => (this.ctx.check("ChartCollection.getItemOrNullObject"), find()));
  }
}

export class Chart extends ClientObject<ChartModel> {
  readonly title: { text: string };
  readonly legend: Pick<Excel.ChartLegend, "position">;
  readonly series: { getItemAt: (i: number) => ChartSeries };
  constructor(ctx: RequestContext, target: Target<ChartModel>) {
    super(ctx, target, "The chart", ["name", "chartType"]);
    const cmd = (run: (c: ChartModel) => void, member?: GatedMember) => this.command(24, run, member);
    this.title = { set text(v: string) { cmd((c) => (c.title = v)); } } as { text: string };
    this.legend = { set position(v: string) { cmd((c) => (c.legend = v)); } } as Pick<Excel.ChartLegend, "position">;
    this.series = { getItemAt: (i: number) => new ChartSeries(cmd, i) };
  }
  protected property(c: ChartModel, name: string): unknown {
    if (name === "name") return c.name;
    if (name === "chartType") return c.type;
    throw new WorkbookError("InvalidArgument", `Charts have no property '${name}' in this double.`);
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.command(sizeOf(v), (c) => (c.name = v));
  }
  setPosition(startCell: string, endCell?: string): void {
    this.command(sizeOf([startCell, endCell]), (c) => {
      layout.parseCell(startCell);
      if (endCell) layout.parseCell(endCell);
      c.from = startCell;
      c.to = endCell;
    });
  }
  setData(sourceData: Range, seriesBy: string = "Auto"): void {
    this.command(40, (c) => {
      if (seriesBy !== "Columns" && seriesBy !== "Auto") throw new WorkbookError("InvalidArgument", "This double models series by columns only.");
      this.ctx.model.setChartData(c, sourceData.ref());
    });
  }
  delete(): void {
    this.command(8, (c) => (this.ctx.model.charts = this.ctx.model.charts.filter((x) => x !== c)));
  }
}

class ChartSeries {
  readonly format: { fill: { setSolidColor: (color: string) => void }; line: Pick<Excel.ChartLineFormat, "color" | "lineStyle"> };
  constructor(cmd: (run: (c: ChartModel) => void, member?: GatedMember) => void, i: number) {
    const at = (c: ChartModel) => {
      const s = c.series[i];
      if (!s) throw new WorkbookError("InvalidArgument", `The chart "${c.name}" has no series at index ${i} (it has ${c.series.length}).`);
      return s;
    };
    this.format = {
      fill: { setSolidColor: (color: string) => cmd((c) => (at(c).color = color)) },
      line: {
        set color(v: string) { cmd((c) => (at(c).color = v)); },
        set lineStyle(v: string) { cmd((c) => (at(c).lineStyle = v), "ChartLineFormat.lineStyle"); },
      } as Pick<Excel.ChartLineFormat, "color" | "lineStyle">,
    };
  }
}

export class SettingCollection {
  constructor(private readonly ctx: RequestContext) {}
  /** Settings hold JSON values, like Excel's workbook settings. */
  add(key: string, value: unknown): Setting {
    this.ctx.enqueue(sizeOf(key) + sizeOf(value), () => {
      this.ctx.check("Workbook.settings");
      if (!key) throw new WorkbookError("InvalidArgument", "A setting needs a key.");
      this.ctx.model.settings.set(key, JSON.parse(JSON.stringify(value)));
    }, "SettingCollection.add");
    return new Setting(this.ctx, key);
  }
  getItemOrNullObject(key: string): Setting {
    return new Setting(this.ctx, key, () => (this.ctx.check("Workbook.settings"), this.ctx.check("SettingCollection.getItemOrNullObject")));
  }
}

export class Setting extends ClientObject<{ key: string; value: unknown }> {
  constructor(ctx: RequestContext, key: string, check: () => void = () => undefined) {
    super(ctx, () => (check(), ctx.model.settings.has(key) ? { key, value: ctx.model.settings.get(key) } : null), `The setting "${key}"`, ["key", "value"]);
  }
  protected property(s: { key: string; value: unknown }, name: string): unknown {
    if (name === "key") return s.key;
    if (name === "value") return this.ctx.check("Setting.value"), s.value;
    throw new WorkbookError("InvalidArgument", `Settings have no property '${name}'.`);
  }
  get value(): unknown {
    return this.read("value");
  }
}

/**
 * Runs a batch against a workbook model like `Excel.run`: one context, commands left queued at the end are synced.
 */
export async function runOn<T>(model: WorkbookModel, batch: (context: RequestContext) => Promise<T>): Promise<T> {
  const ctx = new RequestContext(model);
  const result = await batch(ctx);
  if (ctx.pending) await ctx.sync();
  return result;
}
