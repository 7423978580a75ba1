// Renders the workbook double for the preview: a sheet as an HTML grid, a chart as SVG.
import { layout } from "@skynet-data/sdk";
import type { ChartModel, SheetModel, WorkbookModel } from "../../workbook/index.js";
import { escapeHtml } from "../html.js";

/** Rows drawn per sheet; the rest is summarised under the grid. */
export const MAX_PREVIEW_ROWS = 400;


/** The cells a sheet uses, as a block (A1 for an empty sheet). */
export function usedBlock(sheet: SheetModel): layout.Block {
  let bottom = 0;
  let right = 0;
  for (const k of sheet.cells.keys()) {
    bottom = Math.max(bottom, Math.floor(k / 16_384));
    right = Math.max(right, k % 16_384);
  }
  return { top: 0, left: 0, bottom, right };
}

/** A sheet as an HTML table: column letters, row numbers, table headers and bands, cells shown through their number formats. */
export function renderGrid(wb: WorkbookModel, sheet: SheetModel): string {
  const used = usedBlock(sheet);
  const lastRow = Math.min(used.bottom + 3, MAX_PREVIEW_ROWS - 1);
  const lastCol = used.right + 2;
  const tables = wb.tables.filter((t) => t.sheet === sheet);
  const widthOf = (c: number) => Math.round((sheet.columnWidths.get(c) ?? 48) * (4 / 3));
  const cols = Array.from({ length: lastCol + 1 }, (_, c) => `<col style="width:${widthOf(c)}px">`).join("");
  const head = `<tr><th class="corner"></th>${Array.from({ length: lastCol + 1 }, (_, c) => `<th scope="col">${layout.columnLetter(c)}</th>`).join("")}</tr>`;
  const body: string[] = [];
  for (let r = 0; r <= lastRow; r++) {
    const cells: string[] = [];
    for (let c = 0; c <= lastCol; c++) {
      const cell = wb.cell(sheet, r, c);
      const table = tables.find((t) => r >= t.block.top && r <= t.block.bottom && c >= t.block.left && c <= t.block.right);
      const cls: string[] = [];
      if (table) cls.push(r === table.block.top ? "th-row" : (r - table.block.top) % 2 === 0 ? "band" : "tbody");
      if (r > 0 && r < sheet.frozenRows && !table) cls.push("frozen");
      if (r === sheet.frozenRows - 1) cls.push("freeze-line");
      let text = "";
      let title = "";
      if (cell) {
        if (cell.formula && !cell.computed) {
          text = cell.formula;
          cls.push("formula");
        } else text = cell.errorMessage !== undefined ? String(cell.value) : layout.formatCell(cell.value, cell.numberFormat);
        // A calculated formula shows its answer (the bar above shows the formula); an error its words on hover.
        if (cell.computed) cls.push("calculated");
        if (cell.spillFrom !== undefined) cls.push("spilled");
        if (cell.errorMessage !== undefined) cls.push("cell-error");
        title = cell.errorMessage !== undefined ? `${text}: ${cell.errorMessage}` : cell.unreadable ? cell.unreadable : cell.formula && cell.computed ? `${cell.formula} → ${text}` : text;
        if (typeof cell.value === "number" && (!cell.formula || cell.computed)) cls.push("num");
        if (cell.bold) cls.push("bold");
        if (cell.italic) cls.push("italic");
        if (cell.fontSize && cell.fontSize > 12) cls.push("big");
      }
      const addr = layout.cellAddress({ row: r, col: c });
      const content = cell?.hyperlink?.address ? `<a href="${escapeHtml(cell.hyperlink.address)}" target="_blank" rel="noreferrer">${escapeHtml(text)}</a>` : escapeHtml(text);
      cells.push(`<td data-addr="${addr}" tabindex="-1" class="${cls.join(" ")}" title="${escapeHtml(title)}">${content}</td>`);
    }
    body.push(`<tr><th scope="row">${r + 1}</th>${cells.join("")}</tr>`);
  }
  const more = used.bottom > lastRow ? `<p class="more">${used.bottom - lastRow} more rows are in the workbook (the preview draws the first ${MAX_PREVIEW_ROWS}).</p>` : "";
  const total = 40 + Array.from({ length: lastCol + 1 }, (_, c) => widthOf(c)).reduce((a, b) => a + b, 0);
  return `<table class="grid" role="grid" aria-label="Sheet ${escapeHtml(sheet.name)}" style="width:${total}px"><colgroup><col style="width:40px">${cols}</colgroup><thead>${head}</thead><tbody>${body.join("")}</tbody></table>${more}`;
}

