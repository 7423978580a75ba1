// The built add-in (add-in/dist) and the HTTPS servers that serve it at the URLs the manifest names.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createContext, Script } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OFFICE_JS_CDN, functionsMetadata, markOfficeJs } from "../../add-in/scripts/addin-build.js";
import { DIST, VITE_CONFIG, ensureDist, freePort, httpsGet, temporaryCertificates } from "./helpers.js";

type Registered = { ids: string[]; startup: unknown[] };

/** Runs functions.js as a classic script in a fresh context, as Excel's shared runtime page would. */
async function runFunctionsScript(code: string, withOffice: { customFunctions: boolean; office: boolean }): Promise<Registered> {
  const registered: Registered = { ids: [], startup: [] };
  const sandbox: Record<string, unknown> = {
    URL, URLSearchParams, TextEncoder, TextDecoder, setTimeout, clearTimeout, queueMicrotask, structuredClone,
    console: { log() {}, warn() {}, error() {}, info() {}, debug() {} },
  };
  if (withOffice.customFunctions) {
    sandbox.CustomFunctions = { associate: (id: string, fn: unknown) => (typeof fn === "function" ? registered.ids.push(id) : undefined) };
  }
  if (withOffice.office) {
    sandbox.Office = {
      HostType: { Excel: "Excel" },
      StartupBehavior: { load: "Load", none: "None" },
      onReady: async () => ({ host: "Excel", platform: "OfficeOnline" }),
      context: { requirements: { isSetSupported: (name: string, v: string) => name === "SharedRuntime" && v === "1.1" } },
      addin: { setStartupBehavior: async (b: unknown) => void registered.startup.push(b) },
    };
  }
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  new Script(code, { filename: "functions.js" }).runInContext(createContext(sandbox));
  await new Promise((r) => setTimeout(r, 20));
  return registered;
}

