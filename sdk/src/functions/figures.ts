import type { Agency, Series } from "../core/schema.js";
import { catalog } from "../catalog.js";
import { choiceArg, yearArg } from "./args.js";
import { ACCEPTED_AGENCIES, ACCEPTED_CURRENCIES, AGENCY_ALIASES, AGENCY_NAMES, CURRENCY_ALIASES, type Currency } from "./choices.js";
import { answerOf, ArgMemo, guarded, notAvailable, type Answer, type FunctionError } from "./errors.js";
import { yearAnswers, yearValue, type YearAnswers } from "./lookup.js";

/** A yearly-figure function: the measure it answers and the agency it answers for by default. */
interface YearlyDefinition {
  id: string;
  measure: string;
  defaultAgency: Agency;
  withCurrency: boolean;
}

interface Yearly extends YearlyDefinition {
  /** Raw (agency, currency) arguments -> the series they ask for, or the #N/A saying there is none. */
  routes: ArgMemo<YearAnswers | FunctionError>;
  /** The series of the measure by agency (and currency), built on first use. */
  table?: Routes;
}

const yearlyFunction = (d: YearlyDefinition): Yearly => {
  const f: Yearly = { ...d, routes: new ArgMemo((agency, currency) => route(f, agency, currency)) };
  return f;
};

const CAPTURES = yearlyFunction({ id: "CAPTURES", measure: "captured", defaultAgency: "MPS", withCurrency: false });
const SURRENDERED = yearlyFunction({ id: "SURRENDERED", measure: "surrendered", defaultAgency: "MPS", withCurrency: false });
const RETURNED = yearlyFunction({ id: "RETURNED", measure: "returned", defaultAgency: "CCDI-NSC", withCurrency: false });
const RECOVERED = yearlyFunction({ id: "RECOVERED", measure: "recovered", defaultAgency: "CCDI-NSC", withCurrency: true });
const COUNTRIES = yearlyFunction({ id: "COUNTRIES", measure: "countries", defaultAgency: "MPS", withCurrency: false });

const keyOf = (agency: Agency, currency?: Currency) => (currency ? `${agency}|${currency}` : agency);
const isMoney = (s: Series) => s.unit === "CNY" || s.unit === "USD";

interface Routes {
  /** agency (and currency, for money) -> series id. */
  series: Map<string, string>;
  /** series id -> its memoised yearly answers. */
  answers: Map<string, YearAnswers>;
}

/** The year-by-year series of a measure, one per agency (and currency): running totals never answer a year. */
function routes(f: Yearly): Routes {
  if (f.table) return f.table;
  const series = new Map<string, string>();
  const agencyOf = new Map<string, string>();
  for (const s of catalog.series) {
    if (s.measure !== f.measure || s.cumulative || s.kind !== "flow") continue;
    const key = keyOf(s.agency, isMoney(s) ? (s.unit as Currency) : undefined);
    if (series.has(key)) throw new Error(`${f.id}: series ${series.get(key)} and ${s.id} both answer for ${key}`);
    series.set(key, s.id);
    if (s.agency !== f.defaultAgency) agencyOf.set(s.id, s.agency);
  }
  const hint = (id: string) => agencyOf.get(id);
  f.table = { series, answers: new Map([...series.values()].map((id) => [id, yearAnswers(id, hint)])) };
  return f.table;
}

function route(f: Yearly, agencyRaw: unknown, currencyRaw: unknown): YearAnswers | FunctionError {
  const agency = choiceArg(agencyRaw, "agency", AGENCY_ALIASES, ACCEPTED_AGENCIES) ?? f.defaultAgency;
  const currency = f.withCurrency ? (choiceArg(currencyRaw, "currency", CURRENCY_ALIASES, ACCEPTED_CURRENCIES) ?? "CNY") : undefined;
  const r = routes(f);
  const seriesId = r.series.get(keyOf(agency, currency));
  if (seriesId !== undefined) return r.answers.get(seriesId)!;
  const offered = [...r.series.entries()].map(([k, id]) => `${k.replace("|", " in ")} (${id})`).join(", ");
  const what = currency ? `${currency} figures from ${AGENCY_NAMES[agency]}` : `figures from ${AGENCY_NAMES[agency]}`;
  return notAvailable(`${f.id} has no ${what}; it answers for ${offered}`);
}

// Years Excel passes as anything but a whole number in range (text, fractions, typos) -> the year or its #VALUE!.
const oddYears = new Map<unknown, number | FunctionError>();

function yearOrError(raw: unknown): number | FunctionError {
  if (typeof raw === "number" && Number.isInteger(raw) && raw >= 1900 && raw <= 9999) return raw;
  let v = oddYears.get(raw);
  if (v === undefined) {
    v = answerOf(() => yearArg(raw));
    if ((typeof raw === "string" || typeof raw === "number") && oddYears.size < 4096) oddYears.set(raw, v);
  }
  return v;
}

function yearly(f: Yearly, yearRaw: unknown, agencyRaw: unknown, currencyRaw?: unknown): Answer<number> {
  const year = yearOrError(yearRaw);
  if (typeof year !== "number") return year;
  const memo = f.routes.get(agencyRaw, f.withCurrency ? currencyRaw : null);
  return "answers" in memo ? yearValue(memo, year) : memo;
}

/**
 * Fugitives captured in a year: by default the Fox Hunt operation of that year (Ministry of Public Security);
 * agency "SPP" gives the procuratorate's series. `#N/A` with what exists when no full, exact figure does.
 *
 * @example
 * captures(2014) //=> 680 (Fox Hunt 2014, July–December)
 * captures(2014, "SPP") //=> 749
 * captures(2022) //=> { error: "#N/A", message: "no full, exact figure of fox-hunt.captured for 2022. What exists: more than 700 persons for 2022 …" }
 */
export const captures = guarded((year: unknown, agency?: unknown): Answer<number> => yearly(CAPTURES, year, agency));

/**
 * Fox Hunt fugitives who turned themselves in during the year's operation.
 *
 * @example
 * surrendered(2014) //=> 390
 */
export const surrendered = guarded((year: unknown): Answer<number> => yearly(SURRENDERED, year, undefined));

/**
 * Fugitives returned to China in a year: by default the Sky Net total (all agencies, CCDI-NSC);
 * agency "SPP" gives the procuratorate's series.
 *
 * @example
 * returned(2015) //=> 1023
 * returned(2013, "SPP") //=> 762
 * returned(2016) //=> { error: "#N/A", message: "no full, exact figure of sky-net.returned for 2016. What exists: 908 persons for Jan–Nov 2016 …" }
 */
export const returned = guarded((year: unknown, agency?: unknown): Answer<number> => yearly(RETURNED, year, agency));

/**
 * Assets recovered or confiscated in a year, in yuan by default; "USD" only where a source reports dollars.
 * By default the Sky Net total (CCDI-NSC); agency "SPP" gives the procuratorate's series.
 *
 * @example
 * recovered(2013, "SPP") //=> 10140000000
 * recovered(2013, "SPP", "USD") //=> 1630000000
 * recovered(2018) //=> 3540000000
 */
export const recovered = guarded((year: unknown, agency?: unknown, currency?: unknown): Answer<number> => yearly(RECOVERED, year, agency, currency));

/**
 * Countries and regions in which the year's Fox Hunt fugitives were seized.
 *
 * @example
 * countries(2014) //=> 69
 */
export const countries = guarded((year: unknown): Answer<number> => yearly(COUNTRIES, year, undefined));
