// Item 1: a million mixed calls of the numeric SKYNET.* functions through the registered wrappers (add-in/dist/functions.js
// loaded as Excel loads it: a classic script on a plain global), against a plain Map lookup of the same answers.
// The script runs with vm.runInThisContext, not in a vm.createContext sandbox: a contextified global answers every
// global lookup (Number, Math...) through an interceptor, which Excel's runtime does not; the sandbox row shows the cost.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { CUSTOM_FUNCTIONS, isFunctionError, toExcelSerial } from "@skynet-data/sdk";
import { emit, median, ROOT, round, verdict } from "../lib/report.js";

const CALLS = Number(process.env.BENCH_CALLS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

type Fn = (...args: unknown[]) => unknown;

// A stand-in for Excel's CustomFunctions global: the wrappers throw CustomFunctions.Error for #N/A and #VALUE!.
class CfError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}
const registered = new Map<string, Fn>();
const CustomFunctions = {
  Error: CfError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  associate: (id: string, fn: Fn) => void registered.set(id, fn),
};
const script = readFileSync(join(ROOT, "add-in/dist/functions.js"), "utf8");
(globalThis as { CustomFunctions?: unknown }).CustomFunctions = CustomFunctions;
vm.runInThisContext(script, { filename: "functions.js" });
const sandboxed = new Map<string, Fn>();
const sandbox = { ...CustomFunctions, associate: (id: string, fn: Fn) => void sandboxed.set(id, fn) };
vm.runInContext(script, vm.createContext({ CustomFunctions: sandbox, URL, URLSearchParams, TextEncoder, TextDecoder, setTimeout, clearTimeout, console }), { filename: "functions.js" });

