// The view of a release that functions.js bundles: every record and every field a custom function can show, without
// the prose no function shows (changelog, source titles and notes, dataset and series descriptions).
import type { Release } from "./format.js";

/** A release without its indexes, which a catalogue then computes when it loads (a sort of a few hundred records). */
export type ReleaseView = Omit<Release, "indexes"> & { indexes?: Release["indexes"] };

/**
 * A release as the custom functions need it. Every figure, event and partner stays whole with every field the
 * functions answer with; the changelog, source titles and notes, and dataset and series descriptions are left out
 * (the pane, the SDK and the exports read the full release). Its `hash` is the full release's: a view is never
 * loaded with `loadRelease`, whose hash check would refuse it.
 *
 * @example
 * functionsView(release).changelog //=> { added: [], removed: [], revised: [] }
 */
export function functionsView({ indexes: _indexes, ...release }: Release): ReleaseView {
  return {
    ...release,
    changelog: { added: [], removed: [], revised: [] },
    data: {
      sources: release.data.sources.map(({ title: _t, note: _n, ...s }) => ({ ...s, title: "", note: undefined })),
      datasets: release.data.datasets.map((d) =>
        d.kind === "observations"
          ? { ...d, description: "", series: d.series.map((s) => ({ ...s, description: "" })), observations: d.observations.map(({ conflict: _c, ...o }) => o) }
          : { ...d, description: "" },
      ),
    },
  };
}
