// The load plan on a hand-written fixture: every expected operation, address and word is written out here from the
// sheet contract's rules (title A1, one note per row, a blank row, the table; widths 6 points a character).
import { describe, expect, it } from "vitest";
import { cellReads, planLoad, tableReads, type Operation, type TableSnapshot } from "../../src/excel/load-plan/index.js";
import { SETTINGS, SOURCES, VERSION_NOTE, X, X_CHARTED } from "./fixture.js";

const STAMP_X = { dataVersion: "0.9.0+bb", loadedAt: "2026-01-01T00:00:00.000Z", datasets: ["x"] };
const ENDING = (activate: string | null): Operation[] => [
  { kind: "setting", key: "SkyNetData.stamp", value: { dataVersion: "1.0.0+aa", loadedAt: "2026-03-01T12:00:00.000Z", datasets: ["x"] } },
  ...(activate ? [{ kind: "activate", sheet: activate } as const] : []),
  { kind: "sync" },
  { kind: "progress", message: "Done." },
];

/** X as an insert left it, with the analyst's column C ("Mine") and an older data version note. */
const foundX = (over: Partial<TableSnapshot> = {}): TableSnapshot => ({
  name: "SkyNet_x",
  sheet: "X",
  address: "X!A5:C7",
  headers: ["Series", "Value", "Mine"],
  charts: [],
  versionNote: "Data version 0.9.0+bb. Sources: see the Sources sheet.",
  body: [
    ["x.a", 1, "note a"],
    ["x.b", "", "note b"],
  ],
  zone: [["", "", ""]],
  below: null,
  ...over,
});
const REFRESHED_ROWS = { ...X, rows: [["x.b", 2], ["x.a", 1], ["x.c", 3]], numberFormats: [["@", "#,##0"], ["@", "#,##0"], ["@", "#,##0"]] };

