// Errors as values: what a custom function answers when it cannot give a figure, with words.

/** The two Excel errors a custom function may carry words with: `#N/A` (no such figure) and `#VALUE!` (bad argument). */
export type FunctionErrorCode = "#N/A" | "#VALUE!";

/**
 * An error as a value: the Excel error code and a message saying what was wrong and what exists instead.
 * `internal` marks a bug inside an implementation (Excel still shows `#VALUE!`): tests fail on it, never accept it.
 */
export interface FunctionError {
  error: FunctionErrorCode;
  message: string;
  internal?: true;
}

/** What every custom-function implementation returns: the answer, or an error value with words. */
export type Answer<T> = T | FunctionError;

/**
 * True when an answer is an error value.
 *
 * @example
 * isFunctionError(CUSTOM_FUNCTIONS.RETURNED(2016)) //=> true (#N/A: only a January–November figure exists)
 * isFunctionError(CUSTOM_FUNCTIONS.RETURNED(2017)) //=> false (1300)
 */
export function isFunctionError(a: unknown): a is FunctionError {
  return typeof a === "object" && a !== null && "error" in a && "message" in a && !Array.isArray(a) && typeof (a as { error: unknown }).error === "string";
}

/** True when an answer reports a bug inside an implementation rather than a bad argument or a missing figure. */
export const isInternalError = (a: unknown): boolean => isFunctionError(a) && a.internal === true;

/** `#N/A` with words on what exists instead. */
export const notAvailable = (message: string): FunctionError => ({ error: "#N/A", message });

/** `#VALUE!` with words on what is accepted. */
export const invalidValue = (message: string): FunctionError => ({ error: "#VALUE!", message });

/** A bad argument inside an implementation. Not an Error: no stack is captured, so a #VALUE! answer stays cheap. */
class BadArgument {
  constructor(readonly message: string) {}
}

/** A bad argument, thrown inside an implementation and turned into `#VALUE!` by `guarded`. */
export const badArgument = (message: string): never => {
  throw new BadArgument(message);
};

/** True for what `badArgument` throws, and for the SDK's own argument errors. */
const isArgumentError = (e: unknown): e is { message: string } =>
  e instanceof BadArgument || (e instanceof Error && e.name === "SkynetError" && (e as { code?: string }).code !== "invalid-data");

/**
 * Runs an implementation so that no exception escapes: a bad argument becomes `#VALUE!` with its words; anything
 * else is a bug, answered as `#VALUE!` that says so and is marked `internal`, so tests can tell the two apart.
 */
export function guarded<A extends unknown[], T>(fn: (...args: A) => Answer<T>): (...args: A) => Answer<T> {
  // Fixed arity, no rest array: the hot path allocates nothing. No implementation takes more than three arguments.
  const f = fn as unknown as (a: unknown, b: unknown, c: unknown) => Answer<T>;
  return ((a?: unknown, b?: unknown, c?: unknown) => {
    try {
      return f(a, b, c);
    } catch (e) {
      if (isArgumentError(e)) return invalidValue(e.message);
      return { error: "#VALUE!", message: `internal error in Sky Net Data (please report it): ${e instanceof Error ? e.message : String(e)}`, internal: true };
    }
  }) as unknown as (...args: A) => Answer<T>;
}
