// A made-up chain of three releases for the release tests (SDK and CLI): a world with one series for each custom
// function, so a release compiles from it.
//   2030.1.0  captured 2020 = 100 (exact), returned 2020 = 200 (exact), captured 2019 = 90
//   2030.2.0  captured 2020 revised to 105; returned 2020's qualifier revised to approximate
//   2030.3.0  captured 2018 = 80 added; captured 2019 removed
import { compileRelease, type ReleaseInput } from "../authoring/index.js";
import type { DatasetInput } from "../core/dataset.js";
import type { Release } from "./format.js";

/** A made-up source; a seed source has its file's path and no address. */
export const src = (id: string, seedPath: string | null = null) => ({ id, publisher: `Publisher ${id}`, title: "Figures", published: "2020-01-10", publishedPrecision: "day" as const, url: seedPath ? null : `https://example.org/${id}`, reliability: "official" as const, seedPath });
const flow = (id: string, fn: string, unit = "persons") => ({ id, dataset: "w", title: id, description: id, agency: "MPS", unit, kind: "flow", measure: id, answers: { function: fn, default: true } });
const stock = (id: string, fn: string, treatyKind: string) => ({ id, dataset: "w", title: id, description: id, agency: "MFA", unit: "treaties", kind: "stock", measure: id.replace(".", "-"), answers: { function: fn, treatyKind } });
/** One series for each custom function: the least a release compiles from. */
export const worldSeries = () => [
  flow("captured", "CAPTURES"),
  flow("surrendered", "SURRENDERED"),
  flow("returned", "RETURNED"),
  flow("recovered", "RECOVERED", "CNY"),
  flow("countries", "COUNTRIES", "countries"),
  stock("ext.in-force", "TREATIES_IN_FORCE", "extradition"),
  stock("mla.in-force", "TREATIES_IN_FORCE", "judicial-assistance"),
  stock("ext.concluded", "TREATIES_CONCLUDED", "extradition"),
  stock("mla.concluded", "TREATIES_CONCLUDED", "judicial-assistance"),
];
export const year = (y: number) => ({ start: `${y}-01-01`, end: `${y}-12-31`, label: String(y), precision: "year" });
const obs = (series: string, value: number, y = 2020, unit = "persons", extra: object = {}) => ({ id: `${series}.${y}`, series, value, unit, period: year(y), coverage: "full", qualifier: "exact", source: "doc", ...extra });

type World = { observations: any[]; removed?: any[] };
function world(edit: (d: World) => void): DatasetInput[] {
  const d = {
    id: "w",
    title: "World",
    description: "Made up",
    kind: "observations",
    series: worldSeries(),
    observations: [
      obs("captured", 100),
      obs("captured", 90, 2019),
      obs("surrendered", 10),
      obs("returned", 200),
      obs("recovered", 2_000_000_000, 2020, "CNY"),
      obs("countries", 5, 2020, "countries"),
      ...["ext.in-force", "mla.in-force", "ext.concluded", "mla.concluded"].map((s) => obs(s, 30, 2020, "treaties")),
    ],
  };
  edit(d);
  return [d as unknown as DatasetInput];
}
const byId = (d: World, id: string) => d.observations.find((o) => o.id === id);
const input = (version: string, date: string, datasets: DatasetInput[], previous: Release | null): ReleaseInput => ({ version, date, datasets, sources: [src("doc")], seeds: new Map(), previous });

export const VALUE_REASON = "value: the ministry's annual report corrects it to 105";
export const QUALIFIER_REASON = "qualifier: the source says about 200";
export const ADDED_REASON = "a 2018 figure found in the 2019 yearbook";
export const REMOVED_REASON = "nobody could show the page that prints it";

const edit2 = (d: World) => {
  Object.assign(byId(d, "captured.2020"), { value: 105, changes: [{ release: "2030.2.0", reason: VALUE_REASON }] });
  Object.assign(byId(d, "returned.2020"), { qualifier: "approximate", changes: [{ release: "2030.2.0", reason: QUALIFIER_REASON }] });
};
const edit3 = (d: World) => {
  edit2(d);
  d.observations.push(obs("captured", 80, 2018, "persons", { changes: [{ release: "2030.3.0", reason: ADDED_REASON }] }));
  d.observations = d.observations.filter((o) => o.id !== "captured.2019");
  d.removed = [{ id: "captured.2019", release: "2030.3.0", reason: REMOVED_REASON }];
};
/** The three releases, compiled. */
export function madeUpChain(): [Release, Release, Release] {
  const r1 = compileRelease(input("2030.1.0", "2030-01-15", world(() => {}), null));
  const r2 = compileRelease(input("2030.2.0", "2030-02-15", world(edit2), r1));
  const r3 = compileRelease(input("2030.3.0", "2030-03-15", world(edit3), r2));
  return [r1, r2, r3];
}

/** Another release 2030.1.0, with other content (another date): what must never replace the published one. */
export const otherFirstRelease = (): Release => compileRelease(input("2030.1.0", "2030-01-16", world(() => {}), null));

/** A release file's text as the build writes it (one member per line at the top level). */
export const releaseFileText = (r: Release): string => `${JSON.stringify(r, null, 1)}\n`;

