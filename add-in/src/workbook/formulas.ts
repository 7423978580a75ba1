// The workbook double's formula engine: Excel's grammar, operators and built-in functions from fast-formula-parser
// (MIT), and the SKYNET.* custom functions called as Excel calls them (in the preview: the wrappers functions.js
// publishes, see functions/published.ts). The workbook (model.ts) decides when a formula is calculated and where its
// answer spills; this module answers one formula.
import FormulaParser, { type Argument, type CellRef, type RangeRef } from "fast-formula-parser";
import { FUNCTION_IDS } from "@skynet-data/sdk";
import type { layout } from "@skynet-data/sdk";
import type { Scalar } from "./model.js";

const { FormulaError, DepParser } = FormulaParser;

export type CalculationType = "Recalculate" | "Full" | "FullRebuild";

/** One calculation: a cell entered or changed, or `Application.calculate`; the formulas it calculated and its custom-function calls. */
export interface CalculationRecord {
  type: CalculationType | "Entered";
  formulas: number;
  functionCalls: number;
}

/** An Excel error value with its words, as a cell shows it (#N/A, #VALUE!, #REF!, #DIV/0!, #NAME?, #SPILL!, ...). */
export interface ErrorValue {
  error: string;
  message: string;
}

/** What a cell can hold once calculated: a value, or an error value with its words. */
export type CellValue = Scalar | ErrorValue;

/** A formula's answer: one value, an array that spills from its cell, an error, or a formula the engine cannot read. */
export type Evaluated =
  | { kind: "value"; value: Scalar }
  | { kind: "spill"; rows: CellValue[][] }
  | { kind: "error"; error: string; message: string }
  | { kind: "unreadable"; message: string };

/** Where a formula is: the sheet's name and the cell, 0-based. */
export interface FormulaAt {
  sheet: string;
  row: number;
  col: number;
}

/** The cells a formula reads, as the workbook holds them. */
export interface CellSource {
  /** A cell's value, null when it is empty, undefined when there is no sheet of that name. */
  cell(sheet: string, row: number, col: number): CellValue | null | undefined;
  /** The last row and column a sheet uses (whole-column references stop there), undefined for no such sheet. */
  extent(sheet: string): { bottom: number; right: number } | undefined;
}

/** A block of cells a formula refers to; `sheet` as the formula names it (sheet names ignore case). */
export interface Reference {
  sheet: string;
  block: layout.Block;
}

/** Calculates formulas: Excel's functions and operators, and the SKYNET.* functions of one function table. */
export interface FormulaCalculator {
  /** A formula's answer and how many custom-function calls it took. */
  evaluate(formula: string, at: FormulaAt, cells: CellSource): { result: Evaluated; calls: number };
  /** The cells a formula refers to, or null when the engine cannot read it. */
  references(formula: string, at: FormulaAt): Reference[] | null;
}

/** A table of custom functions by id: functions.js's wrappers (which throw Excel errors) or the SDK's (which return error values). */
export type FunctionTable = Readonly<Record<string, (...args: any[]) => unknown>>;

/** The words each of Excel's error values carries when the function that gave it said nothing more. */
export const ERROR_WORDS: Readonly<Record<string, string>> = {
  "#DIV/0!": "A number is divided by zero or by an empty cell.",
  "#VALUE!": "A value has the wrong type: text where a number is needed, or a range where one value is needed.",
  "#NAME?": "The formula uses a name the preview does not know: a function it does not calculate, a defined name or a table reference.",
  "#REF!": "The formula refers to a cell or sheet that does not exist.",
  "#NUM!": "A number is out of the range this function accepts.",
  "#N/A": "A value is not available to the formula.",
  "#NULL!": "The ranges do not intersect.",
};

const isErrorValue = (v: unknown): v is ErrorValue => typeof v === "object" && v !== null && typeof (v as ErrorValue).error === "string" && (v as ErrorValue).error.startsWith("#");
const words = (code: string, message: string | undefined): string => (message && message.trim() ? message : (ERROR_WORDS[code] ?? ""));

/** A thrown CustomFunctions.Error (or the preview's Error with the same `code`), as the cell's error value. */
function thrownError(id: string, e: unknown): ErrorValue {
  const code = (e as { code?: unknown })?.code;
  // Read by shape, not instanceof: the error may come from another realm (functions.js in its own script context).
  const said = (e as { message?: unknown })?.message;
  const message = typeof said === "string" ? said : String(e);
  if (typeof code === "string" && code.startsWith("#")) return { error: code, message: words(code, message) };
  // Excel shows #VALUE! for a function that fails; the words say it is a failure, not an answer.
  return { error: "#VALUE!", message: `SKYNET.${id} failed: ${message}` };
}