describe("planLoad (insert)", () => {
  it("inserts a dataset and its Sources sheet on sheets of their own, in one write sync and one to finish", () => {
    const { operations, report } = planLoad({ sheets: ["Sheet1"], stamp: null, tables: [], chartDataSheets: [] }, [X, SOURCES], SETTINGS);
    expect(operations).toEqual<Operation[]>([
      { kind: "addSheet", sheet: "X" },
      { kind: "addSheet", sheet: "Sources" },
      { kind: "progress", message: "Writing the data…" },
      { kind: "suspendCalculation" },
      { kind: "values", sheet: "X", address: "A1", numberFormat: [["@"]], values: [["X figures"]] },
      { kind: "font", sheet: "X", address: "A1", font: { bold: true, size: 14 } },
      { kind: "values", sheet: "X", address: "A2:A3", numberFormat: [["@"], ["@"]], values: [["About X."], [VERSION_NOTE]] },
      { kind: "font", sheet: "X", address: "A2:A3", font: { italic: true, color: "#595959" } },
      { kind: "values", sheet: "X", address: "A5:B5", numberFormat: [["@", "@"]], values: [["Series", "Value"]] },
      { kind: "columnWidth", sheet: "X", address: "A5", points: 60 },
      { kind: "columnWidth", sheet: "X", address: "B5", points: 48 },
      { kind: "values", sheet: "Sources", address: "A1", numberFormat: [["@"]], values: [["Sources"]] },
      { kind: "font", sheet: "Sources", address: "A1", font: { bold: true, size: 14 } },
      { kind: "values", sheet: "Sources", address: "A2", numberFormat: [["@"]], values: [["Every citation."]] },
      { kind: "font", sheet: "Sources", address: "A2", font: { italic: true, color: "#595959" } },
      { kind: "values", sheet: "Sources", address: "A4:B4", numberFormat: [["@", "@"]], values: [["Id", "URL"]] },
      { kind: "columnWidth", sheet: "Sources", address: "A4", points: 48 },
      { kind: "columnWidth", sheet: "Sources", address: "B4", points: 144 },
      { kind: "values", sheet: "X", address: "A6:B7", numberFormat: [["@", "#,##0"], ["@", "#,##0"]], values: [["x.a", 1], ["x.b", ""]] },
      { kind: "values", sheet: "Sources", address: "A5:B5", numberFormat: [["@", "@"]], values: [["s1", "https://example.org/a"]] },
      { kind: "hyperlink", sheet: "Sources", address: "B5", url: "https://example.org/a" },
      { kind: "sync" },
      { kind: "progress", message: "Writing the data… 1 of 1" },
      { kind: "progress", message: "Adding tables and charts…" },
      { kind: "addTable", sheet: "X", address: "A5:B7", name: "SkyNet_x", style: "TableStyleMedium2", bandedRows: true },
      { kind: "freezeRows", sheet: "X", rows: 5 },
      { kind: "addTable", sheet: "Sources", address: "A4:B5", name: "SkyNet_sources", style: "TableStyleMedium2", bandedRows: true },
      { kind: "freezeRows", sheet: "Sources", rows: 4 },
      ...ENDING("X"),
    ]);
    expect(report.tables.map((t) => [t.table, t.sheet, t.status, t.message])).toEqual([
      ["SkyNet_x", "X", "inserted", "Inserted 2 rows."],
      ["SkyNet_sources", "Sources", "inserted", "Inserted 1 row."],
    ]);
    expect(report).toMatchObject({ previous: null, recalculated: false });
  });

  it("gives a new sheet a free name, and calls a plan the stamp lists (or a Sources plan) recreated", () => {
    const { operations, report } = planLoad({ sheets: ["x", "Sources"], stamp: STAMP_X, tables: [], chartDataSheets: [] }, [X, SOURCES], SETTINGS);
    expect(operations.filter((o) => o.kind === "addSheet")).toEqual([
      { kind: "addSheet", sheet: "X (2)" },
      { kind: "addSheet", sheet: "Sources (2)" },
    ]);
    expect(report.tables.map((t) => [t.sheet, t.status, t.message])).toEqual([
      ["X (2)", "recreated", "Recreated with 2 rows (its table or sheet had been deleted)."],
      ["Sources (2)", "recreated", "Recreated with 1 row (its table or sheet had been deleted)."],
    ]);
  });

  it("stamps the datasets loaded so far, never the Sources sheet", () => {
    const { report } = planLoad({ sheets: [], stamp: { ...STAMP_X, datasets: ["y"] }, tables: [], chartDataSheets: [] }, [X, SOURCES], SETTINGS);
    expect(report.stamp).toEqual({ dataVersion: "1.0.0+aa", loadedAt: "2026-03-01T12:00:00.000Z", datasets: ["y", "x"] });
  });

  it("writes text that starts like a formula under the text format", () => {
    const tricky = { ...X, rows: [["=1+1", 1]], numberFormats: [["General", "#,##0"]] };
    const { operations } = planLoad({ sheets: [], stamp: null, tables: [], chartDataSheets: [] }, [tricky], SETTINGS);
    expect(operations).toContainEqual({ kind: "values", sheet: "X", address: "A6:B6", numberFormat: [["@", "#,##0"]], values: [["=1+1", 1]] });
  });

  it("puts a chart's data on a hidden chart-data sheet and draws partial figures dashed in their own colour", () => {
    const { operations } = planLoad({ sheets: [], stamp: null, tables: [], chartDataSheets: [] }, [X_CHARTED], SETTINGS);
    const afterFreeze = operations.slice(operations.findIndex((o) => o.kind === "freezeRows") + 1, operations.findIndex((o) => o.kind === "setting"));
    expect(afterFreeze).toEqual<Operation[]>([
      { kind: "addSheet", sheet: "SkyNet_x charts", visibility: "Hidden" },
      { kind: "clear", sheet: "SkyNet_x charts", address: "A1:I500", applyTo: "Contents" },
      {
        kind: "values",
        sheet: "SkyNet_x charts",
        address: "A1:C3",
        numberFormat: [["@", "General", "General"], ["@", "General", "General"], ["@", "General", "General"]],
        values: [["Year", "X", "X (partial period)"], ["2014", 1, ""], ["2015", "", 2]],
      },
      {
        kind: "chart",
        sheet: "X",
        name: "SkyNet_x_per_year",
        data: { sheet: "SkyNet_x charts", address: "A1:C3" },
        create: { type: "LineMarkers", from: "D5", to: "K20", legend: "Bottom" },
        title: "X per year (persons)\nSource: P",
        series: [
          { index: 0, line: { color: "#2B579A", lineStyle: "Continuous" } },
          { index: 1, line: { color: "#F4B183", lineStyle: "Dash" } },
        ],
      },
    ]);
  });

  it("points a chart already on the sheet at its data instead of adding another, on the chart-data sheet found", () => {
    const found = foundX({ address: "X!A5:B7", headers: ["Series", "Value"], body: [["x.a", 1], ["x.b", ""]], charts: ["SkyNet_x_per_year"], zone: null });
    const { operations } = planLoad({ sheets: ["X", "SkyNet_x charts"], stamp: STAMP_X, tables: [found], chartDataSheets: ["SkyNet_x charts"] }, [X_CHARTED], SETTINGS);
    expect(operations.filter((o) => o.kind === "addSheet")).toEqual([]);
    expect(operations.find((o) => o.kind === "chart")).toMatchObject({ name: "SkyNet_x_per_year", create: null });
  });
});

