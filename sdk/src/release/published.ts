// The release folder a static host serves, as `skynet-data release` writes it and fetchLatest reads it:
//
//   latest.json               the newest release: { format, version, date, hash, size, url, signature, keyId }
//   index.json                { releases: [the same for every version published there, oldest first] }
//   releases/<version>.json   each release, byte for byte as compiled
//   public-key.json           the public key (JWK) that checks the signatures
//
// `url` is relative to the folder (`releases/2026.11.0.json`); `size` is the release file's length in bytes;
// `signature` signs `hash` (see signature.ts); `keyId` is the signing key's RFC 7638 thumbprint. No schema library.
import { isIsoDate } from "../core/calendar.js";
import { SkynetError } from "../core/errors.js";
import { isReleaseVersion } from "./version.js";

/** One published release, as `latest.json` and each entry of `index.json` describe it. */
export interface PublishedRelease {
  /** The release format of the file (a reader refuses a newer one before downloading it). */
  format: number;
  version: string;
  /** The release date, ISO. */
  date: string;
  /** The release's SHA-256 (`release.hash`), 64 hex digits. */
  hash: string;
  /** The release file's length in bytes. */
  size: number;
  /** Where the release file is, relative to the folder (`releases/<version>.json`). */
  url: string;
  /** ECDSA P-256 signature of `hash`, base64url (signature.ts). */
  signature: string;
  /** The signing key's id (RFC 7638 thumbprint). */
  keyId: string;
}

/** `index.json`: every release published in the folder, oldest first. */
export interface ReleaseIndex {
  releases: PublishedRelease[];
}

/** The file names of a release folder. */
export const RELEASE_FOLDER = { latest: "latest.json", index: "index.json", publicKey: "public-key.json", releases: "releases" } as const;

/** Where a version's release file lives in a release folder, relative to it. */
export const releaseFilePath = (version: string): string => `${RELEASE_FOLDER.releases}/${version}.json`;

const invalid = (message: string): never => {
  throw new SkynetError("invalid-release", message);
};

/**
 * JSON text read as a document, or a `SkynetError("invalid-release")` saying it is an HTML page or does not parse
 * (truncated). `what` names the document in the words ("latest.json at https://…").
 */
export function parseJsonDocument(text: string, what: string): unknown {
  const head = text.trimStart();
  if (head.startsWith("<")) return invalid(`${what} is an HTML page, not JSON: is the data address right? (many hosts answer a missing file with an HTML page)`);
  if (head === "") return invalid(`${what} is empty`);
  try {
    return JSON.parse(text);
  } catch (e) {
    return invalid(`${what} is not complete JSON (${e instanceof Error ? e.message : String(e)}): the file may be truncated`);
  }
}

/** A published-release description checked for shape, or a `SkynetError("invalid-release")` naming the member at fault. */
export function readPublished(doc: unknown, what: string): PublishedRelease {
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) return invalid(`${what} is not a release description: it is not a JSON object`);
  const d = doc as Record<string, unknown>;
  const bad = (key: string, rule: string): never => invalid(`${what} is not a release description: "${key}" ${d[key] === undefined ? "is missing" : `must be ${rule}, got ${JSON.stringify(d[key])?.slice(0, 80)}`}`);
  if (typeof d.format !== "number" || !Number.isInteger(d.format) || d.format < 1) bad("format", "a whole number");
  if (!isReleaseVersion(d.version)) bad("version", "a release version YYYY.M.N");
  if (typeof d.date !== "string" || !isIsoDate(d.date)) bad("date", "an ISO date");
  if (typeof d.hash !== "string" || !/^[0-9a-f]{64}$/.test(d.hash)) bad("hash", "64 lower-case hex digits");
  if (typeof d.size !== "number" || !Number.isSafeInteger(d.size) || d.size < 1) bad("size", "a number of bytes");
  if (typeof d.url !== "string" || d.url.trim() === "") bad("url", "the release file's address");
  if (typeof d.signature !== "string" || !/^[A-Za-z0-9_-]{86}$/.test(d.signature)) bad("signature", "86 base64url characters");
  if (typeof d.keyId !== "string" || d.keyId === "") bad("keyId", "the signing key's id");
  const { format, version, date, hash, size, url, signature, keyId } = d as unknown as PublishedRelease;
  return { format, version, date, hash, size, url, signature, keyId };
}

/** `index.json` checked for shape: `{ releases: [...] }`, each entry well formed, each version once. */
export function readReleaseIndex(doc: unknown, what: string): ReleaseIndex {
  const releases = (doc as { releases?: unknown } | null)?.releases;
  if (doc === null || typeof doc !== "object" || Array.isArray(doc) || !Array.isArray(releases)) return invalid(`${what} is not a release index: it has no "releases" list`);
  const out = releases.map((r, i) => readPublished(r, `${what}, entry ${i + 1}`));
  const seen = new Set<string>();
  for (const r of out) {
    if (seen.has(r.version)) invalid(`${what} lists release ${r.version} twice`);
    seen.add(r.version);
  }
  return { releases: out };
}
