// Item 2: start-up weight. Raw and gzip bytes of functions.js (budget ≤ 25 KB gzip, all data included) and what its
// bytes are (release data or code, through a source map), the release JSON itself (budget ≤ 40 KB gzip), the taskpane's
// scripts, and the time Node takes to compile and run functions.js in a fresh context (budget ≤ 10 ms, median).
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { build, defaultClientConditions } from "vite";
import { functionsReleaseView, isNoise, paneReleaseLazy } from "../../../add-in/scripts/addin-build.js";
import { emit, median, ROOT, round, verdict, type Row } from "../lib/report.js";
import { releaseDataSourceMap } from "../lib/release-data.js";
import { attribute, RELEASE_DATA, type RawSourceMap, type Share } from "../lib/sourcemap.js";

const EVALS = Number(process.env.BENCH_EVALS ?? 21);
const KB = 1024;
const BUDGET = { functionsGzip: 25 * KB, releaseGzip: 40 * KB, nodeEvalMs: 10 };
const DIST = join(ROOT, "add-in/dist");
const kb = (n: number) => round(n / KB, 1);
const gz = (b: string | Buffer) => gzipSync(b).length;
const pct = (x: number) => `${Math.round(x * 100)}%`;

// functions.js as shipped.
const functionsJs = readFileSync(join(DIST, "functions.js"), "utf8");
const fnRaw = Buffer.byteLength(functionsJs);
const fnGzip = gz(functionsJs);

// The release the SDK and the add-in bundle: the JSON file sdk/src/releases/current.ts imports.
const currentTs = readFileSync(join(ROOT, "sdk/src/releases/current.ts"), "utf8");
const releaseFile = /from\s+["']\.\/([^"']+\.json)["']/.exec(currentTs)?.[1];
if (!releaseFile) throw new Error("sdk/src/releases/current.ts imports no release JSON");
const releaseJson = readFileSync(join(ROOT, "sdk/src/releases", releaseFile));
const releaseVersion = releaseFile.replace(/\.json$/, "");

