// `skynet-data release`: writes the release folder a static host serves (see README "Publishing a data release"):
//   releases/<version>.json  each release, byte for byte
//   index.json               { releases: [{ format, version, date, hash, size, url, signature, keyId }, …] }, oldest first
//   latest.json              the newest entry of index.json
//   public-key.json          the public key (JWK) that checks the signatures
// Every release is checked (format, hash) before anything is written; a version already published with other content
// is refused; earlier entries of an existing index.json are kept. Each file is written atomically, releases first
// and latest.json last, so a reader never finds latest.json naming a file that is not there yet.
import * as fs from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import {
  compareReleaseVersions,
  keyIdOf,
  loadRelease,
  parseJsonDocument,
  readPublicKey,
  readReleaseIndex,
  RELEASE_FOLDER,
  releaseFilePath,
  signRelease,
  verifySignature,
  type PublishedRelease,
} from "@skynet-data/sdk";
import { signingKey, type SigningKey } from "./signing-key.js";
import { realFs, writeArtifact, type WriteFs } from "./write.js";

/** The releases `npm run build` compiles into the SDK (shipped in its package as `@skynet-data/sdk/releases/*.json`), published when no --release is given. */
export const DEFAULT_RELEASES_DIR = join(dirname(createRequire(import.meta.url).resolve("@skynet-data/sdk/package.json")), "src", "releases");

/** A release that cannot be published, or a folder that cannot be merged with: the message says which and why. */
export class PublishError extends Error {
  override readonly name = "PublishError";
}

interface Candidate {
  path: string;
  bytes: Uint8Array;
  version: string;
  date: string;
  hash: string;
  format: number;
  previous: { version: string; hash: string } | null;
}

const short = (hash: string) => `${hash.slice(0, 12)}…`;
const encoder = new TextEncoder();
const jsonBytes = (value: unknown) => encoder.encode(`${JSON.stringify(value, null, 2)}\n`);
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.byteLength === b.byteLength && a.every((x, i) => x === b[i]);
const bytesText = (n: number) => `${n.toLocaleString("en-US")} bytes`;

async function readOptional(path: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await fs.readFile(path));
  } catch (e) {
    if ((e as { code?: string }).code === "ENOENT") return null;
    throw new PublishError(`cannot read "${path}": ${(e as { code?: string }).code ?? String(e)}`);
  }
}

/** The release files given, or every `<version>.json` in the SDK's releases folder. */
async function releaseFiles(given: readonly string[], dir: string): Promise<string[]> {
  if (given.length) return [...given];
  const names = await fs.readdir(dir).catch(() => {
    throw new PublishError(`no release files given, and the SDK's releases folder "${dir}" cannot be read: pass --release <file>`);
  });
  const files = names.filter((n) => /^\d{4}\.\d{1,2}\.\d+\.json$/.test(n)).map((n) => join(dir, n));
  if (!files.length) throw new PublishError(`no release files given, and "${dir}" holds none: run npm run build, or pass --release <file>`);
  return files;
}

