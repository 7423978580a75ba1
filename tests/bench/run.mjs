// `npm run bench`: bundles each bench item (TypeScript, sibling packages from source), runs it in its own Node process
// so peak memory is per item, then prints one table and writes the same figures to bench-results/latest.json.
// Items: 1 throughput, 2 start-up weight, 3 round trips, 4 scale 100k/200k, 5 SDK import, 6 taskpane ready (+ Chromium eval).
// A row with a budget says "met" or "missed"; timings are read against a baseline measured in the same run where the
// budget is a ratio. The machine's load average is recorded: on shared machines it moves wall times the most.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const OUT = join(ROOT, "bench-results");
const BUILD = join(OUT, ".build");
const MARKER = "BENCH_RESULT ";

const needed = ["add-in/dist/functions.js", "add-in/dist/taskpane.html", "sdk/dist/index.js"].filter((f) => !existsSync(join(ROOT, f)));
if (needed.length) {
  console.error(`Missing ${needed.join(", ")}: run \`npm run build\` first (\`npm run bench\` does).`);
  process.exit(1);
}

// Each run: the entry, its arguments, a label for progress lines.
const ALL_RUNS = [
  { entry: "throughput", label: "1 function throughput" },
  { entry: "startup", label: "2 start-up weight" },
  { entry: "round-trips", label: "3 round trips" },
  { entry: "scale", args: ["100000"], label: "4 scale, 100,000 rows" },
  { entry: "scale", args: ["200000"], label: "4 scale, 200,000 rows" },
  { entry: "sdk-import", label: "5 SDK import" },
  { entry: "taskpane", label: "6 taskpane ready (Chromium)" },
  { entry: "data-feed", label: "7 data feed (HTTPS, Chromium)" },
];

// `node tests/bench/run.mjs throughput scale` runs only the named items; no names: all of them.
const only = process.argv.slice(2);
const unknown = only.filter((n) => !ALL_RUNS.some((r) => r.entry === n));
if (unknown.length) {
  console.error(`Unknown bench item ${unknown.join(", ")}; accepted: ${[...new Set(ALL_RUNS.map((r) => r.entry))].join(", ")}`);
  process.exit(2);
}
const RUNS = only.length ? ALL_RUNS.filter((r) => only.includes(r.entry)) : ALL_RUNS;

/** Resolves @skynet-data/sdk and its subpaths (e.g. /authoring) to their sources, by the "source" condition of its exports. */
function workspaceSources() {
  const pkg = JSON.parse(readFileSync(join(ROOT, "sdk/package.json"), "utf8"));
  return {
    name: "workspace-sources",
    setup(b) {
      b.onResolve({ filter: /^@skynet-data\/sdk(\/.*)?$/ }, (args) => {
        const sub = `.${args.path.slice("@skynet-data/sdk".length)}`;
        const target = pkg.exports?.[sub]?.source;
        return target ? { path: join(ROOT, "sdk", target) } : undefined;
      });
    },
  };
}

mkdirSync(BUILD, { recursive: true });
const entries = [...new Set(RUNS.map((r) => r.entry))];
await build({
  entryPoints: Object.fromEntries(entries.map((e) => [e, join(ROOT, "tests/bench/items", `${e}.ts`)])),
  outdir: BUILD,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  conditions: ["source"],
  // npm packages stay imports (vite, playwright-core...); our workspaces are bundled from source.
  packages: "external",
  plugins: [workspaceSources()],
  sourcemap: "inline",
  logLevel: "warning",
});

