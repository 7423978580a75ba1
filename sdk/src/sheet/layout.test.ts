import { describe, expect, it } from "vitest";
import { planSheet, planSourcesSheet } from "../public.js";
import { blockAddress } from "../layout/address.js";
import { chartData, chartDataSheetName, sheetLayout } from "./layout.js";

// Addresses written out from the layout rules: title A1, one note per row, a blank row, the table, charts after a gap.
describe("sheetLayout", () => {
  it("puts SPP's title in A1, its 4 notes in A2:A5 and its table at A7:P11, frozen through row 7", () => {
    const l = sheetLayout(planSheet("spp"));
    expect([l.titleCell, l.notes.map((n) => n.address), blockAddress(l.table), l.freezeRows]).toEqual(["A1", ["A2", "A3", "A4", "A5"], "A7:P11", 7]);
  });

  it("puts the Sources sheet's one note in A2 and its table from row 4", () => {
    const l = sheetLayout(planSourcesSheet(["spp"]));
    expect([l.notes.map((n) => n.address), blockAddress(l.table)]).toEqual([["A2"], "A4:I5"]);
  });

  it("anchors Fox Hunt's chart at R7:Y22, one blank column right of the table", () => {
    expect(sheetLayout(planSheet("fox-hunt")).charts.map((c) => [c.from, c.to])).toEqual([["R7", "Y22"]]);
  });
});

describe("chartData", () => {
  it("puts Fox Hunt's chart data at A1:C5 of its own sheet, categories as text", () => {
    const d = chartData(planSheet("fox-hunt").charts[0]!, 0);
    expect([chartDataSheetName("SkyNet_fox_hunt"), blockAddress(d.block)]).toEqual(["SkyNet_fox_hunt charts", "A1:C5"]);
    expect(d.numberFormats[1]).toEqual(["@", "General", "General"]);
  });
});
