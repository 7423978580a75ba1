// The release-aware refresh report: each row a refresh added, removed or revised, matched to its record and to the
// reasons the changelogs give, across every release between the one the workbook was loaded under and the one held
// (a workbook loaded under N and refreshed under N+2 hears of both N+1 and N+2).
import { sdkFor, sheet, type Catalog, type Changelog, type Observation, type SheetKind, type TableLayout } from "@skynet-data/sdk";
import { rowKeys, type RevisedCell } from "../excel/load-plan/index.js";

/** One reason, with the release that gave it. */
export interface Reason {
  release: string;
  text: string;
}

/** One row of a refreshed table that changed. */
export interface RowChange {
  kind: "added" | "removed" | "revised";
  /** The row key the refresh matched rows on. */
  key: string;
  /** The row in words ("sky-net.returned, 2020"). */
  label: string;
  /** The record's id in the release, when found. */
  record: string | null;
  /** For a revised row: each cell, old and new value as the workbook shows them. */
  cells: RevisedCell[];
  /** Why, from the changelogs (empty when no release gives a reason: the words say so). */
  reasons: Reason[];
}

export interface TableChanges {
  dataset: string;
  rows: RowChange[];
}

/** What a table report must say for its changes to be explained (the adapter's TableReport has it). */
export interface TableDiff {
  dataset: string;
  /** The plan's kind: the Sources sheet's rows are sources, a dataset's rows its records. */
  kind: SheetKind;
  /** A by-year table is explained cell by cell, a long one row by row. */
  layout: TableLayout;
  status: string;
  addedKeys: readonly string[];
  removedKeys: readonly string[];
  revisedCells: readonly RevisedCell[];
}

type Kind = Changelog["added"][number]["kind"];
interface RecordRef {
  kind: Kind;
  id: string;
  label: string;
  /** Records whose changes show in this row too: its series and its source. */
  related: { kind: Kind; id: string }[];
}

/** Row key → the record behind the row, for one dataset of one release (computed as the pane lays the table out). */
function recordsByKey(catalog: Catalog, dataset: string, kind: SheetKind): Map<string, RecordRef> {
  const out = new Map<string, RecordRef>();
  const sdk = sdkFor(catalog);
  if (kind === "sources") {
    const plan = sdk.planSourcesSheet();
    const keys = rowKeys(plan.columns, plan.rows);
    plan.rows.forEach((r, i) => out.set(keys[i]!, { kind: "source", id: String(r[0]), label: `source ${String(r[0])}`, related: [] }));
    return out;
  }
  const d = catalog.datasets.find((x) => x.id === dataset);
  if (!d) return out;
  const plan = sdk.planSheet(dataset);
  const keys = rowKeys(plan.columns, plan.rows);
  if (d.kind === "observations") d.observations.forEach((o, i) => out.set(keys[i]!, { kind: "observation", id: o.id, label: `${o.series}, ${o.period.label}`, related: [{ kind: "series", id: o.series }, { kind: "source", id: o.source }] }));
  else if (d.kind === "events") d.events.forEach((e, i) => out.set(keys[i]!, { kind: "event", id: e.id, label: `event ${e.id}`, related: [{ kind: "source", id: e.source }] }));
  else d.partners.forEach((p, i) => out.set(keys[i]!, { kind: "partner", id: p.id, label: `${p.country} (${p.role})`, related: [{ kind: "source", id: p.source }] }));
  return out;
}

const FIELD_WORDS: Record<string, string> = { value: "value", qualifier: "qualifier", coverage: "coverage", period: "period", source: "source", note: "note" };

/** The reasons each release after the first gives for a record (added, removed or revised, also under an earlier id). */
function reasonsFor(ref: { kind: Kind; id: string }, releases: readonly Catalog[], own: boolean): Reason[] {
  const out: Reason[] = [];
  for (const c of releases) {
    const log = c.release?.changelog;
    if (!log) continue;
    const version = c.release!.version;
    const same = (e: { kind: string; id: string }) => e.kind === ref.kind && e.id === ref.id;
    for (const e of log.added) if (same(e) && own) out.push({ release: version, text: e.reason ?? "added in this release" });
    for (const e of log.removed) if (same(e) && own) out.push({ release: version, text: e.reason });
    for (const e of log.revised) {
      if (!(same(e) || (e.kind === ref.kind && e.previousId === ref.id))) continue;
      const fields = e.changes.map((f) => FIELD_WORDS[f.field] ?? f.field).join(", ");
      out.push({ release: version, text: own ? e.reason : `${ref.kind} ${ref.id} revised (${fields}): ${e.reason}` });
    }
  }
  return out;
}

/**
 * Explains what a refresh changed in one table. `releases` runs from the release the workbook was loaded under (its
 * first element, used to name removed rows) to the one held; the changelogs of all but the first give the reasons.
 * When the workbook's release is not among them (`complete` false), removed rows are named by their key only.
 *
 * @example
 * explainTable(report, [r1, r2]).rows[0] //=> { kind: "revised", label: "sky-net.returned, 2020", cells: [{ column: "Value", from: "1421", to: "1500" }], reasons: [{ release: "2026.12.1", text: "value: …" }] }
 */
