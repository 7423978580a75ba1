// Item 5: `import "@skynet-data/sdk"` of the built package (sdk/dist/index.js, through its package exports) in a fresh
// Node process, against an empty Node start (`node -e 0`); budget ≤ 1.5×. Every round starts each variant once, in a
// rotating order; medians. An empty ES module is measured too, to tell the ES module loader's share from the SDK's.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { emit, interleave, median, ROOT, round, verdict } from "../lib/report.js";

const RUNS = Number(process.env.BENCH_IMPORTS ?? 21);
const BUDGET = 1.5;

// Two programs beside each other under bench-results/, where "@skynet-data/sdk" resolves as it would for any program of
// this repository: node_modules/@skynet-data/sdk -> sdk/, export "." -> ./dist/index.js (no "source" condition here).
const dir = join(ROOT, "bench-results", ".sdk-import");
mkdirSync(dir, { recursive: true });
const emptyModule = join(dir, "empty.mjs");
const importer = join(dir, "import-sdk.mjs");
writeFileSync(emptyModule, "");
writeFileSync(importer, `import "@skynet-data/sdk";\n`);
const resolved = createRequire(importer).resolve("@skynet-data/sdk");
if (!resolved.endsWith(join("sdk", "dist", "index.js"))) throw new Error(`@skynet-data/sdk resolves to ${resolved}, not the built sdk/dist/index.js`);

const time = (args: string[]) => (): number => {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: "utf8", cwd: dir });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} failed: ${r.stderr}`);
  return ms;
};
const variants = { empty: time(["-e", "0"]), emptyModule: time([emptyModule]), sdk: time([importer]) };
// Warm-up: the file system cache and the CPU's caches for the node binary and the SDK's files.
for (const f of Object.values(variants)) f();
const runs = interleave(RUNS, variants);
const e = median(runs.empty);
const m = median(runs.emptyModule);
const s = median(runs.sdk);
const ratio = s / e;

emit(
  [
    {
      item: 5,
      measurement: `SDK import: node import-sdk.mjs (import "@skynet-data/sdk" → sdk/dist/index.js), median of ${RUNS}`,
      value: round(s, 0),
      unit: "ms",
      against: { kind: "baseline", text: `empty Node start (node -e 0) ${round(e, 0)} ms, same run, interleaved; budget ≤ ${BUDGET}×`, value: round(e, 1), unit: "ms" },
      ratio: round(ratio),
      before: "3.6×",
      verdict: verdict(ratio <= BUDGET),
      note: `the import adds ${round(s - e, 0)} ms to an empty start: ${round(m - e, 0)} ms for running a file as an ES module at all (an empty .mjs), ${round(s - m, 0)} ms for loading the SDK's bundled modules (sdk/scripts/bundle-dist.mjs: 3 files) and parsing its release, which the public API's exported records read at import; the functions' answer tables are built on a function's first call`,
    },
    {
      item: 5,
      measurement: "  the same import against an empty ES module (node empty.mjs)",
      value: round(s, 0),
      unit: "ms",
      against: { kind: "baseline", text: `empty .mjs ${round(m, 0)} ms`, value: round(m, 1), unit: "ms" },
      ratio: round(s / m),
      verdict: "measured",
    },
  ],
  { runs: RUNS, resolved, emptyMs: runs.empty, emptyModuleMs: runs.emptyModule, sdkMs: runs.sdk },
);
