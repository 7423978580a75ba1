// The preview's workbook view: sheet tabs, a cell edit bar, the grid and the sheet's charts.
import { layout } from "@skynet-data/sdk";
import { WorkbookError, type WorkbookModel } from "../../workbook/index.js";
import { renderChart, renderGrid } from "./render.js";

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Mounts the view into `root`; returns a function that redraws it from the model. */
export function mountWorkbookView(root: HTMLElement, wb: WorkbookModel): () => void {
  let selected = "A1";
  root.innerHTML = `
    <div class="editbar"><label for="cell-input">Cell <span id="cell-addr">A1</span></label><input id="cell-input" autocomplete="off" placeholder="Type a value or =formula, then Enter"></div>
    <div class="sheet-area"><div id="grid" class="grid-wrap"></div><aside id="charts" class="charts" aria-label="Charts on this sheet"></aside></div>
    <nav id="tabs" class="tabs" aria-label="Sheets"></nav>`;
  const tabs = root.querySelector<HTMLElement>("#tabs")!;
  const grid = root.querySelector<HTMLElement>("#grid")!;
  const charts = root.querySelector<HTMLElement>("#charts")!;
  const input = root.querySelector<HTMLInputElement>("#cell-input")!;
  const addr = root.querySelector<HTMLElement>("#cell-addr")!;

  const draw = () => {
    const visible = wb.sheets.filter((s) => s.visibility === "Visible");
    const active = wb.activeSheet && wb.activeSheet.visibility === "Visible" ? wb.activeSheet : visible[0]!;
    tabs.innerHTML = visible.map((s) => `<button role="tab" aria-selected="${s === active}" data-sheet="${esc(s.name)}">${esc(s.name)}</button>`).join("");
    grid.innerHTML = renderGrid(wb, active);
    const list = wb.charts.filter((c) => c.sheet === active);
    charts.hidden = !list.length;
    charts.innerHTML = list.map((c) => renderChart(wb, c)).join("");
    select(selected);
  };
  const select = (a: string) => {
    selected = a;
    addr.textContent = a;
    grid.querySelectorAll(".selected").forEach((el) => el.classList.remove("selected"));
    const td = grid.querySelector<HTMLElement>(`td[data-addr="${a}"]`);
    td?.classList.add("selected");
    const sheet = wb.activeSheet;
    const { row, col } = layout.parseCell(a);
    const cell = sheet ? wb.cell(sheet, row, col) : undefined;
    input.value = cell ? (cell.formula ?? String(cell.value)) : "";
    // The pane's finder writes into the clicked cell, as Excel's add-ins write into the selection.
    if (sheet) wb.select(sheet.name, a);
  };
  tabs.addEventListener("click", (e) => {
    const name = (e.target as HTMLElement).closest<HTMLElement>("[data-sheet]")?.dataset.sheet;
    const sheet = name ? wb.sheet(name) : undefined;
    if (sheet) {
      wb.activeSheet = sheet;
      selected = "A1";
      draw();
    }
  });
  grid.addEventListener("click", (e) => {
    const td = (e.target as HTMLElement).closest<HTMLElement>("td[data-addr]");
    if (td) {
      select(td.dataset.addr!);
      input.focus();
    }
  });
  input.addEventListener("keydown", (e) => {
    if (e.key !== "Enter" || !wb.activeSheet) return;
    try {
      wb.typeIntoCell(wb.activeSheet.name, selected, input.value);
      const { row, col } = layout.parseCell(selected);
      selected = layout.cellAddress({ row: row + 1, col });
      draw();
    } catch (err) {
      input.setCustomValidity(err instanceof WorkbookError ? err.message : String(err));
      input.reportValidity();
    }
  });
  draw();
  return draw;
}
