// Item 2: start-up weight. Raw and gzip bytes of functions.js and of the taskpane's scripts, what dominates each
// (through source maps), and the time Node takes to compile and run functions.js in fresh contexts.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { build, defaultClientConditions } from "vite";
import { isNoise } from "../../../add-in/scripts/addin-build.js";
import { emit, median, ROOT, round, verdict, type Row } from "../lib/report.js";
import { attribute, type RawSourceMap, type Share } from "../lib/sourcemap.js";

const EVALS = Number(process.env.BENCH_EVALS ?? 15);
const BUDGET_GZIP = 60 * 1024;
const DIST = join(ROOT, "add-in/dist");
const kb = (n: number) => round(n / 1024, 1);
const gz = (b: string | Buffer) => gzipSync(b).length;

// functions.js as shipped.
const functionsJs = readFileSync(join(DIST, "functions.js"), "utf8");
const fnRaw = Buffer.byteLength(functionsJs);
const fnGzip = gz(functionsJs);

// The same entry bundled again with a source map (the shipped build has none) to see which sources its bytes come from.
async function functionsBreakdown(): Promise<{ bytes: number; shares: Share[] }> {
  const out = await build({
    configFile: false,
    logLevel: "silent",
    root: join(ROOT, "add-in"),
    resolve: { conditions: ["source", ...defaultClientConditions] },
    build: {
      write: false,
      emptyOutDir: false,
      minify: true,
      sourcemap: true,
      target: "es2022",
      copyPublicDir: false,
      lib: { entry: join(ROOT, "add-in/src/commands/runtime.ts"), formats: ["iife"], name: "SkynetRuntime", fileName: () => "functions.js" },
      rollupOptions: { onLog: (level, log, handler) => (isNoise(log) ? undefined : handler(level, log)), output: { intro: `if (typeof CustomFunctions === "undefined") return;` } },
    },
  });
  const results = Array.isArray(out) ? out : [out];
  for (const r of results) {
    if (!("output" in r)) continue;
    const chunk = r.output.find((f) => f.type === "chunk" && f.isEntry);
    if (chunk?.type === "chunk" && chunk.map) {
      const code = chunk.code.replace(/\n\/\/# sourceMappingURL=.*\s*$/, "");
      return { bytes: Buffer.byteLength(code), shares: attribute(code, chunk.map as RawSourceMap) };
    }
  }
  throw new Error("the functions.js variant produced no chunk with a source map");
}

// The taskpane's own scripts: the JS assets under dist/assets (functions.js, also loaded by the page, is counted above).
const assets = readdirSync(join(DIST, "assets")).filter((f) => f.endsWith(".js"));
const taskpane = assets.map((f) => {
  const code = readFileSync(join(DIST, "assets", f), "utf8");
  return { file: `assets/${f}`, raw: Buffer.byteLength(code), gzip: gz(code), code };
});
const largest = [...taskpane].sort((a, b) => b.raw - a.raw)[0];
const tpRaw = taskpane.reduce((n, a) => n + a.raw, 0);
const tpGzip = taskpane.reduce((n, a) => n + a.gzip, 0);
const fast = (g: string) => (/^@microsoft\/fast-/.test(g) ? "@microsoft/fast-* (Fluent UI's base)" : g);
const tpShares = largest && readdirSync(join(DIST, "assets")).includes(`${largest.file.slice(7)}.map`)
  ? attribute(largest.code.replace(/\n\/\/# sourceMappingURL=.*\s*$/, ""), JSON.parse(readFileSync(join(DIST, `${largest.file}.map`), "utf8")) as RawSourceMap, fast)
  : [];

// Node: compile + run of functions.js, each time in a fresh context; a comment makes each source unique so V8's
// in-memory compilation cache cannot serve a later run.
const stub = () => ({ Error: class extends Error {}, ErrorCode: {}, associate: () => undefined });
const evals: { compile: number; run: number }[] = [];
for (let i = 0; i < EVALS; i++) {
  const context = vm.createContext({ CustomFunctions: stub(), URL, URLSearchParams, TextEncoder, TextDecoder, setTimeout, clearTimeout, console });
  const t0 = performance.now();
  const script = new vm.Script(`${functionsJs}\n// run ${i} ${Math.random()}`, { filename: `functions-${i}.js` });
  const t1 = performance.now();
  script.runInContext(context);
  evals.push({ compile: t1 - t0, run: performance.now() - t1 });
}
const evalMs = median(evals.map((e) => e.compile + e.run));

const { bytes: variantBytes, shares } = await functionsBreakdown();
const top = (list: Share[], n: number) => list.slice(0, n).map((s) => `${s.group} ${Math.round(s.share * 100)}%`).join(", ");

const rows: Row[] = [
  {
    item: 2,
    measurement: "Start-up: functions.js, gzip (all bundled data included)",
    value: kb(fnGzip),
    unit: "KB",
    against: { kind: "budget", text: "< 60 KB gzip", value: 60, unit: "KB" },
    ratio: round(fnGzip / BUDGET_GZIP),
    verdict: verdict(fnGzip < BUDGET_GZIP),
    note: `bytes by source: ${top(shares, 5)}`,
  },
  { item: 2, measurement: "  functions.js, raw", value: kb(fnRaw), unit: "KB", verdict: "measured" },
  {
    item: 2,
    measurement: `Start-up: taskpane scripts (${taskpane.length} JS asset${taskpane.length === 1 ? "" : "s"}), gzip`,
    value: kb(tpGzip),
    unit: "KB",
    verdict: "measured",
    note: `raw ${kb(tpRaw)} KB; largest ${largest?.file} ${kb(largest?.raw ?? 0)} KB raw: ${top(tpShares, 4)}; the page also loads functions.js`,
  },
  { item: 2, measurement: "  taskpane scripts, raw", value: kb(tpRaw), unit: "KB", verdict: "measured" },
  {
    item: 2,
    measurement: `Start-up: evaluate functions.js in Node (compile + run, median of ${EVALS})`,
    value: round(evalMs, 1),
    unit: "ms",
    verdict: "measured",
    note: `compile ${round(median(evals.map((e) => e.compile)), 1)} ms + run ${round(median(evals.map((e) => e.run)), 1)} ms (run validates the bundled data with zod and indexes the catalogue); first ${round(evals[0]!.compile + evals[0]!.run, 1)} ms`,
  },
];

emit(rows, {
  functionsJs: { raw: fnRaw, gzip: fnGzip, sourceMapVariantBytes: variantBytes, bySource: shares.map((s) => ({ ...s, share: round(s.share, 3) })) },
  taskpane: { assets: taskpane.map(({ file, raw, gzip }) => ({ file, raw, gzip })), bySource: tpShares.map((s) => ({ ...s, share: round(s.share, 3) })) },
  nodeEvalMs: evals,
});
