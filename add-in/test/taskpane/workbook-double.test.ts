import { describe, expect, it } from "vitest";
import { runOn, WorkbookModel } from "../../src/workbook/index.js";

const run = <T>(wb: WorkbookModel, f: Parameters<typeof runOn<T>>[1]) => runOn(wb, f);

describe("RequestContext", () => {
  it("throws PropertyNotLoaded when a property is read before load and sync", async () => {
    const wb = WorkbookModel.blank();
    await run(wb, async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      expect(() => sheet.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      sheet.load("name");
      expect(() => sheet.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(sheet.name).toBe("Sheet1");
    });
  });

  it("counts syncs, measures request bytes and records suspended calculation", async () => {
    const wb = WorkbookModel.blank();
    await run(wb, async (ctx) => {
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [["x".repeat(1000), 1]];
      await ctx.sync();
      await ctx.sync();
    });
    expect(wb.syncs).toHaveLength(2);
    expect(wb.syncs[0]!.calculationSuspended).toBe(true);
    expect(wb.syncs[1]!.calculationSuspended).toBe(false);
    expect(wb.syncs[0]!.requestBytes).toBeGreaterThan(1000);
    expect(wb.syncs[1]!.requestBytes).toBeLessThan(100);
  });

  it("refuses a request over Excel on the web's 5 MB payload limit", async () => {
    const wb = WorkbookModel.blank();
    const big = Array.from({ length: 6000 }, () => ["y".repeat(1000)]);
    await expect(run(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A6000").values = big;
      await ctx.sync();
    })).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(wb.cell(wb.sheets[0]!, 0, 0)).toBeUndefined();
  });

  it("gives a null object for a missing item and ItemNotFound for getItem", async () => {
    const wb = WorkbookModel.blank();
    await run(wb, async (ctx) => {
      const t = ctx.workbook.tables.getItemOrNullObject("Nope").load("name");
      await ctx.sync();
      expect(t.isNullObject).toBe(true);
      ctx.workbook.tables.getItem("Nope").load("name");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });
});

describe("Range", () => {
  it("requires the values array to match the range's shape", async () => {
    const wb = WorkbookModel.blank();
    await expect(run(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2]];
      await ctx.sync();
    })).rejects.toMatchObject({ code: "InvalidArgument", message: expect.stringContaining("1×2") });
  });

  it("turns text starting with = into a formula unless the cell is formatted as text", async () => {
    const wb = WorkbookModel.blank();
    await run(wb, async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1").values = [["=1+1"]];
      s.getRange("B1").numberFormat = [["@"]];
      s.getRange("B1").values = [["=1+1"]];
      s.getRange("C1").values = [["0042"]];
      await ctx.sync();
    });
    const sheet = wb.sheets[0]!;
    expect(wb.cell(sheet, 0, 0)!.formula).toBe("=1+1");
    expect(wb.cell(sheet, 0, 1)).toMatchObject({ value: "=1+1", numberFormat: "@" });
    expect(wb.cell(sheet, 0, 1)!.formula).toBeUndefined();
    expect(wb.cell(sheet, 0, 2)!.value).toBe(42);
  });

  it("leaves a cell unchanged where the values array holds null", async () => {
    const wb = WorkbookModel.blank();
    wb.typeIntoCell("Sheet1", "A1", "kept");
    await run(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [[null, "new"]] as never;
      await ctx.sync();
    });
    expect(wb.readBlock(wb.sheets[0]!, { top: 0, left: 0, bottom: 0, right: 1 }, "values")).toEqual([["kept", "new"]]);
  });
});

describe("WorksheetCollection", () => {
  it("validates sheet names as Excel does", async () => {
    const wb = WorkbookModel.blank();
    for (const [name, code] of [["a".repeat(32), "InvalidArgument"], ["a/b", "InvalidArgument"], ["x[1]", "InvalidArgument"], ["SHEET1", "ItemAlreadyExists"], ["'quoted", "InvalidArgument"]] as const) {
      await expect(run(wb, async (ctx) => {
        ctx.workbook.worksheets.add(name);
        await ctx.sync();
      })).rejects.toMatchObject({ code });
    }
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});

describe("TableCollection", () => {
  it("validates table names, keeps them unique and refuses overlapping tables", async () => {
    const wb = WorkbookModel.blank();
    await run(wb, async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1:B2").values = [["h1", "h2"], [1, 2]];
      s.tables.add("A1:B2", true).name = "Mine";
      await ctx.sync();
      s.tables.add("B2:C3", true);
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument", message: expect.stringContaining("overlap") });
    });
    for (const bad of ["A1", "has space", "1abc", "R1C1"]) {
      await expect(run(wb, async (ctx) => {
        const t = ctx.workbook.worksheets.getItem("Sheet1").tables.add("E1:E2", true);
        t.name = bad;
        await ctx.sync();
      })).rejects.toMatchObject({ code: "InvalidArgument" });
      wb.tables = wb.tables.filter((t) => t.name === "Mine");
    }
    await expect(run(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").tables.add("E1:E2", true).name = "mine";
      await ctx.sync();
    })).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });

  it("keeps a resized table's header row in place and fills calculated columns into new rows", async () => {
    const wb = WorkbookModel.blank();
    await run(wb, async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1:B3").formulas = [["V", "Double"], [1, "=[@V]*2"], [2, "=[@V]*2"]];
      const t = s.tables.add("A1:B3", true);
      t.name = "T";
      await ctx.sync();
      t.resize("A1:B4");
      await ctx.sync();
      t.resize("A2:B4");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument", message: expect.stringContaining("header row") });
    });
    expect(wb.cell(wb.sheets[0]!, 3, 1)!.formula).toBe("=[@V]*2");
    expect(wb.table("T")!.block.bottom).toBe(3);
  });
});

describe("ChartCollection", () => {
  it("records a chart with its source range and one series per data column", async () => {
    const wb = WorkbookModel.blank();
    await run(wb, async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1:C3").values = [["Year", "Full", "Partial"], ["2014", 1, ""], ["2015", "", 2]];
      const c = s.charts.add("ColumnClustered", s.getRange("A1:C3"), "Columns");
      c.name = "C";
      c.series.getItemAt(1).format.fill.setSolidColor("#F4B183");
      await ctx.sync();
    });
    const chart = wb.charts[0]!;
    expect(chart.source.block).toEqual({ top: 0, left: 0, bottom: 2, right: 2 });
    expect(chart.series.map((s) => [s.name, s.color])).toEqual([["Full", undefined], ["Partial", "#F4B183"]]);
  });
});
