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
  // Routes by agency, then currency (null for functions without one): two Map lookups, no key built per call.
  const routes = new Map<string, Map<string | null, Route | FunctionError>>();
  const put = (key: string, route: Route | FunctionError) => {
    const [agency, cur = null] = key.split("|") as [string, string?];
    let byCurrency = routes.get(agency);
    if (!byCurrency) routes.set(agency, (byCurrency = new Map()));
    byCurrency.set(cur, route);
  };
  for (const [key, r] of Object.entries(table.routes)) {
    const byYear = new Array<Answer<number> | undefined>(LAST_YEAR - FIRST_YEAR + 1);
    for (const [y, a] of Object.entries(r.years)) byYear[Number(y) - FIRST_YEAR] = typeof a === "number" ? a : Object.freeze({ ...a });
    put(key, { byYear, otherYears: r.otherYears.template });
  }
  for (const [key, a] of Object.entries(table.unrouted)) put(key, Object.freeze({ ...a }));
  const currency = table.defaultCurrency;
  const defaultRoute = routes.get(table.defaultAgency)?.get(currency);
  // A bad argument's #VALUE! answer, by the argument as Excel passed it, so a sheet of one typo builds its words once.
  const badArguments = new Map<unknown, Map<unknown, Map<unknown, FunctionError>>>();

  const routeFor = (agencyRaw: unknown, currencyRaw: unknown): Route | FunctionError => {
    const agency = (typeof agencyRaw === "string" ? AGENCY_ALIASES.get(agencyRaw) : undefined) ?? choiceArg(agencyRaw, "agency", AGENCY_ALIASES, ACCEPTED_AGENCIES) ?? table.defaultAgency;
    const cur = currency ? ((typeof currencyRaw === "string" ? CURRENCY_ALIASES.get(currencyRaw) : undefined) ?? choiceArg(currencyRaw, "currency", CURRENCY_ALIASES, ACCEPTED_CURRENCIES) ?? currency) : null;
    return routes.get(agency)?.get(cur) ?? notAvailable(`no figures for ${agency}${cur ? ` in ${cur}` : ""}`);
  };

  const answer = guarded((yearRaw: unknown, agencyRaw?: unknown, currencyRaw?: unknown): Answer<number> => {
    const year = typeof yearRaw === "number" && Number.isInteger(yearRaw) && yearRaw >= FIRST_YEAR && yearRaw <= LAST_YEAR ? yearRaw : yearArg(yearRaw);
    const route = agencyRaw == null && (currencyRaw == null || !currency) && defaultRoute ? defaultRoute : routeFor(agencyRaw, currency ? currencyRaw : undefined);
    if (!("byYear" in route)) return route;
    const i = year - FIRST_YEAR;
    // The table is whole: a year it does not list answers the template's words, written into the table when first asked.
    return route.byYear[i] ?? (route.byYear[i] = Object.freeze(notAvailable(route.otherYears.split("{year}").join(String(year)))));
  });

  const primitive = (v: unknown) => v == null || typeof v === "string" || typeof v === "number" || typeof v === "boolean";

  return (yearRaw: unknown, agencyRaw?: unknown, currencyRaw?: unknown): Answer<number> => {
    if (!takesAgency) agencyRaw = currencyRaw = undefined;
    const known = badArguments.size ? badArguments.get(yearRaw)?.get(agencyRaw)?.get(currencyRaw) : undefined;
    if (known !== undefined) return known;
    const a = answer(yearRaw, agencyRaw, currencyRaw);
    if (typeof a !== "number" && a.error === "#VALUE!" && !a.internal && primitive(yearRaw) && primitive(agencyRaw) && primitive(currencyRaw) && badArguments.size < 4096) {
      let byAgency = badArguments.get(yearRaw);
      if (!byAgency) badArguments.set(yearRaw, (byAgency = new Map()));
      let byCurrency = byAgency.get(agencyRaw);
      if (!byCurrency) byAgency.set(agencyRaw, (byCurrency = new Map()));
      byCurrency.set(currencyRaw, Object.freeze(a));
    }
    return a;
  };
}
