// A stand-in for Excel's CustomFunctions global: records registrations and carries errors as Excel would.

/** The codes of `CustomFunctions.ErrorCode`, valued as Excel shows them. */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** `CustomFunctions.Error`: an Excel error with an optional message. */
export class StubError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

export type Registered = (...args: unknown[]) => unknown;

/** A fresh stand-in and the map of what was registered through it. */
export function stubCustomFunctions() {
  const registered = new Map<string, Registered>();
  const duplicates: string[] = [];
  const api = {
    Error: StubError,
    ErrorCode,
    associate(id: string, fn: Registered) {
      if (registered.has(id)) duplicates.push(id);
      registered.set(id, fn);
    },
  };
  return { api, registered, duplicates };
}

/** What a call gives in a cell: the value, or the Excel error code and message it threw. */
export function cell(fn: Registered, ...args: unknown[]): { value: unknown } | { error: string; message: string } {
  try {
    return { value: fn(...args) };
  } catch (e) {
    if (e instanceof StubError) return { error: e.code, message: e.message };
    throw e;
  }
}
