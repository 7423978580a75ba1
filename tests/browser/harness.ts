// What every browser test shares: where Chromium and the built add-in are, the prerequisite check (a skip locally, a
// failure under CI), a static server for a built dist/, a throwaway-key build (alone, or with a mirror of releases
// signed by the same key), Chromium's launch, and the route that answers office.js (Microsoft's npm copy or a stand-in)
// and lets nothing else leave the machine.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize, resolve } from "node:path";
import { generateSigningKey, type Release } from "@skynet-data/sdk";
import { chromium, type Browser, type Page } from "playwright-core";
import { releaseFolder, serveFolder, type FolderServer, type ReleaseFolder } from "../../add-in/test/data-feed/folder.js";
import { temporaryCertificates, VITE_CONFIG } from "../addin-build/helpers.js";

export const ROOT = resolve(import.meta.dirname, "../..");
export const DIST = resolve(ROOT, process.env.SKYNET_ADDIN_DIST ?? "add-in/dist");
export const CHROMIUM = "/usr/bin/chromium";
export const CI = process.env.CI === "true";
export const DOC_SHOTS = join(ROOT, "docs", "screenshots");
export const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
export const OFFICE_JS_DIR = join(dirname(createRequire(join(ROOT, "add-in", "package.json")).resolve("@microsoft/office-js/package.json")), "dist");
/** What Office.onReady answers in a plain browser: no host, so the pane runs its preview. */
export const OFFICE_NO_HOST = "window.Office = { onReady: function () { return Promise.resolve({ host: null, platform: null }); } };";

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".png": "image/png", ".xml": "application/xml", ".map": "application/json" };

/**
 * The first missing prerequisite in words, or null: Chromium, and where asked the built add-in and the npm copy of
 * office.js. Under CI a missing one throws (the browser tests must run there); locally the caller skips.
 */
export function missingPrerequisite(needs: { builtDist?: boolean; officeJs?: boolean } = {}): string | null {
  const missing =
    needs.builtDist && !existsSync(join(DIST, "taskpane.html")) ? `${join(DIST, "taskpane.html")} is missing (run npm run build)`
    : !existsSync(CHROMIUM) ? `no Chromium at ${CHROMIUM} (apt-get install chromium)`
    : needs.officeJs && !existsSync(join(OFFICE_JS_DIR, "office.js")) ? "@microsoft/office-js is not installed"
    : null;
  if (missing && CI) throw new Error(`The browser tests must run under CI, but ${missing}.`);
  return missing;
}

export interface DistServer {
  base: string;
  close(): Promise<void>;
}

/** Serves a built dist/ (taskpane.html at /) on 127.0.0.1: over HTTPS with the given certificate, else plain HTTP. */
export async function serveDist(dist: string, tls?: { key: string | Buffer; cert: string | Buffer }): Promise<DistServer> {
  const handler = (req: { url?: string }, res: { writeHead(status: number, headers?: Record<string, string>): { end(body?: Buffer): void } }) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^([/\\])+/, "");
    const file = join(dist, path || "taskpane.html");
    if (!file.startsWith(dist) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  };
  const server: Server = tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, handler) : createHttpServer(handler);
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as AddressInfo).port;
  return {
    base: tls ? `https://localhost:${port}` : `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** Builds the add-in into a new temporary folder, its data signed with a throwaway private key (never the real one). */
export async function buildAddinSignedWith(privateKey: object, prefix: string): Promise<string> {
  const dist = mkdtempSync(join(tmpdir(), prefix));
  const { build } = await import("vite");
  const previous = process.env.SKYNET_RELEASE_PRIVATE_KEY;
  process.env.SKYNET_RELEASE_PRIVATE_KEY = JSON.stringify(privateKey);
  try {
    await build({ configFile: VITE_CONFIG, logLevel: "silent", build: { outDir: dist, emptyOutDir: true } });
  } finally {
    if (previous === undefined) delete process.env.SKYNET_RELEASE_PRIVATE_KEY;
    else process.env.SKYNET_RELEASE_PRIVATE_KEY = previous;
  }
  return dist;
}

/** An add-in built with a throwaway key and served over HTTPS, and a team's mirror of releases that key signs. */
export interface SignedAddinAndMirror {
  addin: DistServer;
  /** The mirror's folder: `publish` adds releases to it. */
  folder: ReleaseFolder;
  mirror: FolderServer;
  /** Stops both servers and removes the build, the folder and the certificates. */
  close(): Promise<void>;
}

/**
 * Builds the add-in signed with a new throwaway key (into a temporary folder named from `prefix`), serves it over
 * HTTPS, and serves a release folder signed with the same key holding `releases`, with the same certificates.
 */
export async function signedAddinAndMirror(prefix: string, releases: readonly Release[]): Promise<SignedAddinAndMirror> {
  const keys = await generateSigningKey();
  const dist = await buildAddinSignedWith(keys.privateKey, prefix);
  const certs = await temporaryCertificates();
  const addin = await serveDist(dist, certs);
  const folder = await releaseFolder(keys);
  await folder.publish(releases);
  const mirror = await serveFolder(folder.dir, { key: certs.key, cert: certs.cert });
  return {
    addin,
    folder,
    mirror,
    close: async () => {
      await addin.close();
      await mirror.close().catch(() => undefined);
      folder.cleanup();
      certs.cleanup();
      rmSync(dist, { recursive: true, force: true });
    },
  };
}

/** Headless Chromium with the flags this machine's closed network needs. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });

/**
 * Routes a page's requests: office.js from the CDN gets `office` (a stand-in's source, or "npm" for Microsoft's copy),
 * requests to `allowed` origins go through, `override` may answer any request first, and everything else is aborted.
 */
export async function routeOnly(page: Page, o: { office: string; allowed: readonly string[]; override?: (url: string) => { status: number; body: string } | undefined; onRequest?: (url: string) => void }): Promise<void> {
  await page.route("**/*", (route) => {
    const url = route.request().url();
    o.onRequest?.(url);
    const answer = o.override?.(url);
    if (answer) return route.fulfill(answer);
    if (url.startsWith("https://appsforoffice.microsoft.com/")) {
      if (o.office !== "npm") return route.fulfill({ status: 200, contentType: "text/javascript", body: o.office });
      const file = join(OFFICE_JS_DIR, new URL(url).pathname.slice(new URL(CDN).pathname.length));
      return existsSync(file) ? route.fulfill({ status: 200, contentType: "text/javascript", body: readFileSync(file) }) : route.fulfill({ status: 404, body: "" });
    }
    if (o.allowed.some((origin) => url.startsWith(origin))) return route.continue();
    return route.abort();
  });
}

/** Types into a cell of the preview as a person does: click it, type into the bar, press Enter. */
export async function typeInto(page: Page, address: string, text: string): Promise<void> {
  await page.click(`td[data-addr="${address}"]`);
  await page.fill("#cell-input", text);
  await page.press("#cell-input", "Enter");
}

/** Shows a sheet of the preview's workbook by its tab. */
export async function openSheet(page: Page, name: string): Promise<void> {
  await page.click(`.tabs button[data-sheet="${name}"]`);
  await page.waitForSelector(`.tabs button[aria-selected="true"][data-sheet="${name}"]`);
}
