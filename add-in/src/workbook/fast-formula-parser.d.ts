// The part of fast-formula-parser (MIT, a CommonJS package without types) that workbook/formulas.ts uses.
declare module "fast-formula-parser" {
  /** A cell reference, 1-based; `sheet` as written in the formula (or the formula's own sheet). */
  export interface CellRef {
    sheet?: string;
    row: number;
    col: number;
  }
  export interface RangeRef {
    sheet?: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  /** One argument as a function receives it. */
  export interface Argument {
    value: unknown;
    isArray: boolean;
    omitted?: boolean;
    isRangeRef?: boolean;
    isCellRef?: boolean;
  }
  export class FormulaError extends Error {
    constructor(error: string, msg?: string, details?: unknown);
    /** The Excel error value, e.g. "#N/A". */
    readonly error: string;
    readonly details: unknown;
  }
  export class DepParser {
    constructor(config?: { onVariable?: (name: string, sheet: string) => unknown });
    parse(formula: string, position: CellRef & { sheet: string }): Array<CellRef | RangeRef>;
  }
  export default class FormulaParser {
    constructor(config?: {
      functions?: Record<string, (...args: Argument[]) => unknown>;
      onCell?: (ref: CellRef) => unknown;
      onRange?: (ref: RangeRef) => unknown[][];
      onVariable?: (name: string, sheet: string) => unknown;
    });
    static readonly FormulaError: typeof FormulaError;
    static readonly DepParser: typeof DepParser;
    static readonly MAX_ROW: number;
    static readonly MAX_COLUMN: number;
    parse(formula: string, position: CellRef & { sheet: string }, allowReturnArray?: boolean): unknown;
  }
}
