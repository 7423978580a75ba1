import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SEED_TEXT } from "../datasets/_lib/integrity.testkit.js";
import { catalog } from "../public.js";
import { SEED_REFERENCE_DATE, seedPeriod } from "./index.js";

const root = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));
const meta = JSON.parse(readFileSync(root("seeds/sky-net-fox-hunt-2015.meta.json"), "utf8"));
const quotes = [...catalog.observations, ...catalog.events, ...catalog.partners].flatMap((r) => (r.quote ? [r.quote] : []));

describe("seeds", () => {
  it("holds the seed file unchanged, as its metadata's hash says", () => {
    expect(createHash("sha256").update(readFileSync(root("seeds/sky-net-fox-hunt-2015.txt"))).digest("hex")).toBe(meta.sha256);
  });

  it("is byte-identical to the shared copy where that copy is present", () => {
    const shared = root("../shared/seeds/sky-net-fox-hunt-2015.txt");
    // Locally the shared folder may be absent; CI lays it beside the clone, so there its absence is a failure.
    if (!existsSync(shared)) {
      expect(process.env.CI, `${shared} is missing`).toBeFalsy();
      return;
    }
    expect(readFileSync(root("seeds/sky-net-fox-hunt-2015.txt")).equals(readFileSync(shared))).toBe(true);
  });

  it("gives the same reference date in its metadata and in code", () => {
    expect(meta.referenceDate).toBe(SEED_REFERENCE_DATE);
    expect(new Date(`${SEED_REFERENCE_DATE}T00:00:00Z`).getUTCDay()).toBe(3); // a Wednesday
  });

  it("puts every number the seed states into some quoted record", () => {
    // Split on sentence ends, keeping "Dec. 31" and "10.14" whole.
    const sentences = SEED_TEXT.split(/(?<=[.!?])\s+(?=[A-Z"])/).filter((s) => /\d/.test(s));
    // A quote belongs to a sentence when one contains the other's opening words.
    const overlaps = (q: string, s: string) => s.includes(q.slice(0, 40)) || q.includes(s.slice(0, 40));
    const missing = sentences.flatMap((s) =>
      [...s.matchAll(/\d[\d,.]*\d|\d/g)].map((m) => m[0]).filter((num) => !quotes.some((q) => overlaps(q, s) && q.includes(num))).map((num) => `${num} in "${s.slice(0, 60)}…"`),
    );
    expect(missing).toEqual([]);
  });

  it("resolves the seed's relative phrases against its reference date", () => {
    expect(seedPeriod("last year")).toMatchObject({ start: "2014-01-01", end: "2014-12-31", phrase: "last year" });
  });
});
