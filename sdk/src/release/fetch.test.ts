import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { SkynetError } from "../core/errors.js";
import { functionsFor } from "../functions/index.js";
import { fetchHistory, fetchLatest, fetchRelease, type FetchProgress, type FetchReleaseOptions } from "./fetch.js";
import type { PublishedRelease } from "./published.js";
import { generateSigningKey, keyIdOf, signRelease, type ReleasePrivateKey, type ReleasePublicKey } from "./signature.js";
import { revisionsFor } from "./history.js";

// A release folder served by node:http on 127.0.0.1 (plain http, allowed only with allowInsecureLocalhost), with
// throwaway keys. Each test sets the routes it needs; the server records what was asked for.
const releaseText = readFileSync(new URL("../releases/2026.11.0.json", import.meta.url), "utf8");
const release = JSON.parse(releaseText) as { version: string; date: string; hash: string; format: number };
const SIZE = Buffer.byteLength(releaseText);

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let server: Server;
let base: string;
let routes: Record<string, Handler> = {};
const requested: string[] = [];
let keys: { privateKey: ReleasePrivateKey; publicKey: ReleasePublicKey };
let keyId: string;

const json = (body: unknown): Handler => text(JSON.stringify(body));
function text(body: string, status = 200, type = "application/json"): Handler {
  return (_req, res) => {
    res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
    res.end(body);
  };
}

async function describeRelease(over: Partial<PublishedRelease> = {}): Promise<PublishedRelease> {
  const hash = over.hash ?? release.hash;
  return { format: 1, version: release.version, date: release.date, hash, size: SIZE, url: `releases/${release.version}.json`, signature: await signRelease(hash, keys.privateKey), keyId, ...over };
}

/** Serves latest.json and the release, as `skynet-data release` would publish them. */
async function publish(over: { latest?: Partial<PublishedRelease>; release?: Handler } = {}) {
  const latest = await describeRelease(over.latest);
  routes = { "/data/latest.json": json(latest), [`/data/releases/${release.version}.json`]: over.release ?? text(releaseText) };
  return latest;
}

const options = (more: Partial<FetchReleaseOptions & { dataUrl: string }> = {}): FetchReleaseOptions & { dataUrl?: string } => ({ publicKey: keys.publicKey, allowInsecureLocalhost: true, timeoutMs: 5000, ...more });

