// Custom functions: thin JSDoc-tagged wrappers over the SDK's pure implementations. The JSDoc is the single source of
// functions.json (custom-functions-metadata); error values become CustomFunctions.Error with their words.
import * as sdk from "@skynet-data/sdk/functions";

/**
 * Treaty kinds the treaty functions answer for.
 * @customEnum {string}
 */
export enum TreatyKind {
  /** Extradition treaties */
  extradition = "extradition",
  /** Criminal judicial (mutual legal) assistance treaties */
  judicial_assistance = "judicial assistance",
}

/**
 * Agencies that report captures.
 * @customEnum {string}
 */
export enum CaptureAgency {
  /** Ministry of Public Security: the year's Fox Hunt operation (default) */
  MPS = "MPS",
  /** Supreme People's Procuratorate: fugitive officials captured */
  SPP = "SPP",
}

/**
 * Agencies that report fugitives returned and assets recovered.
 * @customEnum {string}
 */
export enum SkyNetAgency {
  /** Sky Net total, all agencies, reported by the CCDI and National Supervisory Commission (default) */
  CCDI_NSC = "CCDI-NSC",
  /** Supreme People's Procuratorate's own series */
  SPP = "SPP",
}

/**
 * Currencies a recovered amount can be asked in.
 * @customEnum {string}
 */
export enum Currency {
  /** Chinese yuan (default) */
  CNY = "CNY",
  /** US dollars, only where a source reports dollars */
  USD = "USD",
}

// The implementations answering now: the bundled release's, until the data feed swaps in another (data-feed/runtime.ts).
let implementations: sdk.CustomFunctions = sdk.CUSTOM_FUNCTIONS;
// The release (by hash) each set of implementations answers from.
const releaseOf = new WeakMap<sdk.CustomFunctions, string | undefined>([[sdk.CUSTOM_FUNCTIONS, sdk.BUNDLED_CATALOG.release?.hash]]);

/**
 * Makes every SKYNET.* function answer from another catalogue (a newer release), REVISIONS from the history of
 * releases that leads to it; returns the previous set. The same release again (the feed telling the functions what
 * they already hold, with its history) only gives REVISIONS the history: the answer tables are not built twice.
 */
export function answerFrom(catalog: sdk.Catalog, history?: sdk.ReleaseHistory): sdk.CustomFunctions {
  const previous = implementations;
  const hash = catalog.release?.hash;
  implementations =
    hash !== undefined && hash === releaseOf.get(previous)
      ? Object.freeze({ ...previous, REVISIONS: sdk.revisionsFor(catalog, history) })
      : sdk.functionsFor(catalog, history);
  releaseOf.set(implementations, hash);
  return previous;
}

/** Puts back a set of implementations answerFrom returned (the release before a swap that proved wrong). */
export function answerWith(functions: sdk.CustomFunctions): void {
  implementations = functions;
}

// One CustomFunctions.Error per distinct answer: building one captures a stack and costs tens of microseconds.
// The SDK answers the same error value object for the same question (its tables hold them, and it remembers a bad
// argument's words), so each is found by identity; an answer built afresh is found by its words.
const thrownFor = new WeakMap<object, CustomFunctions.Error>();
const thrownByWords = new Map<string, CustomFunctions.Error>();

/** The Excel error for an error value (#N/A or #VALUE!, internal errors as #VALUE!), with its words. */
function excelError(answer: sdk.FunctionError): CustomFunctions.Error {
  let error = thrownFor.get(answer);
  if (error === undefined) {
    const key = answer.error + answer.message;
    error = thrownByWords.get(key);
    if (error === undefined) {
      const code = answer.error === "#N/A" ? "#N/A" : "#VALUE!";
      // Outside Excel (the browser preview) there is no CustomFunctions.Error (office.js's loader defines only
      // CustomFunctions.associate): an Error with the same code and words.
      error = typeof CustomFunctions !== "undefined" && typeof CustomFunctions.Error === "function" ? new CustomFunctions.Error(code === "#N/A" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue, answer.message) : (Object.assign(new Error(answer.message), { code }) as unknown as CustomFunctions.Error);
      if (thrownByWords.size < 4096) thrownByWords.set(key, error);
    }
    thrownFor.set(answer, error);
  }
  return error;
}

/** The answer, or the error value thrown as the Excel error with its message. */
function settle<T>(answer: sdk.Answer<T>): T {
  if (!sdk.isFunctionError(answer)) return answer;
  throw excelError(answer);
}

// The numeric functions throw from their own body (a number or the Excel error, nothing else): a throw that crosses
// one frame fewer costs about a third less, and it is most of the time of a call answering #N/A.

