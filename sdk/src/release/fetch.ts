// Verified fetching of published releases (the folder `skynet-data release` writes; see published.ts). Only `fetch`
// and WebCrypto: the same code runs in Node 20, browsers and Excel's webviews. Every fault is a SkynetError in words:
// "unreachable" when a document could not be downloaded, "invalid-release" when what came is not a release to load.
import type { Catalog } from "../core/catalog.js";
import { SkynetError } from "../core/errors.js";
import { RELEASE_FORMAT } from "./constants.js";
import type { Release } from "./format.js";
import { releaseHistory, type ReleaseHistory } from "./history.js";
import { catalogOfRelease, readRelease } from "./load.js";
import { parseJsonDocument, readPublished, readReleaseIndex, RELEASE_FOLDER, type PublishedRelease, type ReleaseIndex } from "./published.js";
import { keyIdOf, verifySignature, type ReleasePublicKey } from "./signature.js";
import { compareReleaseVersions, isReleaseVersion } from "./version.js";

/** Where a download stands, reported when it starts, on every piece received and regularly while waiting. */
export interface FetchProgress {
  /** Which document: `latest.json`, `index.json` or `release <version>`. */
  document: string;
  url: string;
  receivedBytes: number;
  /** The expected size when known (announced by latest.json or the server), else null. */
  totalBytes: number | null;
  elapsedMs: number;
  timeoutMs: number;
}

export interface FetchReleaseOptions {
  /** The public key (JWK, as public-key.json holds it) the release's signature must verify with. Required. */
  publicKey: ReleasePublicKey;
  /** How long each document may take, from the request to the last byte (default 30 000 ms). */
  timeoutMs?: number;
  /** The fetch to use (default the global one): tests and hosts with their own network layer pass theirs. */
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
  /** Called as a download progresses, and every `progressIntervalMs` while a server keeps us waiting. */
  onProgress?: (progress: FetchProgress) => void;
  /** How often `onProgress` hears of a download that makes no progress (default 250 ms). */
  progressIntervalMs?: number;
  /** Allow plain http:// to localhost, 127.0.0.1 and [::1], for tests. Everything else must be https://. */
  allowInsecureLocalhost?: boolean;
  /** Refuse a release older than this version (the one already held): an older release never replaces a newer one. */
  notBefore?: string;
  /** Cancels the download. */
  signal?: AbortSignal;
}

/** A release downloaded and verified: size, hash, signature and format checked. */
export interface FetchedRelease {
  catalog: Catalog;
  release: Release;
  /** The release file's text, exactly as downloaded. */
  text: string;
  /** What latest.json (or the index entry) said of it. */
  latest: PublishedRelease;
  /** Where the release file was downloaded from. */
  url: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** Upper bounds on what is read: latest.json is a few hundred bytes, an index a few hundred per release. */
const MAX_POINTER_BYTES = 64 * 1024;
const MAX_INDEX_BYTES = 4 * 1024 * 1024;
const MAX_RELEASE_BYTES = 64 * 1024 * 1024;

const unreachable = (message: string): never => {
  throw new SkynetError("unreachable", message);
};
const invalid = (message: string): never => {
  throw new SkynetError("invalid-release", message);
};
const short = (hash: string) => `${hash.slice(0, 12)}…`;
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The address, if it is one we may download a release from: https, or http to localhost when allowed. */
function checkAddress(url: URL, options: FetchReleaseOptions, what: string): URL {
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:" && options.allowInsecureLocalhost && LOCAL_HOSTS.has(url.hostname)) return url;
  const local = url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname) ? " (plain http to this machine is allowed only with allowInsecureLocalhost, for tests)" : "";
  throw new SkynetError("invalid-argument", `${what} must be an https:// address, got "${url.href}"${local}: releases are only downloaded over HTTPS`);
}

function parseAddress(address: string, options: FetchReleaseOptions, what: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new SkynetError("invalid-argument", `${what} must be a full https:// address, got ${JSON.stringify(address)}`);
  }
  return checkAddress(url, options, what);
}

/** The folder address: ends with a slash; a trailing latest.json or index.json is taken off. */
function folderOf(dataUrl: string, options: FetchReleaseOptions): URL {
  const url = parseAddress(dataUrl, options, "the data address");
  url.search = "";
  url.hash = "";
  if (/\/(latest|index)\.json$/.test(url.pathname)) return new URL(".", url);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url;
}

/** The error code of a failed connection, wherever Node or a browser put it. */
function causeCode(e: unknown): string | undefined {
  for (let x: unknown = e, depth = 0; x && typeof x === "object" && depth < 5; x = (x as { cause?: unknown }).cause, depth++) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === "string") return code;
    const errors = (x as { errors?: unknown }).errors;
    if (Array.isArray(errors)) for (const inner of errors) if (typeof (inner as { code?: unknown })?.code === "string") return (inner as { code: string }).code;
  }
  return undefined;
}

