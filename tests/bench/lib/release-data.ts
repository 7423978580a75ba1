// For the bench's source-map builds only: gives the bundled release JSON a source map, so the bytes of a bundle that
// are release data can be told from code (tests/bench/lib/sourcemap.ts attributes bytes by the map).
import { readFile } from "node:fs/promises";
import type { Plugin } from "vite";

/**
 * Vite's JSON plugin gives a JSON module an empty source map, so a bundle's source map says nothing about where the
 * data went and every byte of it is counted with the code next to it. For the breakdown build only, the release file
 * is loaded under another id and turned into the same ES module Vite would make (named exports, large values through
 * JSON.parse), with a map that points every line of it at the JSON file. Whatever the build's own plugins load for the
 * release (functions.js bundles a lazily parsed view of it) is what gets bundled, with the same map.
 */
export function releaseDataSourceMap(loaders: Plugin[]): Plugin {
  // An id Vite's JSON plugin does not claim (it takes ".json" and ".json?…").
  const SUFFIX = ".bench-release-data.js";
  // The release file, or the id under which a build's own plugin loads it as a module (addin-build.ts releaseAsModule:
  // "\0<plugin>:…/releases/<version>.json.release.js").
  const isRelease = (id: string) => /[\\/]releases[\\/][^\\/]+\.json(\.release\.js)?$/.test(id);
  const loadedAs = new Map<string, string>();
  const jsonPath = (id: string) => id.replace(/^\0[^:]*:/, "").replace(/\.release\.js$/, "");
  return {
    name: "bench-release-data-source-map",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (!importer || !source.endsWith(".json")) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || !isRelease(resolved.id)) return null;
      // Rollup keeps no source map for a module whose id starts with \0 (a plugin's virtual module): a plain id here.
      const id = `${jsonPath(resolved.id)}${resolved.id === jsonPath(resolved.id) ? "" : ".view"}${SUFFIX}`;
      loadedAs.set(id, resolved.id);
      return id;
    },
    async load(id) {
      if (!id.endsWith(SUFFIX)) return null;
      const file = loadedAs.get(id) ?? id.slice(0, -SUFFIX.length);
      let text: string | undefined;
      for (const p of loaders) {
        const hook = typeof p.load === "function" ? p.load : p.load?.handler;
        const r: unknown = hook ? await (hook as (this: unknown, id: string) => unknown).call(this, file) : null;
        if (typeof r === "string") text = r;
        else if (r && typeof r === "object" && "code" in r && typeof r.code === "string") text = r.code;
        if (text !== undefined) break;
      }
      // A build plugin's module (functions.js: the lazily parsed view, lazyReleaseModule) is kept as it is: its few
      // lines of reader code are counted as release data with the text they read.
      const code = text ?? jsonModule(await readFile(file, "utf8"));
      const lines = code.split("\n").length;
      const source = jsonPath(file);
      return { code, map: { version: 3, file: source, sources: [source], names: [], mappings: Array.from({ length: lines }, () => "AAAA").join(";") } };
    },
  };
}

/** The module Vite's JSON plugin makes of a JSON object (namedExports, stringify "auto": values over 10 kB as JSON.parse). */
export function jsonModule(json: string): string {
  const parsed = JSON.parse(json) as Record<string, unknown>;
  const value = (v: unknown) => {
    const s = JSON.stringify(v);
    return typeof v === "object" && v !== null && s.length > 10_000 ? `/* #__PURE__ */ JSON.parse(${JSON.stringify(s)})` : s;
  };
  let code = "";
  let object = "{\n";
  for (const [k, v] of Object.entries(parsed)) {
    if (/^[A-Za-z_$][\w$]*$/.test(k)) {
      code += `export const ${k} = ${value(v)};\n`;
      object += `  ${k},\n`;
    } else object += `  ${JSON.stringify(k)}: ${value(v)},\n`;
  }
  return `${code}export default ${object}};\n`;
}
