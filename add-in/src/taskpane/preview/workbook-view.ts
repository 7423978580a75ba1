// The preview's workbook view: sheet tabs, a cell edit bar, a line saying what the selected cell holds (an error's
// words, a spill, a formula the preview cannot read), the grid and the sheet's charts.
import { layout } from "@skynet-data/sdk";
import { WorkbookError, type CellState, type WorkbookModel } from "../../workbook/model.js";
import { escapeHtml } from "../html.js";
import { renderChart, renderGrid } from "./render.js";
import "./preview.css";

/** Mounts the view into `root`; returns a function that redraws it from the model. */
export function mountWorkbookView(root: HTMLElement, wb: WorkbookModel): () => void {
  let selected = "A1";
  root.innerHTML = `
    <div class="editbar"><label for="cell-input">Cell <span id="cell-addr">A1</span></label><input id="cell-input" autocomplete="off" spellcheck="false" placeholder="Type a value or =formula, then Enter" aria-describedby="cell-status"></div>
    <p id="cell-status" class="cell-status" role="status" aria-live="polite"></p>
    <div class="sheet-area"><div id="grid" class="grid-wrap"></div><aside id="charts" class="charts" aria-label="Charts on this sheet"></aside></div>
    <nav id="tabs" class="tabs" aria-label="Sheets"></nav>`;
  const tabs = root.querySelector<HTMLElement>("#tabs")!;
  const grid = root.querySelector<HTMLElement>("#grid")!;
  const charts = root.querySelector<HTMLElement>("#charts")!;
  const input = root.querySelector<HTMLInputElement>("#cell-input")!;
  const addr = root.querySelector<HTMLElement>("#cell-addr")!;
  const status = root.querySelector<HTMLElement>("#cell-status")!;

  const draw = () => {
    const visible = wb.sheets.filter((s) => s.visibility === "Visible");
    const active = wb.activeSheet && wb.activeSheet.visibility === "Visible" ? wb.activeSheet : visible[0]!;
    tabs.innerHTML = visible.map((s) => `<button role="tab" aria-selected="${s === active}" data-sheet="${escapeHtml(s.name)}">${escapeHtml(s.name)}</button>`).join("");
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
    const said = sheet ? describeCell(cell, (k) => wb.cell(sheet, Math.floor(k / 16_384), k % 16_384), row, col) : "";
    status.textContent = said;
    status.classList.toggle("is-error", cell?.errorMessage !== undefined);
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

/** What the status line says of a cell: an error value with its words, a spill, a formula the preview cannot read. */
export function describeCell(cell: CellState | undefined, at: (key: number) => CellState | undefined, row: number, col: number): string {
  if (!cell) return "";
  if (cell.unreadable) return cell.unreadable;
  if (cell.circular) return "A circular reference: this formula reads its own answer. Excel shows 0 and warns.";
  if (cell.errorMessage !== undefined) return `${String(cell.value)}: ${cell.errorMessage}`;
  if (cell.spill) return `Spills ${cell.spill.rows} × ${cell.spill.cols} cells, to ${layout.cellAddress({ row: row + cell.spill.rows - 1, col: col + cell.spill.cols - 1 })}.`;
  if (cell.spillFrom !== undefined) {
    const from = { row: Math.floor(cell.spillFrom / 16_384), col: cell.spillFrom % 16_384 };
    return `Spilled from ${layout.cellAddress(from)}: ${at(cell.spillFrom)?.formula ?? ""}`;
  }
  return "";
}
