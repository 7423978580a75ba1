// Shared by the add-in build and manifest tests: the built dist/ (built here when missing), XML trees, HTTPS fetches.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { request } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { vi } from "vitest";
import { ADDIN_DIR, PATHS, RUNTIME_FILES } from "../../add-in/scripts/addin-build.js";
import { devCertificates, type DevCertificates } from "../../add-in/scripts/dev-certs.js";

export const VITE_CONFIG = join(ADDIN_DIR, "vite.config.ts");
export const DIST = PATHS.dist;

const REQUIRED = [RUNTIME_FILES.taskpane, RUNTIME_FILES.functionsScript, RUNTIME_FILES.functionsMetadata, RUNTIME_FILES.manifest];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Makes sure add-in/dist holds a build (`npm test` builds first; a lone `vitest run` builds it here).
 * A lock directory keeps two test files from building into the same folder at once.
 */
export async function ensureDist(): Promise<string> {
  const complete = () => REQUIRED.every((f) => existsSync(join(DIST, f)));
  if (complete()) return DIST;
  const lock = join(tmpdir(), "skynet-addin-test-build.lock");
  for (let i = 0; ; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (i > 600) throw new Error(`Timed out waiting for ${lock}; remove it if no build is running.`);
      await sleep(200);
    }
  }
  try {
    if (!complete()) {
      const { build } = await import("vite");
      await build({ configFile: VITE_CONFIG, logLevel: "silent" });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return DIST;
}

/** An XML element with its attributes and children in document order. */
export type XmlNode = { name: string; attrs: Record<string, string>; children: XmlNode[]; text: string };

/** Parses XML into ordered element nodes (comments and the declaration dropped). */
export function parseXml(xml: string): XmlNode {
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "", parseAttributeValue: false, parseTagValue: false });
  const raw = parser.parse(xml) as Array<Record<string, unknown>>;
  const convert = (entry: Record<string, unknown>): XmlNode | null => {
    const name = Object.keys(entry).find((k) => k !== ":@");
    if (!name || name.startsWith("?") || name === "#text" || name === "#comment") return null;
    const kids = (entry[name] as Array<Record<string, unknown>>) ?? [];
    const text = kids.map((k) => (typeof k["#text"] === "string" ? k["#text"] : "")).join("");
    const children = kids.map(convert).filter((n): n is XmlNode => n !== null);
    return { name, attrs: (entry[":@"] as Record<string, string>) ?? {}, children, text: text.trim() };
  };
  const roots = raw.map(convert).filter((n): n is XmlNode => n !== null);
  if (roots.length !== 1 || !roots[0]) throw new Error(`Expected one root element, found ${roots.length}.`);
  return roots[0];
}

/** Every element of the tree, depth first. */
export function allNodes(node: XmlNode): XmlNode[] {
  return [node, ...node.children.flatMap(allNodes)];
}

/** The first element along a path of element names, or undefined. */
export function at(node: XmlNode, ...path: string[]): XmlNode | undefined {
  let current: XmlNode | undefined = node;
  for (const name of path) current = current?.children.find((c) => c.name === name);
  return current;
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** GET over HTTPS, trusting exactly the given CA (the developer CA), as a plain client would. */
export function httpsGet(url: string, ca: Buffer): Promise<{ status: number; type: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, timeout: 20_000 }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (c: Buffer) => parts.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), body: Buffer.concat(parts) }));
    });
    req.on("timeout", () => req.destroy(new Error(`timeout fetching ${url}`)));
    req.on("error", reject);
    req.end();
  });
}

/**
 * Developer certificates from office-addin-dev-certs in a fresh temporary folder (SKYNET_DEV_CERTS_DIR), so tests
 * never touch the developer's own certificates or the system trust store. The library's progress line is silenced.
 */
export async function temporaryCertificates(): Promise<DevCertificates & { cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), "skynet-certs-"));
  const previous = process.env.SKYNET_DEV_CERTS_DIR;
  process.env.SKYNET_DEV_CERTS_DIR = dir;
  const cleanup = () => {
    if (previous === undefined) delete process.env.SKYNET_DEV_CERTS_DIR;
    else process.env.SKYNET_DEV_CERTS_DIR = previous;
    rmSync(dir, { recursive: true, force: true });
  };
  const quiet = vi.spyOn(console, "log").mockImplementation(() => undefined);
  try {
    const certs = await devCertificates({ install: false });
    return { ...certs, cleanup };
  } finally {
    quiet.mockRestore();
  }
}
