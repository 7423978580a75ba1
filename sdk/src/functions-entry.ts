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
/** The bundled release's catalogue, and what the runtime needs to read a kept release back without the full SDK. */
export { catalog as BUNDLED_CATALOG } from "./catalog.js";
export { catalogOfRelease } from "./release/load.js";
export { compareReleaseVersions, isReleaseVersion } from "./release/version.js";
export { revisionsFor } from "./release/history.js";
export type { Answer, CustomFunctions, FunctionError, FunctionId } from "./functions/index.js";
export type { Catalog } from "./core/catalog.js";
export type { ReleaseHistory } from "./release/history.js";
