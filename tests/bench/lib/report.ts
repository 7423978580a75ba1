// What every bench item prints for the runner: rows of the one table, and details for bench-results/latest.json.

/** One line of the table: a measured value with its unit, and the baseline or budget it is read against. */
export interface Row {
  item: number;
  measurement: string;
  value: number | null;
  unit: string;
  /** A baseline measured in the same run, or a budget; `text` is how the table shows it. */
  against?: { kind: "baseline" | "budget"; text: string; value?: number; unit?: string };
  /** value / baseline where that means something. */
  ratio?: number;
  verdict?: "within budget" | "over budget" | "measured" | "skipped";
  note?: string;
}

/** The marker the runner looks for on stdout (tools such as Vite may print other lines). */
export const MARKER = "BENCH_RESULT ";

/** Prints the item's rows and details as one marked JSON line. */
export function emit(rows: Row[], details: Record<string, unknown> = {}): void {
  process.stdout.write(`\n${MARKER}${JSON.stringify({ rows, details })}\n`);
}

/** Median of a list of numbers. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Rounds to a given number of significant decimals for display and JSON. */
export const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** The repository root: the runner starts every item there. */
export const ROOT = process.env.BENCH_ROOT ?? process.cwd();

/** "within budget" when ok, else "over budget". */
export const verdict = (ok: boolean): Row["verdict"] => (ok ? "within budget" : "over budget");