// The same entry bundled again as the build bundles it (add-in/scripts/addin-build.ts, bundleRuntimeScript), with a
// source map, to see which sources its bytes come from.
async function functionsBreakdown(): Promise<{ bytes: number; gzip: number; shares: Share[] }> {
  const out = await build({
    configFile: false,
    logLevel: "silent",
    root: join(ROOT, "add-in"),
    resolve: { conditions: ["source", ...defaultClientConditions] },
    plugins: [releaseDataSourceMap([functionsReleaseView]), functionsReleaseView],
    build: {
      write: false,
      emptyOutDir: false,
      minify: true,
      sourcemap: true,
      target: "es2022",
      copyPublicDir: false,
      lib: { entry: join(ROOT, "add-in/src/functions/runtime.ts"), formats: ["iife"], name: "SkynetRuntime", fileName: () => "functions.js" },
      rollupOptions: { onLog: (level, log, handler) => (isNoise(log) ? undefined : handler(level, log)), output: { intro: `if (typeof CustomFunctions === "undefined") return;` } },
    },
  });
  const results = Array.isArray(out) ? out : [out];
  for (const r of results) {
    if (!("output" in r)) continue;
    const chunk = r.output.find((f) => f.type === "chunk" && f.isEntry);
    if (chunk?.type === "chunk" && chunk.map) {
      const code = chunk.code.replace(/\n\/\/# sourceMappingURL=.*\s*$/, "");
      const map = chunk.map as RawSourceMap;
      map.sources = map.sources.map((s) => relative(ROOT, resolve(ROOT, "add-in/dist", s)));
      return { bytes: Buffer.byteLength(code), gzip: gz(code), shares: attribute(code, map) };
    }
  }
  throw new Error("the functions.js variant produced no chunk with a source map");
}

// The taskpane's script built again as the add-in's Vite config builds it (same root, conditions and target, the release
// as the lazily parsed module paneReleaseLazy writes), with the release given a source map, to see which sources its
// bytes come from.
async function taskpaneBreakdown(): Promise<{ bytes: number; shares: Share[] }> {
  const root = join(ROOT, "add-in/src/taskpane");
  const out = await build({
    configFile: false,
    logLevel: "silent",
    root,
    base: "./",
    publicDir: false,
    resolve: { conditions: ["source", ...defaultClientConditions] },
    plugins: [releaseDataSourceMap([paneReleaseLazy]), paneReleaseLazy],
    build: { write: false, sourcemap: true, target: "es2022", rollupOptions: { input: { taskpane: join(root, "taskpane.html") }, onLog: (level, log, handler) => (isNoise(log) ? undefined : handler(level, log)) } },
  });
  for (const r of Array.isArray(out) ? out : [out]) {
    if (!("output" in r)) continue;
    const chunk = r.output.find((f) => f.type === "chunk" && f.isEntry);
    if (chunk?.type === "chunk" && chunk.map) {
      const code = chunk.code.replace(/\n\/\/# sourceMappingURL=.*\s*$/, "");
      const map = chunk.map as RawSourceMap;
      map.sources = map.sources.map((s) => relative(ROOT, resolve(root, "dist", dirname(chunk.fileName), s)));
      return { bytes: Buffer.byteLength(code), shares: attribute(code, map, fluent) };
    }
  }
  throw new Error("the taskpane variant produced no entry chunk with a source map");
}
const fluent = (g: string) => (/^@microsoft\/fast-/.test(g) ? "@microsoft/fast-* (Fluent UI's base)" : g);

// The taskpane's own scripts: the JS assets under dist/assets (functions.js, also loaded by the page, is counted above).
const assets = readdirSync(join(DIST, "assets")).filter((f) => f.endsWith(".js"));
const taskpane = assets.map((f) => {
  const code = readFileSync(join(DIST, "assets", f), "utf8");
  return { file: `assets/${f}`, raw: Buffer.byteLength(code), gzip: gz(code), code };
});
const largest = [...taskpane].sort((a, b) => b.raw - a.raw)[0];
const tpRaw = taskpane.reduce((n, a) => n + a.raw, 0);
const tpGzip = taskpane.reduce((n, a) => n + a.gzip, 0);
// The pane's own bundle holds the whole release (the SDK's catalogue): the release's minified JSON, found by its hash.
const releaseParsed = JSON.parse(releaseJson.toString("utf8")) as { hash?: string };
const releaseMinified = Buffer.byteLength(JSON.stringify(releaseParsed));
const tpHoldsRelease = Boolean(largest && releaseParsed.hash && largest.code.includes(releaseParsed.hash));

// Node: compile + run of functions.js, each time in a fresh context; a comment makes each source unique so V8's
// in-memory compilation cache cannot serve a later run. Wall time is the budget's figure; the process's CPU time is shown
// beside it (it does not grow when other work on the machine takes the CPU away).
const stub = () => ({ Error: class extends Error {}, ErrorCode: {}, associate: () => undefined });
const evals: { compile: number; run: number; cpu: number }[] = [];
for (let i = 0; i < EVALS + 2; i++) {
  const context = vm.createContext({ CustomFunctions: stub(), URL, URLSearchParams, TextEncoder, TextDecoder, setTimeout, clearTimeout, console });
  const source = `${functionsJs}\n// run ${i} ${Math.random()}`;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const script = new vm.Script(source, { filename: `functions-${i}.js` });
  const t1 = performance.now();
  script.runInContext(context);
  const t2 = performance.now();
  const c = process.cpuUsage(c0);
  // The first two are warm-ups (Node's own first use of vm and the JSON parser).
  if (i >= 2) evals.push({ compile: t1 - t0, run: t2 - t1, cpu: (c.user + c.system) / 1000 });
}
const evalMs = median(evals.map((e) => e.compile + e.run));

// The same in a new Node process each time: the first evaluation in a cold isolate, as a browser's new renderer
// process has it (the Chromium figure). Not a budget; it shows what a warm isolate saves.
const COLD = Number(process.env.BENCH_COLD_EVALS ?? 9);
const coldProgram = `
const vm = require("node:vm"); const fs = require("node:fs");
const src = fs.readFileSync(process.argv[1], "utf8") + "\\n// cold " + Math.random();
const context = vm.createContext({ CustomFunctions: { Error, ErrorCode: {}, associate() {} }, URL, URLSearchParams, TextEncoder, TextDecoder, setTimeout, clearTimeout, console });
const t = performance.now(); new vm.Script(src).runInContext(context); process.stdout.write(String(performance.now() - t));`;
const cold: number[] = [];
for (let i = 0; i < COLD; i++) {
  const r = spawnSync(process.execPath, ["-e", coldProgram, join(DIST, "functions.js")], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`cold evaluation failed: ${r.stderr}`);
  cold.push(Number(r.stdout));
}
const coldMs = median(cold);
const evalCpu = median(evals.map((e) => e.cpu));

const { bytes: variantBytes, gzip: variantGzip, shares } = await functionsBreakdown();
const pane = await taskpaneBreakdown();
const data = shares.find((s) => s.group === RELEASE_DATA);
const code = shares.filter((s) => s.group !== RELEASE_DATA);
const codeBytes = code.reduce((n, s) => n + s.bytes, 0);
const codeGzipAlone = gz(code.map((s) => s.text).join(""));
const top = (list: Share[], n: number) => list.slice(0, n).map((s) => `${s.group} ${pct(s.share)}`).join(", ");
const sameBuild = Math.abs(variantBytes - fnRaw) / fnRaw < 0.02;

const rows: Row[] = [
  {
    item: 2,
    measurement: "Start-up: functions.js, gzip (all bundled data included)",
    value: kb(fnGzip),
    unit: "KB",
    against: { kind: "budget", text: "budget ≤ 25 KB gzip", value: 25, unit: "KB" },
    ratio: round(fnGzip / BUDGET.functionsGzip),
    before: "54.7 KB",
    verdict: verdict(fnGzip <= BUDGET.functionsGzip),
    note:
      `release data ${pct(data?.share ?? 0)} of the bytes (${kb(data?.bytes ?? 0)} KB raw, ${kb(data?.gzipAlone ?? 0)} KB gzip alone), code ${pct(codeBytes / variantBytes)} (${kb(codeBytes)} KB raw, ${kb(codeGzipAlone)} KB gzip alone); ` +
      `largest code: ${top(code, 4)}` +
      (sameBuild ? "" : `; the source-map build is ${kb(variantBytes)} KB raw against ${kb(fnRaw)} KB shipped: dist may be from other sources`),
  },
  { item: 2, measurement: "  functions.js, raw", value: kb(fnRaw), unit: "KB", before: "186 KB", verdict: "measured" },
  {
    item: 2,
    measurement: `Start-up: the release JSON (sdk/src/releases/${releaseFile}), gzip`,
    value: kb(gz(releaseJson)),
    unit: "KB",
    against: { kind: "budget", text: "budget ≤ 40 KB gzip", value: 40, unit: "KB" },
    ratio: round(gz(releaseJson) / BUDGET.releaseGzip),
    verdict: verdict(gz(releaseJson) <= BUDGET.releaseGzip),
    note: `release ${releaseVersion}, ${kb(releaseJson.length)} KB raw; functions.js bundles the functions' view of it (${kb(data?.bytes ?? 0)} KB raw)`,
  },
  {
    item: 2,
    measurement: `Start-up: taskpane scripts (${taskpane.length} JS asset${taskpane.length === 1 ? "" : "s"}), gzip`,
    value: kb(tpGzip),
    unit: "KB",
    verdict: "measured",
    note:
      `raw ${kb(tpRaw)} KB${tpHoldsRelease ? `, holding the whole release (its JSON minified is ${kb(releaseMinified)} KB)` : ""}; the page also loads functions.js; ` +
      `bytes by source: ${top(pane.shares, 6)}` +
      (Math.abs(pane.bytes - (largest?.raw ?? 0)) / (largest?.raw || 1) < 0.02 ? "" : ` (source-map build ${kb(pane.bytes)} KB raw against ${kb(largest?.raw ?? 0)} KB shipped: dist may be from other sources)`),
  },
  { item: 2, measurement: "  taskpane scripts, raw", value: kb(tpRaw), unit: "KB", verdict: "measured" },
  {
    item: 2,
    measurement: `Start-up: evaluate functions.js in Node (fresh context, compile + run, median of ${EVALS})`,
    value: round(evalMs, 1),
    unit: "ms",
    against: { kind: "budget", text: `budget ≤ ${BUDGET.nodeEvalMs} ms`, value: BUDGET.nodeEvalMs, unit: "ms" },
    ratio: round(evalMs / BUDGET.nodeEvalMs),
    before: "43 ms",
    verdict: verdict(evalMs <= BUDGET.nodeEvalMs),
    note: `compile ${round(median(evals.map((e) => e.compile)), 1)} ms + run ${round(median(evals.map((e) => e.run)), 1)} ms (the run registers the functions; the bundled release is parsed, and a function's answer table built, on its first call); CPU time ${round(evalCpu, 1)} ms`,
  },
  {
    item: 2,
    measurement: `  the same in a new Node process each time (cold isolate, as Chromium's figure), median of ${COLD}`,
    value: round(coldMs, 1),
    unit: "ms",
    against: { kind: "budget", text: `budget ≤ ${BUDGET.nodeEvalMs} ms (warm isolate)`, value: BUDGET.nodeEvalMs, unit: "ms" },
    ratio: round(coldMs / BUDGET.nodeEvalMs),
    verdict: "measured",
  },
];

emit(rows, {
  functionsJs: {
    raw: fnRaw,
    gzip: fnGzip,
    sourceMapBuild: { raw: variantBytes, gzip: variantGzip },
    bySource: shares.map(({ text: _text, ...s }) => ({ ...s, share: round(s.share, 3) })),
  },
  release: { file: `sdk/src/releases/${releaseFile}`, raw: releaseJson.length, gzip: gz(releaseJson) },
  taskpane: {
    assets: taskpane.map(({ file, raw, gzip }) => ({ file, raw, gzip })),
    holdsRelease: tpHoldsRelease,
    releaseMinifiedBytes: releaseMinified,
    sourceMapBuild: { raw: pane.bytes },
    bySource: pane.shares.map(({ text: _text, ...s }) => ({ ...s, share: round(s.share, 3) })),
  },
  nodeEvalMs: evals,
  nodeColdEvalMs: cold,
});
