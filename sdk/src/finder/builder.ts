// The formula builder's model: for each function, the values each argument can take in the data.
import type { Catalog } from "../core/catalog.js";
import { AGENCY_NAMES } from "../functions/choices.js";
import { FUNCTION_IDS } from "../functions/index.js";

/** One value an argument can take, and how it reads in a list. */
export interface ArgumentOption {
  value: string | number;
  label: string;
}

/** One argument of a function: its name, whether it may be left out, and the values that exist in the data. */
export interface ArgumentChoices {
  name: string;
  optional: boolean;
  /** The values that have an answer in the data; empty where any value is accepted (a date, a year range). */
  options: ArgumentOption[];
  /** Words on what the argument takes, for the builder's hint. */
  hint: string;
}

const years = (catalog: Catalog, seriesIds: readonly string[]): ArgumentOption[] =>
  [...new Set(seriesIds.flatMap((id) => catalog.observationsOf(id).map((o) => Number(o.period.start.slice(0, 4)))))].sort().map((y) => ({ value: y, label: String(y) }));

/**
 * The arguments of a custom function with the values each can take in this catalogue: years that have a figure,
 * the agencies and currencies the function answers for, treaty kinds, series ids, dataset names. Throws for an
 * unknown function id.
 *
 * @example
 * functionArguments(catalog, "RETURNED")[1].options.map((o) => o.value) //=> ["CCDI-NSC", "SPP"]
 */
export function functionArguments(catalog: Catalog, functionId: string): ArgumentChoices[] {
  const series = catalog.series;
  const bound = (fn: string) => series.filter((s) => s.answers?.function === fn);
  const seriesOptions = series.map((s) => ({ value: s.id, label: `${s.id}: ${s.title}` }));
  switch (functionId) {
    case "CAPTURES":
    case "SURRENDERED":
    case "RETURNED":
    case "RECOVERED":
    case "COUNTRIES": {
      const b = bound(functionId);
      const agencies = [...new Set(b.map((s) => s.agency))].map((a) => ({ value: a, label: AGENCY_NAMES[a] }));
      const args: ArgumentChoices[] = [{ name: "year", optional: false, options: years(catalog, b.map((s) => s.id)), hint: "a year that has a figure" }];
      if (functionId === "SURRENDERED" || functionId === "COUNTRIES") return args;
      args.push({ name: "agency", optional: true, options: agencies, hint: `omitted: ${catalog.answers?.[functionId].defaultAgency ?? agencies[0]?.value}` });
      if (functionId === "RECOVERED") args.push({ name: "currency", optional: true, options: [...new Set(b.map((s) => s.unit))].map((u) => ({ value: u, label: u })), hint: "omitted: CNY" });
      return args;
    }
    case "TREATIES_IN_FORCE":
    case "TREATIES_CONCLUDED": {
      const b = bound(functionId);
      const dates = [...new Set(b.flatMap((s) => catalog.observationsOf(s.id).map((o) => o.period.end)))].sort().map((d) => ({ value: d, label: d }));
      return [
        { name: "kind", optional: true, options: [{ value: "extradition", label: "extradition" }, { value: "judicial assistance", label: "criminal judicial assistance" }], hint: "omitted: both kinds together" },
        { name: "as_of", optional: true, options: dates, hint: "any date; the listed ones are when a count changes; omitted: the latest" },
      ];
    }
    case "SERIES":
      return [
        { name: "series_id", optional: false, options: seriesOptions, hint: "a series id" },
        { name: "from_year", optional: true, options: [], hint: "first year; omitted: the start" },
        { name: "to_year", optional: true, options: [], hint: "last year; omitted: the end" },
      ];
    case "SERIES_LIST":
      return [];
    case "DATASET":
      return [{ name: "name", optional: false, options: catalog.datasets.map((d) => ({ value: d.id, label: d.title })), hint: "a dataset" }];
    case "EVENTS":
      return [
        { name: "from", optional: true, options: [], hint: "first date; omitted: the start" },
        { name: "to", optional: true, options: [], hint: "last date; omitted: the end" },
      ];
    case "SOURCE":
    case "FIGURE":
      return [
        { name: "series_id", optional: false, options: seriesOptions, hint: "a series id" },
        { name: "period", optional: false, options: [], hint: "a year, an Excel date, or one of the series' period labels (periodsOf)" },
      ];
    default:
      throw new Error(`unknown function ${JSON.stringify(functionId)}; the functions are ${FUNCTION_IDS.join(", ")}`);
  }
}

/**
 * The period labels of a series, for SOURCE and FIGURE's period argument.
 *
 * @example
 * periodsOf(catalog, "sky-net.returned").slice(0, 2) //=> ["Jan–Nov 2015", "2015 (Apr–Dec)"]
 */
export const periodsOf = (catalog: Catalog, seriesId: string): string[] => catalog.observationsOf(seriesId).map((o) => o.period.label);
