// The measurement behind the README's "Formulas follow": on a realistic workbook, only a full calculation or rewriting
// the =SKYNET cells makes them show a new release's answers; the full calculation does it in one sync reading nothing,
// while rewriting reads every sheet's cells.
import { readFileSync } from "node:fs";
import { loadRelease } from "@skynet-data/sdk";
import { describe, expect, it } from "vitest";
import { measureFormulasFollow } from "./formulas-follow.js";

const release = (v: string) => loadRelease(readFileSync(new URL(`../../../sdk/src/releases/${v}.json`, import.meta.url), "utf8"));

describe("formulas follow a new release: the ways compared", () => {
  it("full calculation: 1 sync, nothing read, every =SKYNET cell follows; plain recalculation: none follows; rewriting: follows, reading the whole workbook", async () => {
    const size = { skynet: 200, ordinary: 2_000, values: 2_000 };
    const { ways, cells } = await measureFormulasFollow(release("2026.11.0"), release("2026.11.1"), size);
    const [full, plain, rewrite] = ways;
    expect(full).toMatchObject({ way: "full calculation", syncs: 1, responseBytes: 2, formulasCalculated: size.skynet + size.ordinary, functionCalls: size.skynet, follows: true });
    expect(plain).toMatchObject({ way: "plain recalculation", syncs: 1, functionCalls: 0, follows: false });
    expect(rewrite).toMatchObject({ way: "rewrite the =SKYNET cells", syncs: 3, functionCalls: size.skynet, follows: true });
    expect(full!.requestBytes).toBeLessThan(200);
    // Rewriting reads every cell of every sheet: tens of bytes per cell, growing with the workbook, not with the formulas.
    expect(rewrite!.responseBytes).toBeGreaterThan(cells * 5);
    expect(rewrite!.requestBytes).toBeGreaterThan(size.skynet * 30);
  }, 60_000);
});