const CERTIFICATE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;

/** Words for a connection that failed before any answer came. */
function connectionWords(e: unknown, url: URL): string {
  const code = causeCode(e);
  const offline = (globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine === false;
  if (offline) return `cannot reach ${url.href}: this computer is offline; connect to the network and refresh again`;
  if (code === "ECONNREFUSED") return `cannot reach ${url.href}: the connection was refused (no server is listening at ${url.host}; is the data address right, and the server up?)`;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `cannot reach ${url.href}: the host name ${url.hostname} does not resolve (offline, or a mistyped address)`;
  if (code === "ENETUNREACH" || code === "EHOSTUNREACH") return `cannot reach ${url.href}: the network is unreachable (offline?)`;
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return `cannot reach ${url.href}: the connection was reset by the server or the network`;
  if (code && CERTIFICATE.test(code)) return `cannot reach ${url.href}: the server's HTTPS certificate is not trusted (${code})`;
  const detail = e instanceof Error ? e.message : String(e);
  return `cannot reach ${url.href}: offline, or the server refused the connection (${code ? `${code}: ` : ""}${detail})`;
}

const STATUS_TEXT: Record<number, string> = { 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 410: "Gone", 429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout" };

function httpWords(status: number, statusText: string, url: URL, document: string): string {
  const said = `HTTP ${status}${statusText || STATUS_TEXT[status] ? ` ${statusText || STATUS_TEXT[status]}` : ""}`;
  if (status === 404 || status === 410) return `${document} is not at ${url.href} (${said}): nothing is published at this address; is the data address right?`;
  if (status === 401 || status === 403) return `${document} at ${url.href} is not open to us (${said}): the host must serve the release folder to anyone`;
  if (status >= 500) return `${document} at ${url.href} could not be served (${said}): the server failed; try again later`;
  return `${document} at ${url.href} was refused (${said})`;
}

/** Downloads one document with a deadline, a size limit and progress reports; returns its text and its size in bytes. */
async function download(url: URL, document: string, options: FetchReleaseOptions, limit: { max: number; expected?: number }): Promise<{ text: string; size: number }> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = options.fetch ?? ((input: string, init?: RequestInit) => globalThis.fetch(input, init));
  const started = Date.now();
  const controller = new AbortController();
  let timedOut = false;
  let received = 0;
  let total: number | null = limit.expected ?? null;
  const report = () => options.onProgress?.({ document, url: url.href, receivedBytes: received, totalBytes: total, elapsedMs: Date.now() - started, timeoutMs });
  const cancel = () => controller.abort();
  if (options.signal?.aborted) unreachable(`the download of ${document} from ${url.href} was cancelled`);
  options.signal?.addEventListener("abort", cancel);
  const deadline = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const ticker = options.onProgress ? setInterval(report, options.progressIntervalMs ?? 250) : undefined;
  /** Throws the words for a download stopped by the deadline or by the caller; returns for any other failure. */
  const stopped = (): void => {
    if (timedOut) unreachable(`${document} at ${url.href} did not arrive within ${timeoutMs / 1000} s (${received} bytes received): the server is too slow or the connection stalled; try again later`);
    if (options.signal?.aborted) unreachable(`the download of ${document} from ${url.href} was cancelled`);
  };
  try {
    report();
    let response: Response;
    try {
      response = await doFetch(url.href, { signal: controller.signal, headers: { accept: "application/json" }, cache: document.startsWith("release ") ? "default" : "no-cache", redirect: "follow" });
    } catch (e) {
      stopped();
      return unreachable(connectionWords(e, url));
    }
    if (response.url) checkAddress(new URL(response.url), options, `${document}, redirected,`);
    if (!response.ok) unreachable(httpWords(response.status, response.statusText, url, document));
    const announced = Number(response.headers.get("content-length"));
    if (total === null && Number.isSafeInteger(announced) && announced > 0) total = announced;
    const chunks: Uint8Array[] = [];
    const tooBig = () =>
      invalid(
        limit.expected !== undefined
          ? `${document} at ${url.href} is larger than the ${limit.expected} bytes announced for it: it was replaced without being published again; nothing was loaded`
          : `${document} at ${url.href} is larger than ${limit.max} bytes: it is not a ${document}`,
      );
    try {
      if (response.body) {
        const reader = response.body.getReader();
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            received += value.byteLength;
            if (received > (limit.expected ?? limit.max)) tooBig();
            chunks.push(value);
            report();
          }
        } finally {
          if (received > (limit.expected ?? limit.max)) await reader.cancel().catch(() => undefined);
        }
      } else {
        const bytes = new Uint8Array(await response.arrayBuffer());
        received = bytes.byteLength;
        if (received > (limit.expected ?? limit.max)) tooBig();
        chunks.push(bytes);
        report();
      }
    } catch (e) {
      if (e instanceof SkynetError) throw e;
      stopped();
      unreachable(`the connection to ${url.host} broke off after ${received} bytes of ${document} (${e instanceof Error ? e.message : String(e)}): the download is incomplete; try again`);
    }
    const bytes = new Uint8Array(received);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
    return { text: new TextDecoder().decode(bytes), size: received };
  } finally {
    clearTimeout(deadline);
    if (ticker !== undefined) clearInterval(ticker);
    options.signal?.removeEventListener("abort", cancel);
  }
}

