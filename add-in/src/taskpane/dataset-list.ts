// The pane's dataset list: its markup (the pane draws it, and the build writes it into taskpane.html for the bundled
// release, so the list can be read and ticked before any script has run), and the analyst's choices in it, which
// survive every redraw: ticks, layouts and the focused control.
import type { DatasetSummary } from "@skynet-data/sdk";
import { escapeHtml as esc } from "./html.js";

const year = (iso: string) => iso.slice(0, 4);

/** The heading of the dataset list; `selectAll` adds the "Select all" box, which needs the pane's script. */
export function datasetListHead(selectAll: boolean): string {
  return `<div class="list-head"><h2 id="ds-h">Datasets</h2>${selectAll ? `<label class="check"><input type="checkbox" id="all" aria-controls="dataset-list"> Select all</label>` : ""}</div>`;
}

/**
 * One item of the list per dataset: its checkbox (`data-id`), what it holds, and its layout choice where it has two.
 * @example
 * datasetItems([{ id: "treaties", title: "Treaties", rows: 3, from: "2014-01-01", to: "2015-12-31", sources: 1, layouts: ["long"], … }])
 * //=> '<li><label class="ds"><input type="checkbox" data-id="treaties" …>…3 rows · 2014–2015 · 1 source</span></li>'
 */
export function datasetItems(datasets: readonly DatasetSummary[]): string {
  return datasets.map(datasetItem).join("");
}

function datasetItem(d: DatasetSummary): string {
  const period = year(d.from) === year(d.to) ? year(d.from) : `${year(d.from)}–${year(d.to)}`;
  return `<li><label class="ds"><input type="checkbox" data-id="${esc(d.id)}" aria-describedby="meta-${esc(d.id)}"><span class="ds-title">${esc(d.title)}</span></label>
    <span class="meta" id="meta-${esc(d.id)}">${d.rows} rows · ${period} · ${d.sources} source${d.sources === 1 ? "" : "s"}</span>${layoutChoice(d)}</li>`;
}

/** The layout of a dataset's sheet, where it has a by-year one: the long table (one figure per row) or years down. */
function layoutChoice(d: DatasetSummary): string {
  if (!d.layouts.includes("by-year")) return "";
  return `<select class="layout" data-layout-for="${esc(d.id)}" aria-label="Layout of ${esc(d.title)}"><option value="long">Long table: one figure per row</option><option value="by-year">By year: years down, series across</option></select>`;
}

/**
 * What taskpane.html holds in its pane before a script runs: the title and the bundled release's dataset list, then
 * "Loading…" where the actions will be. The pane's script takes the list over with whatever was ticked or chosen.
 */
export function prerenderedPane(datasets: readonly DatasetSummary[]): string {
  return [
    `<header class="pane-head"><h1>Sky Net Data</h1></header>`,
    `<section class="datasets-section" aria-labelledby="ds-h">${datasetListHead(false)}<ul class="datasets" id="dataset-list" role="list" aria-labelledby="ds-h">${datasetItems(datasets)}</ul></section>`,
    `<p class="loading" role="status" aria-live="polite">Loading…</p>`,
  ].join("");
}

/** What the analyst chose in a list: the datasets ticked, each layout picked, and the control that has the focus. */
export interface ListChoices {
  ticked: Set<string>;
  layouts: Map<string, string>;
  focused: { id: string } | { layoutFor: string } | null;
}

/** The choices made in the list under `root` (the page's prerendered list, or the pane's own). */
export function readChoices(root: HTMLElement): ListChoices {
  const ticked = new Set([...root.querySelectorAll<HTMLInputElement>("ul.datasets input[type=checkbox][data-id]")].filter((b) => b.checked).map((b) => b.dataset.id!));
  const layouts = new Map([...root.querySelectorAll<HTMLSelectElement>("ul.datasets select[data-layout-for]")].map((s) => [s.dataset.layoutFor!, s.value]));
  const active = root.ownerDocument.activeElement;
  const inList = active instanceof HTMLElement && root.contains(active) && active.closest("ul.datasets") ? active.dataset : null;
  const focused = inList?.id ? { id: inList.id } : inList?.layoutFor ? { layoutFor: inList.layoutFor } : null;
  return { ticked, layouts, focused };
}

/** Puts choices back on a list drawn anew: ticks and layouts by dataset id (a dataset no longer listed is dropped), and the focus. */
export function restoreChoices(list: HTMLElement, choices: ListChoices): void {
  for (const b of list.querySelectorAll<HTMLInputElement>("input[type=checkbox][data-id]")) b.checked = choices.ticked.has(b.dataset.id!);
  for (const s of list.querySelectorAll<HTMLSelectElement>("select[data-layout-for]")) s.value = choices.layouts.get(s.dataset.layoutFor!) ?? s.value;
  const f = choices.focused;
  if (!f) return;
  const target = [...list.querySelectorAll<HTMLElement>("[data-id], [data-layout-for]")].find((el) => ("id" in f ? el.dataset.id === f.id : el.dataset.layoutFor === f.layoutFor));
  target?.focus();
}
