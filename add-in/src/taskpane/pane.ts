// The pane: dataset list, Insert and Refresh, progress, the report of what changed, and the data release: which one
// answers, where it comes from (the data address a team can point at its mirror), and what the last check found.
import { sdkFor, type TableLayout } from "@skynet-data/sdk";
import type { StartupSetting, StartupState } from "../excel/startup.js";
import type { DataFeed, FeedState } from "../data-feed/feed.js";
import { describeFailure } from "../excel/errors.js";
import { recalculateFormulas, recalculateIfStale } from "../excel/recalc.js";
import { hostSupport, type IsSetSupported } from "../excel/requirements.js";
import type { Runner } from "../excel/run.js";
import { heldWords, insertDatasets, refreshWorkbook } from "./actions.js";
import { datasetItems, datasetListHead, readChoices, restoreChoices, type ListChoices } from "./dataset-list.js";
import { mountFinder } from "./finder/index.js";
import { escapeHtml as esc } from "./html.js";
import { renderInsertReport, renderRefreshReport } from "./report.js";

export { insertPlans, refreshPlans } from "./actions.js";

export interface PaneOptions {
  mode: "office" | "preview";
  /** The host's requirement check (Office.context.requirements.isSetSupported, or the workbook double's). */
  isSetSupported: IsSetSupported;
  /** The "Open Sky Net Data with this workbook" setting. */
  startup: StartupSetting;
  /** The data feed the functions and the pane answer from. */
  feed: DataFeed;
  /** Runs after every action and every change of release (the preview redraws the workbook). */
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

const ago = (iso: string, now: Date) => {
  const minutes = Math.round((now.getTime() - Date.parse(iso)) / 60_000);
  if (!Number.isFinite(minutes)) return "at an unknown time";
  if (minutes < 1) return "just now";
  if (minutes < 120) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `on ${iso.slice(0, 10)}`;
};

/** The data section's words for a feed state: the release held, and the last check. */
export function describeData(state: FeedState, now = new Date()): { held: string; check: string } {
  const h = state.held;
  const held = `Answering from ${heldWords(h)}, dated ${h.date}.`;
  const c = state.lastCheck;
  const check = state.progress ?? (c ? `${c.ok ? "Checked" : "Last check failed"} ${ago(c.at, now)}: ${c.message}${c.ok ? "" : ` Still answering from release ${h.version}.`}` : `Not checked yet. The data address is ${state.dataUrl}.`);
  return { held, check };
}

/** Mounts the pane into `root`, taking over what was ticked or chosen in a list already there (taskpane.html's). */
export function mountPane(root: HTMLElement, runner: Runner, options: PaneOptions): void {
  const { feed } = options;
  const support = hostSupport(options.isSetSupported);
  let carried: ListChoices | null = readChoices(root);
  root.innerHTML = `
    <header class="pane-head">
      <h1>Sky Net Data</h1>
      <p class="sub">China's international anti-corruption cooperation: typed figures, every one with its source.</p>
      <p class="version">Data version <code id="data-version"></code></p>
    </header>
    ${options.mode === "preview" ? `<div id="preview-banner" class="preview-banner" role="note"><strong>Preview, not connected to Excel.</strong> This page is open in a browser, outside Excel: Insert and Refresh write to the practice workbook on this page, not to any file of yours. To put the figures in your workbook, open Sky Net Data in Excel (Home &gt; Sky Net Data).</div>` : ""}
    ${support.ok ? (support.note ? `<p id="host-note" class="host-note" role="note">${esc(support.note)}</p>` : "") : `<div id="host-too-old" class="error" role="alert">${esc(support.message)}</div>`}
    <div id="finder-slot" class="finder-slot"></div>
    <section class="datasets-section" aria-labelledby="ds-h">
      ${datasetListHead(true)}
      <ul class="datasets" id="dataset-list" role="list" aria-labelledby="ds-h"></ul>
    </section>
    <div class="actions" role="group" aria-label="Workbook actions">
      <button type="button" id="insert" class="btn accent" aria-describedby="actions-hint">Insert selected</button>
      <button type="button" id="refresh" class="btn" aria-describedby="actions-hint">Refresh</button>
    </div>
    <p class="hint" id="actions-hint">Insert puts each dataset on its own sheet as a table with charts, plus a Sources sheet. Refresh fetches the latest data release, updates those tables in place (keeping your columns, formulas and cells) and recalculates every =SKYNET formula.</p>
    <div id="progress" class="progress" hidden><progress id="progress-bar" aria-labelledby="progress-text"></progress><span id="progress-text" role="status" aria-live="polite"></span></div>
    <div id="error" class="error" role="alert" hidden></div>
    <section id="report" class="report" aria-live="polite" aria-label="What changed"></section>
    <section class="data" aria-labelledby="data-h">
      <h2 id="data-h">Data release</h2>
      <p id="data-held" class="hint"></p>
      <p id="data-check" class="hint" role="status" aria-live="polite"></p>
      <p id="data-notice" class="host-note" role="note" hidden></p>
      <details id="data-settings">
        <summary>Data address and updates</summary>
        <label class="field" for="data-url">Data address (a release folder; empty: this add-in's own)</label>
        <input id="data-url" type="url" autocomplete="off" spellcheck="false">
        <label class="field" for="check-hours">At start, check at most every (hours)</label>
        <input id="check-hours" type="number" min="0" max="8784" step="1">
        <div class="actions"><button id="save-settings" type="button">Save</button></div>
        <label class="field" for="pin-version">Pin a release (hold it even if it is older)</label>
        <input id="pin-version" autocomplete="off" placeholder="e.g. 2026.11.1">
        <div class="actions"><button id="pin" type="button">Pin</button><button id="unpin" type="button">Follow the latest</button></div>
        <p id="settings-message" class="hint" role="status" aria-live="polite"></p>
      </details>
    </section>
    <section class="startup" aria-labelledby="startup-h">
      <h2 id="startup-h">This workbook</h2>
      <label class="check"><input type="checkbox" id="load-with-workbook" aria-describedby="startup-state" disabled> Open Sky Net Data with this workbook</label>
      <p id="startup-state" class="hint" role="status" aria-live="polite">Checking…</p>
    </section>`;

  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  mountFinder($("#finder-slot"), { runner, isSetSupported: options.isSetSupported, feed, afterChange: () => options.afterChange?.() });
  const list = $<HTMLUListElement>("ul.datasets");
  const boxes = () => [...list.querySelectorAll<HTMLInputElement>("input[type=checkbox][data-id]")];
  const all = $<HTMLInputElement>("#all");
  all.addEventListener("change", () => boxes().forEach((b) => (b.checked = all.checked)));
  // "Select all" shows whether none, some or all datasets are ticked.
  const showAll = () => {
    const ticked = boxes().filter((b) => b.checked).length;
    all.checked = ticked > 0 && ticked === boxes().length;
    all.indeterminate = ticked > 0 && ticked < boxes().length;
  };
  list.addEventListener("change", showAll);
  const insert = $<HTMLButtonElement>("#insert");
  const refresh = $<HTMLButtonElement>("#refresh");
  const progress = $<HTMLElement>("#progress");
  const progressText = $<HTMLElement>("#progress-text");
  const error = $<HTMLElement>("#error");
  const report = $<HTMLElement>("#report");
  const loadWithWorkbook = $<HTMLInputElement>("#load-with-workbook");
  const startupState = $<HTMLElement>("#startup-state");
  const dataUrl = $<HTMLInputElement>("#data-url");
  const checkHours = $<HTMLInputElement>("#check-hours");
  const pinVersion = $<HTMLInputElement>("#pin-version");
  const settingsMessage = $<HTMLElement>("#settings-message");
  if (!support.ok) insert.disabled = refresh.disabled = true;

  // The dataset list and the data section follow the release held.
  let shownRelease = "";
  const showData = (state: FeedState) => {
    $("#data-version").textContent = state.held.dataVersion;
    const words = describeData(state);
    $("#data-held").textContent = words.held;
    $("#data-check").textContent = words.check;
    const notice = $<HTMLElement>("#data-notice");
    notice.hidden = !state.notice;
    notice.textContent = state.notice ?? "";
    dataUrl.placeholder = state.settings.dataUrl ? "" : state.dataUrl;
    if (document.activeElement !== dataUrl) dataUrl.value = state.settings.dataUrl ?? "";
    if (document.activeElement !== checkHours) checkHours.value = String(state.settings.checkEveryHours);
    if (document.activeElement !== pinVersion) pinVersion.value = state.settings.pinned ?? "";
    if (shownRelease !== state.held.hash) {
      shownRelease = state.held.hash;
      const choices = carried ?? readChoices(list);
      carried = null;
      list.innerHTML = datasetItems(sdkFor(state.held.catalog).listDatasets());
      restoreChoices(list, choices);
      showAll();
    }
  };
  showData(feed.state());
  feed.subscribe((e) => {
    showData(e.state);
    if (e.type === "held") options.afterChange?.();
  });
  // The session's start: the last good release restored, and a check when one is due. Inside Excel the shared runtime
  // recalculates after a release swapped in at start; in the preview the pane does it on the practice workbook.
  void feed.start().then(async (r) => {
    if (options.mode === "preview" && (r.restored || r.check?.kind === "updated")) {
      await runner((ctx) => recalculateIfStale(ctx, feed.state().held.dataVersion)).catch(() => undefined);
      options.afterChange?.();
    }
  });

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

  const busy = async (verb: string, work: () => Promise<void>) => {
    // A disabled button loses the keyboard focus: it goes back to the control that started the work when that is done.
    const started = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    insert.disabled = refresh.disabled = true;
    error.hidden = true;
    progress.hidden = false;
    progressText.textContent = `${verb}: starting…`;
    try {
      await work();
    } catch (e) {
      error.hidden = false;
      error.textContent = `${verb} failed. ${describeFailure(e)}`;
    } finally {
      progress.hidden = true;
      insert.disabled = refresh.disabled = !support.ok;
      if (started && (document.activeElement === document.body || document.activeElement === null) && started.isConnected && !(started as HTMLButtonElement).disabled) started.focus();
      options.afterChange?.();
    }
  };
  const onProgress = (m: string) => (progressText.textContent = m);
  insert.addEventListener("click", () => {
    const ids = boxes().filter((b) => b.checked).map((b) => b.dataset.id!);
    const layouts = new Map([...list.querySelectorAll<HTMLSelectElement>("select[data-layout-for]")].map((s) => [s.dataset.layoutFor!, s.value as TableLayout]));
    if (!ids.length) {
      error.hidden = false;
      error.textContent = "Select at least one dataset to insert.";
      return;
    }
    void busy("Insert", async () => {
      report.innerHTML = renderInsertReport(await insertDatasets(feed, runner, ids.map((id) => ({ id, layout: layouts.get(id) ?? "long" })), { isSetSupported: options.isSetSupported, onProgress }));
    });
  });
  refresh.addEventListener("click", () =>
    void busy("Refresh", async () => {
      // While the feed downloads, its progress (waiting, bytes received) shows under the buttons.
      const stop = feed.subscribe((e) => e.type === "status" && e.state.progress && onProgress(e.state.progress));
      try {
        const result = await refreshWorkbook(feed, runner, { isSetSupported: options.isSetSupported, onProgress });
        if (result.kind === "stopped") {
          error.hidden = false;
          error.textContent = result.message;
          return;
        }
        report.innerHTML = renderRefreshReport(result);
      } finally {
        stop();
      }
    }),
  );

  $("#save-settings").addEventListener("click", () => {
    void feed.updateSettings({ dataUrl: dataUrl.value, checkEveryHours: Number(checkHours.value) }).then((r) => {
      settingsMessage.textContent = r.ok ? `Saved. Refresh reads ${feed.state().dataUrl}.` : r.message;
      settingsMessage.classList.toggle("bad", !r.ok);
    });
  });
  const pin = (version: string | null) =>
    void busy(version ? "Pin" : "Follow the latest", async () => {
      const outcome = await feed.pin(version);
      settingsMessage.textContent = outcome.message;
      settingsMessage.classList.toggle("bad", outcome.kind === "failed");
      if (outcome.kind === "updated") await runner((ctx) => recalculateFormulas(ctx, outcome.held.dataVersion));
    });
  $("#pin").addEventListener("click", () => pin(pinVersion.value.trim()));
  $("#unpin").addEventListener("click", () => pin(null));
}
