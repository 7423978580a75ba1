import { phrasePeriod } from "../core/periods.js";
import type { Period } from "../core/schema.js";

import { SEED_REFERENCE_DATE } from "./reference.js";

export { SEED_PATH, SEED_REFERENCE_DATE, SEED_SOURCE } from "./reference.js";

/** A period from one of the seed's relative phrases, resolved against its reference date. */
export const seedPeriod = (phrase: string, label?: string): Period => phrasePeriod(phrase, SEED_REFERENCE_DATE, label);
