import type { ChangeNote } from "../core/schema.js";

/**
 * The change note of a record in release 2026.11.1, spread beside the record (`{ ...o(…), ...in2026111("…") }`):
 * the reason in words, and the record's old id where the change moved it. Notes keep the release they were
 * written for, so this is not RELEASE.version.
 */
export const in2026111 = (reason: string, replaces?: string): { changes: ChangeNote[] } => ({
  changes: [{ release: "2026.11.1", reason, ...(replaces ? { replaces } : {}) }],
});
