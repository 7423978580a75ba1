// Vintages: what each release in a chain said of one figure, and why it changed. The pure implementation behind
// SKYNET.REVISIONS; no fetching here (fetch.ts's fetchHistory downloads and verifies a chain).
//
// Design: the release format is unchanged. A release already names the release it follows ({ version, hash }) and
// lists what changed since, field by field, with reasons; the values of every earlier release are in the earlier
// release documents. So a history is the chain of release documents themselves, checked link by link, and a figure's
// vintage in a release is exactly what SKYNET.FIGURE answered in that release; its reason is read from that release's
// changelog.
import { canonicalJson } from "../core/canonical.js";
import type { Catalog, FigureQuery, FigureResult } from "../core/catalog.js";
import { SkynetError } from "../core/errors.js";
import type { Observation } from "../core/schema.js";
import { textArg } from "../functions/args.js";
import { guarded, notAvailable, type Answer } from "../functions/errors.js";
import { periodArg } from "../functions/figure.js";
import { citation, seriesArg, type Spill } from "../functions/spills.js";
import { missing } from "../functions/words.js";
import type { Changelog, Release } from "./format.js";
import { catalogOfRelease, readRelease } from "./load.js";
import { compareReleaseVersions } from "./version.js";

/** A chain of releases, oldest first, each following the one before it (its `previous` names that one's version and hash). */
export interface ReleaseHistory {
  readonly catalogs: readonly Catalog[];
}

const isCatalog = (x: unknown): x is Catalog => typeof x === "object" && x !== null && typeof (x as Catalog).figure === "function";
const short = (hash: string) => `${hash.slice(0, 12)}…`;

/**
 * The history of a chain of releases: release documents (text, parsed JSON, or catalogues already loaded), in any
 * order. Each text or document is checked against its hash (`readRelease`). They are put in version order, and each
 * must follow the one before it; a gap or a release that names another predecessor is refused with a
 * `SkynetError("invalid-release")` saying which. The same release given twice counts once.
 *
 * @example
 * const history = releaseHistory([text2026_11_0, text2026_11_1]);
 * history.catalogs.map((c) => c.release?.version) //=> ["2026.11.0", "2026.11.1"]
 */
export function releaseHistory(releases: readonly (Release | string | Catalog)[]): ReleaseHistory {
  const catalogs = releases.map((r) => (isCatalog(r) ? r : catalogOfRelease(readRelease(r))));
  for (const c of catalogs) if (!c.release) throw new SkynetError("invalid-release", "a release history holds releases only: one of the catalogues given is unreleased data");
  const sorted = [...catalogs].sort((a, b) => compareReleaseVersions(a.release!.version, b.release!.version));
  const chain: Catalog[] = [];
  for (const c of sorted) {
    const r = c.release!;
    const last = chain.at(-1)?.release;
    if (last && last.version === r.version) {
      if (last.hash !== r.hash) throw new SkynetError("invalid-release", `two different releases both say they are ${r.version} (${short(last.hash)} and ${short(r.hash)}): a published version never changes`);
      continue;
    }
    if (last && (r.previous?.version !== last.version || r.previous.hash !== last.hash)) {
      const says = r.previous ? `${r.previous.version} (${short(r.previous.hash)})` : "no earlier release";
      throw new SkynetError("invalid-release", `release ${r.version} does not follow release ${last.version} (${short(last.hash)}): it names ${says} as the release it follows; a history must be an unbroken chain, so give every release in between`);
    }
    chain.push(c);
  }
  return { catalogs: chain };
}

/** The releases a figure's history is read from: the history up to the catalogue's release, which ends it. */
function chainTo(catalog: Catalog, history: ReleaseHistory | undefined): readonly Catalog[] {
  const list = history?.catalogs ?? [];
  if (!list.length) return [catalog];
  const r = catalog.release;
  if (!r) throw new SkynetError("invalid-release", "unreleased data has no release history: give the catalogue of a release");
  const at = list.findIndex((c) => c.release!.hash === r.hash);
  if (at >= 0) return [...list.slice(0, at), catalog];
  const last = list.at(-1)!.release!;
  if (r.previous?.version === last.version && r.previous.hash === last.hash) return [...list, catalog];
  throw new SkynetError(
    "invalid-release",
    `the history (releases ${list[0]!.release!.version} to ${last.version}) does not lead to release ${r.version}, which follows ${r.previous ? r.previous.version : "no earlier release"}: give the releases up to ${r.version}`,
  );
}

/** The header of a REVISIONS spill. */
export const REVISIONS_HEADER = ["Release", "Release date", "Value", "Period", "Coverage", "Qualifier", "Source", "Reason"];

type Entry = { kind: string; id: string };
const observationIn = <T extends Entry>(list: readonly T[] | undefined, id: string): T | undefined => list?.find((e) => e.kind === "observation" && e.id === id);

