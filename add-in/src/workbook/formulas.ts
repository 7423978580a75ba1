// The workbook double's formula evaluator: enough of Excel to calculate `=SKYNET.X(args)` with constant arguments
// (numbers, "text", TRUE/FALSE, omitted), by calling the custom functions. Any other formula (cell references, nested
// calls, operators) is left as written: a fuller formula engine is not this double's job.
import type { Scalar } from "./model.js";

/** What a formula's function call returns: a value, a table that spills, or an Excel error with its words. */
export type FunctionResult = Scalar | Scalar[][] | { error: string; message: string };

/** Calls a custom function by its id (`CAPTURES`) with the formula's constant arguments (null where omitted). */
export type FunctionHost = (id: string, args: (Scalar | null)[]) => FunctionResult;

export type CalculationType = "Recalculate" | "Full" | "FullRebuild";

/** One calculation: a formula entered, or `Application.calculate`; how many formulas it went through and how many custom-function calls it made. */
export interface CalculationRecord {
  type: CalculationType | "Entered";
  formulas: number;
  functionCalls: number;
}

export type Evaluated = { kind: "value"; value: Scalar } | { kind: "spill"; rows: Scalar[][] } | { kind: "error"; error: string; message: string };

const CALL = /^=\s*SKYNET\.([A-Za-z_][A-Za-z0-9_]*)\s*\(([\s\S]*)\)\s*$/i;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The function id and constant arguments of a `=SKYNET.X(...)` formula, or null for any other formula.
 * @example
 * parseSkynetCall('=SKYNET.CAPTURES(2014, "SPP")') //=> { id: "CAPTURES", args: [2014, "SPP"] }
 * parseSkynetCall("=SKYNET.TREATIES_IN_FORCE(,)") //=> { id: "TREATIES_IN_FORCE", args: [null, null] }
 * parseSkynetCall("=SKYNET.CAPTURES(A1)") //=> null
 */
export function parseSkynetCall(formula: string): { id: string; args: (Scalar | null)[] } | null {
  const m = CALL.exec(formula);
  if (!m) return null;
  const inner = m[2]!;
  const args: (Scalar | null)[] = [];
  let i = 0;
  if (inner.trim() === "") return { id: m[1]!.toUpperCase(), args };
  for (;;) {
    while (inner[i] === " ") i++;
    if (inner[i] === '"') {
      let text = "";
      i++;
      for (;;) {
        if (i >= inner.length) return null;
        if (inner[i] === '"') {
          if (inner[i + 1] === '"') {
            text += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += inner[i++];
      }
      args.push(text);
    } else {
      const end = inner.indexOf(",", i);
      const token = (end < 0 ? inner.slice(i) : inner.slice(i, end)).trim();
      i = end < 0 ? inner.length : end;
      if (token === "") args.push(null);
      else if (NUMBER.test(token)) args.push(Number(token));
      else if (/^(TRUE|FALSE)$/i.test(token)) args.push(token.toUpperCase() === "TRUE");
      else return null;
    }
    while (inner[i] === " ") i++;
    if (i >= inner.length) return { id: m[1]!.toUpperCase(), args };
    if (inner[i] !== ",") return null;
    i++;
    if (i >= inner.length) {
      args.push(null);
      return { id: m[1]!.toUpperCase(), args };
    }
  }
}

/** A formula's result, or null when it is not a `=SKYNET.*` call with constant arguments (it is left as written). */
export function evaluateFormula(formula: string, functions: FunctionHost): Evaluated | null {
  const call = parseSkynetCall(formula);
  if (!call) return null;
  let result: FunctionResult;
  try {
    result = functions(call.id, call.args);
  } catch (e) {
    return { kind: "error", error: "#VALUE!", message: e instanceof Error ? e.message : String(e) };
  }
  if (Array.isArray(result)) return result.length === 1 && result[0]!.length === 1 ? { kind: "value", value: result[0]![0]! } : { kind: "spill", rows: result };
  if (typeof result === "object" && result !== null) return { kind: "error", error: result.error, message: result.message };
  return { kind: "value", value: result };
}

type AnyFunctions = Readonly<Record<string, (...args: any[]) => unknown>>;

/**
 * A FunctionHost over the custom functions' pure implementations (`functionsFor(catalog)`): an error value becomes the
 * cell's error with its words, a data-type card shows its text (as a cell shows a card), a blank spilled cell is empty.
 * @example
 * functionHost(functionsFor(catalog))("CAPTURES", [2014]) //=> 680
 */
export function functionHost(functions: () => AnyFunctions): FunctionHost {
  return (id, args) => {
    const fn = functions()[id];
    if (typeof fn !== "function") return { error: "#NAME?", message: `SKYNET.${id} is not a Sky Net Data function.` };
    const answer = fn(...args) as unknown;
    if (Array.isArray(answer)) return answer.map((row: unknown[]) => row.map((c) => (c === null || c === undefined ? "" : (c as Scalar))));
    if (answer !== null && typeof answer === "object") {
      const a = answer as { error?: unknown; message?: unknown; type?: unknown; text?: unknown };
      if (typeof a.error === "string") return { error: a.error, message: String(a.message ?? "") };
      if (a.type === "Entity" && typeof a.text === "string") return a.text;
      return { error: "#VALUE!", message: `SKYNET.${id} answered something a cell cannot hold.` };
    }
    return answer as Scalar;
  };
}