const nice = (max: number): number => {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 2.5, 5, 10].map((m) => m * p).find((m) => m >= max) ?? 10 * p);
};

const short = (v: number): string => (Math.abs(v) >= 1e9 ? `${+(v / 1e9).toFixed(1)} bn` : Math.abs(v) >= 1e6 ? `${+(v / 1e6).toFixed(1)} m` : v.toLocaleString("en-US"));

/** A chart as an SVG: columns grouped per category (or lines), each series in its colour, title, caption and legend. */
export function renderChart(wb: WorkbookModel, chart: ChartModel): string {
  const { sheet, block } = chart.source;
  const data = wb.readBlock(sheet, block, "values");
  const categories = data.slice(1).map((r) => String(r[0]));
  const series = chart.series.map((s) => ({ ...s, values: data.slice(1).map((r) => (typeof r[s.column - block.left] === "number" ? (r[s.column - block.left] as number) : null)) }));
  const [title = "", caption = ""] = chart.title.split("\n");
  const captionLines = wrap(caption, 95);
  const W = 520;
  const H = 300;
  const pad = { l: 64, r: 12, t: 36 + 12 * captionLines.length, b: 40 + 16 * Math.ceil(series.length / 2) };
  const plotW = W - pad.l - pad.r;
  const plotH = H - pad.t - pad.b;
  const max = nice(Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null))));
  const y = (v: number) => pad.t + plotH - (v / max) * plotH;
  const slot = plotW / Math.max(categories.length, 1);
  const parts: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const v = (max / 4) * i;
    parts.push(`<line x1="${pad.l}" x2="${W - pad.r}" y1="${y(v)}" y2="${y(v)}" class="gridline"/><text x="${pad.l - 6}" y="${y(v) + 4}" text-anchor="end" class="tick">${short(v)}</text>`);
  }
  categories.forEach((c, i) => parts.push(`<text x="${pad.l + slot * (i + 0.5)}" y="${pad.t + plotH + 16}" text-anchor="middle" class="tick">${escapeHtml(c)}</text>`));
  const isLine = /^Line/.test(chart.type);
  if (isLine) {
    series.forEach((s) => {
      const pts = s.values.map((v, i) => (v === null ? null : `${pad.l + slot * (i + 0.5)},${y(v)}`)).filter(Boolean);
      const dash = s.lineStyle === "Dash" ? ` stroke-dasharray="6 4"` : "";
      parts.push(`<polyline points="${pts.join(" ")}" fill="none" stroke="${s.color ?? "#2B579A"}" stroke-width="2"${dash}/>`);
      s.values.forEach((v, i) => v !== null && parts.push(`<circle cx="${pad.l + slot * (i + 0.5)}" cy="${y(v)}" r="3.5" fill="${s.color ?? "#2B579A"}"><title>${escapeHtml(`${s.name}, ${categories[i]}: ${v.toLocaleString("en-US")}`)}</title></circle>`));
    });
  } else {
    categories.forEach((_, i) => {
      const present = series.filter((s) => s.values[i] !== null);
      const bw = Math.min(36, (slot * 0.8) / Math.max(present.length, 1));
      present.forEach((s, k) => {
        const v = s.values[i]!;
        const x = pad.l + slot * i + (slot - bw * present.length) / 2 + k * bw;
        parts.push(`<rect x="${x}" y="${y(v)}" width="${bw - 2}" height="${pad.t + plotH - y(v)}" fill="${s.color ?? "#2B579A"}"><title>${escapeHtml(`${s.name}, ${categories[i]}: ${v.toLocaleString("en-US")}`)}</title></rect>`);
      });
    });
  }
  series.forEach((s, k) => {
    const lx = pad.l + (k % 2) * (plotW / 2);
    const ly = H - pad.b + 34 + Math.floor(k / 2) * 16;
    parts.push(`<rect x="${lx}" y="${ly - 9}" width="10" height="10" fill="${s.color ?? "#2B579A"}"/><text x="${lx + 14}" y="${ly}" class="legend">${escapeHtml(s.name)}</text>`);
  });
  return `<figure class="chart" data-chart="${escapeHtml(chart.name)}"><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(title)}"><text x="${W / 2}" y="18" text-anchor="middle" class="title">${escapeHtml(title)}</text>${captionLines.map((line, i) => `<text x="${W / 2}" y="${34 + 12 * i}" text-anchor="middle" class="caption">${escapeHtml(line)}</text>`).join("")}<line x1="${pad.l}" x2="${W - pad.r}" y1="${pad.t + plotH}" y2="${pad.t + plotH}" class="axis"/>${parts.join("")}</svg></figure>`;
}

/** Splits text into lines of at most `width` characters, at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + word.length + 1 <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