/** The checks made on a release's description before its file is downloaded: its format, its age, its signature. */
async function checkDescription(p: PublishedRelease, where: string, options: FetchReleaseOptions): Promise<void> {
  if (p.format > RELEASE_FORMAT) invalid(`release ${p.version} is in release format ${p.format}, newer than this version of Sky Net Data reads (format ${RELEASE_FORMAT}): update the add-in or the SDK`);
  if (options.notBefore !== undefined && compareReleaseVersions(p.version, options.notBefore) < 0) {
    invalid(`${where} offers release ${p.version}, older than the release already held (${options.notBefore}): an older release never replaces a newer one`);
  }
  if (!options.publicKey) throw new SkynetError("invalid-argument", "a public key is required to check release signatures (the JWK in public-key.json of the release folder, embedded in the build)");
  const trusted = await keyIdOf(options.publicKey);
  if (!(await verifySignature(p.hash, p.signature, options.publicKey))) {
    if (p.keyId !== trusted) invalid(`the signature of release ${p.version} does not verify: it was signed with key ${p.keyId}, and this build trusts key ${trusted} (another publisher's release, or the signing key changed); nothing was loaded`);
    invalid(`the signature of release ${p.version} does not verify with the trusted public key (key ${trusted}): ${where} or the release was altered, or someone else signed it; nothing was loaded`);
  }
}

/** Downloads the release a verified description points at and checks size, hash and that it is the one described. */
async function downloadRelease(p: PublishedRelease, base: URL, where: string, options: FetchReleaseOptions): Promise<FetchedRelease> {
  let url: URL;
  try {
    url = new URL(p.url, base);
  } catch {
    return invalid(`${where} gives no usable address for release ${p.version}: ${JSON.stringify(p.url)}`);
  }
  checkAddress(url, options, `the address of release ${p.version}`);
  if (p.size > MAX_RELEASE_BYTES) invalid(`${where} announces release ${p.version} as ${p.size} bytes, more than the ${MAX_RELEASE_BYTES} bytes a release may be`);
  const document = `release ${p.version}`;
  const { text, size } = await download(url, document, options, { max: MAX_RELEASE_BYTES, expected: p.size });
  if (size !== p.size) {
    if (text.trimStart().startsWith("<")) parseJsonDocument(text, `${document} at ${url.href}`);
    invalid(`${document} at ${url.href} is ${size} bytes, but ${where} announces ${p.size}: the download was cut short (truncated) or the file was replaced without being published again; nothing was loaded`);
  }
  let release: Release;
  try {
    release = readRelease(text);
  } catch (e) {
    if (e instanceof SkynetError) throw new SkynetError(e.code, `${e.message} (${url.href})`);
    throw e;
  }
  if (release.hash !== p.hash || release.version !== p.version) {
    invalid(`${url.href} holds release ${release.version} with hash ${short(release.hash)}, but ${where} announces release ${p.version} with hash ${short(p.hash)}: they do not belong together (a half-finished upload?); nothing was loaded`);
  }
  return { catalog: catalogOfRelease(release), release, text, latest: p, url: url.href };
}

/**
 * Downloads the newest release from a release folder (`<dataUrl>/latest.json`, then the release it names) and verifies
 * it: the address is https; latest.json is JSON of the right shape, in a format this SDK reads, not older than
 * `notBefore`, and its signature of the hash verifies with `publicKey` (all before the release is downloaded); the
 * release file has the announced size, matches its own hash and is the release latest.json announces. Throws a
 * `SkynetError` in words: "unreachable" (offline, connection refused, HTTP 404 or 500, slower than `timeoutMs`) or
 * "invalid-release" (HTML instead of JSON, truncated, altered, wrongly signed, a newer format, an older release);
 * "invalid-argument" for an address that is not https.
 *
 * @example
 * const { catalog, latest } = await fetchLatest("https://data.example.org/skynet/", { publicKey: PUBLIC_KEY, timeoutMs: 20_000 });
 * latest.version //=> "2026.11.1"
 * functionsFor(catalog).CAPTURES(2014) //=> 680
 */
