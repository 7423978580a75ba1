import { resolvePhrase } from "./dates.js";
import { monthEnd } from "./calendar.js";
import type { Period, Precision } from "./schema.js";

/** A period from a relative phrase of a dated source ("last year" in an article of 2015-04-01 is 2014). */
export function phrasePeriod(phrase: string, reference: string, label?: string): Period {
  const r = resolvePhrase(phrase, reference);
  return { start: r.start, end: r.end, label: label ?? r.label, precision: r.precision, phrase };
}

/** A calendar year. */
export const yearPeriod = (year: number, label = String(year)): Period => ({ start: `${year}-01-01`, end: `${year}-12-31`, label, precision: "year" });

const MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A month given as `YYYY-MM`; `end` may cut it short where the source published within the month. */
export const monthPeriod = (ym: string, end?: string): Period => ({
  start: `${ym}-01`,
  end: end ?? monthEnd(`${ym}-01`),
  label: `${MONTH_ABBR[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`,
  precision: "month",
});

/** An explicit span of days. */
export const rangePeriod = (start: string, end: string, label: string, precision: Precision = "range"): Period => ({ start, end, label, precision });

/** January to the end of a month of one year, a partial-year period such as "Jan–Nov 2016". */
export const yearToMonth = (year: number, month: number): Period =>
  rangePeriod(`${year}-01-01`, monthEnd(`${year}-${String(month).padStart(2, "0")}-01`), `Jan–${MONTH_ABBR[month - 1]} ${year}`);
