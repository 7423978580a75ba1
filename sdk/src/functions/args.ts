import { MAX_SERIAL, MIN_SERIAL, fromExcelSerial, isIsoDate, monthEnd } from "../core/calendar.js";
import { badArgument, type Answer } from "./errors.js";

// Argument coercion of what Excel hands a custom function: numbers, text, booleans, null for an omitted argument,
// date serials, and 2-D arrays for ranges. Every failure throws SkynetError("invalid-argument") with words.


/** How a value Excel passed reads in a message. */
export function show(v: unknown): string {
  if (v === null || v === undefined) return "nothing";
  if (typeof v === "string") return v.trim() === "" ? "empty text" : JSON.stringify(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "a non-finite number";
  if (Array.isArray(v)) return `a ${v.length}×${Array.isArray(v[0]) ? v[0].length : 1} range`;
  if (typeof v === "object") return "a data-type value";
  return `a ${typeof v}`;
}

/**
 * The plain value inside a data-type value Excel passes to a parameter of type `any`: a formatted number or a
 * typed double, string or boolean gives its basic value; an entity (a SKYNET.FIGURE card) gives its `Value`
 * property where it has one, else its text; an error value is a bad argument.
 */
export function unwrapCellValue(v: object, name: string): unknown {
  const cv = v as { type?: unknown; basicValue?: unknown; text?: unknown; properties?: Record<string, unknown>; errorType?: unknown };
  switch (cv.type) {
    case "Double":
    case "FormattedNumber":
    case "String":
    case "Boolean":
      return cv.basicValue;
    case "Entity": {
      const value = cv.properties?.Value as { basicValue?: unknown } | undefined;
      if (value && typeof value === "object" && value.basicValue !== undefined) return value.basicValue;
      return typeof cv.text === "string" ? cv.text : badArgument(`${name} got a data-type card without a value or text`);
    }
    case "Error":
      return badArgument(`${name} got the error value ${typeof cv.errorType === "string" ? cv.errorType : "from another cell"}`);
    case "Empty":
      return null;
    default:
      return v;
  }
}

/** A 1×1 range is its single value; a bigger range is a bad argument; a data-type value gives its plain value. */
export function scalar(v: unknown, name: string): unknown {
  if (!Array.isArray(v)) return typeof v === "object" && v !== null ? unwrapCellValue(v, name) : v;
  if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) return scalar(v[0][0], name);
  return badArgument(`${name} must be a single value, got ${show(v)}`);
}

/** How many distinct raw arguments a function remembers (routes, words, bad arguments): a sheet cannot grow it without end. */
export const REMEMBERED = 4096;

/** True for a value Excel passes that can key a Map of remembered answers: nothing, text, a number or a boolean. */
export const isPrimitive = (v: unknown): boolean => v == null || typeof v === "string" || typeof v === "number" || typeof v === "boolean";

/** Answers remembered by up to three arguments as Excel passed them (see {@link rememberedAnswers}). */
export interface RememberedAnswers<T> {
  /** The answer kept for these arguments, or undefined. */
  get(a: unknown, b: unknown, c?: unknown): Answer<T> | undefined;
  /** Keeps an answer for these arguments, frozen, when it may be kept; gives it back. */
  keep(a: unknown, b: unknown, c: unknown, answer: Answer<T>): Answer<T>;
}

/**
 * The answers a function gives off its hot path (an argument as text, a choice first seen, a typo), so each set of
 * arguments is checked and its words built once. Kept only when every argument is primitive and the answer is not an
 * internal error (a bug is never an answer to remember); each level holds at most {@link REMEMBERED} entries.
 * @example
 * const seen = rememberedAnswers<number>();
 * seen.keep("2014", null, undefined, 680);
 * seen.get("2014", null) //=> 680
 */
export function rememberedAnswers<T>(): RememberedAnswers<T> {
  const root = new Map<unknown, Map<unknown, Map<unknown, Answer<T>>>>();
  return {
    get: (a, b, c) => (root.size ? root.get(a)?.get(b)?.get(c) : undefined),
    keep: (a, b, c, answer) => {
      if (!(answer as { internal?: boolean }).internal && isPrimitive(a) && isPrimitive(b) && isPrimitive(c)) {
        let byB = root.get(a);
        if (!byB && root.size < REMEMBERED) root.set(a, (byB = new Map()));
        let byC = byB?.get(b);
        if (byB && !byC && byB.size < REMEMBERED) byB.set(b, (byC = new Map()));
        if (byC && byC.size < REMEMBERED) byC.set(c, Object.freeze(answer));
      }
      return answer;
    },
  };
}

