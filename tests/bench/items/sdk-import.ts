// Item 5: the time to import the built SDK in a fresh Node process, against an empty Node start, alternated.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { emit, median, ROOT, round } from "../lib/report.js";

const RUNS = Number(process.env.BENCH_IMPORTS ?? 9);
const url = pathToFileURL(join(ROOT, "sdk/dist/index.js")).href;

const time = (args: string[]): number => {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: "utf8" });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} failed: ${r.stderr}`);
  return ms;
};
const empty: number[] = [];
const sdk: number[] = [];
time(["-e", "0"]);
for (let i = 0; i < RUNS; i++) {
  empty.push(time(["-e", "0"]));
  sdk.push(time(["--input-type=module", "-e", `await import(${JSON.stringify(url)})`]));
}
const e = median(empty);
const s = median(sdk);
emit(
  [
    {
      item: 5,
      measurement: `SDK import: node + import sdk/dist/index.js (median of ${RUNS})`,
      value: round(s, 0),
      unit: "ms",
      against: { kind: "baseline", text: `empty Node start ${round(e, 0)} ms`, value: round(e, 1), unit: "ms" },
      ratio: round(s / e),
      verdict: "measured",
      note: `the import adds ${round(s - e, 0)} ms: loading zod and date-fns, validating every dataset and source, indexing the catalogue`,
    },
  ],
  { runs: RUNS, emptyMs: empty, sdkMs: sdk },
);
