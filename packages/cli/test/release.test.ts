import { createHash, createPublicKey, generateKeyPairSync, verify } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { madeUpChain, otherFirstRelease, releaseFileText } from "../../../sdk/src/release/chain.testkit.js";
import { EXIT } from "../src/help.js";
import { main, type CliIo } from "../src/main.js";
import { tree, useTempDir } from "./helpers.js";

// Publishing with throwaway keys made by Node's crypto; what the files must hold is checked with Node's crypto too.
const [r1, r2] = madeUpChain();
const releasesDir = fileURLToPath(new URL("../../../sdk/src/releases/", import.meta.url));

function throwawayKey() {
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = privateKey.export({ format: "jwk" }) as { kty: string; crv: string; x: string; y: string; d: string };
  // RFC 7638: SHA-256 of the required members in lexicographic order, no whitespace, base64url.
  const keyId = createHash("sha256").update(`{"crv":"P-256","kty":"EC","x":"${jwk.x}","y":"${jwk.y}"}`).digest("base64url");
  return { jwk, keyId, json: JSON.stringify(jwk) };
}

/** True when Node's crypto accepts the signature of the hash's 64 hex characters under the public key. */
const nodeVerifies = (hash: string, signature: string, jwk: { x: string; y: string }) =>
  verify("sha256", Buffer.from(hash, "utf8"), { key: createPublicKey({ key: { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y }, format: "jwk" }), dsaEncoding: "ieee-p1363" }, Buffer.from(signature, "base64url"));

async function run(argv: string[], io: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, home: "/nonexistent-home-for-tests", ...io });
  return { code, stdout: out.join(""), stderr: err.join("") };
}

const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8"));

