// Failures in plain words for the pane: Excel's error codes and the SDK's errors, never a bare stack trace.

const PLAIN: Record<string, string> = {
  RequestPayloadSizeLimitExceeded: "Excel refused a request because it was too large. Nothing after that point was written.",
  InvalidArgument: "Excel refused a change",
  InvalidOperation: "Excel could not do this now",
  ItemNotFound: "Something the add-in needed is no longer in the workbook",
  ItemAlreadyExists: "A sheet or table with that name already exists",
  AccessDenied: "Excel did not allow the change (is the sheet or workbook protected?)",
  InvalidSelection: "Excel could not do this with the current selection",
  GeneralException: "Excel reported an internal error",
  ApiNotFound: "This version of Excel lacks a feature the add-in asked for",
};

/**
 * A failure as one sentence a reader can act on.
 *
 * @example
 * describeFailure({ code: "ItemNotFound", message: "There is no table named \"X\"." })
 * //=> "Something the add-in needed is no longer in the workbook: There is no table named \"X\"."
 */
export function describeFailure(error: unknown): string {
  const e = (error ?? {}) as { code?: unknown; message?: unknown };
  const message = typeof e.message === "string" && e.message ? e.message : String(error);
  const lead = typeof e.code === "string" ? PLAIN[e.code] : undefined;
  if (!lead) return message.endsWith(".") ? message : `${message}.`;
  return lead.endsWith(".") ? lead : `${lead}: ${message}`;
}