export async function fetchLatest(dataUrl: string, options: FetchReleaseOptions): Promise<FetchedRelease> {
  const folder = folderOf(dataUrl, options);
  const url = new URL(RELEASE_FOLDER.latest, folder);
  const where = `latest.json at ${url.href}`;
  const { text } = await download(url, "latest.json", options, { max: MAX_POINTER_BYTES });
  const latest = readPublished(parseJsonDocument(text, where), where);
  await checkDescription(latest, "latest.json", options);
  return downloadRelease(latest, url, "latest.json", options);
}

/**
 * Downloads a release folder's `index.json`: every release published there, oldest first, each with its date, hash,
 * size, address and signature (the signatures are checked when a release is downloaded).
 */
export async function fetchReleaseIndex(dataUrl: string, options: FetchReleaseOptions): Promise<{ index: ReleaseIndex; url: string }> {
  const url = new URL(RELEASE_FOLDER.index, folderOf(dataUrl, options));
  const where = `index.json at ${url.href}`;
  const { text } = await download(url, "index.json", options, { max: MAX_INDEX_BYTES });
  return { index: readReleaseIndex(parseJsonDocument(text, where), where), url: url.href };
}

/**
 * Downloads one published release, by version or by the address of its file, and verifies it as fetchLatest does,
 * against its entry in the folder's `index.json` (which holds its size, hash and signature). A version needs
 * `dataUrl`, the release folder; for a file address the folder is `dataUrl` if given, else the folder above
 * `releases/` in the address (the layout `skynet-data release` writes).
 *
 * @example
 * await fetchRelease("2026.11.0", { dataUrl: "https://data.example.org/skynet/", publicKey: PUBLIC_KEY })
 * await fetchRelease("https://data.example.org/skynet/releases/2026.11.0.json", { publicKey: PUBLIC_KEY })
 */
export async function fetchRelease(versionOrUrl: string, options: FetchReleaseOptions & { dataUrl?: string }): Promise<FetchedRelease> {
  const byVersion = isReleaseVersion(versionOrUrl);
  let dataUrl = options.dataUrl;
  let fileUrl: URL | undefined;
  if (!byVersion) {
    fileUrl = parseAddress(versionOrUrl, options, "a release address");
    if (dataUrl === undefined) {
      if (!/\/releases\/[^/]+\.json$/.test(fileUrl.pathname)) {
        throw new SkynetError("invalid-argument", `cannot tell which release folder ${fileUrl.href} belongs to (its index.json holds the signature): pass dataUrl, the folder's address`);
      }
      dataUrl = new URL("..", fileUrl).href;
    }
  } else if (dataUrl === undefined) {
    throw new SkynetError("invalid-argument", `to download release ${versionOrUrl} by its version, pass dataUrl: the address of the release folder`);
  }
  const { index, url } = await fetchReleaseIndex(dataUrl, options);
  const entry = index.releases.find((r) => (byVersion ? r.version === versionOrUrl : new URL(r.url, url).href === fileUrl!.href));
  if (!entry) {
    const listed = index.releases.map((r) => r.version).join(", ") || "none";
    throw new SkynetError("invalid-argument", `${byVersion ? `release ${versionOrUrl}` : fileUrl!.href} is not published in index.json at ${url} (it lists ${listed})`);
  }
  return fromIndex(entry, url, options);
}

/** One index entry's release, verified. `notBefore` does not apply: an earlier release asked for by name is wanted. */
async function fromIndex(entry: PublishedRelease, indexUrl: string, options: FetchReleaseOptions): Promise<FetchedRelease> {
  await checkDescription(entry, `index.json at ${indexUrl}`, { ...options, notBefore: undefined });
  return downloadRelease(entry, new URL(indexUrl), `index.json at ${indexUrl}`, options);
}

/**
 * Downloads every release of a folder's index (up to `upTo`, default all), each verified, and returns them with their
 * history (releaseHistory), ready for revisionsFor. Refuses an index whose releases do not form an unbroken chain.
 *
 * @example
 * const { history } = await fetchHistory("https://data.example.org/skynet/", { publicKey: PUBLIC_KEY });
 * revisionsFor(catalog, history)("sky-net.returned", 2015) //=> the header, then one row per release that changed it
 */
export async function fetchHistory(dataUrl: string, options: FetchReleaseOptions & { upTo?: string }): Promise<{ history: ReleaseHistory; releases: FetchedRelease[] }> {
  const { index, url } = await fetchReleaseIndex(dataUrl, options);
  const wanted = index.releases.filter((r) => options.upTo === undefined || compareReleaseVersions(r.version, options.upTo) <= 0);
  const releases: FetchedRelease[] = [];
  for (const entry of wanted) releases.push(await fromIndex(entry, url, options));
  return { history: releaseHistory(releases.map((r) => r.catalog)), releases };
}