/** The SkynetError a promise rejects with (the test fails if it resolves or rejects with anything else). */
async function failure(p: Promise<unknown>): Promise<SkynetError> {
  const e = await p.then(
    () => new Error("it succeeded"),
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(SkynetError);
  return e as SkynetError;
}

beforeAll(async () => {
  keys = await generateSigningKey();
  keyId = await keyIdOf(keys.publicKey);
  server = createServer((req, res) => {
    requested.push(req.url ?? "");
    const route = routes[(req.url ?? "").split("?")[0]!];
    if (route) route(req, res);
    else text("<!doctype html><title>Not found</title>", 404, "text/html")(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/data/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
afterEach(() => {
  requested.length = 0;
  vi.unstubAllGlobals();
});

describe("fetchLatest", () => {
  it("downloads latest.json and the release it names, checks them, and returns the catalogue, the text and latest.json", async () => {
    const latest = await publish();
    const progress: FetchProgress[] = [];
    const got = await fetchLatest(base, options({ onProgress: (p) => progress.push(p) }));
    expect(got.latest).toEqual(latest);
    expect(got.text).toBe(releaseText);
    expect(got.url).toBe(`${base}releases/2026.11.0.json`);
    expect(got.catalog.release?.version).toBe("2026.11.0");
    expect(functionsFor(got.catalog).CAPTURES(2014)).toBe(680);
    expect(requested).toEqual(["/data/latest.json", "/data/releases/2026.11.0.json"]);
    expect(progress.at(-1)).toMatchObject({ document: "release 2026.11.0", receivedBytes: SIZE, totalBytes: SIZE });
    expect(progress.some((p) => p.document === "latest.json")).toBe(true);
  });

  it("takes the data address with or without its trailing slash, or as the address of latest.json", async () => {
    await publish();
    expect((await fetchLatest(base.slice(0, -1), options())).latest.version).toBe("2026.11.0");
    expect((await fetchLatest(`${base}latest.json`, options())).latest.version).toBe("2026.11.0");
  });

  it("refuses an address that is not https, before any request", async () => {
    const e = await failure(fetchLatest("http://data.example.org/skynet/", options({ allowInsecureLocalhost: false })));
    expect(e.code).toBe("invalid-argument");
    expect(e.message).toBe('the data address must be an https:// address, got "http://data.example.org/skynet/": releases are only downloaded over HTTPS');
    const local = await failure(fetchLatest(base, options({ allowInsecureLocalhost: false })));
    expect(local.message).toBe(`the data address must be an https:// address, got "${base}" (plain http to this machine is allowed only with allowInsecureLocalhost, for tests): releases are only downloaded over HTTPS`);
    expect(requested).toEqual([]);
  });

  it("says the computer is offline when the browser says so", async () => {
    vi.stubGlobal("navigator", { onLine: false });
    const fetch = () => Promise.reject(new TypeError("Failed to fetch"));
    const e = await failure(fetchLatest("https://data.example.org/skynet/", options({ fetch })));
    expect(e.code).toBe("unreachable");
    expect(e.message).toBe("cannot reach https://data.example.org/skynet/latest.json: this computer is offline; connect to the network and refresh again");
  });

  it("says the connection was refused when nothing listens at the address", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const e = await failure(fetchLatest(`http://127.0.0.1:${port}/data/`, options()));
    expect(e.code).toBe("unreachable");
    expect(e.message).toBe(`cannot reach http://127.0.0.1:${port}/data/latest.json: the connection was refused (no server is listening at 127.0.0.1:${port}; is the data address right, and the server up?)`);
  });

  it("says HTTP 404 when nothing is published at the address", async () => {
    await publish();
    const e = await failure(fetchLatest(`${base}nowhere/`, options()));
    expect(e.code).toBe("unreachable");
    expect(e.message).toBe(`latest.json is not at ${base}nowhere/latest.json (HTTP 404 Not Found): nothing is published at this address; is the data address right?`);
  });

  it("says HTTP 500 when the server fails, for latest.json and for the release", async () => {
    routes = { "/data/latest.json": text("oops", 500, "text/plain") };
    const e = await failure(fetchLatest(base, options()));
    expect(e.code).toBe("unreachable");
    expect(e.message).toBe(`latest.json at ${base}latest.json could not be served (HTTP 500 Internal Server Error): the server failed; try again later`);
    await publish({ release: text("oops", 500, "text/plain") });
    expect((await failure(fetchLatest(base, options()))).message).toBe(
      `release 2026.11.0 at ${base}releases/2026.11.0.json could not be served (HTTP 500 Internal Server Error): the server failed; try again later`,
    );
  });

  it("says it got an HTML page where JSON was expected", async () => {
    routes = { "/data/latest.json": text("<!DOCTYPE html><html><body>Welcome</body></html>", 200, "text/html") };
    const e = await failure(fetchLatest(base, options()));
    expect(e.code).toBe("invalid-release");
    expect(e.message).toBe(`latest.json at ${base}latest.json is an HTML page, not JSON: is the data address right? (many hosts answer a missing file with an HTML page)`);
    await publish({ release: text("<!DOCTYPE html><html><body>Welcome</body></html>", 200, "text/html") });
    expect((await failure(fetchLatest(base, options()))).message).toBe(
      `release 2026.11.0 at ${base}releases/2026.11.0.json is an HTML page, not JSON: is the data address right? (many hosts answer a missing file with an HTML page)`,
    );
  });

  it("says JSON is truncated: latest.json that does not parse, a release shorter than announced", async () => {
    const whole = JSON.stringify(await describeRelease());
    routes = { "/data/latest.json": text(whole.slice(0, 60)) };
    const e = await failure(fetchLatest(base, options()));
    expect(e.code).toBe("invalid-release");
    expect(e.message).toMatch(new RegExp(`^latest\\.json at ${base.replace(/[.]/g, "\\.")}latest\\.json is not complete JSON \\(.+\\): the file may be truncated$`));
    await publish({ release: text(releaseText.slice(0, 5000)) });
    expect((await failure(fetchLatest(base, options()))).message).toBe(
      `release 2026.11.0 at ${base}releases/2026.11.0.json is 5000 bytes, but latest.json announces ${SIZE}: the download was cut short (truncated) or the file was replaced without being published again; nothing was loaded`,
    );
  });

  it("refuses a release larger than announced without reading it all", async () => {
    await publish({ release: text(`${releaseText}${" ".repeat(100)}`) });
    expect((await failure(fetchLatest(base, options()))).message).toBe(
      `release 2026.11.0 at ${base}releases/2026.11.0.json is larger than the ${SIZE} bytes announced for it: it was replaced without being published again; nothing was loaded`,
    );
  });

  it("refuses a release altered after publishing (hash mismatch), and one that is not the release latest.json announces", async () => {
    const altered = releaseText.replace('"value": 680', '"value": 681');
    expect(Buffer.byteLength(altered)).toBe(SIZE);
    await publish({ release: text(altered) });
    const e = await failure(fetchLatest(base, options()));
    expect(e.code).toBe("invalid-release");
    expect(e.message).toMatch(/^release 2026\.11\.0 does not match its hash: it was altered or damaged after it was published \(says [0-9a-f]{12}…, content gives [0-9a-f]{12}…\) \(http:\/\/127\.0\.0\.1:\d+\/data\/releases\/2026\.11\.0\.json\)$/);
    await publish({ latest: { hash: "0123456789ab".padEnd(64, "0") } });
    expect((await failure(fetchLatest(base, options()))).message).toBe(
      `${base}releases/2026.11.0.json holds release 2026.11.0 with hash ${release.hash.slice(0, 12)}…, but latest.json announces release 2026.11.0 with hash 0123456789ab…: they do not belong together (a half-finished upload?); nothing was loaded`,
    );
  });

  it("refuses a bad signature before downloading the release, naming the key when another key signed", async () => {
    const other = await generateSigningKey();
    await publish({ latest: { signature: await signRelease(release.hash, other.privateKey), keyId: await keyIdOf(other.publicKey) } });
    const e = await failure(fetchLatest(base, options()));
    expect(e.code).toBe("invalid-release");
    expect(e.message).toBe(
      `the signature of release 2026.11.0 does not verify: it was signed with key ${await keyIdOf(other.publicKey)}, and this build trusts key ${keyId} (another publisher's release, or the signing key changed); nothing was loaded`,
    );
    await publish({ latest: { signature: await signRelease("f".repeat(64), keys.privateKey) } });
    expect((await failure(fetchLatest(base, options()))).message).toBe(
      `the signature of release 2026.11.0 does not verify with the trusted public key (key ${keyId}): latest.json or the release was altered, or someone else signed it; nothing was loaded`,
    );
    expect(requested).toEqual(["/data/latest.json", "/data/latest.json"]);
  });

  it("refuses a release format newer than this SDK reads, in latest.json before downloading, and in the release itself", async () => {
    await publish({ latest: { format: 2, version: "2027.1.0" } });
    const e = await failure(fetchLatest(base, options()));
    expect(e.code).toBe("invalid-release");
    expect(e.message).toBe("release 2027.1.0 is in release format 2, newer than this version of Sky Net Data reads (format 1): update the add-in or the SDK");
    expect(requested).toEqual(["/data/latest.json"]);
    const newer = releaseText.replace('"format": 1,', '"format": 2,');
    expect(Buffer.byteLength(newer)).toBe(SIZE);
    await publish({ release: text(newer) });
    expect((await failure(fetchLatest(base, options()))).message).toBe(
      `release format 2 is newer than this version of Sky Net Data reads (format 1): update the add-in or the SDK (${base}releases/2026.11.0.json)`,
    );
  });

  it("gives up on a server slower than the timeout, reporting progress while it waits", async () => {
    routes = { "/data/latest.json": () => undefined };
    const progress: FetchProgress[] = [];
    const e = await failure(fetchLatest(base, options({ timeoutMs: 400, progressIntervalMs: 50, onProgress: (p) => progress.push(p) })));
    expect(e.code).toBe("unreachable");
    expect(e.message).toBe(`latest.json at ${base}latest.json did not arrive within 0.4 s (0 bytes received): the server is too slow or the connection stalled; try again later`);
    expect(progress.length).toBeGreaterThanOrEqual(4);
    expect(progress.every((p) => p.document === "latest.json" && p.receivedBytes === 0 && p.timeoutMs === 400)).toBe(true);
    expect(progress.at(-1)!.elapsedMs).toBeGreaterThanOrEqual(150);
  });

  it("gives up on a release that stops arriving half way", async () => {
    await publish({
      release: (_req, res) => {
        res.writeHead(200, { "content-type": "application/json", "content-length": SIZE });
        res.write(releaseText.slice(0, 1000));
      },
    });
    const e = await failure(fetchLatest(base, options({ timeoutMs: 400 })));
    expect(e.code).toBe("unreachable");
    expect(e.message).toBe(`release 2026.11.0 at ${base}releases/2026.11.0.json did not arrive within 0.4 s (1000 bytes received): the server is too slow or the connection stalled; try again later`);
  });

  it("refuses a release older than the one held", async () => {
    await publish();
    const e = await failure(fetchLatest(base, options({ notBefore: "2026.12.0" })));
    expect(e.message).toBe("latest.json offers release 2026.11.0, older than the release already held (2026.12.0): an older release never replaces a newer one");
    expect((await fetchLatest(base, options({ notBefore: "2026.11.0" }))).latest.version).toBe("2026.11.0");
  });
});

describe("fetchRelease and fetchHistory", () => {
  const nextText = readFileSync(new URL("../releases/2026.11.1.json", import.meta.url), "utf8");
  const next = JSON.parse(nextText) as { version: string; date: string; hash: string };

  async function publishIndex() {
    const entry = async (r: { version: string; date: string; hash: string }, t: string): Promise<PublishedRelease> => ({
      format: 1,
      version: r.version,
      date: r.date,
      hash: r.hash,
      size: Buffer.byteLength(t),
      url: `releases/${r.version}.json`,
      signature: await signRelease(r.hash, keys.privateKey),
      keyId,
    });
    routes = {
      "/data/index.json": json({ releases: [await entry(release, releaseText), await entry(next, nextText)] }),
      "/data/releases/2026.11.0.json": text(releaseText),
      "/data/releases/2026.11.1.json": text(nextText),
    };
  }

  it("downloads one release by version or by address, verified against index.json", async () => {
    await publishIndex();
    expect((await fetchRelease("2026.11.0", options({ dataUrl: base }))).catalog.release?.version).toBe("2026.11.0");
    expect((await fetchRelease(`${base}releases/2026.11.1.json`, options())).text).toBe(nextText);
    const e = await failure(fetchRelease("2026.10.0", options({ dataUrl: base })));
    expect(e.message).toBe(`release 2026.10.0 is not published in index.json at ${base}index.json (it lists 2026.11.0, 2026.11.1)`);
    expect((await failure(fetchRelease("2026.11.0", options()))).message).toBe("to download release 2026.11.0 by its version, pass dataUrl: the address of the release folder");
  });

  it("downloads every release of the index into a history REVISIONS reads", async () => {
    await publishIndex();
    const { history, releases } = await fetchHistory(base, options());
    expect(history.catalogs.map((c) => c.release?.version)).toEqual(["2026.11.0", "2026.11.1"]);
    const rows = revisionsFor(releases[1]!.catalog, history)("fox-hunt.captured", 2014);
    expect(Array.isArray(rows) && rows[1]?.slice(0, 3)).toEqual(["2026.11.0", "2026-11-27", 680]);
  });
});
