// Build pieces of the add-in: the production manifest, functions.json, the functions.js runtime script, the
// functions' help pages, and the Vite plugin that puts them (with the icons and the support page) into dist/ and on the
// dev server. A build's functions.js and functions.json are named with its version and content hash (?v=...), so Excel
// never answers a new build from its cache.
import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { listDatasets, type DatasetSummary } from "@skynet-data/sdk";
import { functionsView, lazyReleaseModule } from "@skynet-data/sdk/authoring";
import { transform } from "esbuild";
import { build, defaultClientConditions, type Plugin } from "vite";
import { prerenderedPane } from "../src/taskpane/dataset-list.js";
import { HELP_DIR, helpFileName, helpPages, readFunctionDocs } from "./help-pages.js";
import { addinData, DATA_DIR, keyDefine, type AddinData } from "./release-data.js";

/** The add-in workspace folder (add-in/). */
export const ADDIN_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The repository root, where manifest.xml lives. */
export const REPO_DIR = resolve(ADDIN_DIR, "..");

/** The base URL the development manifest uses; the build replaces it with ADDIN_BASE_URL. */
export const DEV_BASE_URL = "https://localhost:3000/";

/** Stable file names the manifest refers to (never hashed). */
export const RUNTIME_FILES = {
  taskpane: "taskpane.html",
  functionsScript: "functions.js",
  functionsMetadata: "functions.json",
  manifest: "manifest.xml",
  support: "support.html",
} as const;

/** The CDN address of office.js that the taskpane page must load (Microsoft requires the CDN copy). */
export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

export const PATHS = {
  manifest: join(REPO_DIR, "manifest.xml"),
  taskpaneRoot: join(ADDIN_DIR, "src", "taskpane"),
  functionsSource: join(ADDIN_DIR, "src", "functions", "functions.ts"),
  runtimeEntry: join(ADDIN_DIR, "src", "functions", "runtime.ts"),
  assets: join(ADDIN_DIR, "assets"),
  dist: join(ADDIN_DIR, "dist"),
  addinPackage: join(ADDIN_DIR, "package.json"),
  /** Azure Static Web Apps reads its configuration from the root of what it serves, so the build copies it there. */
  staticWebAppConfig: join(REPO_DIR, "deploy", "staticwebapp.config.json"),
};

export type BaseUrlResult = { ok: true; url: string } | { ok: false; message: string };

/**
 * Reads the production base URL (normally `process.env.ADDIN_BASE_URL`): unset or empty means the
 * development address; anything else must be an absolute https URL without query or fragment.
 * @example
 * parseBaseUrl("https://addin.example.org/skynet") //=> { ok: true, url: "https://addin.example.org/skynet/" }
 * parseBaseUrl("http://example.org/") //=> { ok: false, message: "ADDIN_BASE_URL must be an https:// URL ..." }
 */
export function parseBaseUrl(raw: string | undefined): BaseUrlResult {
  const text = raw?.trim() ?? "";
  if (text === "") return { ok: true, url: DEV_BASE_URL };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `ADDIN_BASE_URL must be an absolute https:// URL such as https://addin.example.org/skynet/, got "${text}".` };
  }
  if (url.protocol !== "https:") {
    return { ok: false, message: `ADDIN_BASE_URL must be an https:// URL (Office loads add-ins only over HTTPS), got "${text}".` };
  }
  if (url.search || url.hash || url.username || url.password) {
    return { ok: false, message: `ADDIN_BASE_URL must be a plain folder URL without query, fragment or credentials, got "${text}".` };
  }
  const path = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return { ok: true, url: `${url.origin}${path}` };
}

/** The add-in's version (add-in/package.json), which the built manifest and the ?v= of functions.js carry. */
export async function addinVersion(): Promise<string> {
  const { version } = JSON.parse(await readFile(PATHS.addinPackage, "utf8")) as { version?: unknown };
  if (typeof version !== "string") throw new Error(`${PATHS.addinPackage} has no version.`);
  return version;
}

/**
 * The manifest `<Version>` of a package version: four numeric parts of at most five digits each.
 * @example
 * manifestVersion("0.1.0") //=> "0.1.0.0"
 * manifestVersion("1.0.0-beta.1") // throws: a release needs a plain x.y.z version
 */
export function manifestVersion(version: string): string {
  const m = /^(\d{1,5})\.(\d{1,5})\.(\d{1,5})$/.exec(version);
  if (!m) {
    throw new Error(`The add-in version "${version}" (add-in/package.json) cannot be a manifest version: use a plain x.y.z version, each part a whole number of at most 5 digits.`);
  }
  return `${Number(m[1])}.${Number(m[2])}.${Number(m[3])}.0`;
}