/** Reads and checks one release file: the SDK loads it (shape, format, hash) exactly as a reader will. */
async function candidate(path: string): Promise<Candidate> {
  const bytes = await readOptional(path);
  if (!bytes) throw new PublishError(`cannot read the release file "${path}": it does not exist`);
  let release;
  try {
    release = loadRelease(new TextDecoder().decode(bytes)).release!;
  } catch (e) {
    throw new PublishError(`"${path}" cannot be published: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { path, bytes, version: release.version, date: release.date, hash: release.hash, format: release.format, previous: release.previous };
}

/** The entries of an existing index.json in the folder, or none. */
async function existingIndex(out: string): Promise<PublishedRelease[]> {
  const path = join(out, RELEASE_FOLDER.index);
  const bytes = await readOptional(path);
  if (!bytes) return [];
  try {
    return readReleaseIndex(parseJsonDocument(new TextDecoder().decode(bytes), `"${path}"`), `"${path}"`).releases;
  } catch (e) {
    throw new PublishError(`cannot merge with the existing ${path}: ${e instanceof Error ? e.message : String(e)}; repair it (never drop published releases) or publish into another folder`);
  }
}

/** What `release` did, for the words it prints and for tests. */
export interface PublishResult {
  out: string;
  /** Versions written now, and versions already there with the same content. */
  added: string[];
  unchanged: string[];
  /** Entries signed again because the key changed. */
  resigned: string[];
  index: PublishedRelease[];
  latest: PublishedRelease;
  key: SigningKey;
}

/**
 * Publishes releases into a folder: checks each one, merges with the folder's index.json, signs with the key
 * (`--key-file`, SKYNET_RELEASE_PRIVATE_KEY or the local key), and writes the release files, public-key.json,
 * index.json and latest.json. Throws PublishError (or WriteError) in words; nothing is written when a check fails.
 */
export async function publishReleases(options: {
  out: string;
  releases: readonly string[];
  keyFile?: string;
  env: Record<string, string | undefined>;
  home: string;
  notice: (text: string) => void;
  fs?: WriteFs;
  releasesDir?: string;
}): Promise<PublishResult> {
  const out = resolve(options.out);
  const stat = await fs.stat(out).catch(() => null);
  if (stat && !stat.isDirectory()) throw new PublishError(`cannot publish into "${options.out}": it is a file, not a folder`);

  const files = await releaseFiles(options.releases, options.releasesDir ?? DEFAULT_RELEASES_DIR);
  const given = new Map<string, Candidate>();
  for (const c of await Promise.all(files.map(candidate))) {
    const twin = given.get(c.version);
    if (twin && twin.hash !== c.hash) throw new PublishError(`"${twin.path}" and "${c.path}" are both release ${c.version}, with different content: a version is published once`);
    given.set(c.version, c);
  }
  const key = await signingKey({ ...(options.keyFile ? { keyFile: options.keyFile } : {}), env: options.env, home: options.home, notice: options.notice });

  const index = new Map((await existingIndex(out)).map((e) => [e.version, e]));
  const added: string[] = [];
  const unchanged: string[] = [];
  for (const c of [...given.values()].sort((a, b) => compareReleaseVersions(a.version, b.version))) {
    const published = index.get(c.version);
    const fileThere = await readOptional(join(out, ...releaseFilePath(c.version).split("/")));
    if (published && published.hash !== c.hash) {
      throw new PublishError(
        `release ${c.version} is already published in ${options.out} with hash ${short(published.hash)}, and "${c.path}" has ${short(c.hash)}: a published version never changes; compile the corrections as a new version`,
      );
    }
    if (fileThere && !sameBytes(fileThere, c.bytes)) {
      throw new PublishError(`${options.out}/${releaseFilePath(c.version)} already holds other content than "${c.path}": a published version never changes; compile the corrections as a new version`);
    }
    if (published && fileThere) {
      unchanged.push(c.version);
      continue;
    }
    index.set(c.version, { format: c.format, version: c.version, date: c.date, hash: c.hash, size: c.bytes.byteLength, url: releaseFilePath(c.version), signature: "", keyId: "" });
    added.push(c.version);
  }
  // Each release must follow the release its `previous` names, as published here.
  for (const c of given.values()) {
    const before = c.previous && index.get(c.previous.version);
    if (before && before.hash !== c.previous!.hash) {
      throw new PublishError(`release ${c.version} follows ${c.previous!.version} with hash ${short(c.previous!.hash)}, but the ${c.previous!.version} published in ${options.out} has ${short(before.hash)}: it was compiled against another release`);
    }
  }

  // Sign what is new, and what an earlier key signed: every entry must verify with the public key published now.
  const resigned: string[] = [];
  for (const [version, entry] of index) {
    if (entry.keyId === key.keyId && entry.signature) continue;
    if (entry.signature) resigned.push(version);
    const signature = await signRelease(entry.hash, key.privateKey);
    if (!(await verifySignature(entry.hash, signature, key.publicKey))) throw new PublishError(`the signing key's public half does not verify its own signature: ${key.from} is not a consistent P-256 key pair`);
    index.set(version, { ...entry, signature, keyId: key.keyId });
  }
  if (resigned.length) options.notice(`skynet-data: ${resigned.join(", ")} ${resigned.length === 1 ? "was" : "were"} signed by another key and ${resigned.length === 1 ? "is" : "are"} signed again with key ${key.keyId}\n`);
  const oldKey = await readOptional(join(out, RELEASE_FOLDER.publicKey));
  if (oldKey) {
    const oldId = await keyIdOf(readPublicKey(new TextDecoder().decode(oldKey))).catch(() => "(unreadable)");
    if (oldId !== key.keyId) {
      options.notice(`skynet-data: warning: the folder's public key changes from key ${oldId} to key ${key.keyId}: add-in builds that embed the old key will refuse these releases until they embed the new one\n`);
    }
  }

  const entries = [...index.values()].sort((a, b) => compareReleaseVersions(a.version, b.version));
  const latest = entries.at(-1)!;
  const write = (name: string, bytes: Uint8Array) => writeArtifact(join(out, ...name.split("/")), { kind: "file", bytes }, { fs: options.fs ?? realFs });
  for (const version of added) await write(releaseFilePath(version), given.get(version)!.bytes);
  await write(RELEASE_FOLDER.publicKey, jsonBytes(key.publicKey));
  await write(RELEASE_FOLDER.index, jsonBytes({ releases: entries }));
  await write(RELEASE_FOLDER.latest, jsonBytes(latest));
  return { out, added, unchanged, resigned, index: entries, latest, key };
}

/** The words `release` prints: what was written, the key, and the public key to embed. */
export function publishReport(r: PublishResult): string {
  const w = Math.max(...r.index.map((e) => e.url.length), RELEASE_FOLDER.publicKey.length) + 2;
  const lines = r.index.map((e) => `  ${e.url.padEnd(w)}${bytesText(e.size)}, sha256 ${short(e.hash)} ${r.added.includes(e.version) ? "new" : r.resigned.includes(e.version) ? "signed again" : "already published"}`);
  return [
    `skynet-data: published ${r.added.length ? r.added.join(", ") : "no new release"} to ${r.out} (${r.index.length} ${r.index.length === 1 ? "release" : "releases"} in index.json; latest ${r.latest.version})`,
    ...lines,
    `  ${RELEASE_FOLDER.index.padEnd(w)}${r.index.length} ${r.index.length === 1 ? "release" : "releases"}`,
    `  ${RELEASE_FOLDER.latest.padEnd(w)}${r.latest.version}`,
    `  ${RELEASE_FOLDER.publicKey.padEnd(w)}key ${r.key.keyId}`,
    `Signed with ${r.key.from}. The public key, for the add-in build to embed:`,
    JSON.stringify(r.key.publicKey),
    "",
  ].join("\n");
}
