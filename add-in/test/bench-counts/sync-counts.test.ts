// Exact counts behind the benchmark's budgets: round trips grow only with chunking, and twice the rows cost twice the chunks.
import { planSheet, type SheetPlan } from "@skynet-data/sdk";
import type { ChunkLimits } from "../../src/excel/load-plan/index.js";
import { PAYLOAD_LIMIT } from "../../src/workbook/index.js";
import { describe, expect, it } from "vitest";
import { freshWorkbook, load } from "../taskpane/helpers.js";

// Small chunks so a few thousand rows need several requests and the test stays fast.
const LIMITS: ChunkLimits = { maxRows: 250, maxBytes: 900_000 };

/** A plan of n generated rows in the shape of the Sky Net table (no charts), every row keyed uniquely. */
function generated(n: number): SheetPlan {
  const base = planSheet("sky-net");
  const rows = Array.from({ length: n }, (_, i) => base.rows[i % base.rows.length]!.map((v, j) => (j === 0 ? `generated.series.${i}` : v)));
  return { ...base, rows, numberFormats: rows.map((_, i) => [...base.numberFormats[i % base.rows.length]!]), charts: [] };
}

async function countSyncs(n: number) {
  const wb = freshWorkbook();
  const plan = generated(n);
  await load(wb, [plan], { limits: LIMITS });
  const insert = wb.syncs;
  wb.syncs = [];
  await load(wb, [plan], { limits: LIMITS });
  const refresh = wb.syncs;
  const writes = (syncs: typeof insert) => syncs.filter((s) => s.calculationSuspended).length;
  return { insert: insert.length, insertWrites: writes(insert), refresh: refresh.length, refreshWrites: writes(refresh), largest: Math.max(...[...insert, ...refresh].flatMap((s) => [s.requestBytes, s.responseBytes])) };
}

describe("loadPlans (round trips by size)", () => {
  it("writes twice the rows in exactly twice the chunks, insert and refresh alike", async () => {
    const one = await countSyncs(2_000);
    const two = await countSyncs(4_000);
    expect(one.insertWrites).toBe(2_000 / LIMITS.maxRows);
    expect(two.insertWrites).toBe(2 * one.insertWrites);
    expect(two.refreshWrites).toBe(2 * one.refreshWrites);
  });

  it("needs the same number of syncs besides its write chunks whatever the row count", async () => {
    // Sizes whose cells read back in one batch (under 0.9 MB); larger tables add read batches, tested below.
    for (const n of [1, 500, 2_000]) {
      const c = await countSyncs(n);
      // insert: read the workbook, the write chunks, finish
      expect(c.insert - c.insertWrites, `insert of ${n} rows`).toBe(2);
      // refresh: read the workbook, read the table, read its cells (one batch while under the byte limit), the write chunks, finish
      expect(c.refresh - c.refreshWrites, `refresh of ${n} rows`).toBe(4);
    }
  });

  it("reads a large table back in several batches, every request under 1 MB and every response under Excel's limit", async () => {
    const wb = freshWorkbook();
    const plan = generated(20_000);
    await load(wb, [plan]);
    wb.syncs = [];
    await load(wb, [plan]);
    const reads = wb.syncs.filter((s) => !s.calculationSuspended && s.responseBytes > 100_000);
    expect(reads.length).toBeGreaterThan(1);
    for (const s of wb.syncs) {
      expect(s.requestBytes).toBeLessThan(1_000_000);
      expect(s.responseBytes).toBeLessThan(PAYLOAD_LIMIT);
    }
  });

  it("keeps every refresh response under 1 MB when the table holds long text", async () => {
    const wb = freshWorkbook();
    const base = generated(8_000);
    const note = base.columns.findIndex((c) => c.key === "note");
    const plan = { ...base, rows: base.rows.map((r, i) => r.map((v, j) => (j === note ? `${i} ${"long note ".repeat(40)}` : v))) };
    await load(wb, [plan]);
    wb.syncs = [];
    await load(wb, [plan]);
    expect(wb.syncs.filter((s) => s.responseBytes > 500_000).length).toBeGreaterThan(1);
    for (const s of wb.syncs) {
      expect(s.requestBytes).toBeLessThan(1_000_000);
      expect(s.responseBytes).toBeLessThan(1_000_000);
    }
  });
});