/**
 * What a build's functions.js and functions.json addresses carry: the version and the first 8 hex digits of SHA-256
 * over functions.js then functions.json, so a new build, even of the same version, gets new addresses.
 * @example
 * releaseToken("0.1.0", "script", "{}") //=> "0.1.0-" + 8 hex digits
 */
export function releaseToken(version: string, script: string | Uint8Array, metadata: string | Uint8Array): string {
  return `${version}-${createHash("sha256").update(script).update(metadata).digest("hex").slice(0, 8)}`;
}

/** The manifest resources that name functions.js and functions.json. */
export const VERSIONED_RESOURCES = ["Functions.Script.Url", "Functions.Metadata.Url"] as const;

/**
 * Rewrites the development manifest for a deployment: every `https://localhost:3000/` becomes `baseUrl`; for a
 * release, `<Version>` follows the package version and the functions' addresses carry `?v=<token>`.
 * @example
 * productionManifest('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>', "https://cdn.example.org/a/")
 * //=> '<SourceLocation DefaultValue="https://cdn.example.org/a/taskpane.html"/>'
 */
export function productionManifest(xml: string, baseUrl: string, release?: { version: string; token: string }): string {
  let out = xml.split(DEV_BASE_URL).join(baseUrl);
  if (!release) return out;
  const versions = out.match(/<Version>[^<]*<\/Version>/g) ?? [];
  if (versions.length !== 1) throw new Error(`manifest.xml must have one <Version>, found ${versions.length}.`);
  out = out.replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(release.version)}</Version>`);
  for (const id of VERSIONED_RESOURCES) {
    const url = new RegExp(`(<bt:Url\\s+id="${id.replace(/\./g, "\\.")}"\\s+DefaultValue=")([^"?]+)(")`);
    if (!url.test(out)) throw new Error(`manifest.xml has no <bt:Url id="${id}" DefaultValue="..."/> to version.`);
    out = out.replace(url, `$1$2?v=${release.token}$3`);
  }
  return out;
}

/**
 * functions.json for a deployment: each function's helpUrl moves from https://localhost:3000/ to `baseUrl` (and is
 * filled in where the JSDoc has no @helpurl); a helpUrl that is not the function's help page stops the build.
 */
export function productionMetadata(json: string, baseUrl: string): string {
  const metadata = JSON.parse(json) as { functions?: Array<{ id: string; helpUrl?: string }> };
  for (const f of metadata.functions ?? []) {
    const page = `${HELP_DIR}/${helpFileName(f.id)}`;
    const url = f.helpUrl === undefined ? `${DEV_BASE_URL}${page}` : f.helpUrl;
    if (url !== `${DEV_BASE_URL}${page}`) {
      throw new Error(`The @helpurl of ${f.id} is "${url}"; it must be ${DEV_BASE_URL}${page}, the page the build writes for it.`);
    }
    f.helpUrl = `${baseUrl}${page}`;
  }
  return `${JSON.stringify(metadata, null, 2)}\n`;
}

/** The custom functions' namespace: the manifest's Functions.Namespace short string. */
export function functionsNamespace(xml: string): string {
  const m = /<bt:String\s+id="Functions\.Namespace"\s+DefaultValue="([^"]+)"/.exec(xml);
  if (!m) throw new Error("manifest.xml has no Functions.Namespace short string.");
  return m[1]!;
}

/** The help pages (file name under help/ → HTML) for the functions in `metadataJson`, from the JSDoc of functions.ts. */
export async function functionHelpPages(metadataJson: string, manifestXml: string): Promise<Map<string, string>> {
  const docs = readFunctionDocs(await readFile(PATHS.functionsSource, "utf8"), PATHS.functionsSource);
  return helpPages({ namespace: functionsNamespace(manifestXml), metadata: JSON.parse(metadataJson), docs });
}

/** Everything a build writes besides the taskpane bundle. */
export interface Release {
  version: string;
  token: string;
  script: string;
  metadata: string;
  manifest: string;
  help: Map<string, string>;
  /** dist/data (the data release folder) and the public key embedded in functions.js and the pane. */
  data: AddinData;
}

/** Builds functions.js, functions.json, the help pages, the manifest and dist/data for one base URL. */
export async function buildRelease(baseUrl: string, data: Promise<AddinData> = addinData({ production: baseUrl !== DEV_BASE_URL })): Promise<Release> {
  const addin = await data;
  const [script, generated, version, sourceManifest] = await Promise.all([bundleRuntimeScript(), functionsMetadata(), addinVersion(), readFile(PATHS.manifest, "utf8")]);
  const metadata = productionMetadata(generated, baseUrl);
  const token = releaseToken(version, script, metadata);
  return { version, token, script, metadata, manifest: productionManifest(sourceManifest, baseUrl, { version, token }), help: await functionHelpPages(metadata, sourceManifest), data: addin };
}

