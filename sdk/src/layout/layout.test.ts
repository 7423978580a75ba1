import { describe, expect, it } from "vitest";
import { planSheet } from "../public.js";
import { blockAddress, cellAddress, columnLetter, parseAddress, quoteSheetName } from "./address.js";
import { planChunks, packBatches, rowBytes } from "./chunks.js";
import { formatCell } from "./format.js";
import { carryRows, diffRows, rowKeys } from "./refresh.js";
import { safeFormat } from "./guard.js";
import { chartData, occupiedCells, parseStamp, seriesStyles, sheetLayout, uniqueSheetName } from "./sheet-layout.js";

describe("columnLetter", () => {
  it("counts columns in Excel's bijective base 26", () => {
    expect([0, 25, 26, 27, 701, 702, 16383].map(columnLetter)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA", "XFD"]);
  });
  it("refuses a column beyond XFD", () => {
    expect(() => columnLetter(16384)).toThrow(/outside Excel's columns/);
  });
});

describe("parseAddress", () => {
  it("reads quoted sheet names and normalises reversed corners", () => {
    expect(parseAddress("'Bob''s data'!D10:A1")).toEqual({ sheet: "Bob's data", block: { top: 0, left: 0, bottom: 9, right: 3 } });
  });
  it("round-trips with blockAddress and cellAddress", () => {
    expect(blockAddress(parseAddress("B2:AA100").block)).toBe("B2:AA100");
    const { top, left } = parseAddress("$C$7").block;
    expect(cellAddress({ row: top, col: left })).toBe("C7");
  });
  it("refuses text that is not an address", () => {
    expect(() => parseAddress("Sheet1!hello")).toThrow(/not an A1 cell address/);
  });
  it("quotes sheet names with spaces", () => {
    expect(quoteSheetName("Fox Hunt")).toBe("'Fox Hunt'");
  });
});

describe("planChunks", () => {
  it("keeps every chunk within both limits and covers every row once", () => {
    const sizes = Array.from({ length: 1000 }, (_, i) => 100 + (i % 7) * 50);
    const chunks = planChunks(sizes, { maxRows: 90, maxBytes: 20_000 });
    expect(chunks[0]!.start).toBe(0);
    expect(chunks.at(-1)!.end).toBe(1000);
    for (const [i, c] of chunks.entries()) {
      expect(c.end - c.start).toBeLessThanOrEqual(90);
      expect(c.bytes).toBeLessThanOrEqual(20_000);
      if (i > 0) expect(c.start).toBe(chunks[i - 1]!.end);
    }
  });
  it("refuses a row that could never fit a request", () => {
    expect(() => planChunks([10, 5000], { maxRows: 10, maxBytes: 1000 })).toThrow(/row 2 alone/);
  });
  it("estimates a row from its JSON with blanks written as empty strings", () => {
    expect(rowBytes([null, 1], ["@", "0"])).toBe(JSON.stringify(["", 1]).length + JSON.stringify(["@", "0"]).length + 2);
  });
});

describe("packBatches", () => {
  it("packs small items together and starts a new batch before a limit is crossed", () => {
    const items = [300, 300, 300, 300].map((bytes, i) => ({ item: i, bytes, rows: 1 }));
    expect(packBatches(items, { maxRows: 100, maxBytes: 700 }).map((b) => b.map((w) => w.item))).toEqual([[0, 1], [2, 3]]);
  });
});

describe("rowKeys", () => {
  it("keys observation rows by series, dates and source, unique within the plan", () => {
    const plan = planSheet("sky-net");
    const keys = rowKeys(plan.columns, plan.rows);
    expect(new Set(keys).size).toBe(plan.rows.length);
    expect(keys[0]).toContain(String(plan.rows[0]![0]));
  });
});

describe("diffRows", () => {
  it("reports rows added, removed and each revised cell", () => {
    const d = diffRows(["Value", "Note"], ["a", "b", "c"], [[1, ""], [2, "x"], [3, ""]], ["a", "c", "d"], [[1, null], [30, null], [4, null]]);
    expect(d.added).toEqual(["d"]);
    expect(d.removed).toEqual(["b"]);
    expect(d.revised).toEqual([{ key: "c", column: "Value", from: "3", to: "30" }]);
    expect(d.sources).toEqual([0, 2, null]);
    expect(d.samePositions).toBe(false);
  });
  it("sees appended rows as keeping positions", () => {
    expect(diffRows(["V"], ["a"], [[1]], ["a", "b"], [[1], [2]]).samePositions).toBe(true);
  });
});

describe("carryRows", () => {
  it("moves cells with their rows and leaves added rows blank", () => {
    expect(carryRows([1, null, 0], [["x", 1], ["y", 2]], 2)).toEqual([["y", 2], ["", ""], ["x", 1]]);
  });
  it("gives added rows the formula of a calculated column", () => {
    expect(carryRows([null, 0], [["=[@V]*2", "a"]], 2)).toEqual([["=[@V]*2", ""], ["=[@V]*2", "a"]]);
  });
});

describe("formatCell", () => {
  it("shows counts with thousands separators, serials as dates and money in billions", () => {
    expect(formatCell(1023, "#,##0")).toBe("1,023");
    expect(formatCell(42004, "yyyy-mm-dd")).toBe("2014-12-31");
    expect(formatCell(2_910_000_000, '#,##0.00,,," bn CNY"')).toBe("2.91 bn CNY");
    expect(formatCell("=SUM(A1)", "@")).toBe("=SUM(A1)");
    expect(formatCell(null, "#,##0")).toBe("");
  });
});

describe("sheetLayout", () => {
  it("puts the table below the title and notes and freezes through its header", () => {
    const plan = planSheet("fox-hunt");
    const l = sheetLayout(plan);
    expect(l.headerRow).toBe(plan.notes.length + 2);
    expect(l.table).toEqual({ top: l.headerRow, left: 0, bottom: l.headerRow + plan.rows.length, right: plan.columns.length - 1 });
    expect(l.freezeRows).toBe(l.headerRow + 1);
    expect(l.charts.map((c) => c.name)).toEqual(["SkyNet_fox_hunt_fox_hunt_captures"]);
  });
});

describe("chartData", () => {
  it("lays a chart's categories and series out as a block with blanks for missing figures", () => {
    const chart = planSheet("fox-hunt").charts[0]!;
    const d = chartData(chart, 1);
    expect(d.values[0]).toEqual([chart.categoryLabel, ...chart.series.map((s) => s.name)]);
    expect(d.values[1]).toEqual(["2014", 680, ""]);
    expect(d.block).toEqual({ top: 0, left: 10, bottom: chart.categories.length, right: 10 + chart.series.length });
  });
});

describe("seriesStyles", () => {
  it("draws partial and lower-bound series in colours of their own", () => {
    const chart = planSheet("sky-net").charts[1]!;
    const styles = seriesStyles(chart);
    const full = styles.filter((_, i) => chart.series[i]!.marking === "full").map((s) => s.color);
    const other = styles.filter((_, i) => chart.series[i]!.marking !== "full").map((s) => s.color);
    expect(other.length).toBeGreaterThan(0);
    for (const c of other) expect(full).not.toContain(c);
  });
});

describe("uniqueSheetName", () => {
  it("adds a counter within 31 characters", () => {
    const long = "A".repeat(31);
    const name = uniqueSheetName(long, [long]);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name.endsWith(" (2)")).toBe(true);
  });
});

describe("occupiedCells", () => {
  it("names the cells that hold a value or formula", () => {
    expect(occupiedCells({ row: 9, col: 1 }, [["", "=A1"], [0, ""]])).toEqual(["C10", "B11"]);
  });
});

describe("parseStamp", () => {
  it("accepts a stamp as an object or JSON text and rejects anything else", () => {
    const s = { dataVersion: "0.1.0+ab", loadedAt: "2026-01-01T00:00:00.000Z", datasets: ["spp"] };
    expect(parseStamp(s)).toEqual(s);
    expect(parseStamp(JSON.stringify(s))).toEqual(s);
    expect(parseStamp("{oops")).toBeNull();
    expect(parseStamp({ dataVersion: "" })).toBeNull();
  });
});

describe("safeFormat", () => {
  it("forces the text format on text that Excel would read as a formula", () => {
    expect(["=SUM(A1)", "+86", "-x", "@home", "plain"].map((v) => safeFormat(v, "General"))).toEqual(["@", "@", "@", "@", "General"]);
    expect(safeFormat(-5, "#,##0")).toBe("#,##0");
  });
});

describe("FORMULA_LIKE, the one formula-injection rule", () => {
  it("forces the text format on text a spreadsheet would read as a formula, tab and carriage return included", () => {
    for (const t of ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"]) expect(safeFormat(t, "General"), JSON.stringify(t)).toBe("@");
    for (const t of ["Jan–Nov 2016", "a=b", "'quoted", " =1"]) expect(safeFormat(t, "General"), JSON.stringify(t)).toBe("General");
  });
});
