// The data feed against a release folder on 127.0.0.1 (written by the CLI's publishReleases with a throwaway key):
// start-up, refresh, the cache for offline use, pinning, the interval, the history, and every fault in words.
import { readFileSync } from "node:fs";
import { functionsFor, signRelease, generateSigningKey, type Catalog } from "@skynet-data/sdk";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DataFeed, STORE_KEYS, type FeedEvent, type FeedOptions } from "../../src/data-feed/feed.js";
import { memoryStore } from "../../src/data-feed/store.js";
import { answer, releaseFolder, type FolderServer, type ReleaseFolder } from "./folder.js";
import { startMirror, type Mirror } from "./mirror.js";
import { ADDED, fileText, REMOVED, REVISED, V1, V2 } from "./made-up.js";

let folder: ReleaseFolder;
let server: FolderServer;
let R: Mirror["R"];
let bundled: Catalog;
let mirror: Mirror;

beforeAll(async () => {
  mirror = await startMirror();
  ({ R, bundled, folder, server } = mirror);
}, 60_000);
afterAll(() => mirror?.stop());
afterEach(() => {
  server.reset();
  vi.unstubAllGlobals();
});

const NOW = new Date("2026-12-20T09:00:00Z");
function feedOver(store = memoryStore(), more: Partial<FeedOptions> = {}) {
  const events: FeedEvent["type"][] = [];
  const feed = new DataFeed({ bundled, publicKey: folder.keys.publicKey, defaultDataUrl: server.dataUrl, store, allowInsecureLocalhost: true, timeoutMs: 5_000, now: () => NOW, ...more });
  feed.subscribe((e) => events.push(e.type));
  return { feed, store, events };
}
const cached = (store: ReturnType<typeof memoryStore>) => JSON.parse(store.items.get(STORE_KEYS.cache) ?? "null") as { held: { version: string } | null; releases: { version: string }[] } | null;