/** Generates functions.json text from the JSDoc-tagged functions; throws with every generator error listed. */
export async function functionsMetadata(source: string = PATHS.functionsSource): Promise<string> {
  const result = await generateCustomFunctionsMetadata(source, false);
  if (result.errors.length > 0) {
    throw new Error(`custom-functions-metadata found ${result.errors.length} problem(s) in ${source}:\n  ${result.errors.join("\n  ")}`);
  }
  // The generator returns "" when the file tags no function yet; Excel needs valid JSON either way.
  return result.metadataJson.trim() === "" ? `${JSON.stringify({ functions: [] }, null, 2)}\n` : result.metadataJson;
}

/** Rollup warnings that are noise: zod ships comments Rollup cannot place; they are dropped harmlessly. */
export function isNoise(log: { code?: string }): boolean {
  return log.code === "INVALID_ANNOTATION";
}

const RELEASE_FILE = /\d{4}\.\d{1,2}\.\d+\.json$/;
/** A compiled release file, as the SDK's authoring kit reads it. */
type FullRelease = Parameters<typeof functionsView>[0];

/**
 * A Vite plugin that turns every import of a compiled release (`<version>.json`) into the module `write` makes of it,
 * through a virtual module (not a .json id, so Vite's JSON plugin leaves it alone). A JSON text parsed once is far
 * cheaper for the engine than the same data as an object literal, and it is parsed when first read, not when the
 * script is evaluated.
 */
function releaseAsModule(name: string, write: (release: FullRelease) => string): Plugin {
  const prefix = `\0${name}:`;
  const suffix = ".release.js";
  return {
    name,
    enforce: "pre",
    async resolveId(source, importer) {
      if (!RELEASE_FILE.test(source) || !importer) return null;
      return `${prefix}${resolve(dirname(importer), source)}${suffix}`;
    },
    async load(id) {
      if (!id.startsWith(prefix)) return null;
      return write(JSON.parse(await readFile(id.slice(prefix.length, -suffix.length), "utf8")) as FullRelease);
    },
  };
}

/**
 * functions.js bundles the release as the custom functions need it (`functionsView`): every record and every field a
 * function answers with, without the changelog and the prose no function shows, parsed on a function's first call.
 */
export const functionsReleaseView: Plugin = releaseAsModule("skynet-functions-release-view", (release) => lazyReleaseModule(functionsView(release)));

/**
 * The pane bundles the whole release (it draws charts and writes every column), written as it is (one JSON.parse)
 * and parsed when first read.
 */
export const paneReleaseLazy: Plugin = releaseAsModule("skynet-pane-release-lazy", (release) => lazyReleaseModule(release, { compact: false }));

/**
 * Bundles src/functions/runtime.ts (the custom functions and the data feed's hook into them) into one classic script
 * with no imports, so functions.js loads from a `<script>` in the taskpane page and standalone. `define` sets
 * build-time constants.
 */
export async function bundleRuntimeScript(entry: string = PATHS.runtimeEntry, define: Record<string, string> = {}): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: "warn",
    root: ADDIN_DIR,
    define,
    resolve: { conditions: ["source", ...defaultClientConditions] },
    plugins: [functionsReleaseView],
    build: {
      write: false,
      emptyOutDir: false,
      minify: true,
      sourcemap: false,
      target: "es2022",
      copyPublicDir: false,
      lib: { entry, formats: ["iife"], name: "SkynetRuntime", fileName: () => RUNTIME_FILES.functionsScript },
      rollupOptions: {
        onLog: (level, log, handler) => (isNoise(log) ? undefined : handler(level, log)),
      },
    },
  });
  const outputs = Array.isArray(output) ? output : [output];
  for (const out of outputs) {
    if (!("output" in out)) continue;
    const chunk = out.output.find((file) => file.type === "chunk" && file.isEntry);
    // All in ASCII (other characters as escapes): the engine then holds the source one byte a character, and
    // compiles it about twice as fast (README, Performance).
    if (chunk && chunk.type === "chunk") return (await transform(chunk.code, { charset: "ascii", minify: true, target: "es2022" })).code;
  }
  throw new Error(`Bundling ${entry} produced no script.`);
}

const CONTENT_TYPES: Record<string, string> = {
  ".png": "image/png",
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
};

