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
  /** The figure before the change that set the budget, as the issue gives it (not measured in this run). */
  before?: string;
  /** "met" / "missed" for a row that carries a budget of the issue; "measured" for a figure shown for context. */
  verdict?: "met" | "missed" | "measured" | "skipped";
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

/** "met" when ok, else "missed". */
export const verdict = (ok: boolean): Row["verdict"] => (ok ? "met" : "missed");

/** Interleaves measurements: each round runs every named function once, in an order that rotates between rounds so
 * no variant always runs first (or right after the same neighbour); returns every sample by name. */
export function interleave<K extends string>(rounds: number, fns: Record<K, () => number>): Record<K, number[]> {
  const names = Object.keys(fns) as K[];
  const out = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + r) % names.length]!;
      out[name].push(fns[name]());
    }
  }
  return out;
}
