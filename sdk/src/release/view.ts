// The view of a release that functions.js bundles: every record and every field a custom function can show, without
// the prose no function shows (changelog, source titles and notes, dataset and series descriptions).
import type { Release } from "./format.js";

/** A release without its indexes, which a catalogue then computes when it loads (a sort of a few hundred records). */
export type ReleaseView = Omit<Release, "indexes"> & { indexes?: Release["indexes"] };

/**
 * A release as the custom functions need it. Every figure, event and partner stays whole with every field the
 * functions answer with; the changelog, source titles and notes, dataset and series descriptions and the datasets'
 * charts (which no function draws) and the series ids the answer tables were compiled from are left out
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
    // Datasets before sources: beside the answer tables, whose words cite publishers, the sources compress better.
    data: {
      datasets: release.data.datasets.map((d) =>
        d.kind === "observations"
          ? { ...d, description: "", charts: [], series: d.series.map((s) => ({ ...s, description: "" })), observations: d.observations.map(({ conflict: _c, ...o }) => o) }
          : { ...d, description: "" },
      ),
      sources: release.data.sources.map(({ title: _t, note: _n, ...s }) => ({ ...s, title: "", note: undefined })),
    },
    answers: withoutSeriesNames(release.answers),
  };
}

/** The answer tables without the ids of the series they were compiled from, which no function reads. */
function withoutSeriesNames(answers: Release["answers"]): Release["answers"] {
  const out = {} as Record<string, unknown>;
  for (const [id, t] of Object.entries(answers)) {
    out[id] =
      t.kind === "yearly"
        ? { ...t, routes: Object.fromEntries(Object.entries(t.routes).map(([k, r]) => [k, { ...r, series: "" }])) }
        : { ...t, kinds: Object.fromEntries(Object.entries(t.kinds).map(([k, a]) => [k, { ...a, series: [] }])) };
  }
  return out as Release["answers"];
}

/** Characters outside ASCII, as JSON escapes: a script all in ASCII is held one byte a character by the engine. */
const asciiJson = (value: unknown): string => JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/**
 * Marks a list of records written as columns, and a field a record does not have. Printable, so it is written without
 * an escape (in functions.js, 74 bytes of gzip fewer than U+0000 and U+0001 for both marks); a text of a release that
 * is exactly a mark is refused when the text is written.
 */
const COLUMNS = "~";
/**
 * Marks a record's id left out because its other fields give it: a figure's is its series, start and end joined by
 * dots, a partner's its country code in lower case and its role (all but a few are).
 */
const DERIVED_ID = "^";
const isDerivedId = (o: Record<string, unknown>): boolean => {
  const p = o.period as { start?: unknown; end?: unknown } | undefined;
  if (typeof o.series === "string") return typeof p === "object" && p !== null && o.id === `${o.series}.${String(p.start)}.${String(p.end)}`;
  return typeof o.iso2 === "string" && typeof o.role === "string" && o.id === `${o.iso2.toLowerCase()}.${o.role}`;
};

/**
 * A list of two or more records with their fields in the same order, written as columns: `[COLUMNS, fields, ...rows]`,
 * a field a record lacks written as COLUMNS, a figure's id that its series and period give written as DERIVED_ID;
 * everything inside likewise. `readColumns` gives back the same JSON.
 */
function columns(x: unknown): unknown {
  if (Array.isArray(x)) {
    const isRecord = (o: unknown): o is Record<string, unknown> => o !== null && typeof o === "object" && !Array.isArray(o);
    // JSON leaves out a field whose value is undefined: so does this.
    const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined);
    const fields = [...new Set(x.flatMap((o) => (isRecord(o) ? keys(o) : [])))];
    const sameOrder = (o: unknown) => isRecord(o) && keys(o).join("\n") === fields.filter((f) => o[f] !== undefined).join("\n");
    if (x.length < 2 || !x.every(sameOrder)) return x.map(columns);
    return [COLUMNS, fields, ...x.map((o: Record<string, unknown>) => fields.map((f) => (o[f] === undefined ? COLUMNS : f === "id" && isDerivedId(o) ? DERIVED_ID : columns(o[f]))))];
  }
  if (x !== null && typeof x === "object") return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, columns(v)]));
  if (x === COLUMNS || x === DERIVED_ID) throw new Error(`a text of the release is ${JSON.stringify(x)} alone, which the compact text uses as a mark: write it otherwise (for example "${x} ")`);
  return x;
}

