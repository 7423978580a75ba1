// The data feed: which release the custom functions and the pane answer from, and how a newer one arrives. It fetches
// latest.json from the data address, verifies the release it names (the SDK's fetchLatest: https, size, hash, signature
// with the public key embedded in the build, format), keeps the last good release for offline use, never moves to an
// older release than the one held unless the user pins one, and tells its listeners when the release changes. It never
// touches a workbook: whoever asked for a refresh recalculates (see excel/recalc.ts).
import {
  compareReleaseVersions,
  fetchLatest,
  fetchRelease,
  fetchReleaseIndex,
  isReleaseVersion,
  releaseHistory,
  SkynetError,
  type Catalog,
  type FetchedRelease,
  type FetchProgress,
  type FetchReleaseOptions,
  type ReleaseHistory,
  type ReleasePublicKey,
} from "@skynet-data/sdk";
import { DEFAULT_SETTINGS, readCache, readSettings, STORE_KEYS, type CacheRecord, type FeedSettings } from "./kept.js";
export { DEFAULT_SETTINGS, STORE_KEYS, type FeedSettings } from "./kept.js";
import { readKeptRelease } from "./read-kept.js";
import { textDigest, type EarlyRestore } from "./restore.js";
import type { FeedStore } from "./store.js";

/** Where the release answering now came from. */
export type HeldFrom = "bundled" | "cached" | "downloaded";

/** The release the functions and the pane answer from. */
export interface Held {
  catalog: Catalog;
  version: string;
  date: string;
  hash: string;
  /** `<version>+<first 8 hex digits of the hash>`: what the workbook's stamp records. */
  dataVersion: string;
  from: HeldFrom;
  /** When it was downloaded (ISO); null for the bundled release. */
  downloadedAt: string | null;
  /** The release file's address; null for the bundled release. */
  url: string | null;
  pinned: boolean;
}

/** The last time the data address was checked, and what came of it. */
export interface CheckRecord {
  at: string;
  ok: boolean;
  message: string;
}

export interface FeedState {
  held: Held;
  /** The releases that lead to the held one, oldest first (SKYNET.REVISIONS reads them); undefined when only the held one is known. */
  history: ReleaseHistory | undefined;
  settings: FeedSettings;
  /** The data address in use: the setting, or the add-in's own `data/` folder. */
  dataUrl: string;
  lastCheck: CheckRecord | null;
  /** A download under way: what is being waited for, in words. */
  progress: string | null;
  /** Something about the stored copy a user should know (damaged, storage full), or null. */
  notice: string | null;
  /** Which storage keeps the release between sessions. */
  storage: string;
}

export type RefreshOutcome =
  | { kind: "updated"; previous: Held; held: Held; message: string }
  | { kind: "current"; held: Held; message: string }
  | { kind: "failed"; held: Held; message: string; code: string };

/** What a listener hears: "held" when the answering release changed (recalculate), "history" when only REVISIONS' history did, "status" for progress and checks. */
export type FeedEvent = { type: "held" | "history" | "status"; state: FeedState };

export interface StartResult {
  /** The release restored from storage at start, when it replaced the bundled one. */
  restored: Held | null;
  /** The start-up check, when one was due. */
  check: RefreshOutcome | null;
}

