// The pane: dataset list, Insert and Refresh, progress, and the report of what changed.
import { DATA_VERSION, layout, listDatasets, planSheet, planSourcesSheet, type DatasetSummary, type SheetPlan } from "@skynet-data/sdk";
import { loadPlans, type LoadResult, type TableReport } from "../excel/adapter.js";
import { describeFailure } from "../excel/errors.js";
import type { Runner } from "../excel/run.js";

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const year = (iso: string) => iso.slice(0, 4);

/** The plans for an insert: the chosen datasets and a Sources sheet for everything loaded so far. */
export function insertPlans(ids: readonly string[]): (stamp: layout.Stamp | null) => SheetPlan[] {
  return (stamp) => [...ids.map(planSheet), planSourcesSheet([...new Set([...(stamp?.datasets ?? []), ...ids])])];
}

/** The plans for a refresh: every dataset the workbook's stamp lists (a workbook without a stamp has nothing to refresh). */
export function refreshPlans(known: readonly string[]): (stamp: layout.Stamp | null) => SheetPlan[] {
  return (stamp) => {
    if (!stamp) throw new Error("Nothing to refresh yet: this workbook has no Sky Net Data tables. Select datasets and choose Insert first.");
    const ids = stamp.datasets.filter((id) => known.includes(id));
    return [...ids.map(planSheet), planSourcesSheet(ids)];
  };
}

/** Mounts the pane into `root`; `afterChange` runs after every action (the preview redraws the workbook). */
export function mountPane(root: HTMLElement, runner: Runner, options: { mode: "office" | "preview"; afterChange?: () => void }): void {
  const datasets = listDatasets();
  root.innerHTML = `
    <header class="pane-head">
      <h1>Sky Net Data</h1>
      <p class="sub">China's international anti-corruption cooperation: typed figures, every one with its source.</p>
      <p class="version">Data version <code>${esc(DATA_VERSION)}</code>${options.mode === "preview" ? ` · <span class="badge">Preview: in-memory workbook</span>` : ""}</p>
    </header>
    <section aria-labelledby="ds-h">
      <div class="list-head"><h2 id="ds-h">Datasets</h2><fluent-checkbox id="all">Select all</fluent-checkbox></div>
      <ul class="datasets" role="list">
        ${datasets.map((d) => datasetItem(d)).join("")}
      </ul>
    </section>
    <div class="actions">
      <fluent-button id="insert" appearance="accent">Insert selected</fluent-button>
      <fluent-button id="refresh" appearance="outline">Refresh</fluent-button>
    </div>
    <p class="hint">Insert puts each dataset on its own sheet as a table with charts, plus a Sources sheet. Refresh updates those tables in place and keeps your columns, formulas and cells.</p>
    <div id="progress" class="progress" hidden><fluent-progress></fluent-progress><span id="progress-text" role="status" aria-live="polite"></span></div>
    <div id="error" class="error" role="alert" hidden></div>
    <section id="report" class="report" aria-live="polite" aria-label="What changed"></section>`;

  const boxes = () => [...root.querySelectorAll<HTMLInputElement & { checked: boolean }>("fluent-checkbox[data-id]")];
  const all = root.querySelector<HTMLInputElement>("#all")!;
  all.addEventListener("change", () => boxes().forEach((b) => (b.checked = all.checked)));
  const insert = root.querySelector<HTMLButtonElement>("#insert")!;
  const refresh = root.querySelector<HTMLButtonElement>("#refresh")!;
  const progress = root.querySelector<HTMLElement>("#progress")!;
  const progressText = root.querySelector<HTMLElement>("#progress-text")!;
  const error = root.querySelector<HTMLElement>("#error")!;
  const report = root.querySelector<HTMLElement>("#report")!;

  const act = async (verb: "Insert" | "Refresh", choose: (stamp: layout.Stamp | null) => SheetPlan[]) => {
    insert.disabled = refresh.disabled = true;
    error.hidden = true;
    progress.hidden = false;
    progressText.textContent = `${verb}: starting…`;
    try {
      const result = await runner((ctx) => loadPlans(ctx, choose, { dataVersion: DATA_VERSION, onProgress: (m) => (progressText.textContent = m) }));
      report.innerHTML = renderReport(verb, result);
    } catch (e) {
      error.hidden = false;
      error.textContent = `${verb} failed. ${describeFailure(e)}`;
    } finally {
      progress.hidden = true;
      insert.disabled = refresh.disabled = false;
      options.afterChange?.();
    }
  };
  insert.addEventListener("click", () => {
    const ids = boxes().filter((b) => b.checked).map((b) => b.dataset.id!);
    if (!ids.length) {
      error.hidden = false;
      error.textContent = "Select at least one dataset to insert.";
      return;
    }
    void act("Insert", insertPlans(ids));
  });
  refresh.addEventListener("click", () => void act("Refresh", refreshPlans(datasets.map((d) => d.id))));
}

function datasetItem(d: DatasetSummary): string {
  const period = year(d.from) === year(d.to) ? year(d.from) : `${year(d.from)}–${year(d.to)}`;
  return `<li><fluent-checkbox data-id="${esc(d.id)}" aria-describedby="meta-${esc(d.id)}"><span class="ds-title">${esc(d.title)}</span></fluent-checkbox>
    <span class="meta" id="meta-${esc(d.id)}">${d.rows} rows · ${period} · ${d.sources} source${d.sources === 1 ? "" : "s"}</span></li>`;
}

const STATUS: Record<TableReport["status"], string> = { inserted: "Inserted", refreshed: "Refreshed", recreated: "Recreated", blocked: "Not changed", failed: "Not changed" };

function renderReport(verb: string, result: LoadResult): string {
  const when = new Date(result.stamp.loadedAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
  const rows = result.tables
    .map((t) => {
      const revised = t.revisedCells.length
        ? `<details><summary>${t.revisedCells.length} revised value${t.revisedCells.length === 1 ? "" : "s"}</summary><ul>${t.revisedCells
            .slice(0, 20)
            .map((c) => `<li><code>${esc(c.key.split("|")[0]!)}</code> ${esc(c.column)}: ${esc(c.from || "(blank)")} → ${esc(c.to || "(blank)")}</li>`)
            .join("")}</ul></details>`
        : "";
      return `<li class="r-${t.status}" data-table="${esc(t.table)}"><div class="r-line"><strong>${esc(t.sheet)}</strong><span class="status">${STATUS[t.status]}</span></div>
        <p>${esc(t.message)}</p>${revised}</li>`;
    })
    .join("");
  return `<h2>${verb} report</h2><ul class="tables" role="list">${rows}</ul><p class="stamp">Workbook stamp: data version <code>${esc(result.stamp.dataVersion)}</code>, loaded ${esc(when)}.</p>`;
}
