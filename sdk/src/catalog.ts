// The catalogue of the release bundled with this package; everything outside core reads it from here.
import type { Release } from "./release/format.js";
import { catalogOfRelease } from "./release/load.js";
import bundled from "./releases/current.js";

/** The bundled release, as compiled and checked by `npm run build` (a test holds it to its hash). */
export const BUNDLED_RELEASE = bundled as unknown as Release;

/** The catalogue of the bundled release. */
export const catalog = catalogOfRelease(BUNDLED_RELEASE);
