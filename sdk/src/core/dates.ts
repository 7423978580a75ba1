// One module per function: importing the date-fns barrel costs about 170 ms at start-up.
import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";
import { endOfMonth } from "date-fns/endOfMonth";
import { endOfYear } from "date-fns/endOfYear";
import { format } from "date-fns/format";
import { isValid } from "date-fns/isValid";
import { parseISO } from "date-fns/parseISO";
import { previousDay } from "date-fns/previousDay";
import { startOfMonth } from "date-fns/startOfMonth";
import { startOfYear } from "date-fns/startOfYear";
import { subDays } from "date-fns/subDays";
import { subYears } from "date-fns/subYears";
import type { Day } from "date-fns";
import { SkynetError } from "./errors.js";
import type { Precision } from "./schema.js";

/** A relative phrase resolved to the span of days it can mean. */
export interface ResolvedPhrase {
  phrase: string;
  start: string;
  end: string;
  precision: Precision;
  label: string;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

// Dates are handled as UTC calendar days; date-fns works on local Date objects, so we build them at local midnight.
const toDate = (iso: string): Date => parseISO(iso);
const iso = (d: Date): string => format(d, "yyyy-MM-dd");

function monthIndex(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, "");
  const i = MONTHS.findIndex((m) => m === w || m.slice(0, 3) === w.slice(0, 3));
  if (i < 0 || w.length < 3) throw new SkynetError("invalid-argument", `"${word}" is not a month name`);
  return i;
}

const monthLabel = (d: Date) => format(d, "MMM yyyy");

/**
 * Resolves a relative or partial date phrase as a news article uses it, against the article's reference date.
 *
 * @example
 * resolvePhrase("last November", "2015-04-01")
 * //=> { phrase: "last November", start: "2014-11-01", end: "2014-11-30", precision: "month", label: "Nov 2014" }
 */
export function resolvePhrase(phrase: string, reference: string): ResolvedPhrase {
  const ref = toDate(reference);
  if (!isValid(ref)) throw new SkynetError("invalid-argument", `reference date "${reference}" is not an ISO date YYYY-MM-DD`);
  const p = phrase.trim().toLowerCase().replace(/\s+/g, " ");
  const out = (start: Date, end: Date, precision: Precision, label: string): ResolvedPhrase => ({
    phrase,
    start: iso(start),
    end: iso(end),
    precision,
    label,
  });
  const lastYear = subYears(ref, 1);
  const year = (d: Date) => out(startOfYear(d), endOfYear(d), "year", format(d, "yyyy"));

  if (p === "last year") return year(lastYear);
  if (p === "this year") return year(ref);
  if (p === "earlier this year") {
    if (differenceInCalendarDays(ref, startOfYear(ref)) === 0) throw new SkynetError("invalid-argument", `"earlier this year" is empty on the first day of a year`);
    const end = subDays(ref, 1);
    return out(startOfYear(ref), end, "range", `Jan–${format(end, "MMM yyyy")}`);
  }
  let m = /^(?:in )?the (first|second) half of (last|this) year$/.exec(p);
  if (m) {
    const y = m[2] === "last" ? lastYear : ref;
    const first = m[1] === "first";
    const start = first ? startOfYear(y) : new Date(y.getFullYear(), 6, 1);
    const end = first ? new Date(y.getFullYear(), 5, 30) : endOfYear(y);
    return out(start, end, "half-year", `${first ? "H1" : "H2"} ${format(y, "yyyy")}`);
  }
  m = /^last ([a-z.]+)$/.exec(p);
  if (m && MONTHS.some((x) => x.startsWith(m![1]!.slice(0, 3)))) {
    const mi = monthIndex(m[1]!);
    // The most recent such month that ended before the reference month began.
    const y = mi < ref.getMonth() ? ref.getFullYear() : ref.getFullYear() - 1;
    const d = new Date(y, mi, 1);
    return out(startOfMonth(d), endOfMonth(d), "month", monthLabel(d));
  }
  m = /^(early|mid|late)[- ]([a-z.]+)$/.exec(p);
  if (m) {
    const mi = monthIndex(m[2]!);
    const y = mi <= ref.getMonth() ? ref.getFullYear() : ref.getFullYear() - 1;
    const first = new Date(y, mi, 1);
    const [a, b] = m[1] === "early" ? [1, 10] : m[1] === "mid" ? [11, 20] : [21, endOfMonth(first).getDate()];
    return out(new Date(y, mi, a), new Date(y, mi, b), "range", `${m[1]} ${monthLabel(first)}`);
  }
  m = /^(?:on )?([a-z]+day)$/.exec(p);
  if (m) {
    const wd = WEEKDAYS.indexOf(m[1]!);
    if (wd < 0) throw new SkynetError("invalid-argument", `"${m[1]}" is not a weekday`);
    // A news report's bare weekday is the latest such day on or before its date.
    const d = ref.getDay() === wd ? ref : previousDay(ref, wd as Day);
    return out(d, d, "day", format(d, "EEE d MMM yyyy"));
  }
  m = /^(?:in |since )?(\d{4})$/.exec(p);
  if (m) return year(new Date(Number(m[1]), 0, 1));
  m = /^(?:(?:also )?in |as of )?([a-z.]+) (\d{4})$/.exec(p);
  if (m) {
    const d = new Date(Number(m[2]), monthIndex(m[1]!), 1);
    return out(startOfMonth(d), endOfMonth(d), "month", monthLabel(d));
  }
  m = /^(?:on )?([a-z]+)\.? (\d{1,2}) of (last|this) year$/.exec(p);
  if (m) {
    const y = m[3] === "last" ? lastYear.getFullYear() : ref.getFullYear();
    const d = new Date(y, monthIndex(m[1]!), Number(m[2]));
    if (d.getDate() !== Number(m[2])) throw new SkynetError("invalid-argument", `"${phrase}" is not a real day`);
    return out(d, d, "day", format(d, "d MMM yyyy"));
  }
  throw new SkynetError(
    "invalid-argument",
    `cannot resolve "${phrase}": accepted are "last year", "this year", "earlier this year", "the first/second half of last/this year", "last <Month>", "early/mid/late <Month>", "on <Weekday>", "<Month> <YYYY>", "<YYYY>", "<Mon> <D> of last/this year"`,
  );
}
