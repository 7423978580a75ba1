/**
 * Text a spreadsheet would read as a formula (or run as one) rather than show as written: text starting with `=`,
 * `+`, `-` or `@`, or with a tab or carriage return (which some apps strip before reading the rest as a formula).
 * One rule for every output: in Excel and the xlsx export such text is given the text format "@" (`safeFormat`);
 * in CSV it gets one leading apostrophe (the exporter's `neutraliseText`, which also marks text that starts with an
 * apostrophe, so a reader drops exactly one).
 */
export const FORMULA_LIKE = /^[=+\-@\t\r]/;

/**
 * The number format a cell must get so its value lands as written: formula-like text (`FORMULA_LIKE`) is forced
 * to the text format "@"; anything else keeps its planned format.
 *
 * @example
 * safeFormat("=1+1", "General") //=> "@"
 * safeFormat(680, "#,##0") //=> "#,##0"
 */
export function safeFormat(value: unknown, numberFormat: string): string {
  return typeof value === "string" && FORMULA_LIKE.test(value) ? "@" : numberFormat;
}
