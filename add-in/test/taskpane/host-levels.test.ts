// The adapter at every Excel level the add-in meets: the workbook double refuses what that Excel lacks, and insert and
// refresh either work or say why in words.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { layout, planSheet, type SheetPlan } from "@skynet-data/sdk";
import { describe, expect, it } from "vitest";
import { hostSupport } from "../../src/excel/requirements.js";
import * as api from "../../src/workbook/api.js";
import { EXCEL_API_OF } from "../../src/workbook/api.js";
import { HOSTS, supportsSet, type HostId } from "../../src/workbook/hosts.js";
import { runOn, WorkbookModel } from "../../src/workbook/index.js";
import { ALL_IDS, load, plansFor, withRows } from "./helpers.js";

// From Microsoft's tables: ExcelApi 1.7 (what the pane needs) and 1.13 (Table.resize) per kind of Excel.
const EXPECTED: Record<HostId, { pane: boolean; tableResize?: boolean }> = {
  web: { pane: true, tableResize: true },
  "m365-windows-current": { pane: true, tableResize: true },
  "m365-windows-oldest": { pane: true, tableResize: false },
  "retail-2021-2024-oldest": { pane: true, tableResize: true },
  "ltsc-2021": { pane: true, tableResize: true },
  "ltsc-2024": { pane: true, tableResize: true },
  "mac-oldest": { pane: true, tableResize: false },
  "ltsc-2019": { pane: true, tableResize: false },
  "ltsc-2016": { pane: false },
};
const LEVELS = Object.keys(HOSTS) as HostId[];

