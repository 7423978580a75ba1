// Taskpane entry: inside Excel the pane drives the workbook; in a plain browser it runs the preview on the workbook double.
import { fluentButton, fluentCheckbox, fluentProgress, provideFluentDesignSystem } from "@fluentui/web-components";
import { startupSetting } from "../commands/startup.js";
import { doubleRunner, officeRunner } from "../excel/run.js";
import { WorkbookModel } from "../workbook/index.js";
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
  if (where.mode === "office") {
    document.body.classList.add("in-office");
    view.remove();
    mountPane(pane, officeRunner, {
      mode: "office",
      isSetSupported: (name, version) => office!.context.requirements.isSetSupported(name, version),
      startup: startupSetting(office),
    });
    return;
  }
  document.body.classList.add("preview");
  const wb = WorkbookModel.blank();
  const redraw = mountWorkbookView(view, wb);
  mountPane(pane, doubleRunner(wb), { mode: "preview", isSetSupported: (name, version) => wb.isSetSupported(name, version), startup: startupSetting(undefined), afterChange: redraw });
  (globalThis as { skynetPreview?: unknown }).skynetPreview = { workbook: wb };
}

start().catch((e: unknown) => {
  const pane = document.getElementById("pane");
  if (pane) pane.innerHTML = `<p class="error" role="alert">The pane could not start: ${String(e instanceof Error ? e.message : e).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`;
});