/** Why the figure reads as it does in a release, from that release's changelog. */
function reasonFor(log: Changelog | undefined, first: boolean, o: Observation, before: Observation | null): string {
  const revised = observationIn(log?.revised, o.id);
  const added = observationIn(log?.added, o.id);
  if (!before) return revised?.reason ?? (added ? (added.reason ?? "added in this release") : first ? "first release" : "");
  const reasons = revised ? [revised.reason] : [];
  if (o.id !== before.id && revised?.previousId !== before.id) {
    // Another record answers now: say why this one came and why the earlier one went.
    if (added) reasons.push(added.reason ?? `${o.id} added`);
    const gone = observationIn(log?.removed, before.id);
    if (gone) reasons.push(`${before.id} removed: ${gone.reason}`);
    const moved = observationIn(log?.revised, before.id);
    if (moved) reasons.push(moved.reason);
  }
  return reasons.join("; ");
}

/** Why a figure that answered in the release before no longer does. */
function removalReason(log: Changelog | undefined, before: Observation): string {
  const gone = observationIn(log?.removed, before.id);
  if (gone) return `removed: ${gone.reason}`;
  const revised = observationIn(log?.revised, before.id) ?? log?.revised.find((e) => e.kind === "observation" && e.previousId === before.id);
  return revised ? `no longer answers this period: ${revised.reason}` : "no longer in this release";
}

function figureIn(c: Catalog, seriesId: string, query: FigureQuery): FigureResult | null {
  if (!c.series.some((s) => s.id === seriesId)) return null;
  return c.figure(seriesId, query, { acceptIncomplete: true });
}

/**
 * SKYNET.REVISIONS over a catalogue and the history that leads to it: the vintages of one figure (a series and a
 * period, asked as SKYNET.FIGURE asks) as a spill: a header row, then one row per release in which the figure first
 * appeared, changed (value, period, coverage, qualifier, source or any other field) or went away: release, release
 * date (ISO text), value, period (its label), coverage, qualifier, source (citation) and the reason that release's
 * changelog gives. A release in which the figure did not change has no row: the row above holds. A figure that went
 * away has a row whose value, period, coverage, qualifier and source are empty. Without a history (or with a history
 * that is only this release), the one release's row.
 *
 * `history` must lead to the catalogue's release (hold it, or end with the release it follows); otherwise this throws
 * `SkynetError("invalid-release")` when called to build the function. The function itself never throws: `#VALUE!`
 * for a bad argument, `#N/A` with words when no release had the figure.
 *
 * @example
 * const REVISIONS = revisionsFor(latestCatalog, releaseHistory([r2026_11_0, r2026_11_1]));
 * REVISIONS("sky-net.returned", 2015)
 * //=> [["Release", "Release date", "Value", "Period", "Coverage", "Qualifier", "Source", "Reason"],
 * //    ["2026.11.0", "2026-11-27", 1023, "2015", "full", "exact", "ECNS (China News Service), 2016-01-15, http://…", "first release"],
 * //    ["2026.11.1", "2026-11-27", 1023, "2015 (Apr–Dec)", "full", "exact", "ECNS …", "period: the page ties 1,023 to the eight-month Sky Net campaign …"]]
 */
export function revisionsFor(catalog: Catalog, history?: ReleaseHistory): (series_id: unknown, period: unknown) => Answer<Spill> {
  const chain = chainTo(catalog, history);
  return guarded((series_id: unknown, period: unknown): Answer<Spill> => {
    const asked = textArg(series_id, "series_id", `"fox-hunt.captured" (see SKYNET.SERIES_LIST())`).toLowerCase();
    const id = chain.some((c) => c.series.some((s) => s.id === asked)) ? asked : seriesArg(catalog, series_id).id;
    const query = periodArg(period);
    const results = chain.map((c) => figureIn(c, id, query));
    const rows: Spill = [];
    let before: Observation | null = null;
    chain.forEach((c, i) => {
      const r = results[i];
      const o = r?.found ? r.observation : null;
      const log = c.release?.changelog;
      const head = [c.release?.version ?? "(unreleased)", c.release?.date ?? ""];
      if (o && !(before && canonicalJson(o) === canonicalJson(before))) {
        rows.push([...head, o.value, o.period.label, o.coverage, o.qualifier, citation(c.getSource(o.source)), reasonFor(log, i === 0 && !c.release?.previous, o, before)]);
      } else if (!o && before) {
        rows.push([...head, "", "", "", "", "", removalReason(log, before)]);
      }
      before = o;
    });
    if (rows.length) return [REVISIONS_HEADER.slice(), ...rows];
    const now = results.at(-1);
    if (now && !now.found) return missing(now);
    const versions = chain.map((c) => c.release?.version ?? "(unreleased)");
    return notAvailable(`no figure of ${id} for that period in releases ${versions[0]} to ${versions.at(-1)}`);
  });
}
