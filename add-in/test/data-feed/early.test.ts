// functions.js's early restore (restore.ts restoreEarly): the kept release answers before the pane's bundle runs, its
// text is checked right after, and the data feed takes it over without reading it again.
import { createHash } from "node:crypto";
import { loadRelease, type Catalog } from "@skynet-data/sdk";
import { describe, expect, it } from "vitest";
import { DataFeed, STORE_KEYS } from "../../src/data-feed/feed.js";
import { restoreEarly } from "../../src/data-feed/restore.js";
import { memoryStore } from "../../src/data-feed/store.js";
import { fileText, madeUpReleases, V1 } from "./made-up.js";

const R = madeUpReleases();
const text = fileText(R.r1);
const kept = (over: { digest?: string; text?: string; pinned?: string } = {}) =>
  memoryStore({
    [STORE_KEYS.cache]: JSON.stringify({
      held: { version: V1, hash: R.r1.hash, downloadedAt: "2026-12-20T09:00:00.000Z", url: "https://example.org/data/releases/2026.12.0.json", pinned: false },
      releases: [{ version: V1, hash: R.r1.hash, downloadedAt: "2026-12-20T09:00:00.000Z", url: "https://example.org/data/releases/2026.12.0.json", digest: over.digest ?? createHash("sha256").update(text).digest("hex") }],
    }),
    [STORE_KEYS.release(V1)]: over.text ?? text,
    ...(over.pinned ? { [STORE_KEYS.settings]: JSON.stringify({ dataUrl: null, checkEveryHours: 12, pinned: over.pinned }) } : {}),
  });

describe("restoreEarly", () => {
  it("swaps in the kept release at once, then finds its text is the one verified when it was kept", async () => {
    const swapped: Catalog[] = [];
    let reverted = 0;
    const early = await restoreEarly(kept(), "2026.11.1", (c) => swapped.push(c), () => reverted++);
    expect(early).toMatchObject({ version: V1, hash: R.r1.hash, text });
    expect(swapped.map((c) => c.release!.version)).toEqual([V1]);
    expect(await early!.verified).toBe(true);
    expect(reverted).toBe(0);
  });

  it("puts the bundled release back when the text is not the one verified (damaged in storage)", async () => {
    let reverted = 0;
    const damaged = text.replace('"value": 1421', '"value": 1422');
    const early = await restoreEarly(kept({ text: damaged }), "2026.11.1", () => undefined, () => reverted++);
    expect(await early!.verified).toBe(false);
    expect(reverted).toBe(1);
  });

  it("restores nothing older than the bundled release unless pinned, nothing without a digest, and never throws", async () => {
    expect(await restoreEarly(kept(), "2026.12.5", () => undefined, () => undefined)).toBeNull();
    expect(await restoreEarly(kept({ pinned: V1 }), "2026.12.5", () => undefined, () => undefined)).toMatchObject({ version: V1 });
    expect(await restoreEarly(kept({ digest: "" }), "2026.11.1", () => undefined, () => undefined)).toBeNull();
    expect(await restoreEarly(kept({ text: "{ truncated" }), "2026.11.1", () => undefined, () => undefined)).toBeNull();
  });

  it("is taken over by the data feed, which reads nothing again, or refuses it when the check fails", async () => {
    const bundled = loadRelease(fileText(R.bundled));
    const store = kept();
    const early = restoreEarly(store, "2026.11.1", () => undefined, () => undefined);
    const reads: string[] = [];
    const counting = { ...store, getItem: (k: string) => (reads.push(k), store.getItem(k)) };
    const feed = new DataFeed({ bundled, publicKey: null, defaultDataUrl: "https://example.org/data/", store: counting, early });
    expect((await feed.start({ check: false })).restored).toMatchObject({ version: V1, from: "cached" });
    expect(reads).not.toContain(STORE_KEYS.release(V1));
    const bad = kept({ text: text.replace('"value": 1421', '"value": 1422') });
    const refused = new DataFeed({ bundled, publicKey: null, defaultDataUrl: "https://example.org/data/", store: bad, early: restoreEarly(bad, "2026.11.1", () => undefined, () => undefined) });
    expect((await refused.start({ check: false })).restored).toBeNull();
    expect(refused.state().notice).toMatch(/could not be read back \(its text is not the text that was verified and kept \(damaged in storage\)\)/);
  });
});
