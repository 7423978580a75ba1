// Refresh with the data feed, on the workbook double: a new release updates the tables, explains each change with its
// reason, and every =SKYNET formula follows in the same last sync; a fault writes nothing; a workbook loaded several
// releases ago hears of every release since.
import { readFileSync } from "node:fs";
import { generateSigningKey, layout, loadRelease, sdkFor, signRelease, type Release } from "@skynet-data/sdk";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { FeedOptions } from "../../src/data-feed/feed.js";
import { memoryStore } from "../../src/data-feed/store.js";
import { loadPlans } from "../../src/excel/adapter.js";
import { insertDatasets, refreshWorkbook } from "../../src/taskpane/actions.js";
import { renderRefreshReport } from "../../src/taskpane/report.js";
import { WorkbookModel } from "../../src/workbook/index.js";
import { answer, releaseFolder, serveFolder, type FolderServer, type ReleaseFolder } from "../data-feed/folder.js";
import { feedWorkbook, startMirror, type Mirror } from "../data-feed/mirror.js";
import { ADDED, fileText, REMOVED, REVISED, V1, V2 } from "../data-feed/made-up.js";

const NOW = () => new Date("2026-12-20T09:00:00Z");
let R: Mirror["R"];
let folder: ReleaseFolder;
let server: FolderServer;
let mirror: Mirror;

beforeAll(async () => {
  mirror = await startMirror();
  ({ R, folder, server } = mirror);
}, 60_000);
afterAll(() => mirror?.stop());
afterEach(() => vi.unstubAllGlobals());

const setUp = (more: Partial<FeedOptions> = {}) => feedWorkbook(mirror, NOW, more);

/** Everything a workbook holds, to compare before and after. */
const snapshot = (wb: WorkbookModel) => JSON.stringify({ sheets: wb.sheets.map((s) => [s.name, [...s.cells]]), tables: wb.tables.map((t) => [t.name, t.block]), settings: [...wb.settings] });
const cellValue = (wb: WorkbookModel, address: string) => {
  const { row, col } = layout.parseCell(address);
  return wb.cell(wb.sheet("Sheet1")!, row, col)?.value;
};

