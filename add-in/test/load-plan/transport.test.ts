// The transport pieces under the load plan: request chunks, refresh diffs, occupied cells, the workbook stamp.
import { describe, expect, it } from "vitest";
import { carryRows, diffRows, occupiedCells, packBatches, parseStamp, planChunks, rowBytes, rowKeys } from "../../src/excel/load-plan/index.js";

describe("planChunks", () => {
  it("keeps every chunk within both limits and covers every row once", () => {
    expect(planChunks([400, 400, 400, 100], { maxRows: 10, maxBytes: 1000 })).toEqual([
      { start: 0, end: 2, bytes: 800 },
      { start: 2, end: 4, bytes: 500 },
    ]);
    expect(planChunks([1, 1, 1, 1, 1], { maxRows: 2, maxBytes: 1000 }).map((c) => [c.start, c.end])).toEqual([[0, 2], [2, 4], [4, 5]]);
  });
  it("refuses a row that could never fit a request", () => {
    expect(() => planChunks([10, 5000], { maxRows: 10, maxBytes: 1000 })).toThrow(/row 2 alone needs about 5000 bytes, over the 1000-byte request limit/);
  });
  it("estimates a row from its JSON with blanks written as empty strings", () => {
    // ["",1] is 6 characters, ["@","0"] 9, plus 2
    expect(rowBytes([null, 1], ["@", "0"])).toBe(17);
  });
});

describe("packBatches", () => {
  it("packs small items together and starts a new batch before a limit is crossed", () => {
    const items = [300, 300, 300, 300].map((bytes, i) => ({ item: i, bytes, rows: 1 }));
    expect(packBatches(items, { maxRows: 100, maxBytes: 700 }).map((b) => b.map((w) => w.item))).toEqual([[0, 1], [2, 3]]);
  });
});

describe("rowKeys", () => {
  it("keys rows by the identity columns they have, numbering repeats", () => {
    const columns = [{ key: "series" }, { key: "value" }, { key: "end" }];
    expect(rowKeys(columns, [["a", 1, 42004], ["a", 2, 42369], ["a", 3, 42004]])).toEqual(["a|42004", "a|42369", "a|42004#2"]);
  });
  it("keys by the first column when no identity column is there", () => {
    expect(rowKeys([{ key: "name" }], [["x"], ["y"]])).toEqual(["x", "y"]);
  });
});

describe("diffRows", () => {
  it("reports rows added, removed and each revised cell", () => {
    const d = diffRows(["Value", "Note"], ["a", "b", "c"], [[1, ""], [2, "x"], [3, ""]], ["a", "c", "d"], [[1, null], [30, null], [4, null]]);
    expect(d).toEqual({ added: ["d"], removed: ["b"], revised: [{ key: "c", column: "Value", from: "3", to: "30" }], sources: [0, 2, null], samePositions: false });
  });
  it("sees appended rows as keeping positions", () => {
    expect(diffRows(["V"], ["a"], [[1]], ["a", "b"], [[1], [2]]).samePositions).toBe(true);
  });
});

describe("carryRows", () => {
  it("moves cells with their rows and leaves added rows blank", () => {
    expect(carryRows([1, null, 0], [["x", 1], ["y", 2]], 2)).toEqual([["y", 2], ["", ""], ["x", 1]]);
  });
  it("gives added rows the formula of a calculated column", () => {
    expect(carryRows([null, 0], [["=[@V]*2", "a"]], 2)).toEqual([["=[@V]*2", ""], ["=[@V]*2", "a"]]);
  });
});

describe("occupiedCells", () => {
  it("names the cells that hold a value or formula", () => {
    expect(occupiedCells({ row: 9, col: 1 }, [["", "=A1"], [0, ""]])).toEqual(["C10", "B11"]);
  });
});

describe("parseStamp", () => {
  it("accepts a stamp as an object or JSON text and rejects anything else", () => {
    const s = { dataVersion: "0.1.0+ab", loadedAt: "2026-01-01T00:00:00.000Z", datasets: ["spp"] };
    expect(parseStamp(s)).toEqual(s);
    expect(parseStamp(JSON.stringify(s))).toEqual(s);
    expect(parseStamp("{oops")).toBeNull();
    expect(parseStamp({ dataVersion: "" })).toBeNull();
    expect(parseStamp({ ...s, loadedAt: "yesterday" })).toBeNull();
  });
});
