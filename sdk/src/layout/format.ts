import { MAX_SERIAL, MIN_SERIAL, fromExcelSerial } from "../core/calendar.js";

const groups = (n: number, decimals: number): string =>
  n.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: true });

/**
 * A cell's value as Excel shows it under the number formats sheet plans use ("@", "General", "#,##0",
 * "#,##0.###", "0", "yyyy-mm-dd" and the scaled money format `#,##0.00,,," bn CNY"`). Other formats show the
 * General rendering.
 *
 * @example
 * formatCell(1023, "#,##0") //=> "1,023"
 * formatCell(42004, "yyyy-mm-dd") //=> "2014-12-31"
 * formatCell(2_910_000_000, '#,##0.00,,," bn CNY"') //=> "2.91 bn CNY"
 */
export function formatCell(value: unknown, numberFormat: string): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value !== "number") return String(value);
  if (numberFormat === "@" || numberFormat === "General" || !numberFormat) return String(Number(value.toPrecision(11)));
  if (/^y+-m+-d+$/.test(numberFormat)) return value >= MIN_SERIAL && value <= MAX_SERIAL ? fromExcelSerial(value) : String(value);
  const scaled = /^(#,##0(?:\.(0+))?)(,+)"(.*)"$/.exec(numberFormat);
  if (scaled) return `${groups(value / 1000 ** scaled[3]!.length, scaled[2]?.length ?? 0)}${scaled[4]}`;
  if (numberFormat === "#,##0") return groups(Math.round(value), 0);
  if (numberFormat === "#,##0.###") return value.toLocaleString("en-US", { maximumFractionDigits: 3 });
  if (numberFormat === "0") return String(Math.round(value));
  return String(value);
}
