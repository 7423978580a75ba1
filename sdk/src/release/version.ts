// Release versions at run time: `YYYY.M.N`, compared by their numbers. No schema library.
import { SkynetError } from "../core/errors.js";

// The same rule as the format's ReleaseVersion schema: month 1–12 without a leading zero.
const VERSION = /^(\d{4})\.([1-9]|1[0-2])\.(\d+)$/;

/** True for a release version `YYYY.M.N` (year, month 1–12, then a count from 0), such as `2026.11.0`. */
export function isReleaseVersion(v: unknown): v is string {
  return typeof v === "string" && VERSION.test(v);
}

function parts(v: string, name: string): [number, number, number] {
  if (!isReleaseVersion(v)) throw new SkynetError("invalid-argument", `${name} must be a release version YYYY.M.N such as "2026.11.0", got ${JSON.stringify(v)}`);
  const [, y, m, n] = VERSION.exec(v)!;
  return [Number(y), Number(m), Number(n)];
}

/**
 * Orders two release versions by their numbers: negative when `a` is older, 0 when equal, positive when newer.
 * Throws `SkynetError("invalid-argument")` for anything that is not `YYYY.M.N`. Use it to refuse an older release
 * than the one held.
 *
 * @example
 * compareReleaseVersions("2026.11.0", "2026.11.1") //=> negative
 * compareReleaseVersions("2026.12.0", "2026.9.3") //=> positive (12 > 9, not text order)
 * ["2027.1.0", "2026.11.1"].sort(compareReleaseVersions) //=> ["2026.11.1", "2027.1.0"]
 */
export function compareReleaseVersions(a: string, b: string): number {
  const pa = parts(a, "a");
  const pb = parts(b, "b");
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
  return 0;
}
