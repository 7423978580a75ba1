import { describe, expect, it } from "vitest";
import { planTable, sheetNameFor, tableNameFor, unitFormat } from "./plan.js";
import type { Table } from "../core/table.js";

describe("sheetNameFor", () => {
  it("removes the characters Excel forbids and cuts to 31 characters", () => {
    const n = sheetNameFor("Treaties [in force]: a/b\\c? * and a very long tail");
    expect(n.length).toBeLessThanOrEqual(31);
    expect(n).not.toMatch(/[[\]:*?/\\]/);
  });

  it("never returns an empty name", () => {
    expect(sheetNameFor("???")).toBe("Sheet");
  });
});

describe("tableNameFor", () => {
  it("makes a name of letters, digits and underscores that cannot look like a cell reference", () => {
    expect(tableNameFor("fox-hunt")).toBe("SkyNet_fox_hunt");
  });
});

describe("unitFormat", () => {
  it("shows money in billions while the cell keeps the full value", () => {
    expect(unitFormat("CNY")).toBe('#,##0.00,,," bn CNY"');
    expect(unitFormat("persons")).toBe("#,##0");
  });
});

describe("planTable", () => {
  const t: Table = {
    dataset: "x",
    title: "X",
    columns: [
      { key: "when", header: "When", type: "date", description: "" },
      { key: "value", header: "Value", type: "number", description: "", unitColumn: "unit" },
      { key: "unit", header: "Unit", type: "text", description: "" },
    ],
    rows: [
      ["2014-12-31", 10_140_000_000, "CNY"],
      ["2015-04-01", 680, "persons"],
    ],
  };
  const p = planTable(t, "X", "SkyNet_x");

  it("writes dates as Excel serials with a date format", () => {
    expect(p.rows.map((r) => r[0])).toEqual([42004, 42095]);
    expect(p.numberFormats.map((r) => r[0])).toEqual(["yyyy-mm-dd", "yyyy-mm-dd"]);
  });

  it("formats each value by its row's unit", () => {
    expect(p.numberFormats.map((r) => r[1])).toEqual(['#,##0.00,,," bn CNY"', "#,##0"]);
    expect(p.rows[0]![1]).toBe(10_140_000_000);
  });

  it("formats text columns as text so nothing typed there becomes a formula", () => {
    expect(p.numberFormats.every((r) => r[2] === "@")).toBe(true);
  });
});

describe("sheetNameFor (word boundaries)", () => {
  it("cuts a long title at a word boundary", () => {
    expect(sheetNameFor("Extradition and judicial assistance treaties")).toBe("Extradition and judicial");
  });
});
