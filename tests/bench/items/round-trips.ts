/// <reference types="office-js" />
// Item 3: context.sync() round trips to insert every dataset and to refresh every dataset, counted on the in-memory
// workbook through the Office adapter, with the plans the taskpane sends.
import { DATA_VERSION, listDatasets, planSheet, type SheetPlan } from "@skynet-data/sdk";
import { loadPlans } from "../../../add-in/src/excel/adapter.js";
import { doubleRunner } from "../../../add-in/src/excel/run.js";
import { insertPlans, refreshPlans } from "../../../add-in/src/taskpane/pane.js";
import { WorkbookModel } from "../../../add-in/src/workbook/index.js";
import { emit, verdict, type Row } from "../lib/report.js";

const BUDGET = 6;
const ids = listDatasets().map((d) => d.id);
type Choose = Parameters<typeof loadPlans>[1];

async function count(wb: WorkbookModel, choose: Choose) {
  wb.syncs = [];
  const t = performance.now();
  const result = await doubleRunner(wb)((ctx) => loadPlans(ctx, choose, { dataVersion: DATA_VERSION }));
  return {
    ms: performance.now() - t,
    syncs: wb.syncs.length,
    writes: wb.syncs.filter((s) => s.calculationSuspended).length,
    maxRequest: Math.max(...wb.syncs.map((s) => s.requestBytes)),
    maxResponse: Math.max(...wb.syncs.map((s) => s.responseBytes)),
    rows: result.tables.reduce((n, t) => n + t.added, 0),
    tables: result.tables.length,
  };
}

const wb = WorkbookModel.blank();
const insert = await count(wb, insertPlans(ids));
const refresh = await count(wb, refreshPlans(ids));
const one = await count(WorkbookModel.blank(), insertPlans(ids.slice(0, 1)));

// Refresh of a table whose cells hold long text (a 400-character note per row): reads are packed by an estimate,
// so the response bytes show whether the estimate holds when cells are wide.
const WIDE_ROWS = 20_000;
const sky = planSheet("sky-net");
const noteCol = sky.columns.findIndex((c) => c.key === "note");
const wideRows = Array.from({ length: WIDE_ROWS }, (_, i) => sky.rows[i % sky.rows.length]!.map((v, j) => (j === 0 ? `generated.${i}` : j === noteCol ? "n".repeat(400) : v)));
const wide: SheetPlan = { ...sky, rows: wideRows, numberFormats: wideRows.map((_, i) => [...sky.numberFormats[i % sky.rows.length]!]), charts: [] };
const wideWb = WorkbookModel.blank();
await count(wideWb, () => [wide]);
const wideRefresh = await count(wideWb, () => [wide]);
const LIMIT = 1_000_000;

const rows: Row[] = [
  {
    item: 3,
    measurement: `Round trips: insert every dataset (${ids.length} datasets + Sources, ${insert.rows} rows)`,
    value: insert.syncs,
    unit: "syncs",
    against: { kind: "budget", text: `≤ ${BUDGET}, whatever the datasets`, value: BUDGET },
    verdict: verdict(insert.syncs <= BUDGET && one.syncs === insert.syncs),
    note: `${insert.writes} write chunk(s); one dataset alone also takes ${one.syncs}; largest request ${insert.maxRequest.toLocaleString("en-US")} B`,
  },
  {
    item: 3,
    measurement: `Round trips: refresh every dataset (${refresh.tables} tables, unchanged)`,
    value: refresh.syncs,
    unit: "syncs",
    against: { kind: "budget", text: `≤ ${BUDGET}, whatever the datasets`, value: BUDGET },
    verdict: verdict(refresh.syncs <= BUDGET),
    note: `read workbook, read tables, read cells, ${refresh.writes} write chunk(s), finish; largest response ${refresh.maxResponse.toLocaleString("en-US")} B`,
  },
  {
    item: 3,
    measurement: `Refresh of ${WIDE_ROWS.toLocaleString("en-US")} rows with 400-character notes: largest response`,
    value: wideRefresh.maxResponse,
    unit: "bytes",
    against: { kind: "budget", text: "< 1 MB (reads are packed to 0.9 MB)", value: LIMIT, unit: "bytes" },
    ratio: Math.round((wideRefresh.maxResponse / LIMIT) * 100) / 100,
    verdict: verdict(wideRefresh.maxResponse < LIMIT),
    note: `${wideRefresh.syncs} syncs; read batches are sized by the bytes planned for their rows (Excel on the web refuses 5 MB)`,
  },
];
emit(rows, { datasets: ids, insert, refresh, insertOneDataset: one, wideRefresh });