/** Whether this Excel shows entity values from custom functions (CustomFunctionsRuntime 1.4); asked once. */
let entitiesSupported: boolean | undefined;
function canReturnEntities(): boolean {
  if (entitiesSupported === undefined) {
    const requirements = (globalThis as { Office?: { context?: { requirements?: { isSetSupported(name: string, version: string): boolean } } } }).Office?.context?.requirements;
    entitiesSupported = requirements ? requirements.isSetSupported("CustomFunctionsRuntime", "1.4") : true;
  }
  return entitiesSupported;
}

/**
 * Treaties in force on a date; both kinds together from the latest date both are known when kind is omitted.
 * @customfunction TREATIES_IN_FORCE
 * @helpurl https://localhost:3000/help/treaties-in-force.html
 * @param [kind] "extradition" or "judicial assistance" (also "criminal judicial assistance", "MLA"); omit for both together.
 * @param [as_of] The date: an Excel date or text "YYYY-MM-DD"; omit for the latest figure. A month's figure counts from its end.
 * @throws #N/A when no figure is known on or before the date (the words give the earliest), when the latest one before it is not a full, exact count, or, for both kinds together, when no month has both kinds known.
 * @throws #VALUE! for an unknown kind, or a date that is not an Excel date or text "YYYY-MM-DD" / "YYYY-MM".
 * @returns The number of treaties in force.
 * @example =SKYNET.TREATIES_IN_FORCE() gives 75; =SKYNET.TREATIES_IN_FORCE("extradition", DATE(2014,12,1)) gives 29.
 */
export function treatiesInForce(kind?: TreatyKind, as_of?: any): number {
  const a = implementations.TREATIES_IN_FORCE(kind, as_of);
  if (typeof a === "number") return a;
  throw excelError(a);
}

/**
 * Treaties concluded (signed) by a date; both kinds together from the latest date both are known when kind is omitted.
 * @customfunction TREATIES_CONCLUDED
 * @helpurl https://localhost:3000/help/treaties-concluded.html
 * @param [kind] "extradition" or "judicial assistance" (also "criminal judicial assistance", "MLA"); omit for both together.
 * @param [as_of] The date: an Excel date or text "YYYY-MM-DD"; omit for the latest figure. A month's figure counts from its end.
 * @throws #N/A when no figure is known on or before the date (the words give the earliest), or, for both kinds together, when no month has both kinds known.
 * @throws #VALUE! for an unknown kind, or a date that is not an Excel date or text "YYYY-MM-DD" / "YYYY-MM".
 * @returns The number of treaties concluded.
 * @example =SKYNET.TREATIES_CONCLUDED() gives 91; =SKYNET.TREATIES_CONCLUDED("extradition") gives 59.
 */
export function treatiesConcluded(kind?: TreatyKind, as_of?: any): number {
  const a = implementations.TREATIES_CONCLUDED(kind, as_of);
  if (typeof a === "number") return a;
  throw excelError(a);
}

/**
 * Fugitives captured in a year: the year's Fox Hunt operation by default, or the procuratorate's series.
 * @customfunction CAPTURES
 * @helpurl https://localhost:3000/help/captures.html
 * @param year The year, a whole number such as 2014.
 * @param [agency] "MPS" (Fox Hunt, the default) or "SPP" (the procuratorate).
 * @throws #N/A when the year has no full, exact figure: the words name a part-year or "more than" figure, or the other agency's figure, and how to ask for it; also for an agency with no capture series.
 * @throws #VALUE! for a year that is not a whole number from 1900 to 9999 (a date serial is refused with the hint to use YEAR()), or an unknown agency.
 * @returns The number of fugitives captured.
 * @example =SKYNET.CAPTURES(2014) gives 680; =SKYNET.CAPTURES(2014, "SPP") gives 749.
 */
export function captures(year: any, agency?: CaptureAgency): number {
  const a = implementations.CAPTURES(year, agency);
  if (typeof a === "number") return a;
  throw excelError(a);
}

/**
 * Fox Hunt fugitives who turned themselves in during the year's operation.
 * @customfunction SURRENDERED
 * @helpurl https://localhost:3000/help/surrendered.html
 * @param year The year, a whole number such as 2014.
 * @throws #N/A when the year has no Fox Hunt surrender figure: the words list the years that have one.
 * @throws #VALUE! for a year that is not a whole number from 1900 to 9999.
 * @returns The number of fugitives who surrendered.
 * @example =SKYNET.SURRENDERED(2014) gives 390.
 */
export function surrendered(year: any): number {
  const a = implementations.SURRENDERED(year);
  if (typeof a === "number") return a;
  throw excelError(a);
}

