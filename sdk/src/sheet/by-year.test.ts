import { describe, expect, it } from "vitest";
import { catalog, listDatasets, planByYearSheet, planSheet } from "../public.js";
import { blockAddress } from "../layout/address.js";
import { SkynetError } from "../core/errors.js";
import { byYearFigures } from "./by-year.js";
import { chartDataSheetName, sheetLayout } from "./layout.js";

// Expected values written out from sdk/src/datasets/*/data.ts and the sources they cite.
const skyNet = planByYearSheet("sky-net");
const col = (header: string) => skyNet.columns.findIndex((c) => c.header === header);
const row = (year: number) => skyNet.rows.find((r) => r[0] === year)!;
const RETURNED = "Sky Net fugitives returned (persons)";
const RECOVERED = "Sky Net assets recovered (CNY)";
const NOTES = "Notes";

describe("planByYearSheet", () => {
  it("puts the years 2015 to 2024 down the first column, one row each, gaps included", () => {
    expect(skyNet.rows.map((r) => r[0])).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(skyNet.columns[0]).toMatchObject({ key: "year", header: "Year", numberFormat: "0" });
  });

  it("has one column per series that is not a running total, then Notes", () => {
    expect(skyNet.columns.map((c) => c.header)).toEqual([
      "Year",
      RETURNED,
      "Of whom Party members and state functionaries (persons)",
      "Of whom state functionaries (persons)",
      "Of whom supervision targets (persons)",
      "Returned from the 100 most wanted (persons)",
      "Returned red-notice fugitives (persons)",
      RECOVERED,
      NOTES,
    ]);
  });

  it("holds 2041 returned in 2019, the full-year exact figure, as a number", () => {
    expect(row(2019)[col(RETURNED)]).toBe(2041);
  });

  it("leaves 2016's returned column blank and names the Jan–Nov figure 908 in the note", () => {
    expect(row(2016)[col(RETURNED)]).toBeNull();
    expect(row(2016)[col(NOTES)]).toContain("Sky Net fugitives returned Jan–Nov 2016: 908 (partial; cnr-2016-12-09)");
  });

  it("keeps a 'more than' figure out of the number column: recovered in 2021 is only in the note", () => {
    expect(row(2021)[col(RECOVERED)]).toBeNull();
    expect(row(2021)[col(NOTES)]).toContain("Sky Net assets recovered 2021: more than 16.74 bn CNY (lower bound; china-daily-2022-02-25)");
    expect(row(2021)[col(NOTES)]).toContain("Sky Net assets recovered Jan–Nov 2021: 16.14 bn CNY (partial; gsdjw-2021-12)");
  });

  it("puts an 'about' full-year figure in its column and says so in the note (recovered 2017, about 0.98 bn)", () => {
    expect(row(2017)[col(RECOVERED)]).toBe(980_000_000);
    expect(row(2017)[col(NOTES)]).toBe("Sky Net assets recovered 2017: about 0.98 bn CNY (in the column; approximate; hegsqy-2018-01-14)");
  });

  it("says what the 2015 campaign's numbers cover and names the Jan–Nov partial figures", () => {
    expect([row(2015)[col(RETURNED)], row(2015)[col("Returned from the 100 most wanted (persons)")]]).toEqual([1023, 18]);
    expect(row(2015)[col(NOTES)]).toBe(
      "Every number in this row covers 2015 (Apr–Dec). | Sky Net fugitives returned Jan–Nov 2015: 863 (partial; taiwan-cn-2016-01-07) | Of whom Party members and state functionaries Jan–Nov 2015: 196 (partial; taiwan-cn-2016-01-07)",
    );
  });

  it("leaves the note blank where every figure of the year is in a column (2018)", () => {
    expect(row(2018).slice(1)).toEqual([1335, 307, null, null, 5, null, 3_540_000_000, null]);
  });

  it("formats the year as a plain number, counts with separators, yuan in billions and notes as text", () => {
    expect(skyNet.numberFormats[0]).toEqual(["0", "#,##0", "#,##0", "#,##0", "#,##0", "#,##0", "#,##0", '#,##0.00,,," bn CNY"', "@"]);
  });

  it("draws one chart per unit from the number columns: returned (persons) and recovered (CNY), never on one axis", () => {
    expect(skyNet.charts.map((c) => [c.id, c.unit, c.series.map((s) => s.name)])).toEqual([
      ["by-year-persons", "persons", [RETURNED]],
      ["by-year-CNY", "CNY", [RECOVERED]],
    ]);
    expect(skyNet.charts[0]!.categories).toEqual(["2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024"]);
    expect(skyNet.charts[0]!.series[0]!.values).toEqual([1023, null, 1300, 1335, 2041, 1421, 1273, null, null, 1597]);
    expect(skyNet.charts[1]!.series[0]!.values).toEqual([null, null, 980_000_000, 3_540_000_000, null, 2_950_000_000, null, null, null, null]);
  });

  it("marks the plan as by year, with its own sheet, table and chart-data sheet apart from the long table's", () => {
    expect([skyNet.layout, skyNet.sheetName, skyNet.tableName, skyNet.title]).toEqual(["by-year", "Sky Net by year", "SkyNet_by_year_sky_net", "Sky Net returns and recoveries, by year"]);
    expect(chartDataSheetName(skyNet.tableName)).not.toBe(chartDataSheetName(planSheet("sky-net").tableName));
    expect(skyNet.notes.at(-1)).toMatch(/^Data version \S+\. Sources: see the Sources sheet\.$/);
  });

  it("keeps Fox Hunt 2022's 'more than 700' out of the captured column and marks years without a figure", () => {
    const fh = planByYearSheet("fox-hunt");
    const r2022 = fh.rows.find((r) => r[0] === 2022)!;
    expect(r2022[1]).toBeNull();
    expect(r2022.at(-1)).toBe("Fox Hunt fugitives captured 2022: more than 700 (lower bound; people-2023-04-28)");
    expect(fh.rows.find((r) => r[0] === 2017)!.at(-1)).toBe("No figure for this year.");
    expect(fh.rows.find((r) => r[0] === 2014)!.slice(0, 2)).toEqual([2014, 680]);
  });

  it("shows a count at a date as the latest count stated in the year, dated in the note (100 most wanted)", () => {
    const mw = planByYearSheet("most-wanted");
    expect(mw.rows.find((r) => r[0] === 2019)).toEqual([2019, 60, "Of the 100 most wanted, returned so far 10 Dec 2019: 60 (in the column; youth-cn-2019-12-10)"]);
    expect(mw.rows.find((r) => r[0] === 2017)![1]).toBe(51);
  });

  it("refuses a dataset of events with words, naming the long table instead", () => {
    expect(() => planByYearSheet("timeline")).toThrow(SkynetError);
    expect(() => planByYearSheet("timeline")).toThrow(/has no by-year layout; insert its long table instead/);
  });
});

