// The key `skynet-data release` signs with. It never enters the repository: production passes it in an environment
// variable from a secret store; a developer gets a local key, generated on first use in their home directory (as the
// add-in's development certificates are), readable only by them.
import { randomBytes } from "node:crypto";
import * as fs from "node:fs/promises";
import { dirname, join } from "node:path";
import { generateSigningKey, keyIdOf, publicKeyOf, readPrivateKey, type ReleasePrivateKey, type ReleasePublicKey } from "@skynet-data/sdk";

/** The environment variable production sets to the private key: a JWK as JSON text. */
export const KEY_ENV = "SKYNET_RELEASE_PRIVATE_KEY";

/** Where the local key lives, under a home directory. */
export const localKeyPath = (home: string): string => join(home, ".skynet-data", "release-signing-key.json");

/** A signing key, where it came from, and its public half as public-key.json holds it. */
export interface SigningKey {
  privateKey: ReleasePrivateKey;
  publicKey: ReleasePublicKey;
  keyId: string;
  /** Where it came from, in words ("--key-file …", "SKYNET_RELEASE_PRIVATE_KEY", "the local key in …"). */
  from: string;
}

/** A key that cannot be used: the message says which and why, never quoting the key. */
export class SigningKeyError extends Error {
  override readonly name = "SigningKeyError";
}

async function withId(privateKey: ReleasePrivateKey, from: string): Promise<SigningKey> {
  const publicKey = publicKeyOf(privateKey);
  const keyId = await keyIdOf(publicKey);
  return { privateKey, publicKey: { ...publicKey, alg: "ES256", use: "sig", kid: keyId }, keyId, from };
}

function read(text: string, what: string): ReleasePrivateKey {
  try {
    return readPrivateKey(text, what);
  } catch (e) {
    throw new SigningKeyError(e instanceof Error ? e.message : String(e));
  }
}

/**
 * The key to sign with: `--key-file` if given, else SKYNET_RELEASE_PRIVATE_KEY, else the local key in
 * `~/.skynet-data/release-signing-key.json`, generated on first use (directory mode 0700, file mode 0600).
 * `notice` hears what a maintainer should know: a key was generated, the local key is in use, its file is readable by
 * others.
 */
export async function signingKey(options: { keyFile?: string; env: Record<string, string | undefined>; home: string; notice: (text: string) => void }): Promise<SigningKey> {
  if (options.keyFile) {
    const text = await fs.readFile(options.keyFile, "utf8").catch((e: { code?: string }) => {
      throw new SigningKeyError(`cannot read the key file "${options.keyFile}": ${e.code === "ENOENT" ? "it does not exist" : (e.code ?? String(e))}`);
    });
    return withId(read(text, `the key file "${options.keyFile}"`), `--key-file ${options.keyFile}`);
  }
  const fromEnv = options.env[KEY_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== "") return withId(read(fromEnv, KEY_ENV), KEY_ENV);

  const path = localKeyPath(options.home);
  const existing = await fs.readFile(path, "utf8").catch((e: { code?: string }) => {
    if (e.code === "ENOENT") return null;
    throw new SigningKeyError(`cannot read the local signing key "${path}": ${e.code ?? String(e)}`);
  });
  if (existing !== null) {
    const mode = (await fs.stat(path)).mode & 0o777;
    if (mode & 0o077) options.notice(`skynet-data: warning: the local signing key ${path} can be read by other users (mode ${mode.toString(8).padStart(4, "0")}); run chmod 600 on it\n`);
    options.notice(`skynet-data: signing with the local key in ${path}: for local testing only; production signs with ${KEY_ENV}\n`);
    return withId(read(existing, `the local signing key "${path}"`), `the local key in ${path}`);
  }
  const { privateKey } = await generateSigningKey();
  await fs.mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    await fs.writeFile(tmp, `${JSON.stringify({ kty: privateKey.kty, crv: privateKey.crv, x: privateKey.x, y: privateKey.y, d: privateKey.d })}\n`, { flag: "wx", mode: 0o600 });
    await fs.rename(tmp, path);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw new SigningKeyError(`cannot write the new local signing key "${path}": ${(e as { code?: string }).code ?? String(e)}`);
  }
  options.notice(
    `skynet-data: no signing key was given (--key-file or ${KEY_ENV}), so a new local key was generated in ${path} (mode 0600). ` +
      `It is for local testing: production publishes with ${KEY_ENV} set from the team's secret store, and add-in builds embed that key's public half.\n`,
  );
  return withId(privateKey, `the local key in ${path} (new)`);
}