/**
 * Fugitives returned to China in a year: the Sky Net total (all agencies) by default, or the procuratorate's series.
 * @customfunction RETURNED
 * @helpurl https://localhost:3000/help/returned.html
 * @param year The year, a whole number such as 2015.
 * @param [agency] "CCDI-NSC" (Sky Net total, the default) or "SPP" (the procuratorate).
 * @throws #N/A when the year has no full, exact figure: the words name the January–November or other part-year figure, or the other agency's, and how to ask for it.
 * @throws #VALUE! for a year that is not a whole number from 1900 to 9999, or an unknown agency.
 * @returns The number of fugitives returned.
 * @example =SKYNET.RETURNED(2015) gives 1023; =SKYNET.RETURNED(2013, "SPP") gives 762; =SKYNET.RETURNED(2016) gives #N/A (only Jan–Nov: 908).
 */
export function returned(year: any, agency?: SkyNetAgency): number {
  const a = implementations.RETURNED(year, agency);
  if (typeof a === "number") return a;
  throw excelError(a);
}

/**
 * Assets recovered or confiscated in a year, in yuan unless a source reports US dollars.
 * @customfunction RECOVERED
 * @helpurl https://localhost:3000/help/recovered.html
 * @param year The year, a whole number such as 2013.
 * @param [agency] "CCDI-NSC" (Sky Net total, the default) or "SPP" (the procuratorate).
 * @param [currency] "CNY" (the default) or "USD", which exists only where a source reports dollars.
 * @throws #N/A when the year has no full, exact figure (a "more than" or "about" amount, a part-year amount), or no amount in that currency from that agency: the words say what exists.
 * @throws #VALUE! for a year that is not a whole number from 1900 to 9999, an unknown agency or an unknown currency.
 * @returns The amount, in units of the currency.
 * @example =SKYNET.RECOVERED(2013, "SPP") gives 10140000000; =SKYNET.RECOVERED(2013, "SPP", "USD") gives 1630000000.
 */
export function recovered(year: any, agency?: SkyNetAgency, currency?: Currency): number {
  const a = implementations.RECOVERED(year, agency, currency);
  if (typeof a === "number") return a;
  throw excelError(a);
}

/**
 * Countries and regions in which the year's Fox Hunt fugitives were seized.
 * @customfunction COUNTRIES
 * @helpurl https://localhost:3000/help/countries.html
 * @param year The year, a whole number such as 2014.
 * @throws #N/A when the year has no Fox Hunt count of countries and regions: the words list the years that have one.
 * @throws #VALUE! for a year that is not a whole number from 1900 to 9999.
 * @returns The number of countries and regions.
 * @example =SKYNET.COUNTRIES(2014) gives 69.
 */
export function countries(year: any): number {
  const a = implementations.COUNTRIES(year);
  if (typeof a === "number") return a;
  throw excelError(a);
}

/**
 * A whole series as a table: a header row, then period, value, unit, coverage, qualifier and source of each figure.
 * @customfunction SERIES
 * @helpurl https://localhost:3000/help/series.html
 * @param series_id The series id, such as "sky-net.returned" (SKYNET.SERIES_LIST() lists them).
 * @param [from_year] First year to include; omit for the start.
 * @param [to_year] Last year to include; omit for the end.
 * @throws #N/A when the series has no figures between the two years: the words give its first and last period.
 * @throws #VALUE! for an unknown series id (the words list close ones), or a year that is not a whole number.
 * @returns A table that spills: header row first.
 * @example =SKYNET.SERIES("sky-net.returned", 2016, 2016) spills the header and one row: Jan–Nov 2016, 908, persons, partial.
 */
export function series(series_id: string, from_year?: any, to_year?: any): any[][] {
  return settle(implementations.SERIES(series_id, from_year, to_year));
}

/**
 * The catalogue of series: id, title, unit, agency, kind, running total or not, dataset, figures, first and last period.
 * @customfunction SERIES_LIST
 * @helpurl https://localhost:3000/help/series-list.html
 * @throws #VALUE! when given any argument: it takes none.
 * @returns A table that spills: header row first, one row per series.
 * @example =SKYNET.SERIES_LIST() spills 44 rows (header + 43 series), the first being sky-net.returned.
 */
export function seriesList(): any[][] {
  return settle(implementations.SERIES_LIST());
}

/**
 * A whole dataset as a table with its header.
 * @customfunction DATASET
 * @helpurl https://localhost:3000/help/dataset.html
 * @param name The dataset: "sky-net", "fox-hunt", "treaties", "spp", "most-wanted", "timeline" or "partners".
 * @throws #VALUE! for an unknown dataset name: the words list the seven that exist.
 * @returns A table that spills: header row first.
 * @example =SKYNET.DATASET("spp") spills the header and 4 rows (762 returned, 10.14 bn yuan, 1.63 bn dollars, 749 captured).
 */
export function dataset(name: string): any[][] {
  return settle(implementations.DATASET(name));
}

