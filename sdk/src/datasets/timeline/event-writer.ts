import type { Event, Period } from "../../core/schema.js";

/** An event from a resolved period: the event may have fallen on any day from `date` to `end`. */
export const eventFrom = (id: string, period: Period, what: string, parties: string[], source: string, quote?: string, corroboratedBy?: string[]): Event => ({
  id,
  date: period.start,
  end: period.end,
  precision: period.precision,
  phrase: period.phrase ?? period.label,
  what,
  parties,
  source,
  ...(quote ? { quote } : {}),
  ...(corroboratedBy ? { corroboratedBy } : {}),
});
