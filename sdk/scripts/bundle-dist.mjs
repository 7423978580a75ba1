// npm run build (sdk), last step: the package's entries (".", "./functions", "./authoring") as a few ES modules
// instead of the ~45 that tsc writes, so `import "@skynet-data/sdk"` costs Node's module loader a few files, not
// dozens (README, Performance). Code the entries share goes into dist/chunks/, so they share one catalogue. The
// bundled release becomes a module that parses its JSON text when first read (lazyReleaseModule), written as it is
// (compact: false): one JSON.parse, no columns to read back.
// tsc's .d.ts files stay as they are: the package's "types" point at them.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const { lazyReleaseModule } = await import(pathToFileURL(`${dist}release/view.js`).href);

const lazyRelease = {
  name: "lazy-release",
  setup(b) {
    b.onResolve({ filter: /\d{4}\.\d{1,2}\.\d+\.json$/ }, (args) => ({ path: fileURLToPath(new URL(args.path, pathToFileURL(args.importer))), namespace: "lazy-release" }));
    b.onLoad({ filter: /.*/, namespace: "lazy-release" }, async (args) => ({ contents: lazyReleaseModule(JSON.parse(await readFile(args.path, "utf8")), { compact: false }), loader: "js" }));
  },
};

// Chunks of an earlier build (their names carry a hash) would linger beside the new ones.
rmSync(`${dist}chunks`, { recursive: true, force: true });
await build({
  entryPoints: { index: `${dist}index.js`, "functions-entry": `${dist}functions-entry.js`, "authoring/index": `${dist}authoring/index.js` },
  outdir: dist,
  allowOverwrite: true,
  bundle: true,
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  sourcemap: true,
  plugins: [lazyRelease],
  logLevel: "warning",
});
