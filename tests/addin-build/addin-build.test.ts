// The built add-in (add-in/dist) and the HTTPS servers that serve it at the URLs the manifest names.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createContext, Script } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_BASE_URL, OFFICE_JS_CDN, PATHS, functionsMetadata, manifestVersion, markOfficeJs, prerenderPane, productionManifest, scriptsAfterList, productionMetadata, releaseToken } from "../../add-in/scripts/addin-build.js";
import { helpPages, readFunctionDocs } from "../../add-in/scripts/help-pages.js";
import { DIST, VITE_CONFIG, ensureDist, freePort, httpsGet, temporaryCertificates } from "./helpers.js";

const ADDIN_VERSION = (JSON.parse(readFileSync(PATHS.addinPackage, "utf8")) as { version: string }).version;
/** The help page of a function id, by the rule the README states: lower case, underscores as dashes. */
const helpPage = (id: string) => `help/${id.toLowerCase().replaceAll("_", "-")}.html`;
// Bundling functions.js from source takes seconds (more on a busy machine): generous time for builds and servers.
const SERVER_TEST_TIMEOUT = 180_000;
type Metadata = { functions: Array<{ id: string; name: string; helpUrl?: string; parameters: Array<{ name: string }> }> };

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
  let metadata: Metadata = { functions: [] };
  let manifest = "";
  let base = "";
  beforeAll(async () => {
    await ensureDist();
    html = readFileSync(join(DIST, "taskpane.html"), "utf8");
    functionsJs = readFileSync(join(DIST, "functions.js"), "utf8");
    metadata = JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8"));
    manifest = readFileSync(join(DIST, "manifest.xml"), "utf8");
    base = /<SourceLocation DefaultValue="([^"]+)taskpane\.html"/.exec(manifest)![1]!;
  });

  it("loads office.js in taskpane.html from Microsoft's CDN as a classic script, never bundled", () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
    const office = scripts.filter((attrs) => attrs.includes(OFFICE_JS_CDN));
    expect(office).toHaveLength(1);
    expect(office[0]).not.toMatch(/type=["']module["']|vite-ignore/);
    const assets = readdirSync(join(DIST, "assets")).filter((f) => f.endsWith(".js"));
    for (const file of assets) expect(readFileSync(join(DIST, "assets", file), "utf8")).not.toContain("OSF.DDA");
  });

  it("loads functions.js in taskpane.html after office.js, then the pane's module, from one loader after the dataset list", () => {
    const office = html.indexOf(OFFICE_JS_CDN);
    const loader = /<script>(\[[^<]*\])\.forEach\(function \(a\) \{ var s = document\.createElement\("script"\); for \(var k in a\) s\.setAttribute\(k, a\[k\]\); s\.async = false; document\.body\.appendChild\(s\); \}\);<\/script>/.exec(html);
    expect(office).toBeGreaterThan(0);
    expect(loader).not.toBeNull();
    // In this order (async = false keeps it): functions.js registers the functions (shared runtime), then the pane.
    const token = /functions\.js\?v=([^"&]+)/.exec(readFileSync(join(DIST, "manifest.xml"), "utf8"))![1];
    const module = readdirSync(join(DIST, "assets")).find((f) => /^taskpane-.*\.js$/.test(f));
    expect(JSON.parse(loader![1]!)).toEqual([{ src: `functions.js?v=${token}` }, { type: "module", crossorigin: "", src: `./assets/${module}` }]);
    expect(html.indexOf('id="dataset-list"')).toBeGreaterThan(0);
    expect(html.indexOf('id="dataset-list"')).toBeLessThan(loader!.index);
    expect(loader!.index).toBeGreaterThan(office);
    // No other script in the markup, where the preload scanner would fetch it while the parser waits for office.js.
    expect([...html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["']/g)].map((m) => m[1])).toEqual([OFFICE_JS_CDN]);
  });

  it("holds the bundled release's dataset list in the page's pane, with a checkbox and a layout choice per dataset", () => {
    const pane = /<section\b[^>]*id="pane"[^>]*>([\s\S]*?)<\/section>\s*<section\b[^>]*id="workbook"/.exec(html)?.[1] ?? "";
    expect([...pane.matchAll(/<input type="checkbox" data-id="([^"]+)"/g)].map((m) => m[1])).toEqual(["sky-net", "fox-hunt", "treaties", "spp", "most-wanted", "timeline", "partners"]);
    expect([...pane.matchAll(/data-layout-for="([^"]+)"/g)].map((m) => m[1])).toEqual(["sky-net", "fox-hunt", "treaties", "spp", "most-wanted"]);
    // Release 2026.11.1: Fox Hunt has 25 figures from 2014 to 2023, citing 10 sources.
    expect(pane).toContain('<span class="meta" id="meta-fox-hunt">25 rows · 2014–2023 · 10 sources</span>');
    expect(pane).toContain("Supreme People&#39;s Procuratorate figures");
    expect(pane).toContain('<p class="loading" role="status" aria-live="polite">Loading…</p>');
    // Nothing that needs the pane's script: no Select all, no Insert or Refresh.
    expect(pane).not.toMatch(/id="(all|insert|refresh)"/);
  });

  it("references only files that exist in dist from taskpane.html", () => {
    // Attributes, and the addresses the scripts' loader sets ("src":"…").
    const local = [...html.matchAll(/\b(?:src|href)=["']([^"']+)["']|"src":"([^"]+)"/g)].map((m) => (m[1] ?? m[2])!).filter((u) => !/^https?:/.test(u));
    expect(local.length).toBeGreaterThanOrEqual(3);
    for (const url of local) {
      expect(url.startsWith("/"), `${url} must be relative so any ADDIN_BASE_URL folder works`).toBe(false);
      expect(() => readFileSync(join(DIST, url.replace(/^\.\//, "").replace(/\?.*$/, "")))).not.toThrow();
    }
  });

  it("writes functions.json as the metadata generated from add-in/src/functions/functions.ts, help URLs under the base URL", async () => {
    expect(Array.isArray(metadata.functions)).toBe(true);
    const generated = JSON.parse(await functionsMetadata()) as Metadata;
    const withoutHelp = (m: Metadata) => ({ ...m, functions: m.functions.map(({ helpUrl: _, ...f }) => f) });
    expect(withoutHelp(metadata)).toEqual(withoutHelp(generated));
    for (const f of metadata.functions) expect(f.helpUrl, f.id).toBe(`${base}${helpPage(f.id)}`);
    const ids = metadata.functions.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z0-9._]{3,128}$/);
  });

  it("registers exactly the functions of functions.json when functions.js runs as a classic script", async () => {
    expect(functionsJs).not.toMatch(/^\s*(import|export)\s/m);
    const { ids } = await runFunctionsScript(functionsJs, { customFunctions: true, office: false });
    expect([...ids].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  });

  it("never marks the workbook to open the add-in: functions.js calls no setStartupBehavior, even in Excel", async () => {
    const { ids, startup } = await runFunctionsScript(functionsJs, { customFunctions: true, office: true });
    expect(ids.length).toBe(metadata.functions.length);
    expect(startup).toEqual([]);
    expect(functionsJs).not.toContain("setStartupBehavior");
  });

  it("does nothing and throws nothing when functions.js runs outside Office", async () => {
    const result = await runFunctionsScript(functionsJs, { customFunctions: false, office: false });
    expect(result).toEqual({ ids: [], startup: [] });
  });
});

describe("a release in add-in/dist", () => {
  let manifest = "";
  let html = "";
  let token = "";
  beforeAll(async () => {
    await ensureDist();
    manifest = readFileSync(join(DIST, "manifest.xml"), "utf8");
    html = readFileSync(join(DIST, "taskpane.html"), "utf8");
    const hash = createHash("sha256").update(readFileSync(join(DIST, "functions.js"))).update(readFileSync(join(DIST, "functions.json"))).digest("hex");
    token = `${ADDIN_VERSION}-${hash.slice(0, 8)}`;
  });

  it("gives the manifest the add-in package's version as its <Version>", () => {
    expect(ADDIN_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect([...manifest.matchAll(/<Version>([^<]*)<\/Version>/g)].map((m) => m[1])).toEqual([`${ADDIN_VERSION}.0`]);
  });

  it("names functions.js and functions.json with the version and a hash of their content, in the manifest and the page", () => {
    const urls = Object.fromEntries([...manifest.matchAll(/<bt:Url id="([^"]+)" DefaultValue="([^"]+)"/g)].map((m) => [m[1], m[2]]));
    expect(urls["Functions.Script.Url"]).toMatch(new RegExp(`/functions\\.js\\?v=${token.replaceAll(".", "\\.")}$`));
    expect(urls["Functions.Metadata.Url"]).toMatch(new RegExp(`/functions\\.json\\?v=${token.replaceAll(".", "\\.")}$`));
    expect(urls["Taskpane.Url"]).toMatch(/\/taskpane\.html$/);
    expect([...html.matchAll(/"src":"(functions\.js[^"]*)"/g)].map((m) => m[1])).toEqual([`functions.js?v=${token}`]);
  });
});

describe("releaseToken and manifestVersion", () => {
  it("changes the token when a byte of functions.js or functions.json or the version changes, and only then", () => {
    const a = releaseToken("1.2.3", "script();", '{"functions":[]}');
    expect(a).toMatch(/^1\.2\.3-[0-9a-f]{8}$/);
    expect(releaseToken("1.2.3", "script();", '{"functions":[]}')).toBe(a);
    expect(releaseToken("1.2.3", "script(); ", '{"functions":[]}')).not.toBe(a);
    expect(releaseToken("1.2.3", "script();", '{"functions": []}')).not.toBe(a);
    expect(releaseToken("1.2.4", "script();", '{"functions":[]}').slice(6)).toBe(a.slice(6));
    expect(a.slice(6)).toBe(createHash("sha256").update("script();").update('{"functions":[]}').digest("hex").slice(0, 8));
  });

  it("turns x.y.z into the four-part manifest version and refuses what a manifest cannot hold", () => {
    expect(manifestVersion("0.1.0")).toBe("0.1.0.0");
    expect(manifestVersion("12.345.6")).toBe("12.345.6.0");
    for (const bad of ["1.0.0-beta.1", "1.2", "1.2.3.4", "123456.0.0", "v1.2.3"]) expect(() => manifestVersion(bad), bad).toThrow(/plain x\.y\.z version/);
  });

  it("versions only the functions' two addresses and the <Version> of the manifest", () => {
    const source = readFileSync(PATHS.manifest, "utf8");
    const built = productionManifest(source, "https://cdn.example.org/x/", { version: "2.3.4", token: "2.3.4-abcdef12" });
    expect(built.match(/\?v=/g)).toHaveLength(2);
    expect(built).toContain('<bt:Url id="Functions.Script.Url" DefaultValue="https://cdn.example.org/x/functions.js?v=2.3.4-abcdef12"/>');
    expect(built).toContain('<bt:Url id="Functions.Metadata.Url" DefaultValue="https://cdn.example.org/x/functions.json?v=2.3.4-abcdef12"/>');
    expect(built).toContain("<Version>2.3.4.0</Version>");
    expect(built.replace("<Version>2.3.4.0</Version>", "").replaceAll("?v=2.3.4-abcdef12", "")).toBe(productionManifest(source, "https://cdn.example.org/x/").replace(/<Version>[^<]*<\/Version>/, ""));
  });
});

describe("help pages in add-in/dist/help", () => {
  let metadata: Metadata = { functions: [] };
  let base = "";
  beforeAll(async () => {
    await ensureDist();
    metadata = JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8"));
    base = /<SourceLocation DefaultValue="([^"]+)taskpane\.html"/.exec(readFileSync(join(DIST, "manifest.xml"), "utf8"))![1]!;
  });
  const pageOf = (id: string) => readFileSync(join(DIST, helpPage(id)), "utf8");

  it("has a page for every function id, named by the id in lower case with dashes, which functions.json points at", () => {
    expect(metadata.functions.length).toBeGreaterThanOrEqual(13);
    for (const f of metadata.functions) {
      expect(existsSync(join(DIST, helpPage(f.id))), helpPage(f.id)).toBe(true);
      expect(f.helpUrl).toBe(`${base}${helpPage(f.id)}`);
    }
    expect(existsSync(join(DIST, "help", "treaties-in-force.html"))).toBe(true);
    expect(readdirSync(join(DIST, "help")).sort()).toEqual([...metadata.functions.map((f) => helpPage(f.id).slice(5)), "index.html"].sort());
  });

  it("shows each function's syntax, every parameter by name, examples and both error rules", () => {
    for (const f of metadata.functions) {
      const page = pageOf(f.id);
      expect(page, f.id).toMatch(/^<!doctype html>\s*<html lang="en">/);
      expect(page.match(/<h1>/g), f.id).toHaveLength(1);
      expect(page, f.id).toContain(`<title>SKYNET.${f.name}: Sky Net Data help</title>`);
      expect(page, f.id).toContain(`=SKYNET.${f.name}(`);
      for (const p of f.parameters) expect(page, `${f.id}(${p.name})`).toContain(`<th scope="row"><code>${p.name}</code></th>`);
      expect(page, f.id).toMatch(/<li><code>=SKYNET\./);
      expect(page, f.id).toContain("<dt><code>#N/A</code>");
      expect(page, f.id).toContain("<dt><code>#VALUE!</code>");
    }
    expect(pageOf("CAPTURES")).toContain("<li><code>=SKYNET.CAPTURES(2014)</code> gives 680</li>");
  });

  it("lists every page on help/index.html", () => {
    const index = readFileSync(join(DIST, "help", "index.html"), "utf8");
    for (const f of metadata.functions) expect(index).toContain(`<a href="${helpPage(f.id).slice(5)}"><code>SKYNET.${f.name}</code></a>`);
  });
});

describe("productionMetadata", () => {
  const one = (helpUrl?: string) => JSON.stringify({ functions: [{ id: "SERIES_LIST", name: "SERIES_LIST", parameters: [], ...(helpUrl ? { helpUrl } : {}) }] });

  it("moves each help URL from the development address to the base URL, and fills in a missing one", () => {
    expect(JSON.parse(productionMetadata(one(`${DEV_BASE_URL}help/series-list.html`), "https://cdn.example.org/a/")).functions[0].helpUrl).toBe("https://cdn.example.org/a/help/series-list.html");
    expect(JSON.parse(productionMetadata(one(), "https://cdn.example.org/a/")).functions[0].helpUrl).toBe("https://cdn.example.org/a/help/series-list.html");
  });

  it("stops the build when a @helpurl names another page than the one the build writes", () => {
    expect(() => productionMetadata(one(`${DEV_BASE_URL}help/series_list.html`), "https://cdn.example.org/a/")).toThrow(/SERIES_LIST .* must be https:\/\/localhost:3000\/help\/series-list\.html/);
  });
});

describe("helpPages", () => {
  it("adds the error rules a function states with @throws to the general ones, and escapes text", () => {
    const docs = readFunctionDocs(`
/**
 * Counts <things> in a year.
 * @customfunction THINGS
 * @param year The year.
 * @returns The count.
 * @example =NS.THINGS(2014) gives 3; =NS.THINGS(1990) gives #N/A
 * @throws #N/A when the year is before 2000.
 * @throws #VALUE! when the year is not a whole number.
 */
export function things(year: number): number { return year; }`);
    expect(docs).toEqual([{ functionName: "things", id: "THINGS", returns: "The count.", examples: ["=NS.THINGS(2014) gives 3; =NS.THINGS(1990) gives #N/A"], throws: ["#N/A when the year is before 2000.", "#VALUE! when the year is not a whole number."] }]);
    const pages = helpPages({ namespace: "NS", docs, metadata: { functions: [{ id: "THINGS", name: "THINGS", description: "Counts <things> in a year.", parameters: [{ name: "year", type: "number", description: "The year." }], result: { type: "number" } }] } });
    const page = pages.get("things.html")!;
    expect([...pages.keys()]).toEqual(["things.html", "index.html"]);
    expect(page).toContain("<p>Counts &#60;things&#62; in a year.</p>");
    expect(page).toContain("<li><code>=NS.THINGS(2014)</code> gives 3</li>\n<li><code>=NS.THINGS(1990)</code> gives #N/A</li>");
    expect(page).toMatch(/<dt><code>#N\/A<\/code>[^]*<dd>#N\/A when the year is before 2000\.<\/dd>\n<dt><code>#VALUE!<\/code>[^]*<dd>#VALUE! when the year is not a whole number\.<\/dd>\n<\/dl>/);
  });
});

describe("a production build (ADDIN_BASE_URL=https://addin.example.org/skynet/)", () => {
  const out = join(tmpdir(), `skynet-addin-prod-${process.pid}`);
  const other = join(tmpdir(), `skynet-addin-prod-other-${process.pid}`);
  const BASE = "https://addin.example.org/skynet/";
  /** Builds the add-in for one base URL into a folder of its own (never add-in/dist). */
  async function buildFor(baseUrl: string, outDir: string) {
    const { build } = await import("vite");
    const previous = process.env.ADDIN_BASE_URL;
    process.env.ADDIN_BASE_URL = baseUrl;
    try {
      await build({ configFile: VITE_CONFIG, logLevel: "silent", build: { outDir, emptyOutDir: true } });
    } finally {
      if (previous === undefined) delete process.env.ADDIN_BASE_URL;
      else process.env.ADDIN_BASE_URL = previous;
    }
  }
  beforeAll(async () => {
    await buildFor(BASE, out);
    await buildFor("https://other.example.org/", other);
  }, SERVER_TEST_TIMEOUT);
  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
    rmSync(other, { recursive: true, force: true });
  });

  it("points every manifest URL and every help URL of functions.json under the base URL, none at localhost", () => {
    const manifest = readFileSync(join(out, "manifest.xml"), "utf8");
    const urls = [...manifest.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const url of urls) expect(url.startsWith(BASE), url).toBe(true);
    const metadata = JSON.parse(readFileSync(join(out, "functions.json"), "utf8")) as Metadata;
    for (const f of metadata.functions) expect(f.helpUrl).toBe(`${BASE}${helpPage(f.id)}`);
    expect(readFileSync(join(out, "functions.json"), "utf8")).not.toContain("localhost");
  });

  it("gives the same functions.js a different address only when functions.json differs (its help URLs)", () => {
    const token = (dir: string) => /functions\.js\?v=([^"]+)"/.exec(readFileSync(join(dir, "manifest.xml"), "utf8"))![1];
    expect(readFileSync(join(out, "functions.js")).equals(readFileSync(join(other, "functions.js")))).toBe(true);
    expect(token(out)).not.toBe(token(other));
    expect(token(out)!.startsWith(`${ADDIN_VERSION}-`)).toBe(true);
  });
});

describe("scriptsAfterList", () => {
  const loader = (list: string) =>
    `<script>${list}.forEach(function (a) { var s = document.createElement("script"); for (var k in a) s.setAttribute(k, a[k]); s.async = false; document.body.appendChild(s); });</script>`;
  it("loads the deferred and module scripts from one script at the end of the body, classic ones first, and keeps the rest", () => {
    const page = '<html><head>\n  <script src="office.js"></script>\n  <script type="module" crossorigin src="./assets/a.js"></script>\n  <link rel="stylesheet" href="a.css">\n</head><body><p>list</p>\n  <script src="functions.js?v=1" defer vite-ignore></script>\n</body></html>';
    expect(scriptsAfterList(page)).toBe(
      `<html><head>\n  <script src="office.js"></script>\n  <link rel="stylesheet" href="a.css">\n</head><body><p>list</p>\n  ${loader('[{"src":"functions.js?v=1"},{"type":"module","crossorigin":"","src":"./assets/a.js"}]')}\n  </body></html>`,
    );
  });
  it("writes a < in an address as \\u003c, so that it cannot end the loader's script", () => {
    const page = "<head></head><body><script type='module' src='a.js?x=<b'></script></body>";
    expect(scriptsAfterList(page)).toBe(`<head></head><body>  ${loader('[{"type":"module","src":"a.js?x=\\u003cb"}]')}\n  </body>`);
  });
  it("refuses in words a page with such scripts and no </body> to load them before", () => {
    expect(() => scriptsAfterList('<head><script type="module" src="a.js"></script></head><p>list</p>')).toThrow("taskpane.html has no </body>: the script that loads functions.js and the pane goes just before it.");
  });
  it("leaves a page without deferred or module scripts as it is", () => {
    const page = '<head><script src="office.js"></script></head><body><script>inline()</script></body>';
    expect(scriptsAfterList(page)).toBe(page);
  });
});

describe("prerenderPane", () => {
  const datasets = [{ id: "a&b", title: "Tom's <list>", description: "", kind: "events" as const, rows: 1, from: "2015-03-01", to: "2015-03-01", sources: 1, layouts: ["long" as const] }];
  it("writes the list into the pane section, escaped, and leaves the rest of the page alone", () => {
    const page = '<body><section id="pane" class="pane"><p class="loading">Loading…</p></section><section id="workbook"></section></body>';
    const out = prerenderPane(page, datasets);
    expect(out.startsWith('<body><section id="pane" class="pane"><header class="pane-head"><h1>Sky Net Data</h1></header>')).toBe(true);
    expect(out).toContain('<input type="checkbox" data-id="a&#38;b" aria-describedby="meta-a&#38;b"><span class="ds-title">Tom&#39;s &#60;list&#62;</span>');
    expect(out).toContain(">1 rows · 2015 · 1 source</span></li></ul>");
    expect(out.endsWith('</section><section id="workbook"></section></body>')).toBe(true);
  });
  it("refuses a page without a pane section, in words", () => {
    expect(() => prerenderPane("<body><main></main></body>", datasets)).toThrow('taskpane.html has no <section id="pane"> to write the dataset list into.');
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
      for (const file of ["taskpane.html", "functions.js", "functions.json", "manifest.xml", "assets/icon-80.png", "support.html", "help/index.html", "help/captures.html"]) {
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
      expect(page.body.toString()).toContain('{"src":"functions.js"}');
      const json = await httpsGet(`https://localhost:${port}/functions.json`, certs.ca);
      expect(json.status).toBe(200);
      expect(JSON.parse(json.body.toString())).toEqual(JSON.parse(await functionsMetadata()));
      const help = await httpsGet(`https://localhost:${port}/help/captures.html`, certs.ca);
      expect(help.status).toBe(200);
      expect(help.type).toMatch(/text\/html/);
      expect(help.body.toString()).toContain('<th scope="row"><code>year</code></th>');
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
