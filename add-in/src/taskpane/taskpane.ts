// Taskpane entry: inside Excel the pane drives the workbook; in a plain browser it runs the preview on the workbook double.
// Both answer from the data feed this page starts (it is the shared runtime's page; see data-feed/runtime.ts). The page
// already shows the bundled release's dataset list (the build writes it in); mountPane takes it over, ticks included.
import { catalog } from "@skynet-data/sdk";
import { startupSetting } from "../excel/startup.js";
import { earlyRestore, followFeed, recalculateInExcel } from "../data-feed/runtime.js";
import { sharedFeed } from "../data-feed/shared.js";
import { doubleRunner, officeRunner } from "../excel/run.js";
import { WorkbookModel } from "../workbook/model.js";
import { escapeHtml } from "./html.js";
import { connect, openedByOffice, pageSigns } from "./office-host.js";
import { mountPane } from "./pane.js";
import { previewCalculator } from "./preview/calculator.js";
import { mountWorkbookView } from "./preview/workbook-view.js";
import { applyOfficeTheme } from "./theme.js";
import "./taskpane.css";

// The data feed starts with the page, before Office answers and whether or not the pane is shown: this page is the
// shared runtime. The functions functions.js registered follow every release it swaps in. In a browser tab that shows
// no sign of Office (the preview), the pane starts it (mountPane calls feed.start) once the dataset list is drawn.
const early = earlyRestore();
const feed = sharedFeed(catalog, early ? { early } : {});
followFeed(feed);
const opened = openedByOffice(pageSigns());
const started = opened ? feed.start() : null;

/** Office's theme colours, or null where the host gives none (it never throws). */
function readOfficeTheme(office: typeof Office): Office.OfficeTheme | null {
  try {
    return office.context?.officeTheme ?? null;
  } catch {
    return null;
  }
}

async function start(): Promise<void> {
  const pane = document.getElementById("pane")!;
  const view = document.getElementById("workbook")!;
  const office = (globalThis as { Office?: typeof Office }).Office;
  const where = await connect({
    office,
    openedByOffice: opened,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    onWaiting: (message) => {
      const status = pane.querySelector(".loading");
      if (status) status.textContent = message;
    },
  });
  if (where.mode === "error") {
    view.remove();
    pane.innerHTML = `<h1>Sky Net Data</h1><p id="start-error" class="error" role="alert"></p>`;
    pane.querySelector("#start-error")!.textContent = where.message;
    return;
  }
  if (where.mode === "office") {
    // A release restored or downloaded at start: Excel recalculates unless the workbook was calculated with it.
    void (started ?? feed.start()).then((r) => (r.restored || r.check?.kind === "updated" ? recalculateInExcel(feed.state().held.dataVersion) : false)).catch(() => undefined);
    document.body.classList.add("in-office");
    // Office's theme (dark included) when it gives one; otherwise the stylesheet follows the system's light or dark.
    applyOfficeTheme(document.documentElement, readOfficeTheme(office!));
    view.remove();
    mountPane(pane, officeRunner, {
      mode: "office",
      isSetSupported: (name, version) => office!.context.requirements.isSetSupported(name, version),
      startup: startupSetting(office),
      feed,
    });
    return;
  }
  document.body.classList.add("preview");
  const wb = WorkbookModel.blank();
  // The practice workbook calculates with Excel's functions and functions.js's SKYNET.* wrappers (they follow the feed).
  // The pane comes first, while the formula engine loads; nothing runs on the practice workbook, and it is not shown,
  // before the engine is in place.
  const calculator = previewCalculator().then((functions) => void (wb.functions = functions));
  const runOnDouble = doubleRunner(wb);
  let redraw = () => {};
  mountPane(pane, (batch) => calculator.then(() => runOnDouble(batch)), { mode: "preview", isSetSupported: (name, version) => wb.isSetSupported(name, version), startup: startupSetting(undefined), feed, afterChange: () => redraw() });
  await calculator;
  redraw = mountWorkbookView(view, wb);
  (globalThis as { skynetPreview?: unknown }).skynetPreview = { workbook: wb, feed };
}

start().catch((e: unknown) => {
  const pane = document.getElementById("pane");
  if (pane) pane.innerHTML = `<p class="error" role="alert">The pane could not start: ${escapeHtml(String(e instanceof Error ? e.message : e))}</p>`;
});