/** One argument of a SKYNET.* call as Excel hands it to a custom function, or the error the call answers instead. */
function customArgument(id: string, arg: Argument): { value: unknown } | { error: ErrorValue } {
  if (arg.omitted) return { value: null };
  let v = arg.value;
  if (Array.isArray(v)) {
    if (v.length !== 1 || (v[0] as unknown[]).length !== 1) {
      return { error: { error: "#VALUE!", message: `SKYNET.${id} takes one value per argument, not a range of ${v.length} × ${(v[0] as unknown[])?.length ?? 0} cells (the preview does not call a function once per cell of a range).` } };
    }
    v = (v[0] as unknown[])[0];
  }
  if (v instanceof FormulaError) return { error: { error: v.error, message: words(v.error, v.message) } };
  return { value: v === undefined ? null : v };
}

/** A custom function's answer as the engine carries it: arrays with blanks as "", a data-type card as its text. */
function customAnswer(id: string, answer: unknown): unknown {
  if (Array.isArray(answer)) return answer.map((row: unknown[]) => row.map((c) => (c === null || c === undefined ? "" : isErrorValue(c) ? new FormulaError(c.error, words(c.error, c.message)) : c)));
  if (isErrorValue(answer)) return new FormulaError(answer.error, words(answer.error, answer.message));
  if (answer !== null && typeof answer === "object") {
    const card = answer as { type?: unknown; text?: unknown };
    if (card.type === "Entity" && typeof card.text === "string") return card.text;
    return new FormulaError("#VALUE!", `SKYNET.${id} answered something a cell cannot hold.`);
  }
  if (typeof answer === "number" && !Number.isFinite(answer)) return new FormulaError("#NUM!", `SKYNET.${id} answered ${answer}.`);
  return answer === undefined || answer === null ? "" : answer;
}

/** What the engine handed back, as a cell holds it (an empty reference reads as 0, as in Excel). */
function cellValue(v: unknown): CellValue {
  if (v instanceof FormulaError) return { error: v.error, message: words(v.error, v.message) };
  if (v === null || v === undefined) return 0;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return { error: "#VALUE!", message: ERROR_WORDS["#VALUE!"]! };
}