export function explainTable(report: TableDiff, releases: readonly Catalog[], complete = true): TableChanges {
  const now = releases.at(-1);
  const rows: RowChange[] = [];
  if (!now || (report.status !== "refreshed" && report.status !== "blocked")) return { dataset: report.dataset, rows };
  const after = complete ? releases.slice(1) : releases;
  if (report.layout === "by-year") return { dataset: report.dataset, rows: explainByYear(report, releases, after) };
  const current = recordsByKey(now, report.dataset, report.kind);
  // Removed rows are named from the newest earlier release that has them.
  const earlier = releases.slice(0, -1).map((c) => recordsByKey(c, report.dataset, report.kind)).reverse();
  const find = (key: string, maps: Map<string, RecordRef>[]) => {
    for (const m of maps) {
      const hit = m.get(key);
      if (hit) return hit;
    }
    return undefined;
  };
  const explain = (kind: RowChange["kind"], key: string, ref: RecordRef | undefined, cells: RevisedCell[]): RowChange => {
    const own = ref ? reasonsFor(ref, after, true) : [];
    const related = ref && kind === "revised" ? ref.related.flatMap((r) => reasonsFor(r, after, false)) : [];
    return { kind, key, label: ref?.label ?? key.split("|").filter(Boolean).slice(0, 2).join(", "), record: ref?.id ?? null, cells, reasons: [...own, ...related] };
  };
  for (const key of report.addedKeys) rows.push(explain("added", key, current.get(key), []));
  for (const key of report.removedKeys) rows.push(explain("removed", key, find(key, earlier), []));
  const byRow = new Map<string, RevisedCell[]>();
  for (const c of report.revisedCells) byRow.set(c.key, [...(byRow.get(c.key) ?? []), c]);
  for (const [key, cells] of byRow) rows.push(explain("revised", key, current.get(key), cells));
  return { dataset: report.dataset, rows };
}

/**
 * A by-year table's changes: a row is a year, and each cell's reasons are those of the figures behind it
 * (sheet.byYearFigures: in the release held, or the newest earlier one that had it), each named by the cell's column.
 */
function explainByYear(report: TableDiff, releases: readonly Catalog[], after: readonly Catalog[]): RowChange[] {
  const newestFirst = releases.map((c) => sheet.byYearFigures(c, report.dataset)).reverse();
  const yearOf = (key: string) => Number(key.split("|")[0]);
  const cellFigures = (year: number, column: string, maps: typeof newestFirst): Observation[] => maps.find((m) => m.get(year)?.has(column))?.get(year)?.get(column) ?? [];
  /** The figures of a year's cells in one release's map, each once, under the first column it is behind. */
  const rowFigures = (year: number, maps: typeof newestFirst): { column: string; o: Observation }[] => {
    const cells = maps.find((m) => m.has(year))?.get(year) ?? new Map<string, Observation[]>();
    const seen = new Set<string>();
    return [...cells].flatMap(([column, os]) => os.filter((o) => !seen.has(o.id) && seen.add(o.id)).map((o) => ({ column, o })));
  };
  const reasonsOf = (column: string, o: Observation, related: boolean): Reason[] =>
    [
      ...reasonsFor({ kind: "observation", id: o.id }, after, true),
      ...(related ? [...reasonsFor({ kind: "series", id: o.series }, after, false), ...reasonsFor({ kind: "source", id: o.source }, after, false)] : []),
    ].map((r) => ({ release: r.release, text: `${column}: ${r.text}` }));
  const row = (kind: RowChange["kind"], key: string, cells: RevisedCell[], reasons: Reason[]): RowChange => ({ kind, key, label: String(yearOf(key)), record: null, cells, reasons });

  const rows: RowChange[] = [];
  for (const key of report.addedKeys) rows.push(row("added", key, [], rowFigures(yearOf(key), newestFirst.slice(0, 1)).flatMap((f) => reasonsOf(f.column, f.o, false))));
  for (const key of report.removedKeys) rows.push(row("removed", key, [], rowFigures(yearOf(key), newestFirst.slice(1)).flatMap((f) => reasonsOf(f.column, f.o, false))));
  const byRow = new Map<string, RevisedCell[]>();
  for (const c of report.revisedCells) byRow.set(c.key, [...(byRow.get(c.key) ?? []), c]);
  for (const [key, cells] of byRow) {
    const year = yearOf(key);
    const reasons = cells.flatMap((c) => {
      // The figure behind the cell now, and the one behind it before (a figure removed, or replaced by another).
      const figures = [...cellFigures(year, c.column, newestFirst.slice(0, 1)), ...cellFigures(year, c.column, newestFirst.slice(1))];
      return figures.filter((o, i) => figures.findIndex((x) => x.id === o.id) === i).flatMap((o) => reasonsOf(c.column, o, true));
    });
    rows.push(row("revised", key, cells, reasons));
  }
  return rows;
}