/** Static files copied into dist/: icons under assets/, the support page at the root. */
async function staticFiles(): Promise<Array<{ fileName: string; source: string }>> {
  const names = (await readdir(PATHS.assets)).sort();
  return names
    .filter((name) => name.endsWith(".png") || name === RUNTIME_FILES.support)
    .map((name) => ({ fileName: name.endsWith(".png") ? `assets/${name}` : name, source: join(PATHS.assets, name) }));
}

/**
 * Takes the page's deferred and module scripts (functions.js, the pane's module) out of the markup and loads them from
 * one inline script at the end of the body, classic scripts before modules (`async = false`: they run in that order,
 * functions.js first, then the pane's module, which Vite puts in the head). The browser's preload scanner no longer
 * finds them while the parser still waits for office.js, so fetching and compiling them (450 KB) no longer competes
 * with the parse for the CPU, and the dataset list is in the page sooner (bench: median 179 → 123 ms over 30
 * interleaved opens) with the pane's script in place at the same time.
 * A page with none of these scripts is returned as it is; one without `</body>` is refused in words.
 * @example
 * scriptsAfterList('<head><script type="module" src="a.js"></script></head><body><p>list</p></body>')
 * //=> '<head></head><body><p>list</p>  <script>[{"type":"module","src":"a.js"}].forEach(…)</script>\n  </body>'
 */
