// npm run build (sdk), first step: compiles sdk/src/datasets into sdk/src/releases/<version>.json.
// The compiler is TypeScript; esbuild bundles it in memory and it runs here. Problems are printed in words, exit 1.
import { build } from "esbuild";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const sdkRoot = fileURLToPath(new URL("..", import.meta.url));
const out = await build({
  entryPoints: [fileURLToPath(new URL("../src/authoring/build.ts", import.meta.url))],
  bundle: true,
  platform: "node",
  format: "esm",
  write: false,
  packages: "external",
  logLevel: "error",
});
// Written beside the repository's node_modules so the bundle's imports (zod, date-fns) resolve.
const cache = fileURLToPath(new URL("../../node_modules/.cache/skynet-release/", import.meta.url));
mkdirSync(cache, { recursive: true });
writeFileSync(`${cache}build.mjs`, out.outputFiles[0].text);
const { buildRelease } = await import(pathToFileURL(`${cache}build.mjs`).href);
try {
  const { release, path, previous } = buildRelease(sdkRoot);
  const c = release.changelog;
  console.log(`release ${release.version} (${release.date}) sha256 ${release.hash.slice(0, 12)}… -> ${path.slice(sdkRoot.length)}`);
  console.log(previous ? `  since ${previous}: ${c.added.length} added, ${c.removed.length} removed, ${c.revised.length} revised` : "  the first release");
} catch (e) {
  if (e?.name !== "ReleaseBuildError") throw e;
  console.error(e.message);
  process.exit(1);
}
