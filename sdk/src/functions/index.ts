// The custom functions' pure implementations: what `=SKYNET.*` answers, as values or error values, with no Office types.
import type { Catalog } from "../core/catalog.js";
import { SkynetError } from "../core/errors.js";
import { revisionsFor, type ReleaseHistory } from "../release/history.js";
import { figureFunctions } from "./figure.js";
import { tableFunctions } from "./spills.js";
import { treatyFunction } from "./treaties.js";
import { yearlyFunction } from "./yearly.js";

export { isFunctionError, isInternalError, type Answer, type FunctionError, type FunctionErrorCode } from "./errors.js";
export { unwrapCellValue } from "./args.js";
export type { Attribution, FigureEntity } from "./figure.js";
export type { Spill, SpillCell } from "./spills.js";

/** The permanent Excel ids of the custom functions (`=SKYNET.<id>`), in the order Excel lists them. */
export const FUNCTION_IDS = [
  "TREATIES_IN_FORCE",
  "TREATIES_CONCLUDED",
  "CAPTURES",
  "SURRENDERED",
  "RETURNED",
  "RECOVERED",
  "COUNTRIES",
  "SERIES",
  "SERIES_LIST",
  "DATASET",
  "EVENTS",
  "SOURCE",
  "FIGURE",
  "REVISIONS",
] as const;
export type FunctionId = (typeof FUNCTION_IDS)[number];

type Yearly = ReturnType<typeof yearlyFunction>;
type Treaty = ReturnType<typeof treatyFunction>;

/** Every custom function over one catalogue, by id: each takes Excel's raw arguments and answers a value or an error value. */
export type CustomFunctions = Readonly<
  { TREATIES_IN_FORCE: Treaty; TREATIES_CONCLUDED: Treaty; CAPTURES: Yearly; SURRENDERED: Yearly; RETURNED: Yearly; RECOVERED: Yearly; COUNTRIES: Yearly } & ReturnType<
    typeof tableFunctions
  > &
    ReturnType<typeof figureFunctions> & { REVISIONS: ReturnType<typeof revisionsFor> }
>;

/**
 * The custom functions answering from one catalogue (a loaded release): the yearly and treaty functions look their
 * answers up in the release's answer tables; the table and figure functions read its records; REVISIONS reads the
 * figure in each release of `history` that leads to this one (without a history, in this release alone). A history
 * that does not lead to the catalogue's release throws `SkynetError("invalid-release")` here, never from a function.
 *
 * @example
 * const fns = functionsFor(loadRelease(json));
 * fns.CAPTURES(2014) //=> 680
 * fns.RETURNED(2016) //=> { error: "#N/A", message: "no full, exact figure of sky-net.returned for 2016. What exists: 908 persons for Jan–Nov 2016 …" }
 * functionsFor(latest, releaseHistory([older, latest])).REVISIONS("sky-net.returned", 2015) //=> header, then one row per release that changed it
 */
export function functionsFor(catalog: Catalog, history?: ReleaseHistory): CustomFunctions {
  // A release always carries its answer tables (loadRelease checks); they are read on a function's first call, so
  // building the functions reads no data. Unreleased data without tables is refused here, at once.
  if (!catalog.release && !catalog.answers) throw new SkynetError("invalid-data", "this catalogue has no answer tables: its data binds no series to the custom functions");
  const answers = () => catalog.answers!;
  const fns: CustomFunctions = {
    TREATIES_IN_FORCE: treatyFunction(() => answers().TREATIES_IN_FORCE),
    TREATIES_CONCLUDED: treatyFunction(() => answers().TREATIES_CONCLUDED),
    CAPTURES: yearlyFunction(() => answers().CAPTURES),
    SURRENDERED: yearlyFunction(() => answers().SURRENDERED, { takesAgency: false }),
    RETURNED: yearlyFunction(() => answers().RETURNED),
    RECOVERED: yearlyFunction(() => answers().RECOVERED),
    COUNTRIES: yearlyFunction(() => answers().COUNTRIES, { takesAgency: false }),
    ...tableFunctions(catalog),
    ...figureFunctions(catalog),
    REVISIONS: revisionsFor(catalog, history),
  };
  return Object.freeze(fns);
}
