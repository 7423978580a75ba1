import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { Dataset, type DatasetInput } from "../../core/dataset.js";
import type { Observation } from "../../core/schema.js";
import { SOURCES } from "../../sources/index.js";
import { SEED_PATH } from "../../seed/index.js";

/** The seed file as bytes on disk, read once. */
export const SEED_TEXT = readFileSync(fileURLToPath(new URL(`../../../../${SEED_PATH}`, import.meta.url)), "utf8");

const sourceIds = new Set(SOURCES.map((s) => s.id));
const seedIds = new Set(SOURCES.filter((s) => s.seedPath).map((s) => s.id));

/** The ways a source writes a value: 680, 1,023, 10.14 billion, 22. */
export function spellings(o: Pick<Observation, "value" | "unit">): string[] {
  const v = o.value;
  if ((o.unit === "CNY" || o.unit === "USD") && v >= 1e8) return [`${+(v / 1e9).toFixed(3)} billion`];
  return [String(v), v.toLocaleString("en-US")];
}

/** The same integrity rules for every dataset, one rule per test. */
export function datasetIntegrity(input: DatasetInput): void {
  describe(`dataset ${input.id}: integrity`, () => {
    const parsed = Dataset.safeParse(input);
    const d = parsed.success ? parsed.data : undefined;
    const records = d ? (d.kind === "observations" ? d.observations : d.kind === "events" ? d.events : d.partners) : [];

    it("parses with the dataset schema", () => {
      expect(parsed.error?.issues ?? []).toEqual([]);
    });

    it("cites only sources that exist", () => {
      expect(records.filter((r) => !sourceIds.has(r.source)).map((r) => r.id)).toEqual([]);
    });

    it("quotes the seed verbatim, and only the seed", () => {
      for (const r of records) {
        if (seedIds.has(r.source)) {
          expect(r.quote, `${r.id} needs a quote`).toBeTruthy();
          expect(SEED_TEXT.includes(r.quote!), `${r.id}: quote not in the seed: ${r.quote}`).toBe(true);
        } else {
          expect(r.quote, `${r.id} quotes a non-seed source`).toBeUndefined();
        }
      }
    });

    it("has unique record ids", () => {
      const ids = records.map((r) => r.id);
      expect(ids.length).toBe(new Set(ids).size);
    });

    if (d?.kind !== "observations") return;

    it("gives every seed figure a number that its quote states", () => {
      for (const o of d.observations.filter((x) => seedIds.has(x.source))) {
        expect(spellings(o).some((s) => o.quote!.includes(s)), `${o.id}: ${spellings(o).join(" / ")} not in "${o.quote}"`).toBe(true);
      }
    });

    it("keeps each observation in its series' unit", () => {
      const unit = new Map(d.series.map((s) => [s.id, s.unit]));
      expect(d.observations.filter((o) => unit.get(o.series) !== o.unit).map((o) => o.id)).toEqual([]);
    });

    it("marks every part-year flow figure as partial coverage", () => {
      const kind = new Map(d.series.map((s) => [s.id, s]));
      // A calendar-year flow labelled "Jan–…" covers part of the year; operation periods (Fox Hunt) are whole operations.
      const bad = d.observations.filter((o) => !kind.get(o.series)!.cumulative && /^Jan–/.test(o.period.label) && o.coverage !== "partial");
      expect(bad.map((o) => o.id)).toEqual([]);
    });

    it("marks every \"more than\" or \"over\" figure as a lower bound", () => {
      const says = (o: Observation) => /\b(more than|over) [\d,.]+/i.test(o.note ?? "");
      expect(d.observations.filter((o) => says(o) && o.qualifier !== "lower-bound").map((o) => o.id)).toEqual([]);
    });

    it("never has two figures for one series and period unless the conflict is marked", () => {
      const seen = new Map<string, Observation>();
      const clashes: string[] = [];
      for (const o of d.observations) {
        const k = `${o.series}|${o.period.start}|${o.period.end}`;
        const prev = seen.get(k);
        if (prev && prev.value !== o.value && !(prev.conflict && o.conflict)) clashes.push(`${prev.id} vs ${o.id}`);
        seen.set(k, o);
      }
      expect(clashes).toEqual([]);
    });

    it("money is stored in units of the currency, never in billions", () => {
      const money = d.observations.filter((o) => o.unit === "CNY" || o.unit === "USD");
      expect(money.filter((o) => o.value < 1e6).map((o) => o.id)).toEqual([]);
      expect(money.filter((o) => !Number.isInteger(o.value)).map((o) => o.id)).toEqual([]);
    });
  });
}
