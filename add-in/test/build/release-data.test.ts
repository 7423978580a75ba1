// dist/data and the key the build embeds (add-in/scripts/release-data.ts), with throwaway keys and a throwaway home:
// the CLI publishes the releases, the embedded key is the signing key's public half, and a mismatch stops the build.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateSigningKey, keyIdOf, readPublished, verifySignature } from "@skynet-data/sdk";
import { afterAll, describe, expect, it } from "vitest";
import { addinData, keyDefine } from "../../scripts/release-data.js";

const home = mkdtempSync(join(tmpdir(), "skynet-home-"));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe("the build's data release folder and embedded key", () => {
  it("publishes every release of the SDK into data/, signed with SKYNET_RELEASE_PRIVATE_KEY, and embeds its public half", async () => {
    const keys = await generateSigningKey();
    const data = await addinData({ env: { PATH: process.env.PATH, SKYNET_RELEASE_PRIVATE_KEY: JSON.stringify(keys.privateKey) }, home });
    expect([...data.files.keys()]).toEqual(["index.json", "latest.json", "public-key.json", "releases/2026.11.0.json", "releases/2026.11.1.json"]);
    expect(data.publicKey).toEqual({ kty: "EC", crv: "P-256", x: keys.publicKey.x, y: keys.publicKey.y });
    expect(data.keyId).toBe(await keyIdOf(keys.publicKey));
    expect(data.latest).toBe("2026.11.1");
    const latest = readPublished(JSON.parse(data.files.get("latest.json")!.toString("utf8")), "latest.json");
    expect(await verifySignature(latest.hash, latest.signature, keys.publicKey)).toBe(true);
    expect(keyDefine(data.publicKey)).toEqual({ __SKYNET_RELEASE_PUBLIC_KEY__: JSON.stringify(JSON.stringify(data.publicKey)) });
    expect(data.notes).toEqual([]);
  }, 60_000);

  it("stops the build when SKYNET_RELEASE_PUBLIC_KEY names another key than the one that signs dist/data", async () => {
    const [signing, other] = [await generateSigningKey(), await generateSigningKey()];
    await expect(addinData({ env: { PATH: process.env.PATH, SKYNET_RELEASE_PRIVATE_KEY: JSON.stringify(signing.privateKey), SKYNET_RELEASE_PUBLIC_KEY: JSON.stringify(other.publicKey) }, home })).rejects.toThrow(
      `SKYNET_RELEASE_PUBLIC_KEY is key ${await keyIdOf(other.publicKey)}, but dist/data would be signed with key ${await keyIdOf(signing.publicKey)}: the add-in would refuse its own data. Set SKYNET_RELEASE_PRIVATE_KEY to the private half of SKYNET_RELEASE_PUBLIC_KEY, or SKYNET_ADDIN_DATA=none to leave dist/data out.`,
    );
  }, 60_000);

  it("leaves data/ out with SKYNET_ADDIN_DATA=none, and then needs the public key to embed", async () => {
    const { publicKey } = await generateSigningKey();
    await expect(addinData({ env: { SKYNET_ADDIN_DATA: "none" }, home })).rejects.toThrow(/^SKYNET_ADDIN_DATA=none leaves dist\/data out, so the build cannot take the key from it: set SKYNET_RELEASE_PUBLIC_KEY/);
    const data = await addinData({ env: { SKYNET_ADDIN_DATA: "none", SKYNET_RELEASE_PUBLIC_KEY: JSON.stringify(publicKey) }, home });
    expect(data).toMatchObject({ files: new Map(), latest: null, publicKey: { x: publicKey.x, y: publicKey.y } });
  });

  it("signs with a local key generated in the home folder when no key is given, and says so once", async () => {
    const fresh = mkdtempSync(join(tmpdir(), "skynet-home-"));
    try {
      const first = await addinData({ env: { PATH: process.env.PATH }, home: fresh });
      expect(first.notes).toEqual([expect.stringMatching(/^skynet-data: no signing key was given .* a new local key was generated in .*release-signing-key\.json \(mode 0600\)/)]);
      const second = await addinData({ env: { PATH: process.env.PATH }, home: fresh, production: true });
      expect(second.keyId).toBe(first.keyId);
      expect(second.notes).toEqual(["this production build's dist/data is signed with the local key (~/.skynet-data): production signs with SKYNET_RELEASE_PRIVATE_KEY, and embeds its public half"]);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  }, 60_000);
});
