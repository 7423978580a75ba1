// The pane: dataset list, Insert and Refresh, progress, and the report of what changed.
import { DATA_VERSION, layout, listDatasets, planSheet, planSourcesSheet, type DatasetSummary, type SheetPlan } from "@skynet-data/sdk";
import type { StartupSetting, StartupState } from "../commands/startup.js";
import { loadPlans, type LoadResult, type TableReport } from "../excel/adapter.js";
import { describeFailure } from "../excel/errors.js";
import { hostSupport, type IsSetSupported } from "../excel/requirements.js";
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

export interface PaneOptions {
  mode: "office" | "preview";
  /** The host's requirement check (Office.context.requirements.isSetSupported, or the workbook double's). */
  isSetSupported: IsSetSupported;
  /** The "Open Sky Net Data with this workbook" setting. */
  startup: StartupSetting;
  /** Runs after every action (the preview redraws the workbook). */
  afterChange?: () => void;
}

/** What the pane says about loading with the workbook, for each state of the setting. */
export function describeStartup(state: StartupState): string {
  if (!state.available) return state.reason;
  const said =
    state.loadsWithWorkbook === true
      ? "On: Excel loads Sky Net Data whenever this workbook opens, so the functions and the pane are ready at once. Colleagues who open this workbook without the add-in will see a message that an add-in is missing."
      : state.loadsWithWorkbook === false
        ? "Off: Sky Net Data starts when you open this pane or a =SKYNET. function calculates. Turning it on marks this workbook, and colleagues who open it without the add-in will then see a message that an add-in is missing."
        : "Excel does not say whether this workbook opens Sky Net Data. Tick or untick the box to choose.";
  return state.error ? `${state.error} ${said}` : said;
}

/** Mounts the pane into `root`. */
export function mountPane(root: HTMLElement, runner: Runner, options: PaneOptions): void {
  const datasets = listDatasets();
  const support = hostSupport(options.isSetSupported);
  root.innerHTML = `
    <header class="pane-head">
      <h1>Sky Net Data</h1>
      <p class="sub">China's international anti-corruption cooperation: typed figures, every one with its source.</p>
      <p class="version">Data version <code>${esc(DATA_VERSION)}</code></p>
    </header>
    ${options.mode === "preview" ? `<div id="preview-banner" class="preview-banner" role="note"><strong>Preview, not connected to Excel.</strong> This page is open in a browser, outside Excel: Insert and Refresh write to the practice workbook shown on the right, not to any file of yours. To put the figures in your workbook, open Sky Net Data in Excel (Home &gt; Sky Net Data).</div>` : ""}
    ${support.ok ? (support.note ? `<p id="host-note" class="host-note" role="note">${esc(support.note)}</p>` : "") : `<div id="host-too-old" class="error" role="alert">${esc(support.message)}</div>`}
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
    <section id="report" class="report" aria-live="polite" aria-label="What changed"></section>
    <section class="startup" aria-labelledby="startup-h">
      <h2 id="startup-h">This workbook</h2>
      <label class="check"><input type="checkbox" id="load-with-workbook" aria-describedby="startup-state" disabled> Open Sky Net Data with this workbook</label>
      <p id="startup-state" class="hint" role="status" aria-live="polite">Checking…</p>
    </section>`;

  const boxes = () => [...root.querySelectorAll<HTMLInputElement & { checked: boolean }>("fluent-checkbox[data-id]")];
  const all = root.querySelector<HTMLInputElement>("#all")!;
  all.addEventListener("change", () => boxes().forEach((b) => (b.checked = all.checked)));
  const insert = root.querySelector<HTMLButtonElement>("#insert")!;
  const refresh = root.querySelector<HTMLButtonElement>("#refresh")!;
  const progress = root.querySelector<HTMLElement>("#progress")!;
  const progressText = root.querySelector<HTMLElement>("#progress-text")!;
  const error = root.querySelector<HTMLElement>("#error")!;
  const report = root.querySelector<HTMLElement>("#report")!;
  const loadWithWorkbook = root.querySelector<HTMLInputElement>("#load-with-workbook")!;
  const startupState = root.querySelector<HTMLElement>("#startup-state")!;
  if (!support.ok) insert.disabled = refresh.disabled = true;

  const showStartup = (state: StartupState) => {
    loadWithWorkbook.disabled = !state.available;
    loadWithWorkbook.checked = state.available && state.loadsWithWorkbook === true;
    loadWithWorkbook.indeterminate = state.available && state.loadsWithWorkbook === null;
    startupState.textContent = describeStartup(state);
  };
  void options.startup.read().then(showStartup);
  loadWithWorkbook.addEventListener("change", () => {
    const wanted = loadWithWorkbook.checked;
    loadWithWorkbook.disabled = true;
    startupState.textContent = wanted ? "Turning on…" : "Turning off…";
    void options.startup.set(wanted).then(showStartup);
  });

  const act = async (verb: "Insert" | "Refresh", choose: (stamp: layout.Stamp | null) => SheetPlan[]) => {
    insert.disabled = refresh.disabled = true;
    error.hidden = true;
    progress.hidden = false;
    progressText.textContent = `${verb}: starting…`;
    try {
      const result = await runner((ctx) => loadPlans(ctx, choose, { dataVersion: DATA_VERSION, isSetSupported: options.isSetSupported, onProgress: (m) => (progressText.textContent = m) }));
      report.innerHTML = renderReport(verb, result);
    } catch (e) {
      error.hidden = false;
      error.textContent = `${verb} failed. ${describeFailure(e)}`;
    } finally {
      progress.hidden = true;
      insert.disabled = refresh.disabled = !support.ok;
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