describe("the data feed", () => {
  it("starts on the bundled release, checks the data address once, verifies and swaps in the newer release, and keeps it", async () => {
    const { feed, store, events } = feedOver();
    expect(feed.state().held).toMatchObject({ version: "2026.11.1", from: "bundled" });
    const started = await feed.start();
    expect(started.restored).toBeNull();
    expect(started.check).toMatchObject({ kind: "updated", message: `Release ${V1} (2026-12-01) is now in use, in place of 2026.11.1.` });
    const s = feed.state();
    expect(s.held).toMatchObject({ version: V1, from: "downloaded", dataVersion: `${V1}+${R.r1.hash.slice(0, 8)}`, url: `${server.dataUrl}releases/${V1}.json`, downloadedAt: NOW.toISOString() });
    expect(s.history?.catalogs.map((c) => c.release!.version)).toEqual(["2026.11.1", V1]);
    expect(events).toContain("held");
    expect(server.requested).toEqual(["/data/latest.json", `/data/releases/${V1}.json`]);
    expect(cached(store)).toMatchObject({ held: { version: V1 }, releases: [{ version: V1 }] });
    expect(store.items.get(STORE_KEYS.release(V1))).toBe(fileText(R.r1));
    expect(s.lastCheck).toEqual({ at: NOW.toISOString(), ok: true, message: `Release ${V1} (2026-12-01) is now in use, in place of 2026.11.1.` });
    // A second start is the same start: no second check.
    expect(await feed.start()).toBe(started);
    expect(server.requested).toHaveLength(2);
  });

  it("says it is up to date when latest.json names the release held, without downloading it again", async () => {
    const { feed } = feedOver();
    await feed.start();
    server.reset();
    const outcome = await feed.refresh();
    expect(outcome).toMatchObject({ kind: "current", message: `Up to date: release ${V1} is the latest at ${server.dataUrl}.` });
    expect(server.requested).toEqual(["/data/latest.json"]);
  });

  it("follows a new release: the functions answer from it, REVISIONS reads the history with each reason", async () => {
    const { feed, store } = feedOver();
    await feed.start();
    await folder.publish([R.r2]);
    try {
      const outcome = await feed.refresh();
      expect(outcome).toMatchObject({ kind: "updated", previous: { version: V1 }, held: { version: V2 } });
      const s = feed.state();
      expect(s.history?.catalogs.map((c) => c.release!.version)).toEqual(["2026.11.1", V1, V2]);
      const fns = functionsFor(s.held.catalog, s.history);
      expect(fns.RETURNED(REVISED.year)).toBe(REVISED.after);
      expect(fns.RETURNED(ADDED.year)).toBe(ADDED.value);
      const rows = fns.REVISIONS(REVISED.series, REVISED.year) as unknown[][];
      expect(rows.map((r) => [r[0], r[2], r[7]])).toEqual([
        ["Release", "Value", "Reason"],
        ["2026.11.1", REVISED.before, ""],
        [V2, REVISED.after, REVISED.reason],
      ]);
        // With the full-year figure gone, the January–November 2020 figure (also 28) answers: REVISIONS says why.
      expect((fns.REVISIONS(REMOVED.series, REMOVED.year) as unknown[][]).map((r) => [r[0], r[2], r[3], r[4], r[7]])).toEqual([
        ["Release", "Value", "Period", "Coverage", "Reason"],
        ["2026.11.1", REMOVED.value, "2020", "full", ""],
        [V2, 28, "Jan–Nov 2020", "partial", `${REMOVED.id} removed: ${REMOVED.reason}`],
      ]);
      expect(cached(store)?.releases.map((r) => r.version)).toEqual([V1, V2]);
    } finally {
      await republishWithout(V2);
    }
  });

  it("reopened with the server down, answers from the release kept for offline use, and says the check failed", async () => {
    const store = memoryStore();
    await feedOver(store).feed.start();
    const down = feedOver(store, { defaultDataUrl: "http://127.0.0.1:9/data/" });
    const started = await down.feed.start();
    expect(started.restored).toMatchObject({ version: V1, from: "cached" });
    expect(down.events[0]).toBe("held");
    // Checked at NOW a moment ago: not due again within 12 hours.
    expect(started.check).toBeNull();
    const outcome = await down.feed.refresh();
    expect(outcome).toMatchObject({ kind: "failed", code: "unreachable", held: { version: V1 } });
    expect(outcome.message).toMatch(/^cannot reach http:\/\/127\.0\.0\.1:9\/data\/latest\.json: /);
    expect(down.feed.state().held.version).toBe(V1);
    expect(down.feed.state().lastCheck).toMatchObject({ ok: false });
  });

  it("checks at start at most once per interval, and at every start with an interval of 0", async () => {
    const store = memoryStore();
    const first = feedOver(store);
    await first.feed.start();
    await first.feed.updateSettings({ checkEveryHours: 12 });
    server.reset();
    const later = feedOver(store, { now: () => new Date(NOW.getTime() + 11 * 3_600_000) });
    expect((await later.feed.start()).check).toBeNull();
    expect(server.requested).toEqual([]);
    const next = feedOver(store, { now: () => new Date(NOW.getTime() + 13 * 3_600_000) });
    expect((await next.feed.start()).check).toMatchObject({ kind: "current" });
    await next.feed.updateSettings({ checkEveryHours: 0 });
    server.reset();
    expect((await feedOver(store).feed.start()).check).toMatchObject({ kind: "current" });
    expect(server.requested).toEqual(["/data/latest.json"]);
  });

  it("reads back a kept release by the SHA-256 of its text recorded when it was verified, or verifies it again without one", async () => {
    const store = memoryStore();
    await feedOver(store).feed.start();
    const record = cached(store) as unknown as { releases: { version: string; digest?: string }[] };
    expect(record.releases[0]!.digest).toMatch(/^[0-9a-f]{64}$/);
    const { feed } = feedOver(store, { defaultDataUrl: "http://127.0.0.1:9/data/" });
    expect((await feed.start({ check: false })).restored).toMatchObject({ version: V1, hash: R.r1.hash });
    // A record written without a digest: the SDK's loadRelease checks the canonical hash instead.
    store.items.set(STORE_KEYS.cache, JSON.stringify({ ...record, releases: record.releases.map(({ digest: _d, ...r }) => r) }));
    const { feed: again } = feedOver(store, { defaultDataUrl: "http://127.0.0.1:9/data/" });
    expect((await again.start({ check: false })).restored).toMatchObject({ version: V1, hash: R.r1.hash });
  });

  it("drops a damaged copy kept for offline use and answers from the bundled release, saying so", async () => {
    const store = memoryStore();
    await feedOver(store).feed.start();
    store.items.set(STORE_KEYS.release(V1), fileText(R.r1).slice(0, 1000));
    const { feed } = feedOver(store, { defaultDataUrl: "http://127.0.0.1:9/data/" });
    const started = await feed.start({ check: false });
    expect(started.restored).toBeNull();
    expect(feed.state().held.version).toBe("2026.11.1");
    expect(feed.state().notice).toBe(
      "The release kept for offline use (2026.12.0) could not be read back (its text is not the text that was verified and kept (damaged in storage)); the bundled release 2026.11.1 answers until the data address is reached.",
    );
    expect(store.items.has(STORE_KEYS.release(V1))).toBe(false);
  });

  it("moves to an older release only when pinned, keeps it pinned across sessions, and follows the latest again when unpinned", async () => {
    const store = memoryStore();
    const { feed } = feedOver(store);
    await feed.start();
    const pinned = await feed.pin("2026.11.1");
    // 2026.11.1 is the bundled release: pinning it asks the folder for it and holds it.
    expect(pinned).toMatchObject({ kind: "updated", held: { version: "2026.11.1", pinned: true } });
    const again = feedOver(store, { defaultDataUrl: "http://127.0.0.1:9/data/" });
    await again.feed.start({ check: false });
    expect(again.feed.state().held).toMatchObject({ version: "2026.11.1", pinned: true, from: "cached" });
    const unpinned = await feed.pin(null);
    expect(unpinned).toMatchObject({ kind: "current", held: { version: V1, pinned: false } });
    expect(await feed.pin("2026-11")).toMatchObject({ kind: "failed", message: '"2026-11" is not a release version: give one such as 2026.11.1 (the releases listed in the data folder\'s index.json).' });
  });

  it("fetches the releases it skipped, so a jump from 2026.11.1 to 2026.12.1 keeps an unbroken history", async () => {
    await folder.publish([R.r2]);
    try {
      const { feed } = feedOver();
      const outcome = await feed.refresh();
      expect(outcome).toMatchObject({ kind: "updated", held: { version: V2 } });
      expect(server.requested).toEqual(["/data/latest.json", `/data/releases/${V2}.json`, "/data/index.json", "/data/index.json", `/data/releases/${V1}.json`]);
      expect(feed.state().history?.catalogs.map((c) => c.release!.version)).toEqual(["2026.11.1", V1, V2]);
      const since = await feed.releasesSince("2026.11.0");
      expect(since.catalogs.map((c) => c.release!.version)).toEqual(["2026.11.1", V1, V2]);
      expect(since.complete).toBe(false);
      expect(since.message).toBe(`release 2026.11.0 is not listed in index.json at ${server.dataUrl}, so the changes since it cannot all be explained.`);
    } finally {
      await republishWithout(V2);
    }
  });
});

