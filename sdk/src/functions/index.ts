// The custom functions' pure implementations: what `=SKYNET.*` answers, as values or error values, with no Office types.
import { countries, captures, recovered, returned, surrendered } from "./figures.js";
import { figureEntity, figureSource } from "./figure.js";
import { datasetTable, eventsTable, seriesListTable, seriesTable } from "./tables.js";
import { treatiesConcluded, treatiesInForce } from "./treaties.js";

export { FunctionError, FunctionErrorCode, isFunctionError, type Answer } from "./errors.js";
export { FigureEntity } from "./figure.js";
export type { Spill, SpillCell } from "./tables.js";
export { countries, captures, recovered, returned, surrendered, figureEntity, figureSource, datasetTable, eventsTable, seriesListTable, seriesTable, treatiesConcluded, treatiesInForce };

/**
 * Every implementation by its permanent Excel function id (`=SKYNET.<id>`).
 *
 * @example
 * CUSTOM_FUNCTIONS.CAPTURES(2014) //=> 680
 */
export const CUSTOM_FUNCTIONS = Object.freeze({
  TREATIES_IN_FORCE: treatiesInForce,
  TREATIES_CONCLUDED: treatiesConcluded,
  CAPTURES: captures,
  SURRENDERED: surrendered,
  RETURNED: returned,
  RECOVERED: recovered,
  COUNTRIES: countries,
  SERIES: seriesTable,
  SERIES_LIST: seriesListTable,
  DATASET: datasetTable,
  EVENTS: eventsTable,
  SOURCE: figureSource,
  FIGURE: figureEntity,
});
