// Loading a release at run time: a hash check and a plain read, no schema library. Full validation lives in
// `@skynet-data/sdk/authoring` (validateRelease), for whoever wants it off the hot path.
import { canonicalJson } from "../core/canonical.js";
import { computeIndexes, lazyCatalog, type Catalog, type ReleaseInfo } from "../core/catalog.js";
import { SkynetError } from "../core/errors.js";
import { sha256Hex } from "../core/sha256.js";
import { RELEASE_FORMAT } from "./constants.js";
import type { Release } from "./format.js";

const fail = (message: string): never => {
  throw new SkynetError("invalid-release", message);
};

/** The release read from text or an already parsed object, checked for shape and hash; throws with words. */
export function readRelease(json: string | unknown): Release {
  let doc: unknown = json;
  if (typeof json === "string") {
    try {
      doc = JSON.parse(json);
    } catch (e) {
      const head = json.trimStart().slice(0, 1);
      fail(head === "<" ? "this is not a release: it is an HTML page, not JSON (is the data address right?)" : `this is not a release: its JSON does not parse (${e instanceof Error ? e.message : String(e)}); the file may be truncated`);
    }
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) return fail("this is not a release: a release is a JSON object");
  const r = doc as Partial<Release> & { format?: unknown };
  if (typeof r.format !== "number") return fail("this is not a release: it has no format number");
  if (r.format > RELEASE_FORMAT) return fail(`release format ${r.format} is newer than this version of Sky Net Data reads (format ${RELEASE_FORMAT}): update the add-in or the SDK`);
  if (r.format !== RELEASE_FORMAT) return fail(`release format ${r.format} is not one this version reads (format ${RELEASE_FORMAT})`);
  for (const key of ["version", "date", "hash"] as const) if (typeof r[key] !== "string") fail(`this is not a release: "${key}" is missing`);
  if (!r.data || !Array.isArray(r.data.datasets) || !Array.isArray(r.data.sources)) fail(`release ${r.version} has no datasets or sources`);
  if (!r.indexes || !r.answers || !r.changelog) fail(`release ${r.version} is incomplete: its indexes, answer tables or changelog are missing`);
  const { hash, ...body } = r as Release;
  const actual = sha256Hex(canonicalJson(body));
  if (actual !== hash) fail(`release ${r.version} does not match its hash: it was altered or damaged after it was published (says ${hash.slice(0, 12)}…, content gives ${actual.slice(0, 12)}…)`);
  return r as Release;
}

/**
 * A catalogue over a release already read (or the functions' view of one, whose indexes it computes), with its answer
 * tables and what it says of itself. Lazy: the records, the indexes and the changelog are first read when asked for,
 * so a release whose `data`, `answers` and `changelog` are getters over text not yet parsed stays unparsed until then.
 */
export function catalogOfRelease(release: Omit<Release, "indexes"> & { indexes?: Release["indexes"] }): Catalog {
  const { hash, format, version, date, previous } = release;
  const info: ReleaseInfo = {
    format,
    version,
    date,
    previous,
    hash,
    get changelog() {
      return release.changelog;
    },
  };
  return lazyCatalog(info, () => ({ datasets: release.data.datasets, sources: release.data.sources, indexes: release.indexes ?? computeIndexes(release.data.datasets), answers: release.answers }));
}

/**
 * A catalogue built from any release: its text or parsed JSON. The release is checked against its hash and its
 * format; a tampered, truncated or newer-format release is refused with a `SkynetError("invalid-release")` in words.
 *
 * @example
 * const catalog = loadRelease(await (await fetch("https://example.org/data/releases/2026.11.0.json")).text());
 * catalog.release?.version //=> "2026.11.0"
 * functionsFor(catalog).CAPTURES(2014) //=> 680
 */
export function loadRelease(json: string | unknown): Catalog {
  return catalogOfRelease(readRelease(json));
}
