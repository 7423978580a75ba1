import { createCatalog } from "./core/catalog.js";
import { DATASETS } from "./datasets/index.js";
import { SOURCES } from "./sources/index.js";

/** The validated, indexed catalogue of the bundled datasets and sources; everything outside core reads it from here. */
export const catalog = createCatalog(DATASETS, SOURCES);
