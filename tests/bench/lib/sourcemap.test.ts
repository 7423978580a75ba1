// The bench's byte attribution (not a timing): a bundle's bytes that are release data are told from its code.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type Rollup } from "vite";
import { afterAll, describe, expect, it } from "vitest";
import { paneReleaseLazy } from "../../../add-in/scripts/addin-build.js";
import { releaseDataSourceMap } from "./release-data.js";
import { attribute, RELEASE_DATA, type RawSourceMap } from "./sourcemap.js";

const dir = mkdtempSync(join(tmpdir(), "bench-sourcemap-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A release-shaped JSON: one value over Vite's 10 kB JSON.parse threshold, small ones inlined as object literals.
const records = Array.from({ length: 400 }, (_, i) => ({ id: `record-${i}`, value: i * 7, note: `note ${i} with some words` }));
const release = { format: 1, version: "9999.1.0", date: "9999-01-01", previous: null, hash: "0".repeat(64), data: { records }, answers: { A: { years: { 2014: 1, 2015: 2 } } } };
mkdirSync(join(dir, "src", "releases"), { recursive: true });
writeFileSync(join(dir, "src", "releases", "9999.1.0.json"), JSON.stringify(release, null, 2));
writeFileSync(
  join(dir, "src", "main.js"),
  `import release from "./releases/9999.1.0.json" with { type: "json" };
export function lookup(id) { return release.data.records.find((r) => r.id === id)?.value ?? release.answers.A.years[id] ?? null; }
export const version = release.version;
`,
);

async function bundle(plugins: ReturnType<typeof releaseDataSourceMap>[]) {
  const out = (await build({
    configFile: false,
    logLevel: "silent",
    root: dir,
    plugins,
    build: { write: false, minify: true, sourcemap: true, lib: { entry: join(dir, "src", "main.js"), formats: ["iife"], name: "T", fileName: () => "t.js" } },
  })) as Rollup.RollupOutput[];
  const chunk = out[0]!.output.find((f): f is Rollup.OutputChunk => f.type === "chunk" && f.isEntry)!;
  const code = chunk.code.replace(/\n\/\/# sourceMappingURL=.*\s*$/, "");
  return { code, shares: attribute(code, chunk.map as RawSourceMap) };
}

describe("bench: release data in a bundle, by source map", () => {
  it("counts the release's bytes as release data and the rest as code", async () => {
    const { code, shares } = await bundle([releaseDataSourceMap([])]);
    const data = shares.find((s) => s.group === RELEASE_DATA);
    const minified = JSON.stringify(records).length;
    expect(data).toBeDefined();
    // The records array (JSON.parse text) and the small inlined values, nothing of the function.
    expect(data!.bytes).toBeGreaterThan(minified);
    expect(data!.bytes).toBeLessThan(minified * 1.1);
    expect(data!.text).not.toContain("find(");
    expect(shares.reduce((n, s) => n + s.bytes, 0)).toBe(Buffer.byteLength(code));
  });

  it("counts a release the build loads as a module of its own (releaseAsModule: functions.js, the pane) as release data", async () => {
    const { code, shares } = await bundle([releaseDataSourceMap([paneReleaseLazy]), paneReleaseLazy]);
    const data = shares.find((s) => s.group === RELEASE_DATA);
    expect(data).toBeDefined();
    // The release's JSON text, in pieces, with the module's few lines that read it.
    expect(data!.bytes).toBeGreaterThan(JSON.stringify(records).length);
    expect(data!.text).toContain('"record-399"');
    expect(data!.text).not.toContain("find(");
    expect(shares.reduce((n, s) => n + s.bytes, 0)).toBe(Buffer.byteLength(code));
  });

  it("without the plugin the data is counted with the code next to it (why the bench needs it)", async () => {
    const { shares } = await bundle([]);
    expect(shares.some((s) => s.group === RELEASE_DATA)).toBe(false);
  });
});
