// The one data feed of a runtime page, the public key the build embeds, and the add-in's own data address. The feed is
// kept on the window, so a second start of the pane's code on the same page finds the feed already there.
import { readPublicKey, type Catalog, type ReleasePublicKey } from "@skynet-data/sdk";
import { DataFeed, type FeedOptions } from "./feed.js";
import { runtimeStore } from "./store.js";

// The public key that checks release signatures, embedded by the build (add-in/scripts/release-data.ts): the JSON text
// of a JWK, or null when the build had none. Undefined outside a build (tests pass their key).
declare const __SKYNET_RELEASE_PUBLIC_KEY__: string | null | undefined;

const GLOBAL_KEY = "__skynetDataFeed";

/** The public key this build embeds, or null. */
export function embeddedPublicKey(): ReleasePublicKey | null {
  const text = typeof __SKYNET_RELEASE_PUBLIC_KEY__ === "undefined" ? null : __SKYNET_RELEASE_PUBLIC_KEY__;
  if (!text) return null;
  try {
    return readPublicKey(text, "the public key embedded in this build");
  } catch {
    return null;
  }
}

/**
 * The add-in's own data folder: `data/` beside the page that runs the add-in (taskpane.html is the shared runtime's
 * page), so a deployment under https://addin.example.org/skynet/ reads https://addin.example.org/skynet/data/.
 */
export function ownDataUrl(href: string | undefined = (globalThis as { location?: { href?: string } }).location?.href): string {
  try {
    return new URL("data/", href).href;
  } catch {
    return "https://localhost:3000/data/";
  }
}

/** The runtime's feed: the one already on the window, or a new one over the bundled catalogue, the embedded key and the runtime's storage. */
export function sharedFeed(bundled: Catalog, overrides: Partial<FeedOptions> = {}): DataFeed {
  const g = globalThis as Record<string, unknown>;
  const existing = g[GLOBAL_KEY] as DataFeed | undefined;
  if (existing) return existing;
  const feed = new DataFeed({ bundled, publicKey: embeddedPublicKey(), defaultDataUrl: ownDataUrl(), store: runtimeStore(), ...overrides });
  g[GLOBAL_KEY] = feed;
  return feed;
}