/** True for an omitted argument: null, undefined or blank text. */
export const isOmitted = (v: unknown): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** A calendar year: a whole number 1900–9999, or text holding one. */
export function yearArg(raw: unknown, name = "year"): number {
  if (typeof raw === "number" && Number.isInteger(raw) && raw >= 1900 && raw <= 9999) return raw;
  const v = scalar(raw, name);
  if (isOmitted(v)) return badArgument(`${name} is required: a whole number such as 2014`);
  const n = typeof v === "number" ? v : typeof v === "string" && /^\s*\d{4}\s*$/.test(v) ? Number(v) : NaN;
  if (Number.isInteger(n) && n >= 1900 && n <= 9999) return n;
  if (typeof v === "number" && Number.isInteger(v) && v > 9999 && v <= MAX_SERIAL) {
    return badArgument(`${name} must be a whole number from 1900 to 9999, got ${v}, which looks like the date ${fromExcelSerial(v)}: use YEAR() to pass its year`);
  }
  if (typeof v === "number" && Number.isFinite(v) && !Number.isInteger(v)) return badArgument(`${name} must be a whole number from 1900 to 9999, got the fraction ${v}`);
  return badArgument(`${name} must be a whole number from 1900 to 9999, got ${show(v)}`);
}

/** An optional year: undefined when omitted. */
export const optionalYearArg = (raw: unknown, name: string): number | undefined => (isOmitted(scalar(raw, name)) ? undefined : yearArg(raw, name));

/** A date as Excel gives it: a serial (number, fractions of a day dropped) or ISO text. Kept in the form given, so the hot path never builds a Date. */
export type DateArg = { serial: number; iso?: undefined } | { iso: string; serial?: undefined };

/** A date argument: an Excel date serial, ISO text `YYYY-MM-DD`, or `YYYY-MM` meaning the end of that month. */
export function dateArg(raw: unknown, name: string): DateArg {
  const v = scalar(raw, name);
  if (typeof v === "number") {
    if (Number.isFinite(v) && v >= MIN_SERIAL && v < MAX_SERIAL + 1) return { serial: Math.floor(v) };
    return badArgument(`${name} must be a date (an Excel date from 1900-03-01 to 9999-12-31, or text "YYYY-MM-DD"), got ${show(v)}`);
  }
  if (typeof v === "string") {
    const s = v.trim();
    if (isIsoDate(s)) return { iso: s };
    if (/^\d{4}-\d{2}$/.test(s) && isIsoDate(`${s}-01`)) return { iso: monthEnd(`${s}-01`) };
  }
  if (isOmitted(v)) return badArgument(`${name} is required: a date, or text "YYYY-MM-DD"`);
  return badArgument(`${name} must be a date (an Excel date serial, or text "YYYY-MM-DD" or "YYYY-MM"), got ${show(v)}`);
}

/** An optional date: undefined when omitted. */
export const optionalDateArg = (raw: unknown, name: string): DateArg | undefined => (isOmitted(scalar(raw, name)) ? undefined : dateArg(raw, name));

/** The ISO form of a date argument. */
export const isoOf = (d: DateArg): string => d.iso ?? fromExcelSerial(d.serial!);

/** Lower-case words only, for matching aliases: "Criminal Judicial-Assistance" -> "criminal judicial assistance". */
export const normalizeWords = (s: string): string =>
  s
    .toLowerCase()
    .replace(/['\u2019]/g, "")
    .replace(/[^a-z0-9$]+/g, " ")
    .trim();

/** A choice among named options with aliases, matched case-insensitively; `undefined` when omitted. */
export function choiceArg<T>(raw: unknown, name: string, aliases: { get(alias: string): T | undefined }, accepted: string): T | undefined {
  if (typeof raw === "string") {
    const direct = aliases.get(raw);
    if (direct !== undefined) return direct;
  }
  const v = scalar(raw, name);
  if (isOmitted(v)) return undefined;
  if (typeof v !== "string") return badArgument(`${name} must be text, one of ${accepted}; got ${show(v)}`);
  const hit = aliases.get(normalizeWords(v));
  if (hit === undefined) return badArgument(`unknown ${name} ${JSON.stringify(v)}; accepted: ${accepted}`);
  return hit;
}

/** A required text argument, trimmed. */
export function textArg(raw: unknown, name: string, example: string): string {
  const v = scalar(raw, name);
  if (isOmitted(v)) return badArgument(`${name} is required, for example ${example}`);
  if (typeof v !== "string") return badArgument(`${name} must be text, for example ${example}; got ${show(v)}`);
  return v.trim();
}