/** The `[Api set: …]` line of a member in Microsoft's typings (@types/office-js), or undefined. */
const typings = readFileSync(createRequire(import.meta.url).resolve("@types/office-js/index.d.ts"), "utf8");
const excelTypings = typings.slice(typings.indexOf("declare namespace Excel {"));
function apiSetOf(cls: string, member: string): string | undefined {
  const body = new RegExp(`\\n    class ${cls} extends OfficeExtension\\.ClientObject \\{([\\s\\S]*?)\\n    \\}`).exec(excelTypings)?.[1];
  if (!body) return undefined;
  const doc = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*?)\\*/\\s*\\n\\s*(?:readonly )?${member}[(:?<]`).exec(body)?.[1];
  return doc ? /\[Api set: ([^\]]+)\]/.exec(doc)?.[1] : undefined;
}

describe("EXCEL_API_OF (the double's requirement table)", () => {
  it("gives each gated member the ExcelApi version of Microsoft's API reference", () => {
    for (const [key, version] of Object.entries(EXCEL_API_OF)) {
      const [member, qualifier] = key.split(" ");
      const [cls, name] = member!.split(".");
      const annotation = apiSetOf(cls!, name!);
      expect(annotation, key).toBeDefined();
      if (qualifier) expect(annotation, key).toContain(`${version} `);
      else expect(annotation, key).toBe(`ExcelApi ${version}`);
    }
  });

  it("gates every member the double implements that Microsoft puts above ExcelApi 1.1", () => {
    const classes = ["WorksheetCollection", "Worksheet", "Range", "TableCollection", "Table", "TableRowCollection", "ChartCollection", "Chart", "SettingCollection", "Setting"] as const;
    const gated = new Set(Object.keys(EXCEL_API_OF).map((k) => k.split(" ")[0]));
    const checked: string[] = [];
    for (const cls of classes) {
      const proto = (api as unknown as Record<string, { prototype: object }>)[cls]!.prototype;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const annotation = apiSetOf(cls, name);
        if (name === "constructor" || !annotation || name === "load" || name === "toJSON") continue;
        checked.push(`${cls}.${name}`);
        if (annotation !== "ExcelApi 1.1") expect(gated, `${cls}.${name} is "${annotation}"`).toContain(`${cls}.${name}`);
      }
    }
    expect(checked).toEqual(expect.arrayContaining(["Table.resize", "Range.hyperlink", "Worksheet.freezePanes", "Range.getUsedRangeOrNullObject"]));
  });
});

describe("hostSupport", () => {
  it.each(LEVELS)("says what the pane can do in %s", (id) => {
    const support = hostSupport((name, v) => supportsSet(HOSTS[id].sets, name, v));
    const expected = EXPECTED[id];
    expect(support.ok).toBe(expected.pane);
    if (support.ok) {
      expect(support.tableResize).toBe(expected.tableResize);
      expect(support.note === null).toBe(expected.tableResize);
    } else expect(support.message).toMatch(/too old .* needs the Excel JavaScript API 1\.7 .* =SKYNET\.\* functions are not affected/);
  });
});

describe("the workbook double at an Excel level", () => {
  it("refuses Table.resize below ExcelApi 1.13 with ApiNotFound, as Excel does", async () => {
    const wb = WorkbookModel.blank(HOSTS["mac-oldest"].sets);
    await load(wb, plansFor(["spp"]));
    await expect(runOn(wb, async (ctx) => {
      ctx.workbook.tables.getItem(planSheet("spp").tableName).resize("A5:Q9");
      await ctx.sync();
    })).rejects.toMatchObject({ code: "ApiNotFound", message: expect.stringContaining("Table.resize needs ExcelApi 1.13, and this Excel has ExcelApi 1.11") });
  });

  it("refuses workbook settings below ExcelApi 1.4", async () => {
    const wb = WorkbookModel.blank(HOSTS["ltsc-2016"].sets);
    await expect(runOn(wb, async (ctx) => {
      ctx.workbook.settings.getItemOrNullObject("x").load("value");
      await ctx.sync();
    })).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

const sky = planSheet("sky-net");
const width = sky.columns.length;
/** The table's header row, 0-based: the sheet contract puts the title in A1, notes in A2:A5, the table from A7. */
const top = 6;
const key = (r: SheetPlan["rows"][number]) => String(r[0]);
/** Two new rows at the start of the table and the rest as before: the table must grow by two. */
const grown = () => withRows(sky, [...sky.rows.slice(0, 2).map((r) => r.map((v, j) => (j === 0 ? `${v}.earlier` : v))), ...sky.rows]);
const shrunk = () => withRows(sky, sky.rows.slice(0, -3));

/** Inserts sky-net and adds an analyst's column (typed flags per row) inside the table and a note beside it. */
async function analystWorkbook(id: HostId) {
  const wb = WorkbookModel.blank(HOSTS[id].sets);
  await load(wb, [sky]);
  const name = sky.sheetName;
  const flag = layout.columnLetter(width);
  wb.typeIntoCell(name, `${flag}${top + 1}`, "My flag");
  wb.table(sky.tableName)!.block = { ...wb.table(sky.tableName)!.block, right: width };
  sky.rows.forEach((r, i) => wb.typeIntoCell(name, `${flag}${top + 2 + i}`, `flag ${key(r)} ${r[4]}`));
  wb.typeIntoCell(name, `${layout.columnLetter(width + 2)}${top + 3}`, "beside");
  wb.syncs = [];
  return { wb, flag };
}
const value = (wb: WorkbookModel, a1: string) => {
  const { row, col } = layout.parseCell(a1);
  return wb.cell(wb.sheet(sky.sheetName)!, row, col)?.value ?? "";
};

describe.each(LEVELS.filter((id) => EXPECTED[id].pane))("loadPlans in %s", (id) => {
  const resize = EXPECTED[id].tableResize!;

  it("inserts every dataset and refreshes them unchanged", async () => {
    const wb = WorkbookModel.blank(HOSTS[id].sets);
    const first = await load(wb, plansFor(ALL_IDS));
    expect(new Set(first.tables.map((t) => t.status))).toEqual(new Set(["inserted"]));
    const again = await load(wb, plansFor(ALL_IDS));
    expect(again.tables.map((t) => t.message)).toEqual(again.tables.map(() => "Up to date: no rows added, removed or revised."));
  });

  it("grows a table for new rows, keeping the analyst's cells with their rows, in as many syncs as ever", async () => {
    const { wb, flag } = await analystWorkbook(id);
    const oldBottom = wb.table(sky.tableName)!.block.bottom;
    const result = await load(wb, [grown()]);
    expect(result.tables[0]).toMatchObject({ status: "refreshed", added: 2, removed: 0 });
    const t = wb.table(sky.tableName)!;
    expect(t.block).toEqual({ top, left: 0, bottom: oldBottom + 2, right: width });
    expect(value(wb, `${flag}${top + 2}`)).toBe("");
    expect(value(wb, `${flag}${top + 4}`)).toBe(`flag ${key(sky.rows[0]!)} ${sky.rows[0]![4]}`);
    expect(value(wb, `${flag}${t.block.bottom + 1}`)).toBe(`flag ${key(sky.rows.at(-1)!)} ${sky.rows.at(-1)![4]}`);
    expect(value(wb, `${layout.columnLetter(width + 2)}${top + 3}`)).toBe("beside");
    // read the workbook, read the table, read its cells (and, without Table.resize, what lies below), one write chunk, finish
    expect(wb.syncs).toHaveLength(5);
  });

  it("shrinks a table for removed rows and leaves nothing of them behind", async () => {
    const { wb, flag } = await analystWorkbook(id);
    const oldBottom = wb.table(sky.tableName)!.block.bottom;
    const result = await load(wb, [shrunk()]);
    expect(result.tables[0]).toMatchObject({ status: "refreshed", added: 0, removed: 3 });
    const t = wb.table(sky.tableName)!;
    expect(t.block.bottom).toBe(oldBottom - 3);
    expect(wb.readBlock(t.sheet, { top: oldBottom - 2, left: 0, bottom: oldBottom, right: width }, "formulas").flat().every((v) => v === "")).toBe(true);
    expect(value(wb, `${flag}${t.block.bottom + 1}`)).toBe(`flag ${key(sky.rows.at(-4)!)} ${sky.rows.at(-4)![4]}`);
  });

  it(resize ? "resizes in place when cells lie further below the table, leaving them where they are" : "leaves the table unchanged and names the cells below it that whole-row changes would move", async () => {
    const { wb } = await analystWorkbook(id);
    const oldBottom = wb.table(sky.tableName)!.block.bottom;
    const note = `B${oldBottom + 6}`;
    wb.typeIntoCell(sky.sheetName, note, "=SUM(G8:G10)");
    const before = wb.readBlock(wb.sheet(sky.sheetName)!, { top: 0, left: 0, bottom: oldBottom + 8, right: width + 3 }, "formulas");
    const result = await load(wb, [grown()]);
    if (resize) {
      expect(result.tables[0]).toMatchObject({ status: "refreshed", added: 2 });
      expect(wb.table(sky.tableName)!.block.bottom).toBe(oldBottom + 2);
    } else {
      expect(result.tables[0]).toMatchObject({ status: "blocked", blockedBy: [note] });
      expect(result.tables[0]!.message).toBe(
        `Left unchanged: it needs to grow by 2 row(s), and this version of Excel can only do that by inserting whole table rows, ` +
          `which would move the cells below it (${note} on "${sky.sheetName}"). Move those cells, or use an Excel with the ` +
          `JavaScript API 1.13 (Microsoft 365 Version 2102 or later, Excel 2021, Excel on Mac 16.50, Excel on the web), then refresh again.`,
      );
      expect(wb.readBlock(wb.sheet(sky.sheetName)!, { top: 0, left: 0, bottom: oldBottom + 8, right: width + 3 }, "formulas")).toEqual(before);
    }
    expect(wb.cell(wb.sheet(sky.sheetName)!, layout.parseCell(note).row, 1)!.formula).toBe("=SUM(G8:G10)");
  });
});

describe("loadPlans in an Excel older than ExcelApi 1.7", () => {
  it("writes nothing and says which Excel it needs", async () => {
    const wb = WorkbookModel.blank(HOSTS["ltsc-2016"].sets);
    await expect(load(wb, plansFor(["spp"]))).rejects.toThrow(/too old for the Sky Net Data pane: inserting and refreshing tables needs the Excel JavaScript API 1\.7/);
    expect(wb.syncs).toEqual([]);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});