describe("planLoad (refresh)", () => {
  it("matches rows by key, writes the new rows, moves the analyst's cells with their rows and brings the version note up to date", () => {
    const { operations, report } = planLoad({ sheets: ["X"], stamp: STAMP_X, tables: [foundX()], chartDataSheets: [] }, [REFRESHED_ROWS], SETTINGS);
    expect(operations).toEqual<Operation[]>([
      { kind: "progress", message: "Writing the data…" },
      { kind: "suspendCalculation" },
      { kind: "values", sheet: "X", address: "A3", numberFormat: [["@"]], values: [[VERSION_NOTE]] },
      { kind: "resizeTable", table: "SkyNet_x", address: "A5:C8" },
      { kind: "values", sheet: "X", address: "A6:B8", numberFormat: [["@", "#,##0"], ["@", "#,##0"], ["@", "#,##0"]], values: [["x.b", 2], ["x.a", 1], ["x.c", 3]] },
      { kind: "formulas", sheet: "X", address: "C6:C8", formulas: [["note b"], ["note a"], [""]] },
      { kind: "sync" },
      { kind: "progress", message: "Writing the data… 1 of 1" },
      { kind: "progress", message: "Adding tables and charts…" },
      ...ENDING(null),
    ]);
    expect(report.tables).toEqual([
      {
        dataset: "x",
        kind: "dataset",
        layout: "long",
        table: "SkyNet_x",
        sheet: "X",
        status: "refreshed",
        added: 1,
        removed: 0,
        revised: 1,
        revisedCells: [{ key: "x.b", column: "Value", from: "", to: "2" }],
        addedKeys: ["x.c"],
        removedKeys: [],
        blockedBy: [],
        message: "Refreshed: 1 row added, 0 removed, 1 value revised.",
      },
    ]);
    expect(report.previous).toEqual(STAMP_X);
  });

  it("leaves a table unchanged and names the cells in the way when it would grow into the analyst's data", () => {
    const { operations, report } = planLoad({ sheets: ["X"], stamp: STAMP_X, tables: [foundX({ zone: [["", "mine", ""]] })] , chartDataSheets: [] }, [REFRESHED_ROWS], SETTINGS);
    expect(operations).toEqual<Operation[]>([
      { kind: "progress", message: "Writing the data…" },
      { kind: "suspendCalculation" },
      { kind: "sync" },
      { kind: "progress", message: "Writing the data… 1 of 1" },
      { kind: "progress", message: "Adding tables and charts…" },
      ...ENDING(null),
    ]);
    expect(report.tables[0]).toMatchObject({ status: "blocked", blockedBy: ["B8"], message: 'Left unchanged: it needs 1 more row(s), but B8 on "X" hold other data. Move those cells, then refresh again.' });
  });

  it("without Table.resize adds blank table rows before writing them, when nothing lies below the table", () => {
    const { operations } = planLoad({ sheets: ["X"], stamp: STAMP_X, tables: [foundX()], chartDataSheets: [] }, [REFRESHED_ROWS], { ...SETTINGS, tableResize: false });
    expect(operations.slice(3, 5)).toEqual<Operation[]>([
      { kind: "addTableRows", table: "SkyNet_x", values: [["", "", ""]] },
      { kind: "values", sheet: "X", address: "A6:B8", numberFormat: [["@", "#,##0"], ["@", "#,##0"], ["@", "#,##0"]], values: [["x.b", 2], ["x.a", 1], ["x.c", 3]] },
    ]);
  });

  it("without Table.resize leaves the table unchanged when growing would move the cells below it", () => {
    const { report } = planLoad({ sheets: ["X"], stamp: STAMP_X, tables: [foundX({ below: "X!A12:A12" })], chartDataSheets: [] }, [REFRESHED_ROWS], { ...SETTINGS, tableResize: false });
    expect(report.tables[0]).toMatchObject({ status: "blocked", blockedBy: ["A12"] });
    expect(report.tables[0]!.message).toMatch(/^Left unchanged: it needs to grow by 1 row\(s\), .*\(A12 on "X"\)/);
  });

  it("shrinks a table with Table.resize and clears the rows it gave up", () => {
    const one = { ...X, rows: [["x.a", 1]], numberFormats: [["@", "#,##0"]] };
    const { operations, report } = planLoad({ sheets: ["X"], stamp: STAMP_X, tables: [foundX({ zone: null })], chartDataSheets: [] }, [one], SETTINGS);
    expect(operations.slice(3, 5)).toEqual<Operation[]>([
      { kind: "resizeTable", table: "SkyNet_x", address: "A5:C6" },
      { kind: "clear", sheet: "X", address: "A7:C7", applyTo: "All" },
    ]);
    expect(report.tables[0]).toMatchObject({ removed: 1, removedKeys: ["x.b"], message: "Refreshed: 0 rows added, 1 removed, 0 values revised." });
  });

  it("leaves a table whose column was renamed unchanged, and says which", () => {
    const { report } = planLoad({ sheets: ["X"], stamp: STAMP_X, tables: [foundX({ headers: ["Series", "Amount", "Mine"] })], chartDataSheets: [] }, [X], SETTINGS);
    expect(report.tables[0]).toMatchObject({
      status: "failed",
      message: 'Left unchanged: its column "Value" is missing (renamed or deleted). Rename it back, or delete the table to have it recreated.',
    });
  });

  it("asks for a full calculation in the last sync when the release changed", () => {
    const { operations } = planLoad({ sheets: ["X"], stamp: STAMP_X, tables: [foundX({ zone: null })], chartDataSheets: [] }, [X], { ...SETTINGS, recalculate: true });
    expect(operations.slice(-3)).toEqual<Operation[]>([{ kind: "calculate", dataVersion: "1.0.0+aa" }, { kind: "sync" }, { kind: "progress", message: "Done." }]);
  });
});

