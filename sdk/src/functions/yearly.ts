// The yearly functions (CAPTURES, RETURNED, …): a plain lookup in the release's answer table.
import type { YearlyAnswers } from "../release/format.js";
import { choiceArg, yearArg } from "./args.js";
import { ACCEPTED_AGENCIES, ACCEPTED_CURRENCIES, AGENCY_ALIASES, CURRENCY_ALIASES } from "./choices.js";
import { guarded, notAvailable, type Answer, type FunctionError } from "./errors.js";

const FIRST_YEAR = 1900;
const LAST_YEAR = 9999;

interface Route {
  /** Answer by year - 1900, for the years the table lists. */
  byYear: (Answer<number> | undefined)[];
  otherYears: string;
}

/**
 * A yearly function over one answer table: (year, agency?, currency?) -> the figure, or its #N/A or #VALUE! words.
 * A function declared without an agency parameter (`takesAgency: false`) ignores any further argument, as Excel would.
 */
export function yearlyFunction(table: YearlyAnswers, { takesAgency = true } = {}): (year: unknown, agency?: unknown, currency?: unknown) => Answer<number> {
  const routes = new Map<string, Route>();
  for (const [key, r] of Object.entries(table.routes)) {
    const byYear = new Array<Answer<number> | undefined>(LAST_YEAR - FIRST_YEAR + 1);
    for (const [y, a] of Object.entries(r.years)) byYear[Number(y) - FIRST_YEAR] = typeof a === "number" ? a : Object.freeze({ ...a });
    routes.set(key, { byYear, otherYears: r.otherYears.template });
  }
  const unrouted = new Map<string, FunctionError>(Object.entries(table.unrouted).map(([k, a]) => [k, Object.freeze({ ...a })]));
  const currency = table.defaultCurrency;
  const defaultRoute = routes.get(currency ? `${table.defaultAgency}|${currency}` : table.defaultAgency);

  const routeFor = (agencyRaw: unknown, currencyRaw: unknown): Route | FunctionError => {
    const agency = choiceArg(agencyRaw, "agency", AGENCY_ALIASES, ACCEPTED_AGENCIES) ?? table.defaultAgency;
    const key = currency ? `${agency}|${choiceArg(currencyRaw, "currency", CURRENCY_ALIASES, ACCEPTED_CURRENCIES) ?? currency}` : agency;
    return routes.get(key) ?? unrouted.get(key) ?? notAvailable(`no figures for ${key.replace("|", " in ")}`);
  };

  return guarded((yearRaw: unknown, agencyRaw?: unknown, currencyRaw?: unknown): Answer<number> => {
    const year = typeof yearRaw === "number" && Number.isInteger(yearRaw) && yearRaw >= FIRST_YEAR && yearRaw <= LAST_YEAR ? yearRaw : yearArg(yearRaw);
    if (!takesAgency) agencyRaw = currencyRaw = undefined;
    const route = agencyRaw == null && (currencyRaw == null || !currency) && defaultRoute ? defaultRoute : routeFor(agencyRaw, currency ? currencyRaw : undefined);
    if (!("byYear" in route)) return route;
    return route.byYear[year - FIRST_YEAR] ?? notAvailable(route.otherYears.split("{year}").join(String(year)));
  });
}
