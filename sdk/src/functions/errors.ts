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
  // No Object.keys: this runs on every error answer of every call.
  return typeof a === "object" && a !== null && "error" in a && "message" in a && !Array.isArray(a) && typeof (a as { error: unknown }).error === "string";
}

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

/** Runs an implementation so that no exception ever escapes: SDK errors and anything unexpected become `#VALUE!`. */
export function guarded<A extends unknown[], T>(fn: (...args: A) => Answer<T>): (...args: A) => Answer<T> {
  // Fixed arity, no rest array: the hot path allocates nothing. No implementation takes more than three arguments.
  const f = fn as unknown as (a: unknown, b: unknown, c: unknown) => Answer<T>;
  return ((a?: unknown, b?: unknown, c?: unknown) => {
    try {
      return f(a, b, c);
    } catch (e) {
      if (e instanceof BadArgument || e instanceof SkynetError) return invalidValue(e.message);
      return invalidValue(`internal error: ${e instanceof Error ? e.message : String(e)}`);
    }
  }) as unknown as (...args: A) => Answer<T>;
}

/** Runs a computation, turning a bad argument into its `#VALUE!` answer (other exceptions pass through). */
export function answerOf<T>(compute: () => T): T | FunctionError {
  try {
    return compute();
  } catch (e) {
    if (e instanceof BadArgument) return invalidValue(e.message);
    throw e;
  }
}

/**
 * A memo of answers keyed by up to two raw Excel arguments, bounded so odd input cannot grow it without end.
 * A bad argument is memoised as its `#VALUE!` answer, so a sheet full of the same typo costs one message.
 */
export class ArgMemo<V> {
  private readonly byFirst = new Map<unknown, Map<unknown, V | FunctionError>>();
  private omitted: V | FunctionError | undefined;
  private size = 0;
  /** `compute` answers a pair the memo has not seen; a bad argument it throws becomes a memoised `#VALUE!`. */
  constructor(
    private readonly compute: (a: unknown, b: unknown) => V,
    private readonly max = 4096,
  ) {}

  get(a: unknown, b: unknown): V | FunctionError {
    if (a == null && b == null) return (this.omitted ??= answerOf(() => this.compute(a, b)));
    const ka = a === undefined || a === "" ? null : a;
    const kb = b === undefined || b === "" ? null : b;
    const inner = this.byFirst.get(ka);
    if (inner !== undefined) {
      const hit = inner.get(kb);
      if (hit !== undefined) return hit;
    }
    const v = answerOf(() => this.compute(a, b));
    const cacheable = (ka === null || typeof ka === "string" || typeof ka === "number") && (kb === null || typeof kb === "string" || typeof kb === "number");
    if (cacheable && this.size < this.max) {
      let m = inner;
      if (m === undefined) this.byFirst.set(ka, (m = new Map()));
      m.set(kb, v);
      this.size++;
    }
    return v;
  }
}
