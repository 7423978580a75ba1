// What the data feed keeps in its store, and how it is read back: the keys, the settings, and the record of the releases
// kept for offline use. Small on purpose: functions.js reads it too (restore.ts, early restore) without the feed.
// By path, not the SDK's public API: functions.js imports this module (see restore.ts).
import { isReleaseVersion } from "@skynet-data/sdk/functions";

/** The keys the feed writes in its store. */
export const STORE_KEYS = {
  settings: "SkyNetData.feed.settings",
  cache: "SkyNetData.feed.cache",
  lastCheck: "SkyNetData.feed.lastCheck",
  release: (version: string) => `SkyNetData.feed.release.${version}`,
} as const;

/** What the store says about the releases it keeps. */
export interface CacheRecord {
  held: { version: string; hash: string; downloadedAt: string; url: string; pinned: boolean } | null;
  /** `digest`: SHA-256 of the stored text, recorded when it was verified and kept (restore.ts). */
  releases: { version: string; hash: string; downloadedAt: string; url: string; digest?: string }[];
}

/** What a team can set in the pane. */
export interface FeedSettings {
  /** The data address (a release folder served over https); null: the add-in's own `data/` folder. */
  dataUrl: string | null;
  /** The shared runtime checks the data address when it starts, at most once per this many hours (0: at every start). */
  checkEveryHours: number;
  /** A release version to hold whatever its age; null: follow latest.json. */
  pinned: string | null;
}

export const DEFAULT_SETTINGS: FeedSettings = { dataUrl: null, checkEveryHours: 12, pinned: null };

/** The pinned release of settings as stored (a stored object's `pinned`), or null. Alone, for functions.js's early restore. */
export function readPinned(stored: { pinned?: unknown } | null | undefined): string | null {
  return isReleaseVersion(stored?.pinned) ? stored.pinned : null;
}

/** The settings as stored, or the defaults (with a notice when what was stored cannot be read). */
export function readSettings(text: string | null): { settings: FeedSettings; notice: string | null } {
  if (text === null) return { settings: { ...DEFAULT_SETTINGS }, notice: null };
  try {
    const s = JSON.parse(text) as Partial<FeedSettings>;
    return {
      settings: {
        dataUrl: typeof s.dataUrl === "string" && s.dataUrl ? s.dataUrl : null,
        checkEveryHours: typeof s.checkEveryHours === "number" && s.checkEveryHours >= 0 && Number.isFinite(s.checkEveryHours) ? s.checkEveryHours : DEFAULT_SETTINGS.checkEveryHours,
        pinned: readPinned(s),
      },
      notice: null,
    };
  } catch {
    return { settings: { ...DEFAULT_SETTINGS }, notice: "The stored data settings could not be read; the defaults apply." };
  }
}

/** The record of the releases kept, or an empty one. */
export function readCache(text: string | null): CacheRecord {
  const empty: CacheRecord = { held: null, releases: [] };
  if (text === null) return empty;
  try {
    const c = JSON.parse(text) as Partial<CacheRecord>;
    const releases = Array.isArray(c.releases) ? c.releases.filter((r) => r && isReleaseVersion(r.version) && typeof r.hash === "string") : [];
    const held = c.held && isReleaseVersion(c.held.version) && typeof c.held.hash === "string" ? c.held : null;
    return { held, releases };
  } catch {
    return empty;
  }
}
