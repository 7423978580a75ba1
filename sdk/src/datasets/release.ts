/**
 * The release `npm run build` compiles from these datasets. Any change to a figure, source or series needs a new
 * version here and a reason beside the change (`changes: [{ release, reason }]`); a removed record is listed in its
 * dataset's `removed` with its reason.
 */
export const RELEASE = { version: "2026.11.1", date: "2026-11-27" };
