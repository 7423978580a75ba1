// A small made-up pair of sheet plans, written by hand, so the load plan's expected operations can be written out.
import type { SheetPlan } from "@skynet-data/sdk";

export const VERSION_NOTE = "Data version 1.0.0+aa. Sources: see the Sources sheet.";

/** A dataset sheet: 2 columns, 2 rows (one value absent), 2 notes, no chart. */
export const X: SheetPlan = {
  kind: "dataset",
  dataset: "x",
  sheetName: "X",
  tableName: "SkyNet_x",
  title: "X figures",
  columns: [
    { key: "series", header: "Series", type: "text", description: "", numberFormat: "@", width: 10 },
    { key: "value", header: "Value", type: "integer", description: "", numberFormat: "#,##0", width: 8 },
  ],
  rows: [
    ["x.a", 1],
    ["x.b", null],
  ],
  numberFormats: [
    ["@", "#,##0"],
    ["@", "#,##0"],
  ],
  charts: [],
  notes: ["About X.", VERSION_NOTE],
};

/** The Sources sheet of X: one source with a link, one note. */
export const SOURCES: SheetPlan = {
  kind: "sources",
  dataset: "sources",
  sheetName: "Sources",
  tableName: "SkyNet_sources",
  title: "Sources",
  columns: [
    { key: "id", header: "Id", type: "text", description: "", numberFormat: "@", width: 8 },
    { key: "url", header: "URL", type: "url", description: "", numberFormat: "@", width: 24 },
  ],
  rows: [["s1", "https://example.org/a"]],
  numberFormats: [["@", "@"]],
  charts: [],
  notes: ["Every citation."],
};

/** X with a line chart: a full and a partial series over two years. */
export const X_CHARTED: SheetPlan = {
  ...X,
  charts: [
    {
      id: "per-year",
      title: "X per year (persons)",
      unit: "persons",
      type: "line",
      caption: "Source: P",
      categoryLabel: "Year",
      categories: ["2014", "2015"],
      series: [
        { name: "X", seriesId: "x.a", marking: "full", values: [1, null] },
        { name: "X (partial period)", seriesId: "x.a", marking: "partial", values: [null, 2] },
      ],
    },
  ],
};

export const SETTINGS = { dataVersion: "1.0.0+aa", loadedAt: "2026-03-01T12:00:00.000Z", limits: { maxRows: 20_000, maxBytes: 900_000 }, tableResize: true, recalculate: false };
