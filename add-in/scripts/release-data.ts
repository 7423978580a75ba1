// The add-in build's data: the release folder `skynet-data release` writes (releases/<version>.json, index.json,
// latest.json, public-key.json), published from the SDK's compiled releases into dist/data/, and the public key the
// build embeds in functions.js and the pane to check release signatures. The CLI runs as its own process (the built
// packages/cli, as `npm start` and `npm run build` build it first): the build's own module resolution never has to
// load the CLI's dependencies.
//
// Which key: the CLI's signing key (SKYNET_RELEASE_PRIVATE_KEY in production; a developer's local key in
// ~/.skynet-data/release-signing-key.json, generated on first use) signs dist/data, and its public half is embedded.
// SKYNET_RELEASE_PUBLIC_KEY (a JWK) names the key to embed explicitly: the build stops if dist/data would be signed
// with another. SKYNET_ADDIN_DATA=none leaves dist/data out (the data is published elsewhere, e.g. a team's mirror);
// then SKYNET_RELEASE_PUBLIC_KEY is required.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { keyIdOf, publicKeyOf, readPublicKey, type ReleasePublicKey } from "@skynet-data/sdk";

/** The CLI's entry (packages/cli/bin/skynet-data.js), which runs the built CLI. */
export const CLI_BIN = resolve(dirname(fileURLToPath(import.meta.url)), "../../packages/cli/bin/skynet-data.js");

/** Runs `skynet-data release --out <out> [--release <file>]...`; resolves with what it printed on stderr. */
function runCliRelease(out: string, releases: readonly string[], env: Record<string, string | undefined>): Promise<string> {
  if (!existsSync(CLI_BIN)) return Promise.reject(new Error(`${CLI_BIN} is missing: the add-in build publishes dist/data with the skynet-data CLI.`));
  const args = [CLI_BIN, "release", "--out", out, ...releases.flatMap((r) => ["--release", r])];
  return new Promise((done, fail) =>
    execFile(process.execPath, args, { env: env as NodeJS.ProcessEnv, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error) fail(new Error(`skynet-data release could not publish dist/data: ${stderr.trim() || error.message}`));
      else done(stderr);
    }),
  );
}

/** The environment variable that names the public key to embed (a JWK, as public-key.json holds it). */
export const PUBLIC_KEY_ENV = "SKYNET_RELEASE_PUBLIC_KEY";
/** The environment variable that leaves dist/data out when set to "none". */
export const DATA_ENV = "SKYNET_ADDIN_DATA";
/** Where the release folder goes in dist/ (the add-in's default data address is `<base URL>data/`). */
export const DATA_DIR = "data";

export interface AddinData {
  /** dist/data's files by their path under data/ ("latest.json", "releases/2026.11.1.json"); empty when left out. */
  files: Map<string, Buffer>;
  /** The public key the build embeds. */
  publicKey: ReleasePublicKey;
  keyId: string;
  /** The newest release published, or null when dist/data is left out. */
  latest: string | null;
  /** What a developer should hear (a key generated, a production build signed with the local key). */
  notes: string[];
}

async function filesUnder(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const walk = async (d: string) => {
    for (const entry of (await readdir(d, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out.set(relative(dir, path).split(sep).join("/"), await readFile(path));
    }
  };
  await walk(dir);
  return out;
}

/**
 * Publishes the SDK's releases into a release folder for dist/data and returns its files and the key to embed.
 * Throws in words when the key to embed and the signing key differ.
 */
export async function addinData(options: { env?: Record<string, string | undefined>; home?: string; releases?: readonly string[]; production?: boolean } = {}): Promise<AddinData> {
  const env = options.env ?? process.env;
  const named = env[PUBLIC_KEY_ENV]?.trim() ? readPublicKey(env[PUBLIC_KEY_ENV], PUBLIC_KEY_ENV) : null;
  if (env[DATA_ENV] === "none") {
    if (!named) throw new Error(`${DATA_ENV}=none leaves dist/data out, so the build cannot take the key from it: set ${PUBLIC_KEY_ENV} to the public key (JWK) that signs the releases the add-in will read.`);
    return { files: new Map(), publicKey: publicKeyOf(named), keyId: await keyIdOf(named), latest: null, notes: [] };
  }
  const out = await mkdtemp(join(tmpdir(), "skynet-addin-data-"));
  try {
    const said = await runCliRelease(out, options.releases ?? [], { ...env, ...(options.home ? { HOME: options.home, USERPROFILE: options.home } : {}) });
    const files = await filesUnder(out);
    const published = files.get("public-key.json");
    const latest = files.get("latest.json");
    if (!published || !latest) throw new Error(`skynet-data release wrote no public-key.json or latest.json in ${out}`);
    const signing = readPublicKey(published.toString("utf8"), "public-key.json");
    const signingId = await keyIdOf(signing);
    if (named) {
      const namedId = await keyIdOf(named);
      if (namedId !== signingId) {
        throw new Error(
          `${PUBLIC_KEY_ENV} is key ${namedId}, but dist/data would be signed with key ${signingId}: the add-in would refuse its own data. ` +
            `Set SKYNET_RELEASE_PRIVATE_KEY to the private half of ${PUBLIC_KEY_ENV}, or ${DATA_ENV}=none to leave dist/data out.`,
        );
      }
    }
    const notes = said.split("\n").map((l) => l.trim()).filter((l) => /generated|warning/i.test(l));
    if (options.production && /signing with the local key/.test(said)) notes.push(`this production build's dist/data is signed with the local key (~/.skynet-data): production signs with SKYNET_RELEASE_PRIVATE_KEY, and embeds its public half`);
    return { files, publicKey: publicKeyOf(signing), keyId: signingId, latest: (JSON.parse(latest.toString("utf8")) as { version: string }).version, notes };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** What the build defines for the bundles: the embedded key as the JSON text of its JWK. */
export const keyDefine = (key: ReleasePublicKey): Record<string, string> => ({ __SKYNET_RELEASE_PUBLIC_KEY__: JSON.stringify(JSON.stringify(publicKeyOf(key))) });