describe("add-in/dist (the build)", () => {
  let html = "";
  let functionsJs = "";
  let metadata: { functions: Array<{ id: string; name: string }> } = { functions: [] };
  beforeAll(async () => {
    await ensureDist();
    html = readFileSync(join(DIST, "taskpane.html"), "utf8");
    functionsJs = readFileSync(join(DIST, "functions.js"), "utf8");
    metadata = JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8"));
  });

  it("loads office.js in taskpane.html from Microsoft's CDN as a classic script, never bundled", () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
    const office = scripts.filter((attrs) => attrs.includes(OFFICE_JS_CDN));
    expect(office).toHaveLength(1);
    expect(office[0]).not.toMatch(/type=["']module["']|vite-ignore/);
    const assets = readdirSync(join(DIST, "assets")).filter((f) => f.endsWith(".js"));
    for (const file of assets) expect(readFileSync(join(DIST, "assets", file), "utf8")).not.toContain("OSF.DDA");
  });

  it("loads functions.js in taskpane.html after office.js, so the page registers the functions (shared runtime)", () => {
    const office = html.indexOf(OFFICE_JS_CDN);
    const functions = html.search(/<script\b[^>]*\bsrc=["'](\.\/)?functions\.js["'][^>]*>/);
    expect(office).toBeGreaterThan(0);
    expect(functions).toBeGreaterThan(office);
  });

  it("references only files that exist in dist from taskpane.html", () => {
    const local = [...html.matchAll(/\b(?:src|href)=["']([^"']+)["']/g)].map((m) => m[1]!).filter((u) => !/^https?:/.test(u));
    expect(local.length).toBeGreaterThanOrEqual(2);
    for (const url of local) {
      expect(url.startsWith("/"), `${url} must be relative so any ADDIN_BASE_URL folder works`).toBe(false);
      expect(() => readFileSync(join(DIST, url.replace(/^\.\//, "")))).not.toThrow();
    }
  });

  it("writes functions.json as the metadata generated from add-in/src/functions/functions.ts", async () => {
    expect(Array.isArray(metadata.functions)).toBe(true);
    expect(JSON.parse(await functionsMetadata())).toEqual(metadata);
    const ids = metadata.functions.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z0-9._]{3,128}$/);
  });

  it("registers exactly the functions of functions.json when functions.js runs as a classic script", async () => {
    expect(functionsJs).not.toMatch(/^\s*(import|export)\s/m);
    const { ids } = await runFunctionsScript(functionsJs, { customFunctions: true, office: false });
    expect([...ids].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  });

  it("asks Office to load the runtime with the workbook (setStartupBehavior load) from functions.js", async () => {
    const { startup } = await runFunctionsScript(functionsJs, { customFunctions: true, office: true });
    expect(startup).toEqual(["Load"]);
  });

  it("does nothing and throws nothing when functions.js runs outside Office", async () => {
    const result = await runFunctionsScript(functionsJs, { customFunctions: false, office: false });
    expect(result).toEqual({ ids: [], startup: [] });
  });
});

describe("markOfficeJs", () => {
  it("marks the CDN office.js tag with vite-ignore and leaves the rest of the page alone", () => {
    const page = `<head><script type="text/javascript" src="${OFFICE_JS_CDN}"></script></head>`;
    expect(markOfficeJs(page)).toBe(`<head><script type="text/javascript" src="${OFFICE_JS_CDN}" vite-ignore></script></head>`);
    expect(markOfficeJs(markOfficeJs(page))).toBe(markOfficeJs(page));
  });

  it("adds the CDN office.js tag to a page that lacks it", () => {
    expect(markOfficeJs("<html><head><title>x</title></head></html>")).toContain(`src="${OFFICE_JS_CDN}" vite-ignore></script>`);
  });
});

// Bundling functions.js from source takes seconds (more on a busy machine): generous time for the server tests.
const SERVER_TEST_TIMEOUT = 180_000;

describe("HTTPS servers on the developer certificates", () => {
  let certs: Awaited<ReturnType<typeof temporaryCertificates>>;
  beforeAll(async () => {
    await ensureDist();
    certs = await temporaryCertificates();
  });
  afterAll(() => certs?.cleanup());

  it("serves dist with `vite preview`: taskpane.html, functions.js, functions.json, manifest.xml and icons", async () => {
    const { preview } = await import("vite");
    const port = await freePort();
    const server = await preview({ configFile: VITE_CONFIG, logLevel: "silent", preview: { port, open: false } });
    try {
      for (const file of ["taskpane.html", "functions.js", "functions.json", "manifest.xml", "assets/icon-80.png", "support.html"]) {
        const res = await httpsGet(`https://localhost:${port}/${file}`, certs.ca);
        expect(res.status, file).toBe(200);
        expect(res.body.equals(readFileSync(join(DIST, file))), `${file} differs from dist`).toBe(true);
      }
      const json = await httpsGet(`https://localhost:${port}/functions.json`, certs.ca);
      expect(json.type).toMatch(/application\/json/);
    } finally {
      await server.close();
    }
  }, SERVER_TEST_TIMEOUT);

  it("serves the same runtime files from source with the dev server (`vite`, used by office-addin-debugging)", async () => {
    const { createServer } = await import("vite");
    const port = await freePort();
    // No dependency pre-bundling: it is not what this test checks, and on a loaded machine its esbuild run was seen to be
    // cancelled and leave the server hanging.
    const server = await createServer({
      configFile: VITE_CONFIG,
      logLevel: "silent",
      optimizeDeps: { noDiscovery: true, include: [] },
      server: { port, open: false, hmr: false, watch: null, preTransformRequests: false },
    });
    await server.listen();
    try {
      const page = await httpsGet(`https://localhost:${port}/taskpane.html`, certs.ca);
      expect(page.status).toBe(200);
      expect(page.body.toString()).toContain(OFFICE_JS_CDN);
      expect(page.body.toString()).toMatch(/<script\b[^>]*src="functions\.js"/);
      const json = await httpsGet(`https://localhost:${port}/functions.json`, certs.ca);
      expect(json.status).toBe(200);
      expect(JSON.parse(json.body.toString())).toEqual(JSON.parse(await functionsMetadata()));
      const script = await httpsGet(`https://localhost:${port}/functions.js`, certs.ca);
      expect(script.status).toBe(200);
      expect(script.type).toMatch(/javascript/);
      const { ids } = await runFunctionsScript(script.body.toString(), { customFunctions: true, office: false });
      expect(ids.sort()).toEqual(JSON.parse(json.body.toString()).functions.map((f: { id: string }) => f.id).sort());
      const icon = await httpsGet(`https://localhost:${port}/assets/icon-16.png`, certs.ca);
      expect(icon.body.readUInt32BE(16)).toBe(16);
    } finally {
      await server.close();
    }
  }, SERVER_TEST_TIMEOUT);
});
