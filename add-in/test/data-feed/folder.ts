// A release folder for the tests, written by the CLI's `skynet-data release` code (publishReleases) with a throwaway
// signing key, and a server for it on 127.0.0.1 whose answers a test can replace (404, 500, HTML, a slow answer…).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttps } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { publishReleases } from "@skynet-data/cli";
import { generateSigningKey, type Release, type ReleasePrivateKey, type ReleasePublicKey } from "@skynet-data/sdk";
import { fileText } from "./made-up.js";

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface ReleaseFolder {
  dir: string;
  keys: { privateKey: ReleasePrivateKey; publicKey: ReleasePublicKey };
  /** Publishes releases into the folder (merging with what is there), as `skynet-data release --out` does. */
  publish(releases: readonly Release[]): Promise<void>;
  cleanup(): void;
}

/** A folder with nothing published yet, and a throwaway key (never the real one). */
export async function releaseFolder(keys?: { privateKey: ReleasePrivateKey; publicKey: ReleasePublicKey }): Promise<ReleaseFolder> {
  const dir = mkdtempSync(join(tmpdir(), "skynet-feed-folder-"));
  const work = mkdtempSync(join(tmpdir(), "skynet-feed-files-"));
  const k = keys ?? (await generateSigningKey());
  return {
    dir,
    keys: k,
    async publish(releases) {
      const files = releases.map((r) => {
        const path = join(work, `${r.version}.json`);
        writeFileSync(path, fileText(r));
        return path;
      });
      await publishReleases({ out: dir, releases: files, env: { SKYNET_RELEASE_PRIVATE_KEY: JSON.stringify(k.privateKey) }, home: work, notice: () => undefined });
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
      rmSync(work, { recursive: true, force: true });
    },
  };
}

export interface FolderServer {
  /** The data address: `<origin>/data/`. */
  dataUrl: string;
  origin: string;
  /** Paths asked for, in order. */
  requested: string[];
  /** Replaces the answer for a path under /data/ (e.g. "latest.json"); cleared by reset(). */
  override(path: string, handler: Handler): void;
  reset(): void;
  close(): Promise<void>;
}

/** A mirror on another origin than the add-in must let the add-in's pages read it. */
const CORS = { "access-control-allow-origin": "*" };

const sendFile = (dir: string, path: string): Handler => (_req, res) => {
  let body: Buffer;
  try {
    body = readFileSync(join(dir, ...path.split("/")));
  } catch {
    res.writeHead(404, { "content-type": "text/html", ...CORS }).end("<!doctype html><title>Not found</title><h1>404</h1>");
    return;
  }
  res.writeHead(200, { "content-type": "application/json", "content-length": body.byteLength, ...CORS }).end(body);
};

/** Serves a folder under /data/ on 127.0.0.1: plain http, or https with the given certificate. */
export async function serveFolder(dir: string, tls?: { key: string | Buffer; cert: string | Buffer }, extra?: Handler): Promise<FolderServer> {
  const requested: string[] = [];
  let overrides = new Map<string, Handler>();
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    requested.push(path);
    if (path.startsWith("/data/")) {
      const rel = decodeURIComponent(path.slice("/data/".length));
      return (overrides.get(rel) ?? sendFile(dir, rel))(req, res);
    }
    if (extra) return extra(req, res);
    res.writeHead(404).end();
  };
  const server: Server = tls ? createHttps({ key: tls.key, cert: tls.cert }, handler) : createHttp(handler);
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const origin = `${tls ? "https" : "http"}://${tls ? "localhost" : "127.0.0.1"}:${(server.address() as AddressInfo).port}`;
  return {
    dataUrl: `${origin}/data/`,
    origin,
    requested,
    override: (path, h) => void overrides.set(path, h),
    reset: () => {
      overrides = new Map();
      requested.length = 0;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** An answer with a status, a type and a body. */
export const answer =
  (status: number, body: string, type = "application/json"): Handler =>
  (_req, res) =>
    res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body), ...CORS }).end(body);
