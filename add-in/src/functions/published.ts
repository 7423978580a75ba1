// The global on which functions.js publishes its custom functions, in every host: Excel receives the same wrappers
// through CustomFunctions.associate; the browser preview (workbook/formulas.ts) calls them from here.

/** Name of the global holding functions.js's wrapper table: id (`CAPTURES`) → the function Excel is given for it. */
export const FUNCTIONS_GLOBAL = "SkynetFunctions";

/** The wrapper table functions.js published on this page, or null when functions.js has not run here. */
export function publishedFunctions(g: object = globalThis): Readonly<Record<string, (...args: any[]) => unknown>> | null {
  const table = (g as Record<string, unknown>)[FUNCTIONS_GLOBAL];
  return table !== null && typeof table === "object" ? (table as Readonly<Record<string, (...args: any[]) => unknown>>) : null;
}
