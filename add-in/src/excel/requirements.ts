// What the pane needs from the Excel it runs in, checked at run time with isSetSupported, and what it does without
// the newer APIs. The manifest only requires what the functions cannot work without (see manifest.xml).
import { layout } from "@skynet-data/sdk";

type Block = layout.Block;

/** `Office.context.requirements.isSetSupported`, or the workbook double's. */
export type IsSetSupported = (name: string, minVersion?: string) => boolean;

/**
 * The ExcelApi level the adapter cannot do without: getItemOrNullObject and workbook settings (1.4),
 * suspendApiCalculationUntilNextSync (1.6), hyperlinks, freeze panes and chart line styles (1.7).
 */
export const PANE_EXCEL_API = "1.7";

/** `Table.resize`; without it a refresh grows and shrinks tables by whole table rows. */
export const TABLE_RESIZE_EXCEL_API = "1.13";

export type HostSupport =
  | { ok: true; tableResize: boolean; note: string | null }
  | { ok: false; message: string };

/**
 * What the pane can do in this Excel, in words the pane shows.
 * @example
 * hostSupport((name, v = "1.1") => name === "ExcelApi" && Number(v.split(".")[1]) <= 10)
 * //=> { ok: true, tableResize: false, note: "This version of Excel cannot resize a table in place ..." }
 */
export function hostSupport(isSetSupported: IsSetSupported): HostSupport {
  if (!isSetSupported("ExcelApi", PANE_EXCEL_API)) {
    return {
      ok: false,
      message:
        `This version of Excel is too old for the Sky Net Data pane: inserting and refreshing tables needs the Excel ` +
        `JavaScript API ${PANE_EXCEL_API} (Microsoft 365 or Excel 2019 and later on Windows, Excel on Mac 16.9 and later, ` +
        `or Excel on the web). The =SKYNET.* functions are not affected.`,
    };
  }
  const tableResize = isSetSupported("ExcelApi", TABLE_RESIZE_EXCEL_API);
  return {
    ok: true,
    tableResize,
    note: tableResize
      ? null
      : `This version of Excel cannot resize a table in place (that needs the Excel JavaScript API ${TABLE_RESIZE_EXCEL_API}). ` +
        `Refresh adds or removes whole table rows instead, and leaves a table unchanged, saying why, when that would ` +
        `move cells below it.`,
  };
}

/** How a refreshed table gets from its old block to `newBottom` (its new last row). */
export type ResizeStep =
  | { kind: "none" }
  | { kind: "resize"; address: string; clear: string | null }
  | { kind: "add-rows"; count: number }
  | { kind: "delete-rows"; address: string }
  | { kind: "blocked"; message: string };

/**
 * Chooses how to resize a table: `Table.resize` where Excel has it; otherwise add or delete whole table rows, which
 * Excel does by shifting the cells below the table, so only when nothing lies below it (`below` is the used range
 * under the table in its columns, null when empty).
 * @example
 * planTableResize({ old: { top: 4, left: 0, bottom: 10, right: 3 }, newBottom: 12, tableResize: false, below: null, sheet: "Fox Hunt" })
 * //=> { kind: "add-rows", count: 2 }
 */
export function planTableResize(input: { old: Block; newBottom: number; tableResize: boolean; below: string | null; sheet: string }): ResizeStep {
  const { old, newBottom } = input;
  if (newBottom === old.bottom) return { kind: "none" };
  if (input.tableResize) {
    const clear = newBottom < old.bottom ? layout.blockAddress({ ...old, top: newBottom + 1 }) : null;
    return { kind: "resize", address: layout.blockAddress({ ...old, bottom: newBottom }), clear };
  }
  if (input.below !== null) {
    const verb = newBottom > old.bottom ? "grow" : "shrink";
    return {
      kind: "blocked",
      message:
        `Left unchanged: it needs to ${verb} by ${Math.abs(newBottom - old.bottom)} row(s), and this version of Excel can only do that ` +
        `by ${verb === "grow" ? "inserting" : "deleting"} whole table rows, which would move the cells below it (${input.below} on "${input.sheet}"). ` +
        `Move those cells, or use an Excel with the JavaScript API ${TABLE_RESIZE_EXCEL_API} (Microsoft 365 Version 2102 or later, ` +
        `Excel 2021, Excel on Mac 16.50, Excel on the web), then refresh again.`,
    };
  }
  if (newBottom > old.bottom) return { kind: "add-rows", count: newBottom - old.bottom };
  return { kind: "delete-rows", address: layout.blockAddress({ ...old, top: newBottom + 1 }) };
}
