/// <reference types="office-js" />
// Item 4: a generated dataset of N rows x 8 columns through the sheet plan and the Office adapter into the workbook
// double: time, peak memory, chunks, the largest request; then a refresh of the same table (reads in chunks).
import v8 from "node:v8";
import { DATA_VERSION, type Table } from "@skynet-data/sdk";
import { planTable, sheetNameFor, tableNameFor, type SheetPlan } from "../../../sdk/src/sheet/plan.js";
import { loadPlans } from "../../../add-in/src/excel/adapter.js";
import { planChunks, rowBytes } from "../../../add-in/src/excel/load-plan/index.js";
import { doubleRunner } from "../../../add-in/src/excel/run.js";
import { WorkbookModel } from "../../../add-in/src/workbook/index.js";
import { emit, round, verdict, type Row } from "../lib/report.js";

const N = Number(process.argv[2] ?? 100_000);
const LIMIT = 1_000_000;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const heapMB = () => v8.getHeapStatistics().used_heap_size / 2 ** 20;

// A case-level table as a team that outgrows the bundled data might load: ids, names, agency, text, two dates, a value and its unit.
function generated(n: number): Table {
  const agencies = ["MPS", "SPP", "CCDI-NSC", "MFA"];
  const countries = ["United States", "Canada", "Australia", "New Zealand", "Thailand", "Spain", "France", "Italy"];
  const iso = (d: number) => new Date(Date.UTC(2014, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
  return {
    dataset: "generated-cases",
    title: "Generated case-level table",
    columns: [
      { key: "case", header: "Case", type: "text", description: "Case id" },
      { key: "name", header: "Name", type: "text", description: "Person" },
      { key: "agency", header: "Agency", type: "text", description: "Agency" },
      { key: "country", header: "Country", type: "text", description: "Where" },
      { key: "start", header: "Fled", type: "date", description: "Left China" },
      { key: "end", header: "Returned", type: "date", description: "Returned" },
      { key: "value", header: "Amount", type: "number", description: "Assets", unitColumn: "unit" },
      { key: "unit", header: "Unit", type: "text", description: "Currency" },
    ],
    rows: Array.from({ length: n }, (_, i) => [`case-${String(i).padStart(7, "0")}`, `Person ${i}`, agencies[i % 4]!, countries[i % 8]!, iso(i % 3000), iso((i % 3000) + 400), (i % 997) * 1_000_000, i % 5 ? "CNY" : "USD"]),
  };
}

gc();
const heap0 = heapMB();
let heapPeak = heap0;
const sample = () => (heapPeak = Math.max(heapPeak, heapMB()));

const t0 = performance.now();
const table = generated(N);
const plan: SheetPlan = { ...planTable(table, sheetNameFor(table.title), tableNameFor(table.dataset)), charts: [], notes: [] };
sample();
const t1 = performance.now();
const wb = WorkbookModel.blank();
const run = doubleRunner(wb);
const options = { dataVersion: DATA_VERSION, onProgress: sample };
await run((ctx) => loadPlans(ctx, () => [plan], options));
sample();
const t2 = performance.now();
const insertSyncs = [...wb.syncs];
wb.syncs = [];
await run((ctx) => loadPlans(ctx, () => [plan], options));
sample();
const t3 = performance.now();
const refreshSyncs = wb.syncs;

const t = wb.table(plan.tableName);
if (!t || t.block.bottom - t.block.top !== N) throw new Error(`the table holds ${t ? t.block.bottom - t.block.top : 0} rows, not ${N}`);
const chunks = insertSyncs.filter((s) => s.calculationSuspended).length;
const maxReq = Math.max(...insertSyncs.map((s) => s.requestBytes));
const maxRefresh = Math.max(...refreshSyncs.flatMap((s) => [s.requestBytes, s.responseBytes]));
const planned = planChunks(plan.rows.map((r, i) => rowBytes(r, plan.numberFormats[i])));
const ms = t2 - t0;
const label = N.toLocaleString("en-US");
const peakRssMB = process.resourceUsage().maxRSS / 1024;

const rows: Row[] = [
  { item: 4, measurement: `Scale ${label} rows × 8: plan + insert`, value: round(ms, 0), unit: "ms", verdict: "measured", note: `plan ${round(t1 - t0, 0)} ms, adapter + double ${round(t2 - t1, 0)} ms; refresh of the same table ${round(t3 - t2, 0)} ms in ${refreshSyncs.length} syncs` },
  { item: 4, measurement: `Scale ${label}: write chunks (1 sync each)`, value: chunks, unit: "chunks", verdict: "measured", note: `${insertSyncs.length} syncs in all; the SDK planned ${planned.length} chunks` },
  { item: 4, measurement: `Scale ${label}: largest request`, value: maxReq, unit: "bytes", against: { kind: "budget", text: "< 1 MB (Excel on the web refuses 5 MB)", value: LIMIT, unit: "bytes" }, ratio: round(maxReq / LIMIT), verdict: verdict(maxReq < LIMIT) },
  { item: 4, measurement: `Scale ${label}: refresh, largest request or response`, value: maxRefresh, unit: "bytes", against: { kind: "budget", text: "< 1 MB", value: LIMIT, unit: "bytes" }, ratio: round(maxRefresh / LIMIT), verdict: verdict(maxRefresh < LIMIT) },
  { item: 4, measurement: `Scale ${label}: heap high-water above start`, value: round(heapPeak - heap0, 0), unit: "MB", verdict: "measured", note: `peak RSS of the process ${round(peakRssMB, 0)} MB (Node itself ~45 MB); sampled after every sync` },
];
emit(rows, { rows: N, ms, planMs: t1 - t0, loadMs: t2 - t1, refreshMs: t3 - t2, chunks, plannedChunks: planned.length, maxRequestBytes: maxReq, refreshMaxBytes: maxRefresh, heapDeltaMB: heapPeak - heap0, peakRssMB, insertSyncs: insertSyncs.length, refreshSyncs: refreshSyncs.length });