/** The error value of a formula the engine stopped on: a function it does not know, or words from the library. */
function stopped(e: unknown, known: ReadonlySet<string>): Evaluated {
  const details = (e as { details?: unknown })?.details;
  if (details instanceof FormulaError && details.error !== "#ERROR!") {
    const name = /^Function (\S+) is not implemented\.$/.exec(details.message)?.[1];
    if (name && details.error === "#NAME?") {
      const message = /^SKYNET\./i.test(name)
        ? `${name.toUpperCase()} is not a Sky Net Data function. The functions are ${[...known].map((id) => `SKYNET.${id}`).join(", ")}.`
        : `${name.toUpperCase()} is not among the functions the preview calculates (fast-formula-parser's list); Excel may know it.`;
      return { kind: "error", error: "#NAME?", message };
    }
    return { kind: "error", error: details.error, message: words(details.error, details.message) };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { kind: "unreadable", message: `The preview cannot read this formula: ${message.split("\n").filter((l) => l.trim()).at(-1)?.trim() ?? message}` };
}

/**
 * The workbook double's formula calculator over a table of SKYNET.* functions, read afresh at every call (so a release
 * swapped in by the data feed answers at once). A thrown CustomFunctions.Error becomes the cell's error with its
 * message; an error value a pure implementation returns does too; a data-type card shows its text.
 * @example
 * const calc = functionHost(() => publishedFunctions());
 * calc.evaluate("=SKYNET.CAPTURES(2014)*2", { sheet: "Sheet1", row: 0, col: 0 }, cells).result //=> { kind: "value", value: 1360 }
 */
export function functionHost(functions: () => FunctionTable | null | undefined): FormulaCalculator {
  const known = new Set<string>(FUNCTION_IDS);
  // One parser per depth: reading a cell may calculate the formula behind it first, inside this one's calculation.
  const parsers: ReturnType<typeof engine>[] = [];
  let depth = 0;
  const engine = () => {
    const state = { calls: 0, cells: null as CellSource | null, at: { sheet: "", row: 0, col: 0 } as FormulaAt };
    const custom: Record<string, (...args: Argument[]) => unknown> = {};
    for (const id of FUNCTION_IDS) {
      custom[`SKYNET.${id}`] = (...args: Argument[]) => {
        const fn = functions()?.[id];
        if (typeof fn !== "function") return new FormulaError("#NAME?", `SKYNET.${id} is not available on this page: functions.js, which defines the custom functions, has not run.`);
        const values: unknown[] = [];
        for (const arg of args) {
          const a = customArgument(id, arg);
          if ("error" in a) return new FormulaError(a.error.error, a.error.message);
          values.push(a.value);
        }
        state.calls++;
        let answer: unknown;
        try {
          answer = fn(...values);
        } catch (e) {
          const err = thrownError(id, e);
          return new FormulaError(err.error, err.message);
        }
        return customAnswer(id, answer);
      };
    }
    const sheetOf = (ref: { sheet?: string }) => ref.sheet ?? state.at.sheet;
    const read = (sheet: string, row: number, col: number): unknown => {
      const v = state.cells!.cell(sheet, row, col);
      if (v === undefined) return new FormulaError("#REF!", `There is no sheet named "${sheet}".`);
      if (v === null) return null;
      return isErrorValue(v) ? new FormulaError(v.error, words(v.error, v.message)) : v;
    };
    const parser = new FormulaParser({
      functions: custom,
      onCell: (ref: CellRef) => read(sheetOf(ref), ref.row - 1, ref.col - 1),
      onRange: (ref: RangeRef) => {
        const sheet = sheetOf(ref);
        const extent = state.cells!.extent(sheet);
        if (!extent) return [[new FormulaError("#REF!", `There is no sheet named "${sheet}".`)]];
        // A whole-column or whole-row reference stops at the sheet's last used row or column.
        const bottom = Math.max(ref.from.row - 1, Math.min(ref.to.row - 1, extent.bottom));
        const right = Math.max(ref.from.col - 1, Math.min(ref.to.col - 1, extent.right));
        const rows: unknown[][] = [];
        for (let r = ref.from.row - 1; r <= bottom; r++) {
          const row: unknown[] = [];
          for (let c = ref.from.col - 1; c <= right; c++) row.push(read(sheet, r, c));
          rows.push(row);
        }
        return rows;
      },
    });
    // fast-formula-parser answers #VALUE! for a formula that is only a reference to an error cell (`=A1`, A1 #N/A)
    // when arrays may be returned; Excel answers the cell's error. The reference is read here first.
    const internals = parser as unknown as { checkFormulaResult(r: unknown, allowArray?: boolean): unknown; retrieveRef(r: unknown): unknown };
    const check = internals.checkFormulaResult.bind(parser);
    internals.checkFormulaResult = (r, allowArray) => {
      if (allowArray && r !== null && typeof r === "object" && "ref" in r) {
        const read = internals.retrieveRef(r);
        if (read instanceof FormulaError) return read;
      }
      return check(r, allowArray);
    };
    return { state, parser };
  };
  const deps = new DepParser();
  const position = (a: FormulaAt) => ({ sheet: a.sheet, row: a.row + 1, col: a.col + 1 });
  const body = (formula: string) => formula.replace(/^\s*=/, "");

  return {
    evaluate(formula, where, source) {
      const { state, parser } = (parsers[depth] ??= engine());
      state.calls = 0;
      state.cells = source;
      state.at = where;
      depth++;
      let result: Evaluated;
      try {
        const answer = parser.parse(body(formula), position(where), true);
        if (Array.isArray(answer)) {
          const rows = (answer as unknown[][]).map((row) => (Array.isArray(row) ? row : [row]).map(cellValue));
          const only = rows.length === 1 && rows[0]!.length === 1 ? rows[0]![0]! : undefined;
          result = only === undefined ? { kind: "spill", rows } : isErrorValue(only) ? { kind: "error", ...only } : { kind: "value", value: only };
        } else {
          const v = cellValue(answer);
          result = isErrorValue(v) ? { kind: "error", error: v.error, message: v.message } : { kind: "value", value: v };
        }
      } catch (e) {
        result = stopped(e, known);
      } finally {
        depth--;
        state.cells = null;
      }
      return { result, calls: state.calls };
    },
    references(formula, where) {
      try {
        return deps.parse(body(formula), position(where)).map((ref) =>
          "from" in ref
            ? { sheet: ref.sheet ?? where.sheet, block: { top: ref.from.row - 1, left: ref.from.col - 1, bottom: ref.to.row - 1, right: ref.to.col - 1 } }
            : { sheet: ref.sheet ?? where.sheet, block: { top: ref.row - 1, left: ref.col - 1, bottom: ref.row - 1, right: ref.col - 1 } },
        );
      } catch {
        return null;
      }
    },
  };
}