// Arguments as Excel hands them over: numbers as doubles, an omitted optional argument as null (always the full
// arity), dates as serials or ISO text, enum arguments as text.
type Spec = { id: string; args: unknown[] };
const serial = (y: number, m: number, d: number) => toExcelSerial(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
const specs: Spec[] = [];
const add = (id: string, ...args: unknown[]) => specs.push({ id, args });
for (let y = 2010; y <= 2026; y++) {
  add("CAPTURES", y, null);
  add("CAPTURES", y, "SPP");
  add("SURRENDERED", y);
  add("RETURNED", y, null);
  add("RETURNED", y, "SPP");
  add("RECOVERED", y, null, null);
  add("RECOVERED", y, "SPP", "USD");
  add("COUNTRIES", y);
  add("TREATIES_IN_FORCE", "extradition", serial(y, 6, 30));
  add("TREATIES_IN_FORCE", "judicial assistance", serial(y, 12, 31));
  add("TREATIES_CONCLUDED", null, serial(y, 12, 31));
}
add("TREATIES_IN_FORCE", null, null);
add("TREATIES_CONCLUDED", "extradition", null);
add("TREATIES_IN_FORCE", "MLA", "2015-01-01");
// Typing mistakes a sheet holds: text where a year belongs, an unknown agency or currency, a fractional year.
for (const bad of ["soon", "2014a", ""]) add("CAPTURES", bad, null);
add("RETURNED", 2015, "FBI");
add("RECOVERED", 2015, null, "EUR");
add("COUNTRIES", 2014.5);
add("TREATIES_IN_FORCE", "friendship", null);

// Classify every distinct call by what the wrapper does with it: returns a number, or throws #N/A or #VALUE!.
const fns = specs.map((s) => {
  const fn = registered.get(s.id);
  if (!fn) throw new Error(`functions.js registered no ${s.id}`);
  return fn;
});
const outcome = (i: number): string => {
  try {
    const v = fns[i]!(...specs[i]!.args);
    if (typeof v !== "number") throw new Error(`${specs[i]!.id} gave ${typeof v}`);
    return "value";
  } catch (e) {
    if (e instanceof CfError) return e.code;
    throw e;
  }
};
const pools: Record<string, number[]> = { value: [], "#N/A": [], "#VALUE!": [] };
specs.forEach((_, i) => pools[outcome(i)]!.push(i));

// The mix, in every 100 calls: 90 figures that exist, 8 #N/A (years or breakdowns without a full figure), 2 #VALUE! (typos).
const SHARE = { value: 90, "#N/A": 8, "#VALUE!": 2 } as const;
const pattern: number[] = [];
const cursor = { value: 0, "#N/A": 0, "#VALUE!": 0 };
for (let k = 0; k < 100 * 97; k++) {
  const slot = k % 100;
  const kind = slot < SHARE.value ? "value" : slot < SHARE.value + SHARE["#N/A"] ? "#N/A" : "#VALUE!";
  const pool = pools[kind]!;
  pattern.push(pool[cursor[kind]++ % pool.length]!);
}
const order = Int32Array.from({ length: CALLS }, (_, i) => pattern[i % pattern.length]!);
const args = specs.map((s) => [s.args[0], s.args[1], s.args[2]]);

// The baseline: the same answers (numbers, or the error value with its words) from a Map by a precomputed key.
const keys = specs.map((s) => `${s.id}|${s.args.map(String).join("|")}`);
const sdkFns = specs.map((s) => CUSTOM_FUNCTIONS[s.id as keyof typeof CUSTOM_FUNCTIONS] as Fn);
const answers = new Map(specs.map((s, i) => [keys[i]!, sdkFns[i]!(...s.args)]));
let sink = 0;

// The same answers delivered as Excel receives them from any function: a number returned, or an error thrown (one
// prebuilt CustomFunctions.Error per distinct error, as the wrappers cache them). Same try/catch as the wrappers' loop.
const delivered = new Map(
  [...answers].map(([k, v]) => [k, isFunctionError(v) ? new CfError(v.error, v.message) : v] as const),
);

function mapDelivered(): number {
  const t = performance.now();
  for (let i = 0; i < order.length; i++) {
    try {
      const v = delivered.get(keys[order[i]!]!);
      if (v instanceof CfError) throw v;
      sink += v as number;
    } catch (e) {
      sink += (e as CfError).code.length;
    }
  }
  return performance.now() - t;
}

function wrappers(calls: Int32Array = order, through: Fn[] = fns): number {
  const t = performance.now();
  for (let i = 0; i < calls.length; i++) {
    const j = calls[i]!;
    const a = args[j]!;
    try {
      sink += through[j]!(a[0], a[1], a[2]) as number;
    } catch (e) {
      sink += (e as CfError).code.length;
    }
  }
  return performance.now() - t;
}

function implementations(): number {
  const t = performance.now();
  for (let i = 0; i < order.length; i++) {
    const j = order[i]!;
    const a = args[j]!;
    const v = sdkFns[j]!(a[0], a[1], a[2]);
    sink += typeof v === "number" ? v : isFunctionError(v) ? v.error.length : 0;
  }
  return performance.now() - t;
}

function mapLookup(): number {
  const t = performance.now();
  for (let i = 0; i < order.length; i++) {
    const v = answers.get(keys[order[i]!]!);
    sink += typeof v === "number" ? v : isFunctionError(v) ? v.error.length : 0;
  }
  return performance.now() - t;
}

const runs = { wrappers: [] as number[], implementations: [] as number[], map: [] as number[], delivered: [] as number[] };
const warm = order.subarray(0, 100_000);
wrappers(warm);
implementations();
mapLookup();
mapDelivered();
for (let r = 0; r < ROUNDS; r++) {
  runs.map.push(mapLookup());
  runs.delivered.push(mapDelivered());
  runs.wrappers.push(wrappers());
  runs.implementations.push(implementations());
}
// What each kind of answer costs through the wrappers, and the sandbox's cost, on shorter runs.
const SHORT = 200_000;
const EACH = 20_000;
const only = (pool: number[], n: number) => Int32Array.from({ length: n }, (_, i) => pool[i % pool.length]!);
const perCall = Object.fromEntries(Object.entries(pools).map(([kind, pool]) => [kind, (wrappers(only(pool, 2_000)), (wrappers(only(pool, EACH)) * 1000) / EACH)]));
const sandboxFns = specs.map((s) => sandboxed.get(s.id)!);
wrappers(order.subarray(0, SHORT), sandboxFns);
const sandboxMs = (wrappers(order.subarray(0, SHORT), sandboxFns) * CALLS) / SHORT;
const ms = { wrappers: median(runs.wrappers), implementations: median(runs.implementations), map: median(runs.map), delivered: median(runs.delivered) };
const perSec = (t: number) => round(CALLS / (t / 1000) / 1e6, 2);
const counted = Object.fromEntries(Object.entries(pools).map(([k, v]) => [k, v.length]));
const mix = `${SHARE.value}% numbers, ${SHARE["#N/A"]}% #N/A, ${SHARE["#VALUE!"]}% #VALUE! over ${specs.length} distinct calls of the 7 numeric functions`;
const ratio = ms.wrappers / ms.delivered;

emit(
  [
    {
      item: 1,
      measurement: `Function throughput: ${CALLS.toLocaleString("en-US")} calls through the registered wrappers`,
      value: round(ms.wrappers, 0),
      unit: "ms",
      against: { kind: "baseline", text: `Map lookup, same answers as Excel gets them ${round(ms.delivered, 0)} ms; budget ≤ 3×`, value: round(ms.delivered, 1), unit: "ms" },
      ratio: round(ratio),
      verdict: verdict(ratio <= 3),
      note: `${perSec(ms.wrappers)} M calls/s; mix: ${mix}; the baseline returns the number or throws the same prebuilt error`,
    },
    {
      item: 1,
      measurement: "  the same calls against a bare Map.get (errors returned as values, never thrown)",
      value: round(ms.wrappers, 0),
      unit: "ms",
      against: { kind: "baseline", text: `Map.get ${round(ms.map, 0)} ms`, value: round(ms.map, 1), unit: "ms" },
      ratio: round(ms.wrappers / ms.map),
      verdict: "measured",
      note: "a custom function can only show #N/A or #VALUE! with words by throwing; this row counts that throw against the wrappers",
    },
    {
      item: 1,
      measurement: "  the same calls to the SDK implementations (no wrapper, no throw)",
      value: round(ms.implementations, 0),
      unit: "ms",
      against: { kind: "baseline", text: `Map lookup ${round(ms.map, 0)} ms`, value: round(ms.map, 1), unit: "ms" },
      ratio: round(ms.implementations / ms.map),
      verdict: "measured",
    },
    ...(["value", "#N/A", "#VALUE!"] as const).map((kind) => ({
      item: 1,
      measurement: `  one call answering ${kind === "value" ? "a number" : kind} (${SHARE[kind]}% of the mix)`,
      value: round(perCall[kind]!, 3),
      unit: "µs/call",
      against: { kind: "baseline" as const, text: `Map lookup ${round((ms.map * 1000) / CALLS, 3)} µs`, value: round((ms.map * 1000) / CALLS, 3), unit: "µs/call" },
      ratio: round(perCall[kind]! / ((ms.map * 1000) / CALLS), 1),
      verdict: "measured" as const,
      note: `${round((100 * SHARE[kind] * perCall[kind]!) / Object.entries(SHARE).reduce((n, [k, w]) => n + w * perCall[k]!, 0), 0)}% of the mix's time`,
    })),
    {
      item: 1,
      measurement: "  the same wrappers loaded in a vm.createContext sandbox",
      value: round(sandboxMs, 0),
      unit: "ms",
      against: { kind: "baseline", text: `Map lookup ${round(ms.map, 0)} ms`, value: round(ms.map, 1), unit: "ms" },
      ratio: round(sandboxMs / ms.map),
      verdict: "measured",
      note: `${SHORT.toLocaleString("en-US")} calls scaled to ${CALLS.toLocaleString("en-US")}: a contextified global slows every global lookup; Excel runs the script on a plain global, so the first row is the one that counts`,
    },
  ],
  { calls: CALLS, rounds: ROUNDS, ms: runs, microsecondsPerCall: perCall, sandboxMs, mix, distinctByOutcome: counted, specs, sink: sink > 0 },
);