/** The reader of `columns`, as the source of a function (it goes into the module lazyReleaseModule writes). Plain loops, no call per value: it runs once, cold. */
const READ_COLUMNS = `const readColumns = (x) => {
  if (Array.isArray(x)) {
    if (x[0] !== ${JSON.stringify(COLUMNS)}) {
      for (let i = 0; i < x.length; i++) if (x[i] && typeof x[i] == "object") x[i] = readColumns(x[i]);
      return x;
    }
    const fields = x[1], out = [];
    for (let k = 2; k < x.length; k++) {
      const r = x[k], o = {};
      for (let i = 0; i < fields.length; i++) {
        const v = r[i];
        if (v !== ${JSON.stringify(COLUMNS)}) o[fields[i]] = v && typeof v == "object" ? readColumns(v) : v;
      }
      if (o.id === ${JSON.stringify(DERIVED_ID)}) o.id = o.series ? o.series + "." + o.period.start + "." + o.period.end : o.iso2.toLowerCase() + "." + o.role;
      out.push(o);
    }
    return out;
  }
  for (const k in x) if (x[k] && typeof x[k] == "object") x[k] = readColumns(x[k]);
  return x;
};`;

/**
 * The source of an ES module whose default export is a release (or a view of one) read lazily: what it says of itself
 * (format, version, date, previous, hash) at once, its `data`, `answers`, `indexes` and `changelog` parsed from its
 * JSON text on first use. Lists of records are written as columns (each field name once) and a figure's id is left
 * out where its series and period give it: the text is a quarter shorter. The text is ASCII (other characters as
 * JSON escapes) in pieces of 16 KB: an engine compiles one long string literal far more slowly than the same text in
 * short pieces, and a whole script in ASCII twice as fast as one holding any other character. Bundlers (functions.js,
 * the SDK's dist) use it for the release they embed, so loading the script parses no data until something asks.
 * `compact: false` writes the JSON as it is (no columns, ids kept), read by one JSON.parse: for the SDK's dist, where
 * bytes matter less than the time to read it, and the columns' reader costs several times the parse in a cold process.
 *
 * @example
 * lazyReleaseModule(functionsView(release)) //=> 'const text = ["[\"~\",…", …];…export default { format: 1, version: "2026.11.1", …'
 */
export function lazyReleaseModule(release: Omit<Release, "indexes"> & { indexes?: Release["indexes"] }, { piece = 16384, compact = true } = {}): string {
  const { format, version, date, previous, hash, ...lazyParts } = release;
  // What the release says of itself is written once, as the module's own fields; the text holds the rest.
  // Apostrophes as JSON escapes: a piece with none is printed by the minifier in single quotes; with both kinds of
  // quote it becomes a template literal, which V8 compiled about three times slower (5.2 against 1.5 ms cold, in
  // Chromium, for the same 50 KB of text).
  const text = asciiJson(compact ? columns(lazyParts) : lazyParts).replace(/'/g, "\\u0027");
  const pieces: string[] = [];
  // Any cut will do (inside an escape too): the pieces are joined back before the text is parsed.
  for (let at = 0; at < text.length; at += piece) pieces.push(text.slice(at, at + piece));
  const lazy = ["data", "answers", "changelog", ...(release.indexes ? ["indexes"] : [])];
  return [
    `const text = [${pieces.map((p) => JSON.stringify(p)).join(",\n")}];`,
    ...(compact ? [READ_COLUMNS] : []),
    "let doc;",
    `const read = () => (doc ??= ${compact ? "readColumns(" : "("}JSON.parse(text.join(""))));`,
    `export default { format: ${asciiJson(format)}, version: ${asciiJson(version)}, date: ${asciiJson(date)}, previous: ${asciiJson(previous)}, hash: ${asciiJson(hash)},`,
    ...lazy.map((k) => `  get ${k}() { return read().${k}; },`),
    "};",
    "",
  ].join("\n");
}