/** Puts the folder back to 2026.11.1 and 2026.12.0 only (a fresh folder, the same key). */
async function republishWithout(version: string) {
  const fresh = await releaseFolder(folder.keys);
  await fresh.publish([R.bundled, R.r1]);
  const { cpSync, rmSync } = await import("node:fs");
  rmSync(folder.dir, { recursive: true, force: true });
  cpSync(fresh.dir, folder.dir, { recursive: true });
  fresh.cleanup();
  expect(readFileSync(`${folder.dir}/latest.json`, "utf8")).not.toContain(version);
}

describe("faults: each keeps the release held, changes nothing stored, and says what happened", () => {
  let latest: Record<string, unknown>;
  let store: ReturnType<typeof memoryStore>;
  let feed: DataFeed;
  let before: Map<string, string>;
  beforeAll(() => {
    latest = JSON.parse(readFileSync(`${folder.dir}/latest.json`, "utf8")) as Record<string, unknown>;
  });

  /** A feed holding 2026.12.0 (from the folder), then a refresh against the fault. */
  async function refreshAgainst(setup: () => void | Promise<void>, more: Partial<FeedOptions> = {}) {
    store = memoryStore();
    feed = feedOver(store, more).feed;
    await feed.start();
    expect(feed.state().held.version).toBe(V1);
    before = new Map(store.items);
    server.reset();
    await setup();
    const outcome = await feed.refresh();
    expect(outcome.kind).toBe("failed");
    expect(feed.state().held.version).toBe(V1);
    expect(new Map([...store.items].filter(([k]) => k !== STORE_KEYS.lastCheck))).toEqual(new Map([...before].filter(([k]) => k !== STORE_KEYS.lastCheck)));
    expect(feed.state().lastCheck).toMatchObject({ ok: false, message: outcome.message });
    return outcome as Extract<typeof outcome, { kind: "failed" }>;
  }

  it("offline", async () => {
    let offline = false;
    const network = (input: string, init?: RequestInit) => (offline ? Promise.reject(new TypeError("Failed to fetch")) : fetch(input, init));
    const o = await refreshAgainst(() => {
      offline = true;
      vi.stubGlobal("navigator", { onLine: false });
    }, { fetch: network });
    expect(o).toMatchObject({ code: "unreachable", message: `cannot reach ${server.dataUrl}latest.json: this computer is offline; connect to the network and refresh again.` });
  });

  it("404", async () => {
    const o = await refreshAgainst(() => server.override("latest.json", answer(404, "<!doctype html><title>Not found</title>", "text/html")));
    expect(o.message).toBe(`latest.json is not at ${server.dataUrl}latest.json (HTTP 404 Not Found): nothing is published at this address; is the data address right?`);
  });

  it("500", async () => {
    const o = await refreshAgainst(() => server.override("latest.json", answer(500, "oops", "text/plain")));
    expect(o.message).toBe(`latest.json at ${server.dataUrl}latest.json could not be served (HTTP 500 Internal Server Error): the server failed; try again later.`);
  });

  it("HTML where JSON was expected", async () => {
    const o = await refreshAgainst(() => server.override("latest.json", answer(200, "<!doctype html><html><body>Sign in</body></html>", "text/html")));
    expect(o).toMatchObject({ code: "invalid-release", message: `latest.json at ${server.dataUrl}latest.json is an HTML page, not JSON: is the data address right? (many hosts answer a missing file with an HTML page).` });
  });

  it("truncated JSON", async () => {
    try {
      const text = fileText(R.r2);
      const o = await refreshAgainst(async () => {
        await folder.publish([R.r2]);
        server.override(`releases/${V2}.json`, answer(200, text.slice(0, 50_000)));
      });
      expect(o.message).toBe(`release ${V2} at ${server.dataUrl}releases/${V2}.json is ${Buffer.byteLength(text.slice(0, 50_000))} bytes, but latest.json announces ${Buffer.byteLength(text)}: the download was cut short (truncated) or the file was replaced without being published again; nothing was loaded.`);
    } finally {
      await republishWithout(V2);
    }
  });

  it("hash mismatch", async () => {
    try {
      // The same size, one figure changed: the content no longer gives the hash.
      const altered = fileText(R.r2).replace(`"value": ${REVISED.after}`, `"value": ${REVISED.after + 1}`);
      expect(Buffer.byteLength(altered)).toBe(Buffer.byteLength(fileText(R.r2)));
      const o = await refreshAgainst(async () => {
        await folder.publish([R.r2]);
        server.override(`releases/${V2}.json`, answer(200, altered));
      });
      expect(o).toMatchObject({ code: "invalid-release" });
      expect(o.message).toMatch(new RegExp(`^release ${V2.replace(/\./g, "\\.")} does not match its hash: it was altered or damaged after it was published \\(says ${R.r2.hash.slice(0, 12)}…, content gives [0-9a-f]{12}…\\) \\(${server.dataUrl.replace(/[.]/g, "\\.")}releases/${V2.replace(/\./g, "\\.")}\\.json\\)\\.$`));
    } finally {
      await republishWithout(V2);
    }
  });

  it("bad signature", async () => {
    const other = await generateSigningKey();
    const o = await refreshAgainst(async () => server.override("latest.json", answer(200, JSON.stringify({ ...latest, signature: await signRelease(String(latest.hash), other.privateKey) }))));
    expect(o.message).toMatch(new RegExp(`^the signature of release ${V1.replace(/\./g, "\\.")} does not verify with the trusted public key \\(key [A-Za-z0-9_-]{43}\\): latest\\.json or the release was altered, or someone else signed it; nothing was loaded\\.$`));
  });

  it("a release format newer than the add-in understands", async () => {
    const o = await refreshAgainst(() => server.override("latest.json", answer(200, JSON.stringify({ ...latest, format: 2 }))));
    expect(o.message).toBe(`release ${V1} is in release format 2, newer than this version of Sky Net Data reads (format 1): update the add-in or the SDK.`);
  });

  it("a release older than the one held", async () => {
    const index = JSON.parse(readFileSync(`${folder.dir}/index.json`, "utf8")) as { releases: Record<string, unknown>[] };
    const o = await refreshAgainst(() => server.override("latest.json", answer(200, JSON.stringify(index.releases[0]))));
    expect(o.message).toBe(`latest.json offers release 2026.11.1, older than the release already held (${V1}): an older release never replaces a newer one.`);
  });

  it("a server slower than the timeout, with progress while waiting", async () => {
    const progress: string[] = [];
    const o = await refreshAgainst(
      () => server.override("latest.json", () => undefined /* never answers */),
      { timeoutMs: 600, progressIntervalMs: 100 },
    );
    // The feed's own progress line was shown while it waited (the pane shows state.progress).
    expect(o.message).toBe(`latest.json at ${server.dataUrl}latest.json did not arrive within 0.6 s (0 bytes received): the server is too slow or the connection stalled; try again later.`);
    const { feed: slow } = feedOver(memoryStore(), { timeoutMs: 600, progressIntervalMs: 100 });
    slow.subscribe((e) => e.state.progress && progress.push(e.state.progress));
    server.override("latest.json", () => undefined);
    await slow.refresh();
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress[0]).toMatch(/^Waiting for latest\.json from 127\.0\.0\.1:\d+ \(0 s; gives up after 1 s\)…$/);
  });

  it("a data address that is not https", async () => {
    const NOT_HTTPS = 'The data address must start with https:// (got "http://data.example.org/skynet/"): releases are only downloaded over HTTPS, so that nobody on the network can change the figures on the way.';
    const { feed: f } = feedOver();
    expect(await f.updateSettings({ dataUrl: "http://data.example.org/skynet/" })).toEqual({ ok: false, message: NOT_HTTPS });
    expect(f.state().settings.dataUrl).toBeNull();
    // An address stored some other way (an older version, edited storage) is refused when the refresh runs.
    const stored = memoryStore({ [STORE_KEYS.settings]: JSON.stringify({ dataUrl: "http://data.example.org/skynet/", checkEveryHours: 12, pinned: null }) });
    const { feed: g } = feedOver(stored);
    const started = await g.start();
    expect(started.check).toMatchObject({ kind: "failed", code: "invalid-argument", message: NOT_HTTPS });
    expect(g.state().held).toMatchObject({ version: "2026.11.1", from: "bundled" });
    expect(server.requested).toEqual([]);
    expect(stored.items.has(STORE_KEYS.cache)).toBe(false);
  });
});