export function scriptsAfterList(html: string): string {
  const tags = [...html.matchAll(/[ \t]*<script\b([^>]*)><\/script>\n?/g)].filter(([, attrs]) => /\bsrc=/.test(attrs!) && /\btype=["']module["']|\bdefer\b/.test(attrs!));
  if (!tags.length) return html;
  if (!/<\/body>/i.test(html)) throw new Error("taskpane.html has no </body>: the script that loads functions.js and the pane goes just before it.");
  const isModule = (attrs: string) => /\btype=["']module["']/.test(attrs);
  const ordered = [...tags.filter(([, a]) => !isModule(a!)), ...tags.filter(([, a]) => isModule(a!))];
  const scripts = ordered.map(([, attrs]) => {
    const out: Record<string, string> = {};
    for (const [, name, quoted, single] of attrs!.matchAll(/([a-z-]+)(?:=(?:"([^"]*)"|'([^']*)'))?/gi)) {
      if (!/^(defer|async|vite-ignore)$/i.test(name!)) out[name!.toLowerCase()] = quoted ?? single ?? "";
    }
    return out;
  });
  const list = JSON.stringify(scripts).replace(/</g, "\\u003c");
  const loader =
    `<script>${list}.forEach(function (a) { var s = document.createElement("script"); ` +
    `for (var k in a) s.setAttribute(k, a[k]); s.async = false; document.body.appendChild(s); });</script>`;
  const out = tags.reduce((h, [tag]) => h.replace(tag, ""), html);
  return out.replace(/<\/body>/i, `  ${loader}\n  </body>`);
}

/** The Vite plugin that applies scriptsAfterList to the page (after Vite has put its module script in). */
export const scriptsLoadedAfterList: Plugin = {
  name: "skynet-scripts-after-list",
  transformIndexHtml: { order: "post", handler: (html) => scriptsAfterList(html) },
};

/**
 * Writes the bundled release's dataset list into the page's pane section (`<section id="pane">`), so an analyst can
 * read and tick it while the scripts load; the pane takes it over with the ticks. Throws if the page has no such section.
 * @example
 * prerenderPane('<section id="pane" class="pane"><p>Loading…</p></section>', listDatasets()) //=> '<section id="pane" class="pane"><header …'
 */
export function prerenderPane(html: string, datasets: readonly DatasetSummary[]): string {
  const section = /(<section\b[^>]*\bid="pane"[^>]*>)[\s\S]*?(<\/section>)/;
  if (!section.test(html)) throw new Error('taskpane.html has no <section id="pane"> to write the dataset list into.');
  return html.replace(section, (_m, open: string, close: string) => `${open}${prerenderedPane(datasets)}${close}`);
}

/** Adds `vite-ignore` to the CDN office.js tag (or inserts the tag if the page lacks it) so Vite never bundles it. */
export function markOfficeJs(html: string): string {
  const tag = /<script\b([^>]*?)\bsrc=["']https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js["']([^>]*)>/i;
  const match = tag.exec(html);
  if (!match) {
    return html.replace(/<\/head>/i, `  <script type="text/javascript" src="${OFFICE_JS_CDN}" vite-ignore></script>\n  </head>`);
  }
  if (/\bvite-ignore\b/.test(match[0])) return html;
  return html.replace(match[0], match[0].replace(/>$/, " vite-ignore>"));
}

/**
 * The Vite plugin of the add-in: keeps office.js on the CDN, loads functions.js in the taskpane page (the shared
 * runtime), and emits functions.js, functions.json, icons, the help page and the production manifest.
 */
export function skynetAddin(options: { baseUrl: string }): Plugin {
  let building = false;
  let release: Promise<Release> | undefined;
  // dist/data and the key to embed, made once per build or dev server.
  let data: Promise<AddinData> | undefined;
  const dataOnce = () =>
    (data ??= addinData({ production: options.baseUrl !== DEV_BASE_URL }).then((d) => {
      for (const note of d.notes) console.warn(`[skynet-addin] ${note}`);
      return d;
    }));
  return {
    name: "skynet-addin",
    // The pane's bundle (which runs the data feed) embeds the public key that checks release signatures.
    async config() {
      return { define: keyDefine((await dataOnce()).publicKey) };
    },
    configResolved(config) {
      building = config.command === "build";
    },
    buildStart() {
      // Built first: the taskpane page names functions.js by the release token.
      if (building) release = buildRelease(options.baseUrl, dataOnce());
    },
    transformIndexHtml: {
      order: "pre",
      handler: async (html) => {
        const token = building && release ? (await release).token : null;
        const src = token ? `${RUNTIME_FILES.functionsScript}?v=${token}` : RUNTIME_FILES.functionsScript;
        // Deferred, then loaded with the pane's module from the end of the body by scriptsAfterList: functions.js runs
        // first, and the list shows while both load and run.
        return { html: prerenderPane(markOfficeJs(html), listDatasets()), tags: [{ tag: "script", attrs: { src, defer: true, "vite-ignore": true }, injectTo: "body" }] };
      },
    },
    async generateBundle() {
      const r = await (release ??= buildRelease(options.baseUrl, dataOnce()));
      this.emitFile({ type: "asset", fileName: RUNTIME_FILES.functionsScript, source: r.script });
      for (const [name, bytes] of r.data.files) this.emitFile({ type: "asset", fileName: `${DATA_DIR}/${name}`, source: bytes });
      this.emitFile({ type: "asset", fileName: RUNTIME_FILES.functionsMetadata, source: r.metadata });
      for (const [name, html] of r.help) this.emitFile({ type: "asset", fileName: `${HELP_DIR}/${name}`, source: html });
      for (const file of await staticFiles()) this.emitFile({ type: "asset", fileName: file.fileName, source: await readFile(file.source) });
      this.emitFile({ type: "asset", fileName: RUNTIME_FILES.manifest, source: r.manifest });
      this.emitFile({ type: "asset", fileName: "staticwebapp.config.json", source: await readFile(PATHS.staticWebAppConfig) });
    },
    configureServer(server) {
      // Rebundle functions.js and regenerate the help only after a source change, not on every request.
      let runtimeScript: Promise<string> | undefined;
      let help: Promise<Map<string, string>> | undefined;
      server.watcher.on("all", () => (runtimeScript = help = undefined));
      server.middlewares.use(async (req, res, next) => {
        const path = new URL(req.url ?? "/", "https://localhost").pathname;
        try {
          let body: string | Buffer | undefined;
          if (path === `/${RUNTIME_FILES.functionsScript}`) {
            runtimeScript ??= bundleRuntimeScript();
            body = await runtimeScript.catch((error: unknown) => {
              runtimeScript = undefined;
              throw error;
            });
          }
          else if (path === `/${RUNTIME_FILES.functionsMetadata}`) body = productionMetadata(await functionsMetadata(), DEV_BASE_URL);
          else if (path.startsWith(`/${HELP_DIR}/`)) {
            help ??= (async () => functionHelpPages(productionMetadata(await functionsMetadata(), DEV_BASE_URL), await readFile(PATHS.manifest, "utf8")))();
            body = (await help.catch((error: unknown) => {
              help = undefined;
              throw error;
            })).get(path.slice(HELP_DIR.length + 2));
          }
          else if (path === `/${RUNTIME_FILES.manifest}`) body = await readFile(PATHS.manifest, "utf8");
          else if (path.startsWith(`/${DATA_DIR}/`)) body = (await dataOnce()).files.get(path.slice(DATA_DIR.length + 2));
          else {
            const file = (await staticFiles()).find((f) => `/${f.fileName}` === path);
            if (file) body = await readFile(file.source);
          }
          if (body === undefined) return next();
          res.setHeader("Content-Type", CONTENT_TYPES[extname(path)] ?? "application/octet-stream");
          res.setHeader("Cache-Control", "no-store");
          res.end(body);
        } catch (error) {
          next(error);
        }
      });
    },
  };
}
