// @skynet-data/sdk/functions: what the Excel custom functions need and nothing more (no sheet plans, no release
// downloads or signatures), so functions.js carries the data and the functions only.
import { catalog } from "./catalog.js";
import { functionsFor } from "./functions/index.js";

/**
 * Every custom function answering from the bundled release, by its permanent Excel id.
 *
 * @example
 * CUSTOM_FUNCTIONS.CAPTURES(2014) //=> 680
 */
export const CUSTOM_FUNCTIONS = functionsFor(catalog);

export { FUNCTION_IDS, functionsFor, isFunctionError, isInternalError } from "./functions/index.js";
export type { Answer, CustomFunctions, FunctionError, FunctionId } from "./functions/index.js";
export type { Catalog } from "./core/catalog.js";
export type { ReleaseHistory } from "./release/history.js";
