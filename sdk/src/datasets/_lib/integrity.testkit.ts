import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { INTEGRITY_RULES } from "../../authoring/validate.js";
import { Dataset, type DatasetInput } from "../../core/dataset.js";
import { Source } from "../../core/schema.js";
import { SEED_PATH } from "../../seed/reference.js";
import { SOURCES } from "../../sources/index.js";

const seedFile = fileURLToPath(new URL(`../../../../${SEED_PATH}`, import.meta.url));

/** The seed file as bytes on disk, read once. A missing seed copy is a failure, never a silent pass. */
export const SEED_TEXT = existsSync(seedFile) ? readFileSync(seedFile, "utf8") : "";

const sources = new Map(SOURCES.map((s) => [s.id, Source.parse(s)]));

/**
 * The integrity rules the release compiler applies (one definition, sdk/src/authoring/validate.ts), run on one
 * dataset, one rule per test, so a broken rule names its dataset and its records.
 */
export function datasetIntegrity(input: DatasetInput): void {
  describe(`dataset ${input.id}: integrity`, () => {
    const parsed = Dataset.safeParse(input);

    it("parses with the dataset schema", () => {
      expect(parsed.error?.issues ?? []).toEqual([]);
    });

    it("has its seed copy to check quotes against", () => {
      expect(SEED_TEXT.length, `${SEED_PATH} is missing`).toBeGreaterThan(0);
    });

    for (const rule of INTEGRITY_RULES) {
      it(rule.name, () => {
        expect(parsed.success, "the dataset must parse first").toBe(true);
        expect(rule.check(parsed.data!, { sources, seeds: new Map([[SEED_PATH, SEED_TEXT]]) })).toEqual([]);
      });
    }
  });
}
