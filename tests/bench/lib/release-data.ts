// For the bench's source-map builds only: gives the bundled release JSON a source map, so the bytes of a bundle that
// are release data can be told from code (tests/bench/lib/sourcemap.ts attributes bytes by the map).
import { readFile } from "node:fs/promises";
import type { Plugin } from "vite";

/**
 * Vite's JSON plugin gives a JSON module an empty source map, so a bundle's source map says nothing about where the
 * data went and every byte of it is counted with the code next to it. For the breakdown build only, the release file
 * is loaded under another id and turned into the same ES module Vite would make (named exports, large values through
 * JSON.parse), with a map that points every line of it at the JSON file. Whatever the build's own plugins load for the
 * release (functions.js bundles a view of it) is what gets bundled.
 */
export function releaseDataSourceMap(loaders: Plugin[]): Plugin {
  // An id Vite's JSON plugin does not claim (it takes ".json" and ".json?…").
  const SUFFIX = ".bench-release-data.js";
  const isRelease = (id: string) => /[\\/]releases[\\/][^\\/]+\.json$/.test(id);
  return {
    name: "bench-release-data-source-map",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (!importer || !source.endsWith(".json")) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && isRelease(resolved.id) ? `${resolved.id}${SUFFIX}` : null;
    },
    async load(id) {
      if (!id.endsWith(SUFFIX)) return null;
      const file = id.slice(0, -SUFFIX.length);
      let text: string | undefined;
      for (const p of loaders) {
        const hook = typeof p.load === "function" ? p.load : p.load?.handler;
        const r: unknown = hook ? await (hook as (this: unknown, id: string) => unknown).call(this, file) : null;
        if (typeof r === "string") text = r;
        else if (r && typeof r === "object" && "code" in r && typeof r.code === "string") text = r.code;
        if (text !== undefined) break;
      }
      const code = jsonModule(text ?? (await readFile(file, "utf8")));
      const lines = code.split("\n").length;
      return { code, map: { version: 3, file, sources: [file], names: [], mappings: Array.from({ length: lines }, () => "AAAA").join(";") } };
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
