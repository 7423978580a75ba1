// Reading back a release kept for offline use, at start-up. It was verified when it was downloaded (signature, size and
// the SHA-256 of its canonical body, by the SDK's fetchLatest); what start-up checks is that the stored text is byte for
// byte the text verified then: the SHA-256 of the text, computed by WebCrypto (native: under a millisecond for a
// release), against the digest recorded when it was kept (read-kept.ts does the same for the pane's data feed).
import type { Catalog, Release } from "@skynet-data/sdk";
// functions.js imports this module: it reads the SDK through @skynet-data/sdk/functions, never the whole public API
// (whose sheet plans and release downloads functions.js leaves to the pane).
import { catalogOfRelease, compareReleaseVersions } from "@skynet-data/sdk/functions";
import { readCache, readPinned, STORE_KEYS } from "./kept.js";
import type { FeedStore } from "./store.js";

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");

/** The SHA-256 of a text's UTF-8 bytes, hex, by WebCrypto; null where there is no WebCrypto (a page not served over HTTPS). */
export async function textDigest(text: string): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  return hex(await subtle.digest("SHA-256", new TextEncoder().encode(text)));
}

/** What functions.js restored before the pane's bundle ran; the feed takes it over instead of reading it again. */
export interface EarlyRestore {
  version: string;
  hash: string;
  catalog: Catalog;
  text: string;
  /** Whether the text proved to be the text verified when it was kept (its SHA-256 against the recorded digest). */
  verified: Promise<boolean>;
}

/**
 * functions.js's restore, as soon as it has registered the functions: the pane's bundle, which holds the data feed,
 * runs hundreds of milliseconds later, and the functions must not answer from the bundled release meanwhile. Reads the
 * release kept for offline use (when it is newer than the bundled one, or pinned), makes the functions answer from it
 * (`swap`), then checks its text against the digest recorded when it was verified and kept; if they differ, `revert`
 * puts the bundled release back (the feed then says the copy was damaged). Only reading: no download or signature
 * code, so functions.js stays small. Resolves null when there is nothing to restore; never rejects.
 */
export async function restoreEarly(store: Pick<FeedStore, "getItem">, bundledVersion: string, swap: (catalog: Catalog) => void, revert: () => void): Promise<EarlyRestore | null> {
  try {
    // Storage is read once functions.js has been evaluated: OfficeRuntime.storage answers asynchronously anyway, and a
    // page's localStorage, which reads synchronously, would hold up the evaluation that registers the functions.
    await null;
    const [settingsText, cacheText] = await Promise.all([store.getItem(STORE_KEYS.settings), store.getItem(STORE_KEYS.cache)]);
    let pinned: string | null = null;
    try {
      pinned = readPinned(settingsText === null ? null : (JSON.parse(settingsText) as { pinned?: unknown }));
    } catch {
      // unreadable settings: the defaults, nothing pinned (the feed says so in the pane)
    }
    const cache = readCache(cacheText);
    const want = cache.held;
    const digest = want && cache.releases.find((r) => r.hash === want.hash)?.digest;
    if (!want || !digest || !(pinned ? want.version === pinned : compareReleaseVersions(want.version, bundledVersion) > 0)) return null;
    const text = await store.getItem(STORE_KEYS.release(want.version));
    if (text === null) return null;
    const release = JSON.parse(text) as Release;
    if (release.hash !== want.hash || release.version !== want.version) return null;
    const catalog = catalogOfRelease(release);
    swap(catalog);
    const verified = textDigest(text).then(
      (d) => d === digest,
      () => false,
    );
    void verified.then((ok) => ok || revert());
    return { version: want.version, hash: want.hash, catalog, text, verified };
  } catch {
    return null;
  }
}
