// `npm run bench`: bundles each bench item (TypeScript, sibling packages from source), runs it in its own Node process
// so peak memory is per item, then prints one table and writes the same figures to bench-results/latest.json.
// Items: 1 throughput, 2 start-up weight (+ Chromium eval), 3 round trips, 4 scale 100k/200k, 5 SDK import, 6 taskpane ready.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
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
];

// `node tests/bench/run.mjs throughput scale` runs only the named items; no names: all of them.
const only = process.argv.slice(2);
const unknown = only.filter((n) => !ALL_RUNS.some((r) => r.entry === n));
if (unknown.length) {
  console.error(`Unknown bench item ${unknown.join(", ")}; accepted: ${[...new Set(ALL_RUNS.map((r) => r.entry))].join(", ")}`);
  process.exit(2);
}
const RUNS = only.length ? ALL_RUNS.filter((r) => only.includes(r.entry)) : ALL_RUNS;

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
  alias: { "@skynet-data/sdk": join(ROOT, "sdk/src/index.ts") },
  sourcemap: "inline",
  logLevel: "warning",
});

const started = Date.now();
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
    rows.push({ item: 4, measurement, value: Math.round(r * 100) / 100, unit, against: { kind: "budget", text: "≈ 2× (1.6–2.5)" }, ratio: Math.round(r * 100) / 100, verdict: r >= 1.6 && r <= 2.5 ? "within budget" : "over budget" });
  };
  ratioRow("Scale 200k ÷ 100k: time", "ms", "×");
  ratioRow("Scale 200k ÷ 100k: write chunks", "chunks", "×");
  ratioRow("Scale 200k ÷ 100k: heap high-water above start", "heapDeltaMB", "×");
}
rows.sort((x, y) => x.item - y.item);

const fmt = (v) => (v === null || v === undefined ? "—" : typeof v === "number" ? v.toLocaleString("en-US", { maximumFractionDigits: 2 }) : String(v));
const table = [["#", "Measurement", "Value", "Unit", "Baseline / budget", "Ratio", "Verdict"], ...rows.map((r) => [String(r.item), r.measurement, fmt(r.value), r.unit, r.against?.text ?? "", r.ratio === undefined ? "" : `${fmt(r.ratio)}×`, r.verdict ?? ""])];
const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
const line = (r) => `| ${r.map((cell, c) => (c === 2 || c === 5 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join(" | ")} |`;
console.log([line(table[0]), `|${widths.map((w, c) => (c === 2 || c === 5 ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`, ...table.slice(1).map(line)].join("\n"));
const notes = rows.filter((r) => r.note).map((r) => `  [${r.item}] ${r.measurement.trim()}: ${r.note}`);
if (notes.length) console.log(`\nNotes:\n${notes.join("\n")}`);

const commit = (() => {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
  } catch {
    return null;
  }
})();
const machine = { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, memoryGB: Math.round(totalmem() / 2 ** 30) };
writeFileSync(join(OUT, "latest.json"), `${JSON.stringify({ date: new Date().toISOString(), commit, machine, seconds: Math.round((Date.now() - started) / 1000), rows, details }, null, 2)}\n`);
console.log(`\nWrote bench-results/latest.json (${machine.cpus} CPUs, Node ${machine.node}, ${Math.round((Date.now() - started) / 1000)} s).`);
if (failed) process.exit(1);