export interface FeedOptions {
  /** The catalogue of the release bundled with the add-in. */
  bundled: Catalog;
  /** The public key the build embeds; null: this build cannot verify releases, so it never downloads one. */
  publicKey: ReleasePublicKey | null;
  /** The add-in's own data folder (`<add-in address>/data/`). */
  defaultDataUrl: string;
  store: FeedStore;
  /** The network (default: the global fetch). */
  fetch?: FetchReleaseOptions["fetch"];
  now?: () => Date;
  /** How long each download may take (default 30 s). */
  timeoutMs?: number;
  progressIntervalMs?: number;
  /** Plain http to this machine, for tests only. */
  allowInsecureLocalhost?: boolean;
  /** How many downloaded releases are kept for offline use and REVISIONS (default 12). */
  keepReleases?: number;
  /** What functions.js already restored on this page (restore.ts restoreEarly): taken over, not read again. */
  early?: Promise<EarlyRestore | null>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const words = (e: unknown) => (e instanceof Error ? e.message : String(e));
const end = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);
const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString("en-US")} KB`;

/** `<version>+<8 hex digits>`, as the workbook stamp records a release. */
export const dataVersionOf = (c: Catalog): string => (c.release ? `${c.release.version}+${c.release.hash.slice(0, 8)}` : "unreleased");

/** The version part of a stamp's data version (`2026.11.1+9959b4de` → `2026.11.1`), or null when it names no release. */
export function versionOfDataVersion(dataVersion: string): string | null {
  const v = dataVersion.split("+")[0] ?? "";
  return isReleaseVersion(v) ? v : null;
}

/**
 * A data address as the user typed it, checked: empty means the add-in's own; anything else must be an https://
 * address (plain http only to this machine, and only where tests allow it).
 * @example
 * checkDataUrl("https://data.example.org/skynet") //=> { ok: true, url: "https://data.example.org/skynet/" }
 * checkDataUrl("http://data.example.org/") //=> { ok: false, message: "The data address must start with https:// …" }
 */
export function checkDataUrl(text: string, allowInsecureLocalhost = false): { ok: true; url: string | null } | { ok: false; message: string } {
  const t = text.trim();
  if (t === "") return { ok: true, url: null };
  let url: URL;
  try {
    url = new URL(t);
  } catch {
    return { ok: false, message: `"${t}" is not a web address: give the full address of the release folder, such as https://data.example.org/skynet/.` };
  }
  const local = url.protocol === "http:" && allowInsecureLocalhost && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !local) {
    return { ok: false, message: `The data address must start with https:// (got "${t}"): releases are only downloaded over HTTPS, so that nobody on the network can change the figures on the way.` };
  }
  if (url.username || url.password) return { ok: false, message: "The data address must not carry a user name or password." };
  url.search = "";
  url.hash = "";
  if (/\/(latest|index)\.json$/.test(url.pathname)) url.pathname = url.pathname.replace(/[^/]+$/, "");
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return { ok: true, url: url.href };
}

/** The data feed. One per runtime (see shared.ts): the custom functions and the pane listen to the same one. */
export class DataFeed {
  private bundled: Catalog;
  private held: Held;
  private history: ReleaseHistory | undefined;
  private settings: FeedSettings = { ...DEFAULT_SETTINGS };
  private lastCheck: CheckRecord | null = null;
  private progress: string | null = null;
  private notice: string | null = null;
  /** Verified releases available for the history, by hash (the bundled one, those restored and downloaded). */
  private known = new Map<string, { catalog: Catalog; text: string | null }>();
  private listeners = new Set<(event: FeedEvent) => void>();
  private started: Promise<StartResult> | null = null;
  private running: Promise<RefreshOutcome> | null = null;
  private readonly now: () => Date;

  constructor(private readonly options: FeedOptions) {
    this.now = options.now ?? (() => new Date());
    this.bundled = options.bundled;
    this.held = this.heldOf(options.bundled, "bundled", null, null, false);
    this.known.set(this.held.hash, { catalog: options.bundled, text: null });
  }

  /** Everything the pane shows about the data. */
  state(): FeedState {
    return {
      held: this.held,
      history: this.history,
      settings: { ...this.settings },
      dataUrl: this.dataUrl(),
      lastCheck: this.lastCheck,
      progress: this.progress,
      notice: this.notice,
      storage: this.options.store.kind,
    };
  }