describe("tableReads", () => {
  it("reads the plans' tables the workbook has (names ignoring case), their charts and version note, and every chart-data sheet", () => {
    expect(tableReads([X_CHARTED, SOURCES], ["skynet_X", "Other"])).toEqual({
      tables: [{ table: "SkyNet_x", charts: ["SkyNet_x_per_year"], versionNote: "A3" }],
      chartDataSheets: ["SkyNet_x charts"],
    });
  });
});

describe("cellReads", () => {
  const found = { name: "SkyNet_x", sheet: "X", address: "X!A5:C7", headers: ["Series", "Value", "Mine"], charts: [], versionNote: null };

  it("reads the body, the rows the table would grow into, and without Table.resize the used range below it", () => {
    expect(cellReads([REFRESHED_ROWS], [found], { limits: SETTINGS.limits, tableResize: false })).toEqual([
      [
        { table: "SkyNet_x", sheet: "X", address: "A6:C7", part: "body" },
        { table: "SkyNet_x", sheet: "X", address: "A8:C8", part: "zone" },
        { table: "SkyNet_x", sheet: "X", address: "A8:C1048576", part: "below" },
      ],
    ]);
    expect(cellReads([REFRESHED_ROWS], [found], { limits: SETTINGS.limits, tableResize: true }).flat().map((r) => r.part)).toEqual(["body", "zone"]);
  });

  it("reads a large body in runs that each fit the byte limit, one sync per batch", () => {
    const big = { ...found, address: "X!A5:C1004" };
    const batches = cellReads([X], [big], { limits: { maxRows: 20_000, maxBytes: 20_000 }, tableResize: true });
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.flat()[0]).toEqual({ table: "SkyNet_x", sheet: "X", address: expect.stringMatching(/^A6:C\d+$/), part: "body" });
    expect(batches.flat().at(-1)!.address).toMatch(/^A\d+:C1004$/);
  });

  it("reads nothing of a table whose columns no longer match", () => {
    expect(cellReads([X], [{ ...found, headers: ["Series", "Amount"] }], { limits: SETTINGS.limits, tableResize: true })).toEqual([]);
  });
});
