// Calendar days as ISO text and Excel serials, in plain UTC arithmetic: this runs on every query, so no date library.
import { SkynetError } from "./errors.js";

/** The first Excel date serial this project reads: 61 is 1900-03-01, past Excel's phantom 1900-02-29. */
export const MIN_SERIAL = 61;
/** The last Excel date serial: 9999-12-31. */
export const MAX_SERIAL = 2_958_465;

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

/** True when `s` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  if (typeof s !== "string" || s.length !== 10 || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/**
 * Excel's date serial for an ISO date (1900 date system).
 *
 * @example
 * toExcelSerial("2014-12-01") //=> 41974
 */
export function toExcelSerial(isoDate: string): number {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new SkynetError("invalid-argument", `"${isoDate}" is not an ISO date YYYY-MM-DD`);
  return Math.round((ms - EXCEL_EPOCH_UTC) / MS_PER_DAY);
}

/**
 * The ISO date of an Excel date serial (fractions of a day are dropped), from 61 (1900-03-01) to 2958465 (9999-12-31).
 *
 * @example
 * fromExcelSerial(41974) //=> "2014-12-01"
 */
export function fromExcelSerial(serial: number): string {
  if (!Number.isFinite(serial) || serial < MIN_SERIAL || serial > MAX_SERIAL) {
    throw new SkynetError("invalid-argument", `${serial} is not an Excel date serial between ${MIN_SERIAL} (1900-03-01) and ${MAX_SERIAL} (9999-12-31)`);
  }
  return new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The last day of the month an ISO date (or `YYYY-MM`) falls in. */
export function monthEnd(isoDate: string): string {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${isoDate.slice(0, 7)}-${String(last).padStart(2, "0")}`;
}