describe("sheetLayout (by year)", () => {
  it("puts Sky Net's by-year table at A7:I17 under 4 notes and its two charts right of it", () => {
    const l = sheetLayout(skyNet);
    expect([l.notes.map((n) => n.address), blockAddress(l.table), l.charts.map((c) => [c.from, c.to])]).toEqual([
      ["A2", "A3", "A4", "A5"],
      "A7:I17",
      [
        ["K7", "R22"],
        ["K24", "R39"],
      ],
    ]);
  });
});

describe("listDatasets (layouts)", () => {
  it("offers the by-year layout for datasets of figures, not for events or partners", () => {
    const layouts = Object.fromEntries(listDatasets().map((d) => [d.id, d.layouts]));
    expect(layouts).toMatchObject({ "sky-net": ["long", "by-year"], "fox-hunt": ["long", "by-year"], timeline: ["long"], partners: ["long"] });
  });
});

describe("byYearFigures", () => {
  const cells = byYearFigures(catalog, "sky-net");
  const ids = (year: number, header: string) => cells.get(year)?.get(header)?.map((o) => o.id);
  it("gives a number cell its one figure: 2019 returned is the full-year 2041 (Japan Times)", () => {
    expect(ids(2019, RETURNED)).toEqual(["sky-net.returned.2019-01-01.2019-12-31"]);
    expect(cells.get(2019)!.get(RETURNED)![0]).toMatchObject({ value: 2041, source: "japan-times-2022-01-19" });
  });
  it("gives the Notes cell the figures it names: 2016's four Jan–Nov figures, and no number cell", () => {
    expect([...cells.get(2016)!.keys()]).toEqual([NOTES]);
    expect(ids(2016, NOTES)).toEqual([
      "sky-net.returned.2016-01-01.2016-11-30",
      "sky-net.returned.state-functionaries.2016-01-01.2016-11-30",
      "sky-net.most-wanted-returned.2016-01-01.2016-11-30",
      "sky-net.recovered.2016-01-01.2016-11-30",
    ]);
  });
  it("is empty for a dataset without a by-year layout", () => {
    expect(byYearFigures(catalog, "timeline").size).toBe(0);
  });
});