describe("skynet-data release", () => {
  const temp = useTempDir();

  /** A temporary folder holding the made-up releases' files and a throwaway key file. */
  function setup() {
    const dir = temp();
    const files = { r1: join(dir, "2030.1.0.json"), r2: join(dir, "2030.2.0.json"), key: join(dir, "key.json") };
    writeFileSync(files.r1, releaseFileText(r1));
    writeFileSync(files.r2, releaseFileText(r2));
    const key = throwawayKey();
    writeFileSync(files.key, key.json);
    return { dir, out: join(dir, "site", "data"), files, key };
  }

  it("writes the release files byte for byte, latest.json, index.json and public-key.json, and prints the public key", async () => {
    const { out, files, key } = setup();
    const r = await run(["release", "--out", out, "--release", files.r2, "--release", files.r1, "--key-file", files.key]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(EXIT.ok);
    expect(tree(out)).toEqual(["index.json", "latest.json", "public-key.json", "releases", "releases/2030.1.0.json", "releases/2030.2.0.json"]);
    expect(readFileSync(join(out, "releases", "2030.1.0.json"))).toEqual(readFileSync(files.r1));
    expect(readFileSync(join(out, "releases", "2030.2.0.json"))).toEqual(readFileSync(files.r2));

    const latest = readJson(join(out, "latest.json"));
    expect(latest).toEqual({
      format: 1,
      version: "2030.2.0",
      date: "2030-02-15",
      hash: r2.hash,
      size: statSync(files.r2).size,
      url: "releases/2030.2.0.json",
      signature: expect.stringMatching(/^[A-Za-z0-9_-]{86}$/),
      keyId: key.keyId,
    });
    expect(nodeVerifies(r2.hash, latest.signature, key.jwk)).toBe(true);

    const index = readJson(join(out, "index.json"));
    expect(index.releases.map((e: { version: string; url: string; date: string }) => [e.version, e.url, e.date])).toEqual([
      ["2030.1.0", "releases/2030.1.0.json", "2030-01-15"],
      ["2030.2.0", "releases/2030.2.0.json", "2030-02-15"],
    ]);
    expect(index.releases[0]).toMatchObject({ format: 1, hash: r1.hash, size: statSync(files.r1).size, keyId: key.keyId });
    expect(nodeVerifies(r1.hash, index.releases[0].signature, key.jwk)).toBe(true);
    expect(index.releases[1]).toEqual(latest);

    const publicKey = { kty: "EC", crv: "P-256", x: key.jwk.x, y: key.jwk.y, alg: "ES256", use: "sig", kid: key.keyId };
    expect(readJson(join(out, "public-key.json"))).toEqual(publicKey);
    expect(readFileSync(join(out, "public-key.json"), "utf8")).not.toContain(key.jwk.d);
    expect(r.stdout).toContain(JSON.stringify(publicKey));
    expect(r.stdout).toContain(`Signed with --key-file ${files.key}.`);
    expect(r.stdout).toMatch(/^skynet-data: published 2030\.1\.0, 2030\.2\.0 to .* \(2 releases in index\.json; latest 2030\.2\.0\)$/m);
  });

  it("merges with the folder's index.json: earlier versions stay as they were, latest.json moves to the newest", async () => {
    const { out, files } = setup();
    expect((await run(["release", "--out", out, "--release", files.r1, "--key-file", files.key])).code).toBe(EXIT.ok);
    const first = readJson(join(out, "index.json")).releases[0];
    expect(readJson(join(out, "latest.json")).version).toBe("2030.1.0");

    const r = await run(["release", "--out", out, "--release", files.r2, "--key-file", files.key]);
    expect(r.code).toBe(EXIT.ok);
    const index = readJson(join(out, "index.json"));
    expect(index.releases.map((e: { version: string }) => e.version)).toEqual(["2030.1.0", "2030.2.0"]);
    expect(index.releases[0]).toEqual(first);
    expect(readJson(join(out, "latest.json")).version).toBe("2030.2.0");

    // Publishing an older release again changes nothing, and never moves latest.json back.
    expect((await run(["release", "--out", out, "--release", files.r1, "--key-file", files.key])).code).toBe(EXIT.ok);
    expect(readJson(join(out, "index.json"))).toEqual(index);
    expect(readJson(join(out, "latest.json")).version).toBe("2030.2.0");
  });

  it("refuses to overwrite a published version with different content, and writes nothing", async () => {
    const { dir, out, files } = setup();
    expect((await run(["release", "--out", out, "--release", files.r1, "--key-file", files.key])).code).toBe(EXIT.ok);
    const before = tree(out).map((p) => [p, statSync(join(out, p)).isDirectory() ? "" : readFileSync(join(out, p), "utf8")]);
    const other = otherFirstRelease();
    const otherPath = join(dir, "other-2030.1.0.json");
    writeFileSync(otherPath, releaseFileText(other));

    const r = await run(["release", "--out", out, "--release", otherPath, "--release", files.r2, "--key-file", files.key]);
    expect(r.code).toBe(EXIT.failed);
    expect(r.stderr).toBe(
      `skynet-data: release 2030.1.0 is already published in ${out} with hash ${r1.hash.slice(0, 12)}…, and "${otherPath}" has ${other.hash.slice(0, 12)}…: a published version never changes; compile the corrections as a new version\n`,
    );
    expect(tree(out).map((p) => [p, statSync(join(out, p)).isDirectory() ? "" : readFileSync(join(out, p), "utf8")])).toEqual(before);
  });

  it("refuses a release file that does not match its hash, before writing anything", async () => {
    const { dir, out, files } = setup();
    const tampered = join(dir, "tampered.json");
    writeFileSync(tampered, releaseFileText(r1).replace('"value": 100', '"value": 101'));
    const r = await run(["release", "--out", out, "--release", tampered, "--key-file", files.key]);
    expect(r.code).toBe(EXIT.failed);
    expect(r.stderr).toMatch(/^skynet-data: ".*tampered\.json" cannot be published: release 2030\.1\.0 does not match its hash: it was altered or damaged after it was published/);
    expect(readdirSync(dir).sort()).toEqual(["2030.1.0.json", "2030.2.0.json", "key.json", "tampered.json"]);
  });

  it("publishes every release in sdk/src/releases by default", async () => {
    const { out, files } = setup();
    const r = await run(["release", "--out", out, "--key-file", files.key]);
    expect(r.code).toBe(EXIT.ok);
    const names = readdirSync(releasesDir).filter((n) => /^\d{4}\.\d{1,2}\.\d+\.json$/.test(n));
    expect(names).toContain("2026.11.0.json");
    expect(readdirSync(join(out, "releases")).sort()).toEqual(names.sort());
    for (const n of names) expect(readFileSync(join(out, "releases", n))).toEqual(readFileSync(join(releasesDir, n)));
    expect(readJson(join(out, "index.json")).releases[0]).toMatchObject({ version: "2026.11.0", hash: "9959b4de65be123137393d76d7c78a2c35fe14584fc80e90bb835160b89d7b70", size: 125891 });
  });

  it("signs with SKYNET_RELEASE_PRIVATE_KEY when it is set, and names it without printing it", async () => {
    const { out, files } = setup();
    const key = throwawayKey();
    const r = await run(["release", "--out", out, "--release", files.r1], { env: { SKYNET_RELEASE_PRIVATE_KEY: key.json } });
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toContain("Signed with SKYNET_RELEASE_PRIVATE_KEY.");
    expect(r.stdout + r.stderr).not.toContain(key.jwk.d);
    expect(readJson(join(out, "latest.json")).keyId).toBe(key.keyId);
    const bad = await run(["release", "--out", join(out, "x"), "--release", files.r1], { env: { SKYNET_RELEASE_PRIVATE_KEY: key.json.slice(0, 40) } });
    expect(bad.code).toBe(EXIT.failed);
    expect(bad.stderr).toBe("skynet-data: SKYNET_RELEASE_PRIVATE_KEY is not a JSON Web Key: its JSON does not parse\n");
  });

  it("generates a local key on first use in ~/.skynet-data, mode 0600, says so, and uses it from then on", async () => {
    const { out, files } = setup();
    const home = temp();
    const first = await run(["release", "--out", out, "--release", files.r1], { home });
    expect(first.code).toBe(EXIT.ok);
    const path = join(home, ".skynet-data", "release-signing-key.json");
    expect(first.stderr).toContain(`a new local key was generated in ${path} (mode 0600)`);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, ".skynet-data")).mode & 0o777).toBe(0o700);
    const saved = readJson(path);
    expect(Object.keys(saved).sort()).toEqual(["crv", "d", "kty", "x", "y"]);
    const kid = createHash("sha256").update(`{"crv":"P-256","kty":"EC","x":"${saved.x}","y":"${saved.y}"}`).digest("base64url");
    expect(readJson(join(out, "public-key.json")).kid).toBe(kid);

    const second = await run(["release", "--out", out, "--release", files.r2], { home });
    expect(second.code).toBe(EXIT.ok);
    expect(second.stderr).toBe(`skynet-data: signing with the local key in ${path}: for local testing only; production signs with SKYNET_RELEASE_PRIVATE_KEY\n`);
    expect(readJson(join(out, "latest.json")).keyId).toBe(kid);
  });

  it("signs every entry again when the key changes, and warns that the public key changed", async () => {
    const { dir, out, files, key } = setup();
    expect((await run(["release", "--out", out, "--release", files.r1, "--key-file", files.key])).code).toBe(EXIT.ok);
    const next = throwawayKey();
    writeFileSync(join(dir, "next.json"), next.json);
    const r = await run(["release", "--out", out, "--release", files.r2, "--key-file", join(dir, "next.json")]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stderr).toContain(`skynet-data: 2030.1.0 was signed by another key and is signed again with key ${next.keyId}`);
    expect(r.stderr).toContain(`the folder's public key changes from key ${key.keyId} to key ${next.keyId}`);
    const index = readJson(join(out, "index.json"));
    for (const [e, r] of [[index.releases[0], r1], [index.releases[1], r2]] as const) {
      expect(e.keyId).toBe(next.keyId);
      expect(nodeVerifies(r.hash, e.signature, next.jwk)).toBe(true);
    }
  });

  it("says what is wrong with its arguments", async () => {
    expect(await run(["release"])).toMatchObject({ code: EXIT.usage, stderr: expect.stringContaining("--out is required: the folder to publish the release files into") });
    expect(await run(["release", "--out", "x", "--format", "csv"])).toMatchObject({ code: EXIT.usage, stderr: expect.stringContaining('option --format does not apply to "release"') });
    const { dir } = setup();
    const r = await run(["release", "--out", join(dir, "o"), "--release", join(dir, "nope.json"), "--key-file", join(dir, "key.json")]);
    expect(r).toMatchObject({ code: EXIT.failed, stderr: `skynet-data: cannot read the release file "${join(dir, "nope.json")}": it does not exist\n` });
  });
});
