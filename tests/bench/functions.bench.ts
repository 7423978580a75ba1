// A million mixed calls of the numeric SKYNET.* functions, with arguments as Excel hands them to the wrappers
// (numbers, null for an omitted argument, text aliases, date serials), against a plain Map lookup of the same
// answers. Run: npx vitest bench --run tests/bench/functions.bench.ts (vitest prints the ratio; aim for <= 3x).
import { CUSTOM_FUNCTIONS, isFunctionError } from "@skynet-data/sdk";
import { bench, describe } from "vitest";

const CALLS = 1_000_000;
type Numeric = "TREATIES_IN_FORCE" | "TREATIES_CONCLUDED" | "CAPTURES" | "SURRENDERED" | "RETURNED" | "RECOVERED" | "COUNTRIES";

// The mix: mostly figures that exist, some #N/A answers, as a sheet full of formulas would ask.
const years = [2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
const specs: [Numeric, unknown[]][] = [];
for (const y of years) {
  specs.push(["CAPTURES", [y, null]], ["CAPTURES", [y, "SPP"]], ["SURRENDERED", [y]], ["RETURNED", [y, null]], ["RETURNED", [y, "SPP"]]);
  specs.push(["RECOVERED", [y, null, null]], ["RECOVERED", [y, "SPP", "USD"]], ["COUNTRIES", [y]]);
  specs.push(["TREATIES_IN_FORCE", ["extradition", 41_974 + (y - 2014) * 365]], ["TREATIES_CONCLUDED", [null, 41_974 + (y - 2014) * 365]]);
}
specs.push(["TREATIES_IN_FORCE", [null, null]], ["TREATIES_CONCLUDED", ["judicial assistance", "2015-01-01"]]);

const fns = specs.map(([id]) => CUSTOM_FUNCTIONS[id] as (...a: unknown[]) => unknown);
const args = specs.map(([, a]) => a);
const keys = specs.map(([id, a]) => `${id}|${a.map(String).join("|")}`);
const baseline = new Map(specs.map(([id, a], i) => [keys[i]!, CUSTOM_FUNCTIONS[id](...(a as [unknown, unknown, unknown]))]));
const n = specs.length;
let sink = 0;

const consume = (v: unknown) => {
  sink += typeof v === "number" ? 1 : isFunctionError(v) ? 2 : 3;
};

describe(`${CALLS.toLocaleString("en-US")} mixed numeric calls (${n} distinct)`, () => {
  bench(
    "SKYNET.* implementations, arguments as Excel passes them",
    () => {
      for (let i = 0; i < CALLS; i++) {
        const j = i % n;
        const a = args[j]!;
        consume(fns[j]!(a[0], a[1], a[2]));
      }
    },
    { iterations: 5, warmupIterations: 1, time: 0 },
  );

  bench(
    "baseline: plain Map lookup of the same answers",
    () => {
      for (let i = 0; i < CALLS; i++) consume(baseline.get(keys[i % n]!));
    },
    { iterations: 5, warmupIterations: 1, time: 0 },
  );
});

export { sink };
