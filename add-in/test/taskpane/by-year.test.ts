// The by-year layout on the workbook double: Insert lays Sky Net out years down and series across, the analyst adds
// columns of their own, and Refresh under a new release updates the numbers and keeps those columns and their values.
// Expected cells written out from sdk/src/datasets/sky-net/data.ts and the made-up release 2026.12.1 (made-up.ts).
import { layout } from "@skynet-data/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseStamp, STAMP_KEY } from "../../src/excel/load-plan/index.js";
import { insertDatasets, insertPlans, refreshPlans, refreshWorkbook } from "../../src/taskpane/actions.js";
import { renderRefreshReport } from "../../src/taskpane/report.js";
import { WorkbookModel } from "../../src/workbook/index.js";
import { feedWorkbook, startMirror, type Mirror } from "../data-feed/mirror.js";
import { ADDED, REMOVED, REVISED, V2 } from "../data-feed/made-up.js";

const NOW = () => new Date("2026-12-20T09:00:00Z");
const SHEET = "Sky Net by year";
const TABLE = "SkyNet_by_year_sky_net";
let R: Mirror["R"];
let mirror: Mirror;

beforeAll(async () => {
  mirror = await startMirror();
  ({ R } = mirror);
}, 60_000);
afterAll(() => mirror?.stop());

const setUp = () => feedWorkbook(mirror, NOW);

const at = (wb: WorkbookModel, address: string) => {
  const { row, col } = layout.parseCell(address);
  return wb.cell(wb.sheet(SHEET)!, row, col);
};
const value = (wb: WorkbookModel, address: string) => at(wb, address)?.value ?? "";
const column = (wb: WorkbookModel, letter: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => value(wb, `${letter}${from + i}`));

describe("insertPlans and refreshPlans (layouts)", () => {
  it("plans a by-year sheet for a by-year choice, and a refresh rebuilds each sheet in the layout its stamp records", () => {
    expect(insertPlans([{ id: "sky-net", layout: "by-year" }, "spp"])(null).map((p) => [p.tableName, p.layout ?? "long"])).toEqual([
      [TABLE, "by-year"],
      ["SkyNet_spp", "long"],
      ["SkyNet_sources", "long"],
    ]);
    const stamp = { dataVersion: "x", loadedAt: "2026-12-20T09:00:00.000Z", datasets: ["spp"], byYear: ["sky-net", "gone"] };
    const plans = refreshPlans(["spp", "sky-net"])(stamp);
    expect(plans.map((p) => p.tableName)).toEqual(["SkyNet_spp", TABLE, "SkyNet_sources"]);
    // The Sources sheet cites the by-year dataset too: Sky Net's first source is on it.
    expect(plans.at(-1)!.rows.map((r) => r[0])).toContain("cnr-2016-12-09");
  });
});

describe("parseStamp (byYear)", () => {
  const base = { dataVersion: "2026.12.0+ab", loadedAt: "2026-12-20T09:00:00.000Z", datasets: ["spp"] };
  it("reads back the datasets laid out by year, and leaves the field out when there are none", () => {
    expect(parseStamp({ ...base, byYear: ["sky-net"] })).toEqual({ ...base, byYear: ["sky-net"] });
    expect(parseStamp({ ...base, byYear: [] })).toEqual(base);
  });
  it("refuses a stamp whose byYear is not a list of dataset ids", () => {
    expect(parseStamp({ ...base, byYear: "sky-net" })).toBeNull();
    expect(parseStamp({ ...base, byYear: [""] })).toBeNull();
  });
});

