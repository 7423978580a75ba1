// The selected cell: read it, write a formula or a value into it, and cite the value's source in a note beside it.
// Nothing an analyst typed is replaced unless they said so for that very content (planWrite).
import type { IsSetSupported } from "./requirements.js";

/** `Workbook.notes` (NoteCollection.add, getItemOrNullObject). */
export const NOTES_EXCEL_API = "1.18";
/** `Workbook.comments` (CommentCollection.add), the fallback for a citation where notes are missing. */
export const COMMENTS_EXCEL_API = "1.10";

/** Where this Excel can put a citation: a note, a comment, or only the pane. */
export type CitationPlace = "note" | "comment" | "pane";

/**
 * The place for a citation in this Excel: a note (ExcelApi 1.18), else a comment (1.10), else the pane.
 * @example
 * citationPlace((name, v = "1.1") => name === "ExcelApi" && Number(v.split(".")[1]) <= 17) //=> "comment"
 */
export function citationPlace(isSetSupported: IsSetSupported): CitationPlace {
  if (isSetSupported("ExcelApi", NOTES_EXCEL_API)) return "note";
  if (isSetSupported("ExcelApi", COMMENTS_EXCEL_API)) return "comment";
  return "pane";
}

/** A range as this module reads and writes it (Excel's Range, or the workbook double's). */
export type CellRange = Pick<Excel.Range, "address" | "rowCount" | "columnCount" | "formulas" | "numberFormat" | "values"> & {
  load(propertyNames: string): unknown;
  getCell(row: number, column: number): CellRange;
};

/** What this module needs of a request context: the selection, notes (ExcelApi 1.18), comments (1.10) and sync. */
export interface SelectionContext {
  readonly workbook: {
    getSelectedRange(): CellRange;
    readonly notes: { add(cellAddress: string, content: string): unknown; getItemOrNullObject(key: string): Pick<Excel.Note, "isNullObject" | "content"> & { load(propertyNames: string): unknown } };
    readonly comments: { add(cellAddress: string, content: string): unknown };
  };
  sync(): Promise<unknown>;
}

/** The selection as the pane sees it. */
export interface SelectedCell {
  /** The selection's address as Excel gives it (`Sheet1!B2`, `Sheet1!B2:C5`). */
  address: string;
  /** How many cells are selected. */
  cells: number;
  /** What the top-left cell holds: its formula, or its value as text; "" when empty. */
  content: string;
}

/** What the pane may do with the selected cell. */
export type WritePlan =
  | { kind: "write" }
  | { kind: "ask"; address: string; content: string; message: string }
  | { kind: "refuse"; message: string };

/** An analyst's yes to replacing exactly this content of exactly this cell. */
export interface Confirmed {
  address: string;
  content: string;
}

/**
 * Whether the pane may write into the selection: one empty cell, or a cell whose present content the analyst agreed
 * to replace; otherwise it asks, or refuses a selection of several cells.
 * @example
 * planWrite({ address: "Sheet1!B2", cells: 1, content: "" }) //=> { kind: "write" }
 * planWrite({ address: "Sheet1!B2", cells: 1, content: "42" }).kind //=> "ask"
 */
export function planWrite(selected: SelectedCell, confirmed?: Confirmed): WritePlan {
  if (selected.cells !== 1) {
    return { kind: "refuse", message: `Select one cell to write into: the selection is ${selected.address} (${selected.cells} cells). Nothing was written.` };
  }
  if (selected.content === "") return { kind: "write" };
  if (confirmed && confirmed.address === selected.address && confirmed.content === selected.content) return { kind: "write" };
  const shown = selected.content.length > 60 ? `${selected.content.slice(0, 57)}…` : selected.content;
  return { kind: "ask", address: selected.address, content: selected.content, message: `${selected.address} is not empty: it holds ${JSON.stringify(shown)}. Replace it?` };
}

/** What to write: a formula, or a value with the words that cite its source. */
export type Insert = { formula: string } | { value: number | string; citation: string };

export type InsertOutcome =
  | { kind: "written"; address: string; written: string; cited: { place: CitationPlace; message: string } | null }
  | { kind: "ask"; address: string; content: string; message: string }
  | { kind: "refused"; message: string };

const textOf = (v: unknown) => (v === null || v === undefined ? "" : String(v));

/** Reads the selection: its address and size, and what its top-left cell holds. */
export async function readSelection(context: SelectionContext): Promise<SelectedCell & { numberFormat: string }> {
  const range = context.workbook.getSelectedRange();
  range.load("address,rowCount,columnCount");
  const top = range.getCell(0, 0);
  top.load("formulas,numberFormat");
  await context.sync();
  return { address: range.address, cells: range.rowCount * range.columnCount, content: textOf(top.formulas[0]?.[0]), numberFormat: textOf(top.numberFormat[0]?.[0]) };
}

/**
 * Writes a formula or a value into the selected cell, if `planWrite` allows it, and cites a value's source in a note
 * (a comment where notes are missing, the pane where both are; an analyst's own note is kept, never replaced).
 */
export async function insertIntoSelection(context: SelectionContext, insert: Insert, options: { isSetSupported: IsSetSupported; confirmed?: Confirmed }): Promise<InsertOutcome> {
  const selected = await readSelection(context);
  const plan = planWrite(selected, options.confirmed);
  if (plan.kind === "refuse") return { kind: "refused", message: plan.message };
  if (plan.kind === "ask") return plan;
  const cell = context.workbook.getSelectedRange().getCell(0, 0);
  if ("formula" in insert) {
    // A cell formatted as text would keep the formula as text; it is empty or agreed to be replaced, so it goes General.
    if (selected.numberFormat === "@") cell.numberFormat = [["General"]];
    cell.formulas = [[insert.formula]];
    await context.sync();
    return { kind: "written", address: selected.address, written: insert.formula, cited: null };
  }
  const place = citationPlace(options.isSetSupported);
  const note = place === "note" ? context.workbook.notes.getItemOrNullObject(selected.address) : null;
  note?.load("content");
  cell.values = [[insert.value]];
  await context.sync();
  const written = String(insert.value);
  if (place === "pane") {
    return { kind: "written", address: selected.address, written, cited: { place, message: `This Excel cannot add notes (ExcelApi ${NOTES_EXCEL_API}) or comments (ExcelApi ${COMMENTS_EXCEL_API}) from an add-in, so the source is cited here only: ${insert.citation}` } };
  }
  if (note && !note.isNullObject) {
    return { kind: "written", address: selected.address, written, cited: { place: "pane", message: `${selected.address} already has a note, kept as it was; the source is cited here only: ${insert.citation}` } };
  }
  try {
    if (place === "note") context.workbook.notes.add(selected.address, insert.citation);
    else context.workbook.comments.add(selected.address, insert.citation);
    await context.sync();
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { kind: "written", address: selected.address, written, cited: { place: "pane", message: `Excel did not add the ${place} (${why}); the source is cited here only: ${insert.citation}` } };
  }
  return {
    kind: "written",
    address: selected.address,
    written,
    cited: place === "note" ? { place, message: `A note on ${selected.address} cites the source.` } : { place, message: `This Excel has no notes from add-ins (ExcelApi ${NOTES_EXCEL_API}), so a comment on ${selected.address} cites the source.` },
  };
}
