// The pane's report after Insert or Refresh, as HTML: per table what happened; after a Refresh each row added, removed
// or revised with its old and new values and the reasons the releases give, which release the workbook moved from and
// to, and whether the formulas followed.
import { fromExcelSerial } from "@skynet-data/sdk";
import type { RowChange, TableChanges } from "../data-feed/changes.js";
import type { LoadResult, TableReport } from "../excel/adapter.js";
import type { RefreshResult } from "./actions.js";
import { escapeHtml as esc } from "./html.js";

const STATUS: Record<TableReport["status"], string> = { inserted: "Inserted", refreshed: "Refreshed", recreated: "Recreated", blocked: "Not changed", failed: "Not changed" };
const DATE_COLUMNS = new Set(["Start", "End", "Date", "Latest date", "Published"]);
const KIND: Record<RowChange["kind"], string> = { added: "Added", removed: "Removed", revised: "Revised" };

/** A cell value as the report shows it: dates as ISO days, numbers with separators, blanks as "(blank)". */
export function shownValue(column: string, v: string): string {
  if (v === "") return "(blank)";
  if (DATE_COLUMNS.has(column) && /^\d+$/.test(v)) {
    try {
      return fromExcelSerial(Number(v));
    } catch {
      return v;
    }
  }
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v).toLocaleString("en-US", { maximumFractionDigits: 6 }) : v;
}

const stampWords = (result: LoadResult) => {
  const when = new Date(result.stamp.loadedAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
  const was = result.previous && result.previous.dataVersion !== result.stamp.dataVersion ? ` (was <code>${esc(result.previous.dataVersion)}</code>)` : "";
  return `<p class="stamp" id="stamp">Workbook stamp: data version <code>${esc(result.stamp.dataVersion)}</code>${was}, loaded ${esc(when)}.</p>`;
};

function changeItem(c: RowChange): string {
  const cells = c.cells.map((x) => `${esc(x.column)} ${esc(shownValue(x.column, x.from))} → ${esc(shownValue(x.column, x.to))}`).join("; ");
  const reasons = c.reasons.length
    ? c.reasons.map((r) => `<span class="c-reason" data-release="${esc(r.release)}">${esc(r.release)}: ${esc(r.text)}</span>`).join(" ")
    : `<span class="c-reason c-none">${c.kind === "revised" ? "No release gives a reason: the cell had been edited in the workbook." : "No release gives a reason."}</span>`;
  return `<li class="c-${c.kind}" data-kind="${c.kind}" data-record="${esc(c.record ?? "")}"><span class="c-kind">${KIND[c.kind]}</span> <span class="c-label">${esc(c.label)}</span>${cells ? `: <span class="c-cells">${cells}</span>` : ""}<br>${reasons}</li>`;
}

function tableItem(t: TableReport, changes?: TableChanges): string {
  const rows = changes?.rows ?? [];
  const list = rows.length
    ? `<ul class="changes" role="list">${rows.map(changeItem).join("")}</ul>`
    : t.revisedCells.length
      ? `<details><summary>${t.revisedCells.length} revised value${t.revisedCells.length === 1 ? "" : "s"}</summary><ul>${t.revisedCells.slice(0, 20).map((c) => `<li><code>${esc(c.key.split("|")[0]!)}</code> ${esc(c.column)}: ${esc(c.from || "(blank)")} → ${esc(c.to || "(blank)")}</li>`).join("")}</ul></details>`
      : "";
  return `<li class="r-${t.status}" data-table="${esc(t.table)}"><div class="r-line"><strong>${esc(t.sheet)}</strong><span class="status">${STATUS[t.status]}</span></div>
        <p>${esc(t.message)}</p>${list}</li>`;
}

/** The report of an Insert. */
export function renderInsertReport(result: LoadResult): string {
  return `<h2>Insert report</h2><ul class="tables" role="list">${result.tables.map((t) => tableItem(t)).join("")}</ul>${stampWords(result)}`;
}

/** What a Refresh did with the release, in one sentence or two. */
export function releaseLine(r: Extract<RefreshResult, { kind: "done" }>): string {
  const to = r.outcome.held.version;
  const fromVersion = r.load?.previous?.dataVersion.split("+")[0] ?? null;
  const explained = r.releases.slice(r.releases[0] === fromVersion ? 1 : 0);
  const moved = r.outcome.kind === "updated" ? `Release ${r.outcome.previous.version} → ${to}: release ${to} (${r.outcome.held.date}) is now in use.` : `Release ${to} is the latest: no new release.`;
  const skipped = r.outcome.kind === "updated" ? fromVersion !== r.outcome.previous.version : fromVersion !== to;
  const tables = r.load && fromVersion && fromVersion !== to && skipped ? ` The tables were loaded under ${fromVersion}; the reasons below are those of ${explained.length === 1 ? `release ${explained[0]}` : `releases ${explained.join(", ")}`}.` : "";
  const formulas = r.recalculated ? ` Every =SKYNET formula in the workbook was recalculated (a full calculation), so each now shows its answer from release ${to}.` : "";
  const none = r.load ? "" : " This workbook has no Sky Net Data tables to refresh.";
  const note = r.releasesNote ? ` Not every change can be explained: ${r.releasesNote}` : "";
  return `${moved}${tables}${formulas}${none}${note}`;
}

/** The report of a Refresh that ran. */
export function renderRefreshReport(r: Extract<RefreshResult, { kind: "done" }>): string {
  const tables = r.load ? `<ul class="tables" role="list">${r.load.tables.map((t, i) => tableItem(t, r.changes[i])).join("")}</ul>${stampWords(r.load)}` : "";
  return `<h2>Refresh report</h2><p class="release-line" id="release-line">${esc(releaseLine(r))}</p>${tables}`;
}