describe("Insert by year, then Refresh under a new release", () => {
  it("updates the numbers, adds the new year, and keeps the analyst's columns and their values", async () => {
    const { feed, wb, runner } = setUp();
    await feed.start();
    wb.syncs = [];
    const inserted = await insertDatasets(feed, runner, [{ id: "sky-net", layout: "by-year" }], { now: NOW });
    // Read the workbook, look up the tables and chart-data sheet, one write chunk, finish.
    expect(wb.syncs).toHaveLength(4);
    expect(inserted.tables.map((t) => [t.table, t.sheet, t.status])).toEqual([
      [TABLE, SHEET, "inserted"],
      ["SkyNet_sources", "Sources", "inserted"],
    ]);
    expect(parseStamp(wb.settings.get(STAMP_KEY))).toMatchObject({ datasets: [], byYear: ["sky-net"] });

    // Title A1, four notes, the header on row 7, 2015 on row 8 … 2024 on row 17.
    const t = wb.table(TABLE)!;
    expect(layout.blockAddress(t.block)).toBe("A7:I17");
    expect(wb.readBlock(t.sheet, { top: 6, left: 0, bottom: 6, right: 8 }, "values")[0]).toEqual([
      "Year",
      "Sky Net fugitives returned (persons)",
      "Of whom Party members and state functionaries (persons)",
      "Of whom state functionaries (persons)",
      "Of whom supervision targets (persons)",
      "Returned from the 100 most wanted (persons)",
      "Returned red-notice fugitives (persons)",
      "Sky Net assets recovered (CNY)",
      "Notes",
    ]);
    expect(column(wb, "A", 8, 17)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(column(wb, "B", 8, 17)).toEqual([1023, "", 1300, 1335, 2041, 1421, 1273, "", "", 1597]);
    expect(value(wb, "I9")).toContain("Sky Net fugitives returned Jan–Nov 2016: 908 (partial; cnr-2016-12-09)");
    expect([value(wb, "H13"), value(wb, "H14")]).toEqual([2_950_000_000, ""]);
    expect(value(wb, "I14")).toContain("Sky Net assets recovered 2021: more than 16.74 bn CNY (lower bound; china-daily-2022-02-25)");
    expect([at(wb, "A8")!.numberFormat, at(wb, "B8")!.numberFormat, at(wb, "H8")!.numberFormat, at(wb, "I8")!.numberFormat]).toEqual(["0", "#,##0", '#,##0.00,,," bn CNY"', "@"]);
    // One chart per unit, each over its block on the hidden chart-data sheet.
    expect(wb.charts.filter((c) => c.sheet.name === SHEET).map((c) => [c.name, c.source.sheet.name, layout.blockAddress(c.source.block)])).toEqual([
      [`${TABLE}_by_year_persons`, `${TABLE} charts`, "A1:B11"],
      [`${TABLE}_by_year_CNY`, `${TABLE} charts`, "K1:L11"],
    ]);

    // The analyst adds two columns to the table (Excel extends a table over a column typed right beside it): a
    // formula on the year, and words of their own.
    wb.typeIntoCell(SHEET, "J7", "Years since launch");
    wb.typeIntoCell(SHEET, "K7", "My comment");
    t.block = { ...t.block, right: 10 };
    for (let r = 8; r <= 17; r++) wb.typeIntoCell(SHEET, `J${r}`, `=A${r}-2014`);
    wb.typeIntoCell(SHEET, "K13", "ask about the 2020 figure");
    wb.typeIntoCell(SHEET, "K17", "latest full year");
    expect(column(wb, "J", 8, 17)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    await mirror.folder.publish([R.r2]);
    wb.syncs = [];
    const result = await refreshWorkbook(feed, runner, { now: NOW });
    if (result.kind !== "done") throw new Error(result.message);
    expect(result.outcome).toMatchObject({ kind: "updated", held: { version: V2 } });
    // Read the workbook, read the tables, read their cells, one write chunk, finish (the full calculation rides in it).
    expect(wb.syncs).toHaveLength(5);
    const report = result.load!.tables.find((x) => x.table === TABLE)!;
    // 2025 added; in 2020 returned revised 1,421 → 1,444 and the red-notice 28 removed from its column.
    expect(report).toMatchObject({ status: "refreshed", added: 1, removed: 0, revised: 2, addedKeys: ["2025"], message: "Refreshed: 1 row added, 0 removed, 2 values revised." });
    expect(report.revisedCells).toEqual([
      { key: "2020", column: "Sky Net fugitives returned (persons)", from: String(REVISED.before), to: String(REVISED.after) },
      { key: "2020", column: "Returned red-notice fugitives (persons)", from: String(REMOVED.value), to: "" },
    ]);
    expect(parseStamp(wb.settings.get(STAMP_KEY))).toMatchObject({ datasets: [], byYear: ["sky-net"] });
    // Each changed cell has the reason its figure's release gives, named by its column; the pane names rows by year.
    expect(result.changes[result.load!.tables.indexOf(report)]).toEqual({
      dataset: "sky-net",
      rows: [
        { kind: "added", key: "2025", label: "2025", record: null, cells: [], reasons: [{ release: "2026.12.1", text: "Sky Net fugitives returned (persons): added: the 2025 total (a made-up figure for the tests)" }] },
        {
          kind: "revised",
          key: "2020",
          label: "2020",
          record: null,
          cells: report.revisedCells,
          reasons: [
            { release: "2026.12.1", text: "Sky Net fugitives returned (persons): value: the 2020 work report, read again, gives 1,444 (a made-up correction for the tests)" },
            { release: "2026.12.1", text: "Returned red-notice fugitives (persons): the page does not print it (a made-up removal for the tests)" },
          ],
        },
      ],
    });
    const html = renderRefreshReport(result);
    expect(html).toContain('<span class="c-label">2020</span>');
    expect(html).toContain('<span class="c-reason" data-release="2026.12.1">2026.12.1: Returned red-notice fugitives (persons): the page does not print it (a made-up removal for the tests)</span>');

    const after = wb.table(TABLE)!;
    expect(layout.blockAddress(after.block)).toBe("A7:K18");
    expect(column(wb, "A", 8, 18)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(column(wb, "B", 8, 18)).toEqual([1023, "", 1300, 1335, 2041, REVISED.after, 1273, "", "", 1597, ADDED.value]);
    expect(value(wb, "G13")).toBe("");
    expect(value(wb, "A5")).toBe(`Data version ${V2}+${R.r2.hash.slice(0, 8)}. Sources: see the Sources sheet.`);
    // The analyst's columns: header, formulas and their values, and words, where they were; the new year's row blank.
    expect([value(wb, "J7"), value(wb, "K7")]).toEqual(["Years since launch", "My comment"]);
    expect(Array.from({ length: 10 }, (_, i) => at(wb, `J${8 + i}`)!.formula)).toEqual(Array.from({ length: 10 }, (_, i) => `=A${8 + i}-2014`));
    expect(column(wb, "J", 8, 18)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ""]);
    expect([value(wb, "K13"), value(wb, "K17"), value(wb, "K18")]).toEqual(["ask about the 2020 figure", "latest full year", ""]);
    // The chart data follows: 2025 is a category, 1,444 and 1,555 are drawn.
    const data = wb.sheet(`${TABLE} charts`)!;
    expect(wb.readBlock(data, { top: 0, left: 0, bottom: 12, right: 1 }, "values").map((r) => r[1])).toEqual([
      "Sky Net fugitives returned (persons)", 1023, "", 1300, 1335, 2041, REVISED.after, 1273, "", "", 1597, ADDED.value, "",
    ]);
  });
});