  /** Hears every change; returns the function that stops listening. */
  subscribe(listener: (event: FeedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The bundled release's full catalogue (the pane's, with the changelog and descriptions) in place of the functions'
   * view of it (functions.js bundles the release without its prose). Same release, same answers: no recalculation.
   */
  useBundledCatalogue(catalog: Catalog): void {
    if (catalog.release?.hash !== this.bundled.release?.hash) return;
    this.bundled = catalog;
    this.known.set(catalog.release!.hash, { catalog, text: null });
    if (this.held.from === "bundled") this.held = { ...this.held, catalog };
    this.rebuildHistory();
    this.emit("history");
  }

  /**
   * Start of a session (the shared runtime, or the preview): reads the settings, restores the last good release from
   * storage when it is newer than the bundled one (or pinned), then checks the data address if a check is due.
   * Runs once; later calls return the same result.
   */
  start(options: { check?: boolean } = {}): Promise<StartResult> {
    this.started ??= (async () => {
      const store = this.options.store;
      const [settingsText, cacheText, checkText] = await Promise.all([store.getItem(STORE_KEYS.settings), store.getItem(STORE_KEYS.cache), store.getItem(STORE_KEYS.lastCheck)]).catch((e: unknown) => {
        this.notice = `The stored releases could not be read (${words(e)}); the bundled release answers.`;
        return [null, null, null] as const;
      });
      const read = readSettings(settingsText);
      this.settings = read.settings;
      this.notice ??= read.notice;
      try {
        this.lastCheck = checkText ? (JSON.parse(checkText) as CheckRecord) : null;
      } catch {
        this.lastCheck = null;
      }
      const restored = await this.restore(readCache(cacheText));
      if (restored) this.emit("held");
      else this.emit("status");
      const due = options.check !== false && this.checkDue();
      const check = due ? await this.refresh() : null;
      return { restored, check };
    })();
    return this.started;
  }

  /** Whether the start-up check is due: never checked, or checked longer ago than the interval. */
  checkDue(): boolean {
    if (!this.lastCheck || this.settings.checkEveryHours === 0) return true;
    const at = Date.parse(this.lastCheck.at);
    return !Number.isFinite(at) || this.now().getTime() - at >= this.settings.checkEveryHours * 3_600_000;
  }

  /**
   * Fetches latest.json from the data address (or the pinned release), verifies the release it names, keeps it and
   * swaps it in. Never throws: a fault is an outcome with words, and the release held stays. One at a time: a call
   * during a refresh gets that refresh's outcome.
   */
  refresh(options: { onProgress?: (p: FetchProgress) => void; signal?: AbortSignal } = {}): Promise<RefreshOutcome> {
    this.running ??= this.runRefresh(options).finally(() => {
      this.running = null;
      this.progress = null;
      this.emit("status");
    });
    return this.running;
  }

  /** Changes the settings (a data address is checked first); saves them. */
  async updateSettings(patch: { dataUrl?: string; checkEveryHours?: number }): Promise<{ ok: true } | { ok: false; message: string }> {
    const next = { ...this.settings };
    if (patch.dataUrl !== undefined) {
      const checked = checkDataUrl(patch.dataUrl, this.options.allowInsecureLocalhost);
      if (!checked.ok) return checked;
      next.dataUrl = checked.url;
    }
    if (patch.checkEveryHours !== undefined) {
      if (!Number.isFinite(patch.checkEveryHours) || patch.checkEveryHours < 0 || patch.checkEveryHours > 24 * 366) return { ok: false, message: "Check every: give a number of hours from 0 (at every start) to 8784 (a year)." };
      next.checkEveryHours = patch.checkEveryHours;
    }
    this.settings = next;
    await this.save(STORE_KEYS.settings, JSON.stringify(this.settings));
    this.emit("status");
    return { ok: true };
  }

  /**
   * Pins a release (held whatever its age, even older than the one held) or, with null, follows latest.json again
   * (from the newest release held or bundled). Then refreshes and returns what came of it.
   */
  async pin(version: string | null): Promise<RefreshOutcome> {
    if (version !== null && !isReleaseVersion(version)) {
      return { kind: "failed", held: this.held, code: "invalid-argument", message: `"${version}" is not a release version: give one such as 2026.11.1 (the releases listed in the data folder's index.json).` };
    }
    this.settings = { ...this.settings, pinned: version };
    await this.save(STORE_KEYS.settings, JSON.stringify(this.settings));
    if (version === null && this.held.pinned) {
      // Back to following latest.json: from the newest release there is, never from an old pinned one.
      const newest = [...this.known.values()].map((k) => k.catalog).sort((a, b) => compareReleaseVersions(b.release!.version, a.release!.version))[0]!;
      const entry = (await this.cacheRecord()).releases.find((r) => r.hash === newest.release!.hash) ?? null;
      this.swap(this.heldOf(newest, entry ? "cached" : "bundled", entry?.downloadedAt ?? null, entry?.url ?? null, false));
      await this.writeCache();
    }
    return this.refresh();
  }

  /**
   * The releases from `fromVersion` (the one a workbook was loaded under) to the one held, oldest first, for the
   * refresh report; missing ones are downloaded from the data address's index.json and verified. `complete` is false
   * when some could not be had (the words say which and why).
   */
  async releasesSince(fromVersion: string | null): Promise<{ catalogs: Catalog[]; complete: boolean; message: string | null }> {
    const to = this.held.version;
    const span = () => this.chain().filter((c) => fromVersion === null || compareReleaseVersions(c.release!.version, fromVersion) >= 0);
    const has = (v: string) => this.chain().some((c) => c.release!.version === v);
    if (fromVersion === null || has(fromVersion) || compareReleaseVersions(fromVersion, to) >= 0) return { catalogs: span(), complete: true, message: null };
    const message = await this.completeHistory(fromVersion);
    return { catalogs: span(), complete: has(fromVersion), message };
  }

  // ---- internals ----

  private dataUrl(): string {
    return this.settings.dataUrl ?? this.options.defaultDataUrl;
  }

  private heldOf(catalog: Catalog, from: HeldFrom, downloadedAt: string | null, url: string | null, pinned: boolean): Held {
    const r = catalog.release;
    if (!r) throw new SkynetError("invalid-release", "the data feed holds releases only");
    return { catalog, version: r.version, date: r.date, hash: r.hash, dataVersion: dataVersionOf(catalog), from, downloadedAt, url, pinned };
  }

  private emit(type: FeedEvent["type"]): void {
    const event = { type, state: this.state() };
    for (const l of [...this.listeners]) {
      try {
        l(event);
      } catch {
        // a listener's failure is its own: the feed and the other listeners go on
      }
    }
  }

  private fetchOptions(onProgress?: (p: FetchProgress) => void, signal?: AbortSignal): FetchReleaseOptions {
    const heldText = this.known.get(this.held.hash)?.text ?? null;
    const version = this.held.version;
    const base = this.options.fetch ?? ((input: string, init?: RequestInit) => globalThis.fetch(input, init));
    return {
      publicKey: this.options.publicKey!,
      timeoutMs: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      ...(this.options.progressIntervalMs ? { progressIntervalMs: this.options.progressIntervalMs } : {}),
      ...(this.options.allowInsecureLocalhost ? { allowInsecureLocalhost: true } : {}),
      ...(signal ? { signal } : {}),
      // The release already held is not downloaded again: its stored text, exactly as downloaded, is checked in its place.
      fetch: (input, init) =>
        heldText !== null && new URL(input).pathname.endsWith(`/releases/${version}.json`)
          ? Promise.resolve(new Response(heldText, { status: 200, headers: { "content-type": "application/json" } }))
          : base(input, init),
      onProgress: (p) => {
        this.progress = progressWords(p);
        this.emit("status");
        onProgress?.(p);
      },
    };
  }

  private async runRefresh(options: { onProgress?: (p: FetchProgress) => void; signal?: AbortSignal }): Promise<RefreshOutcome> {
    const held = this.held;
    const dataUrl = this.dataUrl();
    const fail = async (code: string, message: string): Promise<RefreshOutcome> => {
      await this.recordCheck(false, message);
      return { kind: "failed", held, code, message };
    };
    if (!this.options.publicKey) return fail("no-key", "this build of the add-in has no public key to check releases with, so it never downloads one (build it with SKYNET_RELEASE_PUBLIC_KEY).");
    const address = checkDataUrl(dataUrl, this.options.allowInsecureLocalhost);
    if (!address.ok) return fail("invalid-argument", address.message);
    const pinned = this.settings.pinned;
    let fetched: FetchedRelease;
    try {
      fetched = pinned ? await fetchRelease(pinned, { ...this.fetchOptions(options.onProgress, options.signal), dataUrl }) : await fetchLatest(dataUrl, { ...this.fetchOptions(options.onProgress, options.signal), notBefore: held.version });
    } catch (e) {
      return fail(e instanceof SkynetError ? e.code : "error", end(words(e)));
    }
    const release = fetched.catalog.release!;
    if (release.hash === held.hash) {
      if (held.pinned !== Boolean(pinned)) this.held = { ...held, pinned: Boolean(pinned) };
      const message = pinned ? `Release ${release.version} is pinned and held.` : `Up to date: release ${release.version} is the latest at ${dataUrl}.`;
      await this.recordCheck(true, message);
      return { kind: "current", held: this.held, message };
    }
    const downloadedAt = this.now().toISOString();
    this.known.set(release.hash, { catalog: fetched.catalog, text: fetched.text });
    const next = this.heldOf(fetched.catalog, "downloaded", downloadedAt, fetched.url, Boolean(pinned));
    await this.keep(fetched, downloadedAt);
    // A release that does not follow the one held (one or more were skipped): fetch those in between for the history.
    if (!this.chainFrom(next.catalog).some((c) => c.release!.hash === held.hash) && !pinned) await this.completeHistory(held.version, next.catalog);
    this.swap(next);
    await this.writeCache();
    const message = `Release ${release.version} (${release.date}) is now in use${pinned ? " (pinned)" : ""}, in place of ${held.version}.`;
    await this.recordCheck(true, message);
    return { kind: "updated", previous: held, held: this.held, message };
  }

  /** Makes a release the one held, with the history that leads to it, and tells the listeners. */
  private swap(next: Held): void {
    this.held = next;
    this.rebuildHistory();
    this.emit("held");
  }

  /** The releases known that lead to `catalog`, oldest first, following each one's `previous` back. */
  private chainFrom(catalog: Catalog): Catalog[] {
    const byHash = new Map([...this.known.values()].map((k) => [k.catalog.release!.hash, k.catalog]));
    const chain = [catalog];
    for (let c = catalog; c.release!.previous; ) {
      const before = byHash.get(c.release!.previous.hash);
      if (!before || before.release!.version !== c.release!.previous.version) break;
      chain.unshift(before);
      c = before;
    }
    return chain;
  }

  private chain(): Catalog[] {
    return this.history ? [...this.history.catalogs] : [this.held.catalog];
  }

  private rebuildHistory(): void {
    const chain = this.chainFrom(this.held.catalog);
    try {
      this.history = chain.length > 1 ? releaseHistory(chain) : undefined;
    } catch {
      this.history = undefined;
    }
  }

  /**
   * Downloads, verifies and keeps the releases of the data address's index.json between `fromVersion` and the one
   * held (or `upTo`) that are not known yet. Returns words when something could not be had, else null.
   */
  private async completeHistory(fromVersion: string, upTo: Catalog = this.held.catalog): Promise<string | null> {
    const dataUrl = this.dataUrl();
    const top = upTo.release!.version;
    const knownVersions = new Set([...this.known.values()].map((k) => k.catalog.release!.version));
    try {
      const { index } = await fetchReleaseIndex(dataUrl, this.fetchOptions());
      const wanted = index.releases.filter((r) => compareReleaseVersions(r.version, fromVersion) >= 0 && compareReleaseVersions(r.version, top) < 0 && !knownVersions.has(r.version));
      for (const entry of wanted) {
        const got = await fetchRelease(entry.version, { ...this.fetchOptions(), dataUrl });
        this.known.set(got.catalog.release!.hash, { catalog: got.catalog, text: got.text });
        await this.keep(got, this.now().toISOString());
      }
      this.rebuildHistory();
      if (upTo === this.held.catalog) this.emit("history");
      const missing = !this.chainFrom(upTo).some((c) => c.release!.version === fromVersion);
      return missing ? `release ${fromVersion} is not listed in index.json at ${dataUrl}, so the changes since it cannot all be explained.` : null;
    } catch (e) {
      return `the releases between ${fromVersion} and ${top} could not be downloaded (${words(e)}).`;
    }
  }

  private async cacheRecord(): Promise<CacheRecord> {
    return readCache(await this.options.store.getItem(STORE_KEYS.cache).catch(() => null));
  }

  /** Restores the held release from storage, when it is newer than the bundled one or pinned; null when the bundled one stays. */
  private async restore(cache: CacheRecord): Promise<Held | null> {
    const store = this.options.store;
    const want = cache.held;
    const pinned = this.settings.pinned;
    let restored: Held | null = null;
    if (want && (pinned ? want.version === pinned : compareReleaseVersions(want.version, this.held.version) > 0)) {
      try {
        const early = await (this.options.early ?? Promise.resolve(null)).catch(() => null);
        let catalog: Catalog;
        let text: string | null;
        if (early && early.hash === want.hash) {
          if (!(await early.verified)) throw new Error("its text is not the text that was verified and kept (damaged in storage)");
          ({ catalog, text } = early);
        } else {
          text = await store.getItem(STORE_KEYS.release(want.version));
          if (text === null) throw new Error("its file is missing from storage");
          catalog = await readKeptRelease(text, { hash: want.hash, digest: cache.releases.find((r) => r.hash === want.hash)?.digest });
        }
        this.known.set(want.hash, { catalog, text });
        restored = this.heldOf(catalog, "cached", want.downloadedAt, want.url, Boolean(pinned));
        this.held = restored;
      } catch (e) {
        this.notice = `The release kept for offline use (${want.version}) could not be read back (${words(e)}); the bundled release ${this.held.version} answers until the data address is reached.`;
        await store.removeItem(STORE_KEYS.release(want.version)).catch(() => undefined);
      }
    }
    // The other releases kept (for REVISIONS and the refresh report), verified as they are read back.
    for (const r of cache.releases) {
      if (this.known.has(r.hash)) continue;
      try {
        const text = await store.getItem(STORE_KEYS.release(r.version));
        if (text === null) continue;
        this.known.set(r.hash, { catalog: await readKeptRelease(text, r), text });
      } catch {
        await store.removeItem(STORE_KEYS.release(r.version)).catch(() => undefined);
      }
    }
    this.rebuildHistory();
    return restored;
  }

  /** Keeps a verified release's text for offline use (writeCache then records which one is held). */
  private async keep(fetched: FetchedRelease, downloadedAt: string): Promise<void> {
    const saved = await this.save(STORE_KEYS.release(fetched.release.version), fetched.text);
    if (!saved) return;
    const digest = await textDigest(fetched.text);
    const cache = await this.cacheRecord();
    const releases = [...cache.releases.filter((r) => r.version !== fetched.release.version), { version: fetched.release.version, hash: fetched.release.hash, downloadedAt, url: fetched.url, ...(digest ? { digest } : {}) }];
    await this.save(STORE_KEYS.cache, JSON.stringify({ ...cache, releases } satisfies CacheRecord));
  }

  /** Writes which release is held, and drops the oldest kept releases beyond the limit. */
  private async writeCache(): Promise<void> {
    const cache = await this.cacheRecord();
    const h = this.held;
    const heldEntry = h.from === "bundled" ? null : { version: h.version, hash: h.hash, downloadedAt: h.downloadedAt ?? this.now().toISOString(), url: h.url ?? "", pinned: h.pinned };
    const keep = this.options.keepReleases ?? 12;
    const sorted = [...cache.releases].sort((a, b) => compareReleaseVersions(b.version, a.version));
    const kept = sorted.filter((r, i) => i < keep || r.version === h.version);
    for (const r of sorted.filter((x) => !kept.includes(x))) await this.options.store.removeItem(STORE_KEYS.release(r.version)).catch(() => undefined);
    await this.save(STORE_KEYS.cache, JSON.stringify({ held: heldEntry, releases: kept.reverse() } satisfies CacheRecord));
  }

  private async recordCheck(ok: boolean, message: string): Promise<void> {
    this.lastCheck = { at: this.now().toISOString(), ok, message };
    await this.save(STORE_KEYS.lastCheck, JSON.stringify(this.lastCheck));
    this.emit("status");
  }

  /** Writes to the store; a full or failing store is a notice, never a failure (the release still answers this session). */
  private async save(key: string, value: string): Promise<boolean> {
    try {
      await this.options.store.setItem(key, value);
      return true;
    } catch (e) {
      this.notice = `The release could not be kept for offline use (${this.options.store.kind}: ${words(e)}); it answers for this session only.`;
      return false;
    }
  }
}

/**
 * A download's progress in words, for the pane.
 * @example
 * progressWords({ document: "release 2026.12.0", url: "https://…", receivedBytes: 81920, totalBytes: 184320, elapsedMs: 1200, timeoutMs: 30000 })
 * //=> "Downloading release 2026.12.0: 80 KB of 180 KB (1 s; gives up after 30 s)…"
 */
export function progressWords(p: FetchProgress): string {
  const seconds = Math.floor(p.elapsedMs / 1000);
  const of = p.totalBytes ? ` of ${kb(p.totalBytes)}` : "";
  const host = (() => {
    try {
      return new URL(p.url).host;
    } catch {
      return p.url;
    }
  })();
  if (p.receivedBytes === 0) return `Waiting for ${p.document} from ${host} (${seconds} s; gives up after ${Math.round(p.timeoutMs / 1000)} s)…`;
  return `Downloading ${p.document}: ${kb(p.receivedBytes)}${of} (${seconds} s; gives up after ${Math.round(p.timeoutMs / 1000)} s)…`;
}
