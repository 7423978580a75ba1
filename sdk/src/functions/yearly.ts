// The yearly functions (CAPTURES, RETURNED, …): a plain lookup in the release's answer table.
import type { YearlyAnswers } from "../release/format.js";
import { choiceArg, isPrimitive, REMEMBERED, rememberedAnswers, yearArg, type RememberedAnswers } from "./args.js";
import { ACCEPTED_AGENCIES, ACCEPTED_CURRENCIES, AGENCY_ALIASES, CURRENCY_ALIASES } from "./choices.js";
import { guarded, notAvailable, type Answer, type FunctionError } from "./errors.js";

const FIRST_YEAR = 1900;
const LAST_YEAR = 9999;
const YEARS = LAST_YEAR - FIRST_YEAR + 1;

interface Route {
  /** Answer by year - 1900, for the years the table lists; other years get the template's words when first asked. */
  byYear: (Answer<number> | undefined)[];
  otherYears: string;
}
type RouteOrError = Route | FunctionError;

/** What a yearly function builds from its table, on its first call. */
interface Built {
  routes: Map<string, Map<string | null, RouteOrError>>;
  currency: string | null;
  defaultAgency: string;
  defaultRoute: Route | undefined;
  /** The route (or the #N/A of an agency without one) by the agency and currency as Excel passed them. */
  byRaw: Map<unknown, Map<unknown, RouteOrError>>;
  /** The answer to arguments off the hot path (a year as text, an agency first seen, a typo), by the arguments as passed. */
  remembered: RememberedAnswers<number>;
}

function build(table: YearlyAnswers): Built {
  // Routes by agency, then currency (null for functions without one).
  const routes = new Map<string, Map<string | null, RouteOrError>>();
  const put = (key: string, route: RouteOrError) => {
    const [agency, cur = null] = key.split("|") as [string, string?];
    let byCurrency = routes.get(agency);
    if (!byCurrency) routes.set(agency, (byCurrency = new Map()));
    byCurrency.set(cur, route);
  };
  for (const [key, r] of Object.entries(table.routes)) {
    const byYear = new Array<Answer<number> | undefined>(YEARS);
    for (const [y, a] of Object.entries(r.years)) byYear[Number(y) - FIRST_YEAR] = typeof a === "number" ? a : Object.freeze({ ...a });
    put(key, { byYear, otherYears: r.otherYears.template });
  }
  for (const [key, a] of Object.entries(table.unrouted)) put(key, Object.freeze({ ...a }));
  const currency = table.defaultCurrency;
  const found = routes.get(table.defaultAgency)?.get(currency);
  return { routes, currency, defaultAgency: table.defaultAgency, defaultRoute: found && "byYear" in found ? found : undefined, byRaw: new Map(), remembered: rememberedAnswers() };
}

/** The answer of a route for a year (a whole number 1900–9999): the table's, or its words for a year it does not list, written in once. */
function inRoute(route: Route, year: number): Answer<number> {
  const i = year - FIRST_YEAR;
  return route.byYear[i] ?? (route.byYear[i] = Object.freeze(notAvailable(route.otherYears.split("{year}").join(String(year)))));
}

/**
 * A yearly function over one answer table (or a function giving it, asked on the first call, so start-up builds
 * nothing): (year, agency?, currency?) -> the figure, or its #N/A or #VALUE! words. A function declared without an
 * agency parameter (`takesAgency: false`) ignores any further argument, as Excel would. Once an agency and currency
 * have been seen, a call with a whole year is two Map lookups and an array read.
 */
export function yearlyFunction(
  tableOf: YearlyAnswers | (() => YearlyAnswers),
  { takesAgency = true } = {},
): (year: unknown, agency?: unknown, currency?: unknown) => Answer<number> {
  let built: Built | undefined;
  const state = (): Built => (built ??= build(typeof tableOf === "function" ? tableOf() : tableOf));

  const routeFor = (b: Built, agencyRaw: unknown, currencyRaw: unknown): RouteOrError => {
    const agency = (typeof agencyRaw === "string" ? AGENCY_ALIASES.get(agencyRaw) : undefined) ?? choiceArg(agencyRaw, "agency", AGENCY_ALIASES, ACCEPTED_AGENCIES) ?? b.defaultAgency;
    const cur = b.currency ? ((typeof currencyRaw === "string" ? CURRENCY_ALIASES.get(currencyRaw) : undefined) ?? choiceArg(currencyRaw, "currency", CURRENCY_ALIASES, ACCEPTED_CURRENCIES) ?? b.currency) : null;
    return b.routes.get(agency)?.get(cur) ?? notAvailable(`no figures for ${agency}${cur ? ` in ${cur}` : ""}`);
  };

  // Every argument checked, in order: the year, then the agency and currency; a bad one throws its #VALUE! words.
  const careful = guarded((yearRaw: unknown, agencyRaw?: unknown, currencyRaw?: unknown): Answer<number> => {
    const b = state();
    const year = yearArg(yearRaw);
    const route = agencyRaw == null && (currencyRaw == null || !b.currency) && b.defaultRoute ? b.defaultRoute : routeFor(b, agencyRaw, b.currency ? currencyRaw : undefined);
    if (isPrimitive(agencyRaw) && isPrimitive(currencyRaw) && b.byRaw.size < REMEMBERED) {
      let byCurrency = b.byRaw.get(agencyRaw);
      if (!byCurrency) b.byRaw.set(agencyRaw, (byCurrency = new Map()));
      if (byCurrency.size < REMEMBERED) byCurrency.set(currencyRaw, route);
    }
    return "byYear" in route ? inRoute(route, year) : route;
  });

  return (yearRaw: unknown, agencyRaw?: unknown, currencyRaw?: unknown): Answer<number> => {
    if (!takesAgency) agencyRaw = currencyRaw = undefined;
    const b = built;
    // Until its table is built, every call goes through `careful`, so a table that fails to build is an internal error.
    if (b === undefined) return careful(yearRaw, agencyRaw, currencyRaw);
    // The hot path: a whole year and an agency and currency seen before (or omitted), no argument to check again.
    if (typeof yearRaw === "number") {
      const i = yearRaw - FIRST_YEAR;
      if (i >= 0 && i < YEARS && Math.floor(i) === i) {
        const route = agencyRaw == null && (currencyRaw == null || !b.currency) && b.defaultRoute ? b.defaultRoute : b.byRaw.get(agencyRaw)?.get(currencyRaw);
        if (route !== undefined) return "byYear" in route ? (route.byYear[i] ?? inRoute(route, yearRaw)) : route;
      }
    }
    return b.remembered.get(yearRaw, agencyRaw, currencyRaw) ?? b.remembered.keep(yearRaw, agencyRaw, currencyRaw, careful(yearRaw, agencyRaw, currencyRaw));
  };
}
