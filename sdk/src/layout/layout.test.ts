import { describe, expect, it } from "vitest";
import { planSheet } from "../public.js";
import { blockAddress, cellAddress, columnLetter, parseAddress, quoteSheetName } from "./address.js";
import { formatCell } from "./format.js";
import { safeFormat } from "./guard.js";
import { uniqueSheetName } from "./names.js";
import { chartData, seriesStyles, sheetLayout } from "../sheet/layout.js";

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