describe("Refresh with a new data release", () => {
  it("updates the tables, explains each change with its reason, and every =SKYNET formula follows in the same last sync", async () => {
    const { feed, wb, runner } = setUp();
    await feed.start();
    expect(feed.state().held.version).toBe(V1);
    const inserted = await insertDatasets(feed, runner, ["sky-net", "spp"], { now: NOW });
    expect(inserted.stamp.dataVersion).toBe(`${V1}+${R.r1.hash.slice(0, 8)}`);
    wb.typeIntoCell("Sheet1", "A1", `=SKYNET.RETURNED(${REVISED.year})`);
    wb.typeIntoCell("Sheet1", "A2", `=SKYNET.RETURNED(${ADDED.year})`);
    wb.typeIntoCell("Sheet1", "A3", `=SKYNET.FIGURE("${REMOVED.series}", ${REMOVED.year})`);
    wb.typeIntoCell("Sheet1", "C1", `=SKYNET.REVISIONS("${REVISED.series}", ${REVISED.year})`);
    expect([cellValue(wb, "A1"), cellValue(wb, "A2"), cellValue(wb, "A3")]).toEqual([1421, "#N/A", "28 persons, 2020"]);
    expect(wb.readBlock(wb.sheet("Sheet1")!, { top: 0, left: 2, bottom: 2, right: 4 }, "values")).toEqual([["Release", "Release date", "Value"], ["2026.11.1", "2026-11-27", 1421], ["", "", ""]]);

    // A plain refresh with no new release, for the number of syncs.
    wb.syncs = [];
    const same = await refreshWorkbook(feed, runner, { now: NOW });
    expect(same).toMatchObject({ kind: "done", outcome: { kind: "current" }, recalculated: false });
    const plainSyncs = wb.syncs.length;

    await folder.publish([R.r2]);
    wb.syncs = [];
    wb.calculations = [];
    const result = await refreshWorkbook(feed, runner, { now: NOW });
    if (result.kind !== "done") throw new Error(result.message);
    expect(result.outcome).toMatchObject({ kind: "updated", previous: { version: V1 }, held: { version: V2 } });
    expect(result.recalculated).toBe(true);
    // The full calculation rides in the refresh's last sync: no extra round trip.
    expect(wb.syncs.length).toBe(plainSyncs);
    expect(wb.calculations).toEqual([{ type: "Full", formulas: 4, functionCalls: 4 }]);
    expect([cellValue(wb, "A1"), cellValue(wb, "A2"), cellValue(wb, "A3")]).toEqual([REVISED.after, ADDED.value, "28 persons, Jan–Nov 2020 (partial)"]);
    expect(wb.readBlock(wb.sheet("Sheet1")!, { top: 0, left: 2, bottom: 3, right: 4 }, "values")).toEqual([["Release", "Release date", "Value"], ["2026.11.1", "2026-11-27", REVISED.before], [V2, "2026-12-15", REVISED.after], ["", "", ""]]);

    // The tables: one row added, one removed, one value revised, each with its reason from 2026.12.1's changelog.
    const sky = result.load!.tables.find((t) => t.dataset === "sky-net")!;
    expect(sky).toMatchObject({ status: "refreshed", added: 1, removed: 1, revised: 1, message: "Refreshed: 1 row added, 1 removed, 1 value revised." });
    expect(result.changes.find((c) => c.dataset === "sky-net")!.rows).toEqual([
      { kind: "added", key: expect.stringMatching(/^sky-net\.returned\|/), label: "sky-net.returned, 2025", record: ADDED.id, cells: [], reasons: [{ release: V2, text: ADDED.reason }] },
      { kind: "removed", key: expect.stringMatching(/^sky-net\.red-notice-returned\|/), label: "sky-net.red-notice-returned, 2020", record: REMOVED.id, cells: [], reasons: [{ release: V2, text: REMOVED.reason }] },
      { kind: "revised", key: expect.any(String), label: "sky-net.returned, 2020", record: REVISED.id, cells: [{ key: expect.any(String), column: "Value", from: "1421", to: "1444" }], reasons: [{ release: V2, text: REVISED.reason }] },
    ]);
    expect(result.changes.find((c) => c.dataset === "spp")!.rows).toEqual([]);
    expect(result.load!.stamp.dataVersion).toBe(`${V2}+${R.r2.hash.slice(0, 8)}`);
    expect(result.load!.previous?.dataVersion).toBe(`${V1}+${R.r1.hash.slice(0, 8)}`);
    // The sheet's "Data version" note follows the release; the table's cells hold the new figures.
    const table = wb.table("SkyNet_sky_net")!;
    expect(wb.readBlock(table.sheet, { top: 4, left: 0, bottom: 4, right: 0 }, "values")).toEqual([[`Data version ${V2}+${R.r2.hash.slice(0, 8)}. Sources: see the Sources sheet.`]]);
    const body = wb.readBlock(table.sheet, table.block, "values");
    expect(body.filter((r) => r[0] === "sky-net.returned" && r[3] === "2020").map((r) => r[6])).toEqual([REVISED.after]);
    expect(body.filter((r) => r[0] === "sky-net.returned" && r[3] === "2025").map((r) => r[6])).toEqual([ADDED.value]);
    expect(body.filter((r) => r[0] === "sky-net.red-notice-returned" && r[3] === "2020")).toEqual([]);

    const html = renderRefreshReport(result);
    expect(html).toContain(`Release ${V1} → ${V2}: release ${V2} (2026-12-15) is now in use. Every =SKYNET formula in the workbook was recalculated (a full calculation), so each now shows its answer from release ${V2}.`);
    expect(html).toContain(`<span class="c-kind">Revised</span> <span class="c-label">sky-net.returned, 2020</span>: <span class="c-cells">Value 1,421 → 1,444</span><br><span class="c-reason" data-release="${V2}">${V2}: ${REVISED.reason}</span>`);
  });

  it("with no Sky Net Data tables, still makes the formulas follow the new release (one full calculation)", async () => {
    await folder.publish([R.r2]);
    try {
      const { feed, wb, runner } = setUp();
      wb.typeIntoCell("Sheet1", "A1", `=SKYNET.RETURNED(${REVISED.year})`);
      wb.syncs = [];
      const result = await refreshWorkbook(feed, runner);
      expect(result).toMatchObject({ kind: "done", load: null, recalculated: true, outcome: { kind: "updated", held: { version: V2 } } });
      // One sync finds no stamp (nothing to refresh), one asks for the full calculation.
      expect(wb.syncs).toHaveLength(2);
      expect(cellValue(wb, "A1")).toBe(REVISED.after);
      expect(renderRefreshReport(result as Extract<typeof result, { kind: "done" }>)).toContain("This workbook has no Sky Net Data tables to refresh.");
    } finally {
      const fresh = await releaseFolder(folder.keys);
      await fresh.publish([R.bundled, R.r1]);
      const { cpSync, rmSync } = await import("node:fs");
      rmSync(folder.dir, { recursive: true, force: true });
      cpSync(fresh.dir, folder.dir, { recursive: true });
      fresh.cleanup();
    }
  });
});