const started = Date.now();
const loadAtStart = loadavg()[0];
const rows = [];
const details = {};
let failed = 0;
for (const run of RUNS) {
  const t = Date.now();
  process.stderr.write(`bench: ${run.label}… `);
  const child = spawnSync(process.execPath, ["--expose-gc", "--enable-source-maps", join(BUILD, `${run.entry}.mjs`), ...(run.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, BENCH_ROOT: ROOT },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = child.stdout.split("\n").find((l) => l.startsWith(MARKER));
  if (child.status !== 0 || !line) {
    failed++;
    process.stderr.write(`failed (exit ${child.status})\n${child.stderr}\n`);
    rows.push({ item: Number(run.label[0]), measurement: run.label, value: null, unit: "", verdict: "failed", note: (child.stderr.trim().split("\n").find((l) => /Error/.test(l)) ?? "crashed").slice(0, 160) });
    continue;
  }
  const result = JSON.parse(line.slice(MARKER.length));
  rows.push(...result.rows);
  details[`${run.entry}${run.args ? `-${run.args.join("-")}` : ""}`] = result.details;
  process.stderr.write(`${((Date.now() - t) / 1000).toFixed(1)} s\n`);
}

// Scale: the 200k run against the 100k run of the same process shape (budget: about twice).
const scale = (n) => details[`scale-${n}`];
if (scale(100000) && scale(200000)) {
  const a = scale(100000);
  const b = scale(200000);
  const ratioRow = (measurement, key, unit) => {
    const r = b[key] / a[key];
    rows.push({ item: 4, measurement, value: Math.round(r * 100) / 100, unit, against: { kind: "budget", text: "≈ 2× (1.6–2.5)" }, ratio: Math.round(r * 100) / 100, verdict: r >= 1.6 && r <= 2.5 ? "met" : "missed" });
  };
  ratioRow("Scale 200k ÷ 100k: time", "ms", "×");
  ratioRow("Scale 200k ÷ 100k: write chunks", "chunks", "×");
  ratioRow("Scale 200k ÷ 100k: heap high-water above start", "heapDeltaMB", "×");
}
rows.sort((x, y) => x.item - y.item);

const fmt = (v) => (v === null || v === undefined ? "—" : typeof v === "number" ? v.toLocaleString("en-US", { maximumFractionDigits: 2 }) : String(v));
const table = [
  ["#", "Measurement", "Before", "Value", "Unit", "Baseline / budget", "Ratio", "Verdict"],
  ...rows.map((r) => [String(r.item), r.measurement, r.before ?? "", fmt(r.value), r.unit, r.against?.text ?? "", r.ratio === undefined ? "" : `${fmt(r.ratio)}×`, r.verdict ?? ""]),
];
const right = new Set([3, 6]);
const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
const line = (r) => `| ${r.map((cell, c) => (right.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join(" | ")} |`;
console.log([line(table[0]), `|${widths.map((w, c) => (right.has(c) ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`, ...table.slice(1).map(line)].join("\n"));
const notes = rows.filter((r) => r.note).map((r) => `  [${r.item}] ${r.measurement.trim()}: ${r.note}`);
if (notes.length) console.log(`\nNotes:\n${notes.join("\n")}`);

const commit = (() => {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
  } catch {
    return null;
  }
})();
const load = { start: Math.round(loadAtStart * 100) / 100, end: Math.round(loadavg()[0] * 100) / 100 };
const machine = { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, memoryGB: Math.round(totalmem() / 2 ** 30), loadAverage1min: load };
const budgets = rows.filter((r) => r.verdict === "met" || r.verdict === "missed");
const summary = { met: budgets.filter((r) => r.verdict === "met").length, missed: budgets.filter((r) => r.verdict === "missed").map((r) => r.measurement.trim()) };
writeFileSync(join(OUT, "latest.json"), `${JSON.stringify({ date: new Date().toISOString(), commit, machine, seconds: Math.round((Date.now() - started) / 1000), summary, rows, details }, null, 2)}\n`);
if (Math.max(load.start, load.end) > machine.cpus) {
  console.log(`\nThe machine was busy (load average ${Math.max(load.start, load.end)} on ${machine.cpus} CPUs): wall times are inflated; the CPU-time rows and the ratios to same-run baselines suffer least.`);
}
console.log(`\nBudgets: ${summary.met} met, ${summary.missed.length} missed${summary.missed.length ? ` (${summary.missed.join("; ")})` : ""}.`);
console.log(`Wrote bench-results/latest.json (${machine.cpus} CPUs, Node ${machine.node}, load average ${load.start} at the start and ${load.end} at the end, ${Math.round((Date.now() - started) / 1000)} s).`);
if (failed) process.exit(1);
