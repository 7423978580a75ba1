// Build pieces of the add-in: the production manifest, functions.json, the functions.js runtime script,
// and the Vite plugin that puts them (with the icons and the help page) into dist/ and on the dev server.
import { readFile, readdir } from "node:fs/promises";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { build, defaultClientConditions, type Plugin } from "vite";

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
  runtimeEntry: join(ADDIN_DIR, "src", "commands", "runtime.ts"),
  assets: join(ADDIN_DIR, "assets"),
  dist: join(ADDIN_DIR, "dist"),
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

/**
 * Rewrites the development manifest for a deployment: every `https://localhost:3000/` becomes `baseUrl`.
 * @example
 * productionManifest('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>', "https://cdn.example.org/a/")
 * //=> '<SourceLocation DefaultValue="https://cdn.example.org/a/taskpane.html"/>'
 */
export function productionManifest(xml: string, baseUrl: string): string {
  return xml.split(DEV_BASE_URL).join(baseUrl);
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

// First statement inside the IIFE: outside Office (no office.js, e.g. a plain browser preview) do nothing, never throw.
const RUNTIME_GUARD = `if (typeof CustomFunctions === "undefined") return;`;

/** Rollup warnings that are noise: zod ships comments Rollup cannot place; they are dropped harmlessly. */
export function isNoise(log: { code?: string }): boolean {
  return log.code === "INVALID_ANNOTATION";
}

/**
 * Bundles src/commands/runtime.ts (startup behaviour + the custom functions) into one classic script with no
 * imports, so functions.js loads both from a `<script>` in the taskpane page and standalone.
 */
export async function bundleRuntimeScript(entry: string = PATHS.runtimeEntry): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: "warn",
    root: ADDIN_DIR,
    resolve: { conditions: ["source", ...defaultClientConditions] },
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
        output: { intro: RUNTIME_GUARD },
      },
    },
  });
  const outputs = Array.isArray(output) ? output : [output];
  for (const out of outputs) {
    if (!("output" in out)) continue;
    const chunk = out.output.find((file) => file.type === "chunk" && file.isEntry);
    if (chunk && chunk.type === "chunk") return chunk.code;
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

/** Static files copied into dist/: icons under assets/, the help page at the root. */
async function staticFiles(): Promise<Array<{ fileName: string; source: string }>> {
  const names = (await readdir(PATHS.assets)).sort();
  return names
    .filter((name) => name.endsWith(".png") || name === RUNTIME_FILES.support)
    .map((name) => ({ fileName: name.endsWith(".png") ? `assets/${name}` : name, source: join(PATHS.assets, name) }));
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
  return {
    name: "skynet-addin",
    transformIndexHtml: {
      order: "pre",
      handler: (html) => ({
        html: markOfficeJs(html),
        tags: [{ tag: "script", attrs: { src: RUNTIME_FILES.functionsScript, "vite-ignore": true }, injectTo: "head" }],
      }),
    },
    async generateBundle() {
      this.emitFile({ type: "asset", fileName: RUNTIME_FILES.functionsScript, source: await bundleRuntimeScript() });
      this.emitFile({ type: "asset", fileName: RUNTIME_FILES.functionsMetadata, source: await functionsMetadata() });
      for (const file of await staticFiles()) this.emitFile({ type: "asset", fileName: file.fileName, source: await readFile(file.source) });
      const manifest = productionManifest(await readFile(PATHS.manifest, "utf8"), options.baseUrl);
      this.emitFile({ type: "asset", fileName: RUNTIME_FILES.manifest, source: manifest });
    },
    configureServer(server) {
      // Rebundle functions.js only after a source change, not on every request.
      let runtimeScript: Promise<string> | undefined;
      server.watcher.on("all", () => (runtimeScript = undefined));
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
          else if (path === `/${RUNTIME_FILES.functionsMetadata}`) body = await functionsMetadata();
          else if (path === `/${RUNTIME_FILES.manifest}`) body = await readFile(PATHS.manifest, "utf8");
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
