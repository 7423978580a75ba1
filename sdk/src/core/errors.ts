/**
 * What went wrong, as a stable code a caller can branch on. `unreachable`: a release could not be downloaded (offline,
 * connection refused, an HTTP error, a server slower than the time allowed); `invalid-release`: it was downloaded but
 * is not a release this SDK may load (HTML, truncated, altered, wrongly signed, a newer format).
 */
export type SkynetErrorCode = "invalid-argument" | "unknown-series" | "unknown-dataset" | "unknown-source" | "invalid-data" | "invalid-release" | "unreachable";

/**
 * The one error type the SDK throws: a bad argument or invalid data, with a message that names what is accepted.
 *
 * @example
 * try { getSeries("fox-hunt.catpured") } catch (e) { e instanceof SkynetError && e.code } //=> "unknown-series"
 */
export class SkynetError extends Error {
  override readonly name = "SkynetError";
  constructor(
    readonly code: SkynetErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Lists accepted values for an error message, the closest ones first when `near` is given. */
export function listAccepted(values: readonly string[], near?: string, max = 12): string {
  let list = [...values];
  if (near) {
    const n = near.toLowerCase();
    const score = (v: string) => (v.startsWith(n.split(".")[0] ?? "") ? 0 : 1) + (v.includes(n) ? -1 : 0);
    list = list.sort((a, b) => score(a) - score(b));
  }
  const shown = list.slice(0, max).map((v) => `"${v}"`).join(", ");
  return list.length > max ? `${shown} (and ${list.length - max} more)` : shown;
}
