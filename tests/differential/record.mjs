// Records the differential fixture: what every custom function answers today over its whole argument domain.
//
//   node tests/differential/record.mjs
//       answers from this checkout's sdk/ (refused when sdk/ or seeds/ differ from HEAD);
//   node tests/differential/record.mjs --from /tmp/diff-base --commit <sha>
//       answers from a clean export of that commit, made with
//       `mkdir /tmp/diff-base && git archive <sha> sdk seeds tsconfig.base.json | tar -x -C /tmp/diff-base && ln -s "$PWD/node_modules" /tmp/diff-base/node_modules`
//       (use this while others have sdk/ changes in the checkout; the fixture in the repository was recorded this way).
//
// It bundles record.ts with esbuild (the SDK from source, as vitest resolves it), runs it, and writes
// tests/differential/answers-before-release.json, one [call, answer] per line. differential.test.ts replays it.
import { Buffer } from "node:buffer";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");

const argv = process.argv.slice(2);
const option = (name) => {
  const i = argv.indexOf(name);
  return i < 0 ? undefined : argv[i + 1];
};
const from = option("--from");
const git = (...args) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trimEnd();

let commit = option("--commit");
if (from) {
  if (!commit) {
    console.error("--from needs --commit <sha>: the commit the export was made from");
    process.exit(2);
  }
  commit = git("rev-parse", "--verify", `${commit}^{commit}`);
} else {
  const dirty = git("status", "--porcelain", "--", "sdk", "seeds");
  if (dirty) {
    console.error(`sdk/ or seeds/ differ from HEAD, so the answers would not be those of a commit:\n${dirty}\nRecord from a clean export instead (see the header of this file).`);
    process.exit(1);
  }
  commit = git("rev-parse", "HEAD");
}
const sdkRoot = resolve(from ?? ROOT);

const out = mkdtempSync(join(tmpdir(), "skynet-differential-"));
try {
  const bundle = join(out, "record.mjs");
  await build({
    entryPoints: [join(HERE, "record.ts")],
    outfile: bundle,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    conditions: ["source"],
    alias: { "@skynet-data/sdk": join(sdkRoot, "sdk/src/index.ts") },
    logLevel: "warning",
  });
  const { recordAnswers, fixtureText, FIXTURE_FILE, ENCODING } = await import(pathToFileURL(bundle).href);
  const { dataVersion, entries } = recordAnswers();
  const text = fixtureText(
    {
      fixture: "What every SKYNET.* custom function answered before the compiled-release lookup replaced the implementations.",
      dataVersion,
      recordedFrom: `${commit} (sdk/ and seeds/ as committed)`,
      recordedWith: "node tests/differential/record.mjs",
      encoding: ENCODING,
    },
    entries,
  );
  const file = join(HERE, FIXTURE_FILE);
  writeFileSync(file, text);
  const kinds = {};
  for (const [, a] of entries) {
    const k = a === null || typeof a !== "object" ? typeof a : Array.isArray(a) ? "table" : "error" in a ? `error ${a.error}` : "$thrown" in a ? "thrown" : "entity";
    kinds[k] = (kinds[k] ?? 0) + 1;
  }
  console.log(`Wrote ${FIXTURE_FILE}: ${entries.length} calls, ${Buffer.byteLength(text)} bytes, data version ${dataVersion}, commit ${commit.slice(0, 12)}`);
  console.log(Object.entries(kinds).map(([k, n]) => `  ${k}: ${n}`).join("\n"));
} finally {
  rmSync(out, { recursive: true, force: true });
}
