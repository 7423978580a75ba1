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
 * Every implementation by its permanent Excel function id (`=SKYNET.<id>`). Getters, so the registry never
 * captures an implementation before its module has loaded (public.ts and these modules import each other).
 *
 * @example
 * CUSTOM_FUNCTIONS.CAPTURES(2014) //=> 680
 */
export const CUSTOM_FUNCTIONS = {
  get TREATIES_IN_FORCE() { return treatiesInForce; },
  get TREATIES_CONCLUDED() { return treatiesConcluded; },
  get CAPTURES() { return captures; },
  get SURRENDERED() { return surrendered; },
  get RETURNED() { return returned; },
  get RECOVERED() { return recovered; },
  get COUNTRIES() { return countries; },
  get SERIES() { return seriesTable; },
  get SERIES_LIST() { return seriesListTable; },
  get DATASET() { return datasetTable; },
  get EVENTS() { return eventsTable; },
  get SOURCE() { return figureSource; },
  get FIGURE() { return figureEntity; },
};