describe("Refresh faults: every workbook cell untouched, the last good data kept, words in the pane", () => {
  let latest: Record<string, unknown>;
  beforeAll(() => {
    latest = JSON.parse(readFileSync(`${folder.dir}/latest.json`, "utf8")) as Record<string, unknown>;
  });
  afterEach(() => server.reset());

  const r2Published = async () => {
    // 2026.12.1 published, but its file is replaced by what the fault serves.
    const entry = { ...latest, version: V2, hash: R.r2.hash, size: Buffer.byteLength(fileText(R.r2)), url: `releases/${V2}.json`, signature: await signRelease(R.r2.hash, folder.keys.privateKey) };
    server.override("latest.json", answer(200, JSON.stringify(entry)));
  };
  const other = generateSigningKey();
  const FAULTS: [string, (ctx: { goOffline: () => void; setSlow: () => void }) => void | Promise<void>, RegExp][] = [
    ["offline", ({ goOffline }) => goOffline(), /cannot reach .*latest\.json: this computer is offline/],
    ["404", () => server.override("latest.json", answer(404, "<h1>404</h1>", "text/html")), /latest\.json is not at .* \(HTTP 404 Not Found\)/],
    ["500", () => server.override("latest.json", answer(500, "down", "text/plain")), /could not be served \(HTTP 500 Internal Server Error\)/],
    ["HTML where JSON was expected", () => server.override("latest.json", answer(200, "<!doctype html><p>Log in", "text/html")), /is an HTML page, not JSON/],
    ["truncated JSON", async () => (await r2Published(), server.override(`releases/${V2}.json`, answer(200, fileText(R.r2).slice(0, 40_000)))), /the download was cut short \(truncated\)/],
    ["hash mismatch", async () => (await r2Published(), server.override(`releases/${V2}.json`, answer(200, fileText(R.r2).replace('"value": 1444', '"value": 1445')))), /does not match its hash: it was altered or damaged/],
    ["bad signature", async () => server.override("latest.json", answer(200, JSON.stringify({ ...latest, signature: await signRelease(String(latest.hash), (await other).privateKey) }))), /the signature of release 2026\.12\.0 does not verify/],
    ["newer release format", () => server.override("latest.json", answer(200, JSON.stringify({ ...latest, format: 9 }))), /in release format 9, newer than this version of Sky Net Data reads \(format 1\): update the add-in/],
    ["a release older than the one held", () => server.override("latest.json", answer(200, JSON.stringify({ ...latest, version: "2026.11.1" }))), /offers release 2026\.11\.1, older than the release already held \(2026\.12\.0\)/],
    ["a server slower than the timeout", ({ setSlow }) => setSlow(), /did not arrive within 0\.5 s \(0 bytes received\): the server is too slow/],
    ["a data address that is not https", ({ goOffline: _ }) => undefined, /The data address must start with https:\/\//],
  ];

  it.each(FAULTS)("%s", async (name, setup, words) => {
    let offline = false;
    const network = (input: string, init?: RequestInit) => (offline ? Promise.reject(new TypeError("Failed to fetch")) : fetch(input, init));
    const store = memoryStore();
    const { feed, wb, runner } = setUp({ fetch: network, store, timeoutMs: 500, progressIntervalMs: 100 });
    await feed.start();
    expect(feed.state().held.version).toBe(V1);
    await insertDatasets(feed, runner, ["sky-net"], { now: NOW });
    wb.typeIntoCell("Sheet1", "A1", `=SKYNET.RETURNED(${REVISED.year})`);
    const before = snapshot(wb);
    const stored = new Map(store.items);
    const progress: string[] = [];
    await setup({
      goOffline: () => {
        offline = true;
        vi.stubGlobal("navigator", { onLine: false });
      },
      setSlow: () => server.override("latest.json", () => undefined),
    });
    if (name === "a data address that is not https") (feed as unknown as { settings: { dataUrl: string } }).settings.dataUrl = "http://data.example.org/skynet/";
    wb.syncs = [];
    const result = await refreshWorkbook(feed, runner, { onProgress: (m) => progress.push(m) });
    expect(result.kind).toBe("stopped");
    if (result.kind !== "stopped") return;
    expect(result.message).toMatch(new RegExp(`^Refresh stopped: .*${words.source}`));
    expect(result.message).toMatch(new RegExp(`Nothing in the workbook was changed; the functions and the pane keep answering from release ${V1.replace(/\./g, "\\.")} \\(downloaded 2026-12-20 from ${server.dataUrl.replace(/[.]/g, "\\.")}\\)\\.$`));
    expect(snapshot(wb)).toBe(before);
    expect(wb.syncs).toEqual([]);
    expect(feed.state().held.version).toBe(V1);
    expect(cellValue(wb, "A1")).toBe(REVISED.before);
    expect(new Map([...store.items].filter(([k]) => !k.endsWith("lastCheck")))).toEqual(new Map([...stored].filter(([k]) => !k.endsWith("lastCheck"))));
    expect(progress[0]).toBe(`Checking ${feed.state().dataUrl} for a newer release…`);
  });
});

describe("a workbook loaded under an earlier release hears of every release since", () => {
  it("loaded under 2026.11.0 and refreshed under 2026.12.1: the reasons of 2026.11.1 and of 2026.12.1, each with its release", async () => {
    const R0 = JSON.parse(readFileSync(new URL("../../../sdk/src/releases/2026.11.0.json", import.meta.url), "utf8")) as Release;
    const all = await releaseFolder(folder.keys);
    await all.publish([R0, R.bundled, R.r1, R.r2]);
    const srv = await serveFolder(all.dir);
    try {
      const { feed, runner } = setUp({ defaultDataUrl: srv.dataUrl });
      // The workbook's tables as release 2026.11.0 laid them out, with its stamp.
      const old = sdkFor(loadRelease(R0));
      await runner((ctx) => loadPlans(ctx, () => [old.planSheet("sky-net"), old.planSourcesSheet(["sky-net"])], { dataVersion: old.DATA_VERSION, now: NOW }));
      const result = await refreshWorkbook(feed, runner, { now: NOW });
      if (result.kind !== "done") throw new Error(result.message);
      expect(result.outcome.held.version).toBe(V2);
      expect(result.releases).toEqual(["2026.11.0", "2026.11.1", V1, V2]);
      expect(result.releasesNote).toBeNull();
      const rows = result.changes.find((c) => c.dataset === "sky-net")!.rows;
      const about = (label: string) => rows.filter((r) => r.label === label).map((r) => ({ kind: r.kind, cells: r.cells.map((c) => `${c.column}: ${c.from} → ${c.to}`), reasons: r.reasons.map((x) => x.release) }));
      // Revised by 2026.11.1 (qualifier) and by 2026.12.1 (value): each reason names its release.
      expect(about("sky-net.recovered, 2021")).toEqual([{ kind: "revised", cells: ["Qualifier: exact → lower-bound", "Note:  → Reported as over 16.74 billion yuan."], reasons: ["2026.11.1"] }]);
      expect(about("sky-net.returned, 2020")).toEqual([{ kind: "revised", cells: ["Value: 1421 → 1444"], reasons: [V2] }]);
      // 2015 became the campaign's Apr–Dec in 2026.11.1: the row's key changed, so it is one row removed, one added, both with that reason.
      const y2015 = rows.filter((r) => r.record === "sky-net.returned.2015-04-01.2015-12-31" || r.record === "sky-net.returned.2015-01-01.2015-12-31");
      expect(y2015.map((r) => [r.kind, r.label, r.reasons.map((x) => x.release)])).toEqual([
        ["added", "sky-net.returned, 2015 (Apr–Dec)", ["2026.11.1"]],
        ["removed", "sky-net.returned, 2015", ["2026.11.1"]],
      ]);
      expect(y2015[0]!.reasons[0]!.text).toMatch(/^period: the page ties 1,023 to the eight-month Sky Net campaign of 2015/);
      expect(renderRefreshReport(result)).toContain(`The tables were loaded under 2026.11.0; the reasons below are those of releases 2026.11.1, ${V1}, ${V2}.`);
    } finally {
      await srv.close();
      all.cleanup();
    }
  });
});
