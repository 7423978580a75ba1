// Taskpane entry: inside Excel the pane drives the workbook; in a plain browser it runs the preview on the workbook double.
// Both answer from the runtime's data feed (functions.js creates it inside Excel; the preview creates it here).
import { fluentButton, fluentCheckbox, fluentProgress, provideFluentDesignSystem } from "@fluentui/web-components";
import { catalog, functionsFor } from "@skynet-data/sdk";
import { startupSetting } from "../commands/startup.js";
import { sharedFeed } from "../data-feed/shared.js";
import { doubleRunner, officeRunner } from "../excel/run.js";
import { functionHost, WorkbookModel } from "../workbook/index.js";
import { connect, openedByOffice, pageSigns } from "./office-host.js";
import { mountPane } from "./pane.js";
import { mountWorkbookView } from "./preview/workbook-view.js";
import "./taskpane.css";

provideFluentDesignSystem().register(fluentButton(), fluentCheckbox(), fluentProgress());

async function start(): Promise<void> {
  const pane = document.getElementById("pane")!;
  const view = document.getElementById("workbook")!;
  const office = (globalThis as { Office?: typeof Office }).Office;
  const where = await connect({
    office,
    openedByOffice: openedByOffice(pageSigns()),
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
  // The feed functions.js started (inside Excel, the shared runtime), or a new one; it gets the full bundled release.
  const feed = sharedFeed(catalog);
  feed.useBundledCatalogue(catalog);
  if (where.mode === "office") {
    document.body.classList.add("in-office");
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
  // The practice workbook calculates =SKYNET formulas with the functions of the release the feed holds.
  let functions = functionsFor(feed.state().held.catalog, feed.state().history);
  feed.subscribe((e) => {
    if (e.type !== "status") functions = functionsFor(e.state.held.catalog, e.state.history);
  });
  wb.functions = functionHost(() => functions);
  const redraw = mountWorkbookView(view, wb);
  mountPane(pane, doubleRunner(wb), { mode: "preview", isSetSupported: (name, version) => wb.isSetSupported(name, version), startup: startupSetting(undefined), feed, afterChange: redraw });
  (globalThis as { skynetPreview?: unknown }).skynetPreview = { workbook: wb, feed };
}

start().catch((e: unknown) => {
  const pane = document.getElementById("pane");
  if (pane) pane.innerHTML = `<p class="error" role="alert">The pane could not start: ${String(e instanceof Error ? e.message : e).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`;
});
