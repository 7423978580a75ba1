// Taskpane entry: inside Excel the pane drives the workbook; in a plain browser it runs the preview on the workbook double.
import { fluentButton, fluentCheckbox, fluentProgress, provideFluentDesignSystem } from "@fluentui/web-components";
import { doubleRunner, officeRunner } from "../excel/run.js";
import { WorkbookModel } from "../workbook/index.js";
import { mountPane } from "./pane.js";
import { mountWorkbookView } from "./preview/workbook-view.js";
import "./taskpane.css";

provideFluentDesignSystem().register(fluentButton(), fluentCheckbox(), fluentProgress());

/** The Office host, or null in a plain browser (office.js absent, not inside Office, or no answer within a few seconds). */
async function officeHost(): Promise<string | null> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== "function") return null;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 4000));
  try {
    const info = await Promise.race([office.onReady(), timeout]);
    return info?.host ? String(info.host) : null;
  } catch {
    return null;
  }
}

async function start(): Promise<void> {
  const pane = document.getElementById("pane")!;
  const view = document.getElementById("workbook")!;
  const host = await officeHost();
  if (host === "Excel" || host === "excel") {
    document.body.classList.add("in-office");
    view.remove();
    mountPane(pane, officeRunner, { mode: "office" });
    return;
  }
  document.body.classList.add("preview");
  const wb = WorkbookModel.blank();
  const redraw = mountWorkbookView(view, wb);
  mountPane(pane, doubleRunner(wb), { mode: "preview", afterChange: redraw });
  (globalThis as { skynetPreview?: unknown }).skynetPreview = { workbook: wb };
}

start().catch((e: unknown) => {
  const pane = document.getElementById("pane");
  if (pane) pane.innerHTML = `<p class="error" role="alert">The pane could not start: ${String(e instanceof Error ? e.message : e)}</p>`;
});
