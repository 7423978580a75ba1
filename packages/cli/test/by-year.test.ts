// `skynet-data export --format xlsx --layout by-year`: the dataset sheets by year, as the add-in inserts them.
// Expected cells written out from sdk/src/datasets/sky-net/data.ts.
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseCommand } from "../src/args.js";
import { main } from "../src/main.js";
import { useTempDir } from "./helpers.js";

describe("parseCommand (--layout)", () => {
  it("takes --layout by-year for an xlsx export", () => {
    expect(parseCommand(["export", "--format", "xlsx", "--out", "f.xlsx", "--layout", "by-year", "--datasets", "sky-net"])).toEqual({ kind: "export", format: "xlsx", out: "f.xlsx", datasets: ["sky-net"], layout: "by-year" });
  });

  it("refuses an unknown layout, and a layout for a format that has only one, in words", () => {
    expect(parseCommand(["export", "--format", "xlsx", "--out", "f.xlsx", "--layout", "wide"])).toEqual({ kind: "usage-error", message: 'unknown layout "wide"; accepted: "long", "by-year"' });
    expect(parseCommand(["export", "--format", "csv", "--out", "d", "--layout", "by-year"])).toEqual({
      kind: "usage-error",
      message: "--layout lays out the sheets of --format xlsx; the csv format has one layout (one figure per row)",
    });
  });
});

describe("export --format xlsx --layout by-year", () => {
  const temp = useTempDir();

  it("writes Sky Net by year (2019 returned 2041; 2016 blank, its Jan–Nov 908 in Notes) and keeps the timeline's long table", async () => {
    const out = join(temp(), "by-year.xlsx");
    const said: string[] = [];
    expect(await main(["export", "--format", "xlsx", "--out", out, "--datasets", "sky-net,timeline", "--layout", "by-year"], { stdout: (s) => said.push(s), stderr: (s) => said.push(s) })).toBe(0);
    expect(said.join("")).toContain("datasets: sky-net, timeline; by year, except timeline (no figures of a calendar year: long table)");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Sky Net by year", "Timeline", "Sources", "SkyNet_by_year_sky_net charts"]);
    const ws = wb.getWorksheet("Sky Net by year")!;
    const tables = ws.getTables() as unknown as { table: { name: string; tableRef: string } }[];
    expect(tables.map((t) => [t.table.name, t.table.tableRef])).toEqual([["SkyNet_by_year_sky_net", "A7:I17"]]);
    expect([ws.getCell("A7").value, ws.getCell("B7").value, ws.getCell("I7").value]).toEqual(["Year", "Sky Net fugitives returned (persons)", "Notes"]);
    expect([ws.getCell("A12").value, ws.getCell("B12").value]).toEqual([2019, 2041]);
    expect([ws.getCell("A9").value, ws.getCell("B9").value]).toEqual([2016, null]);
    expect(String(ws.getCell("I9").value)).toContain("Sky Net fugitives returned Jan–Nov 2016: 908 (partial; cnr-2016-12-09)");
    expect(ws.getCell("H13").numFmt).toBe('#,##0.00,,," bn CNY"');
  });
});
