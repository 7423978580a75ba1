/** Text that Excel would read as a formula (or a signed number) unless the cell is formatted as text. */
export const FORMULA_LIKE = /^[=+\-@]/;

/**
 * The number format a cell must get so its value lands as written: text that starts with `=`, `+`, `-` or `@`
 * is forced to the text format "@"; anything else keeps its planned format.
 *
 * @example
 * safeFormat("=1+1", "General") //=> "@"
 * safeFormat(680, "#,##0") //=> "#,##0"
 */
export function safeFormat(value: unknown, numberFormat: string): string {
  return typeof value === "string" && FORMULA_LIKE.test(value) ? "@" : numberFormat;
}