/**
 * The dated timeline between two dates, as a table; an event dated only to a month or year is listed if it may fall in the range.
 * @customfunction EVENTS
 * @helpurl https://localhost:3000/help/events.html
 * @param [from] First date: an Excel date or text "YYYY-MM-DD"; omit for the start.
 * @param [to] Last date: an Excel date or text "YYYY-MM-DD"; omit for the end.
 * @throws #N/A when no event may have fallen between the two dates: the words give the timeline's span.
 * @throws #VALUE! for a date that is not an Excel date or text "YYYY-MM-DD", or a start after the end.
 * @returns A table that spills: header row first.
 * @example =SKYNET.EVENTS("2014-11-01", "2014-11-30") spills the events that may have fallen in November 2014.
 */
export function events(from?: any, to?: any): any[][] {
  return settle(implementations.EVENTS(from, to));
}

/**
 * The citation behind one figure: publisher, date and URL, or the seed article's verbatim quote.
 * @customfunction SOURCE
 * @helpurl https://localhost:3000/help/source.html
 * @param series_id The series id, such as "sky-net.returned".
 * @param period A year such as 2015, an Excel date (for treaty counts), or a period label such as "Jan–Nov 2016".
 * @throws #N/A when the series has no figure for that period: the words list the periods it has.
 * @throws #VALUE! for an unknown series id or a period that is neither a year, an Excel date nor text.
 * @returns The citation, as text.
 * @example =SKYNET.SOURCE("sky-net.returned", 2015) gives "ECNS (China News Service), 2016-01-15, http://ecns.cn/2016/01-15/195964.shtml".
 */
export function source(series_id: string, period: any): string {
  return settle(implementations.SOURCE(series_id, period));
}

/**
 * One figure as a data type card: value, unit, period, coverage, qualifier and source (partial figures included, labelled).
 * @customfunction FIGURE
 * @helpurl https://localhost:3000/help/figure.html
 * @param series_id The series id, such as "sky-net.returned".
 * @param period A year such as 2015, an Excel date (for treaty counts), or a period label such as "Jan–Nov 2016".
 * @throws #N/A when the series has no figure for that period: the words list the periods it has.
 * @throws #VALUE! for an unknown series id or a period that is neither a year, an Excel date nor text.
 * @returns An entity value; =A1.Value gives the number. Where Excel cannot show cards, the card's words as text.
 * @example =SKYNET.FIGURE("sky-net.returned", "Jan–Nov 2016") shows "908 persons, Jan–Nov 2016 (partial)".
 */
export function figure(series_id: string, period: any): Excel.EntityCellValue | string {
  const card = settle(implementations.FIGURE(series_id, period));
  // Excel without CustomFunctionsRuntime 1.4 (every perpetual Excel) cannot show a card: it gets the card's words.
  return canReturnEntities() ? (card as Excel.EntityCellValue) : card.text;
}

/**
 * The vintages of one figure: what each data release said of it and why it changed, one row per release that first had it, changed it or dropped it.
 * @customfunction REVISIONS
 * @helpurl https://localhost:3000/help/revisions.html
 * @param series_id The series id, such as "sky-net.returned".
 * @param period A year such as 2015, an Excel date (for treaty counts), or a period label such as "Jan–Nov 2016".
 * @returns A table that spills: a header row (Release, Release date, Value, Period, Coverage, Qualifier, Source, Reason), then one row per release.
 * @example =SKYNET.REVISIONS("sky-net.returned", 2015) spills the header, then a row per release that changed Sky Net 2015's returns: its value, its period ("2015 (Apr–Dec)" since 2026.11.1) and the reason that release gives.
 */
export function revisions(series_id: string, period: any): any[][] {
  return settle(implementations.REVISIONS(series_id, period));
}

/** Every function by its permanent id, as registered with Excel: the SDK's FUNCTION_IDS, one wrapper each. */
export const REGISTRATIONS = {
  TREATIES_IN_FORCE: treatiesInForce,
  TREATIES_CONCLUDED: treatiesConcluded,
  CAPTURES: captures,
  SURRENDERED: surrendered,
  RETURNED: returned,
  RECOVERED: recovered,
  COUNTRIES: countries,
  SERIES: series,
  SERIES_LIST: seriesList,
  DATASET: dataset,
  EVENTS: events,
  SOURCE: source,
  FIGURE: figure,
  REVISIONS: revisions,
} as const satisfies Record<sdk.FunctionId, (...args: any[]) => unknown>;

// Registered only where the custom-functions runtime exists (Excel), so tests and plain pages can import this module.
if (typeof CustomFunctions !== "undefined" && typeof CustomFunctions.associate === "function") {
  for (const id of sdk.FUNCTION_IDS) CustomFunctions.associate(id, REGISTRATIONS[id]);
}
