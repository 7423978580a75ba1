import { z } from "zod";
import { SkynetError } from "../core/errors.js";

/** The two Excel errors a custom function may carry words with: `#N/A` (no such figure) and `#VALUE!` (bad argument). */
export const FunctionErrorCode = z.enum(["#N/A", "#VALUE!"]);
export type FunctionErrorCode = z.infer<typeof FunctionErrorCode>;

/** An error as a value: the Excel error code and a message saying what was wrong and what exists instead. */
export const FunctionError = z.object({ error: FunctionErrorCode, message: z.string().min(1) }).strict();
export type FunctionError = z.infer<typeof FunctionError>;

/** What every custom-function implementation returns: the answer, or an error value with words. */
export type Answer<T> = T | FunctionError;

/**
 * True when an answer is an error value.
 *
 * @example
 * isFunctionError(returned(2016)) //=> true (#N/A: only a January–November figure exists)
 * isFunctionError(returned(2015)) //=> false (1023)
 */
export function isFunctionError(a: unknown): a is FunctionError {
  return typeof a === "object" && a !== null && !Array.isArray(a) && "error" in a && "message" in a && Object.keys(a).length === 2;
}

/** `#N/A` with words on what exists instead. */
export const notAvailable = (message: string): FunctionError => ({ error: "#N/A", message });

/** `#VALUE!` with words on what is accepted. */
export const invalidValue = (message: string): FunctionError => ({ error: "#VALUE!", message });

/** A bad argument, thrown inside an implementation and turned into `#VALUE!` by `guarded`. */
export const badArgument = (message: string): never => {
  throw new SkynetError("invalid-argument", message);
};

/** Runs an implementation so that no exception ever escapes: SDK errors and anything unexpected become `#VALUE!`. */
export function guarded<A extends unknown[], T>(fn: (...args: A) => Answer<T>): (...args: A) => Answer<T> {
  return (...args: A) => {
    try {
      return fn(...args);
    } catch (e) {
      if (e instanceof SkynetError) return invalidValue(e.message);
      return invalidValue(`internal error: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}
