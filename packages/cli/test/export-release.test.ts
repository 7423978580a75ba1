import { generateKeyPairSync } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { madeUpChain, releaseFileText } from "../../../sdk/src/release/chain.testkit.js";
import { EXIT } from "../src/help.js";
import { main, type CliIo } from "../src/main.js";
import { useTempDir } from "./helpers.js";

const release2026_11_0 = fileURLToPath(new URL("../../../sdk/src/releases/2026.11.0.json", import.meta.url));

async function run(argv: string[], io: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, home: "/nonexistent-home-for-tests", now: () => new Date("2030-06-01T00:00:00Z"), ...io });
  return { code, stdout: out.join(""), stderr: err.join("") };
}
const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8"));

describe("skynet-data export --release", () => {
  const temp = useTempDir();

  it("exports release 2026.11.0 from its file, whatever release is bundled", async () => {
    const out = join(temp(), "figures.json");
    const r = await run(["export", "--format", "json", "--out", out, "--datasets", "spp", "--release", release2026_11_0]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toContain("data version 2026.11.0+9959b4de");
    const doc = readJson(out);
    expect(doc.dataVersion).toBe("2026.11.0+9959b4de");
    expect(doc.observations.map((o: { value: number }) => o.value)).toHaveLength(4);
    expect(doc.sources.map((s: { id: string }) => s.id)).toEqual(["seed"]);
  });

  it("exports a made-up release in every dataset it has, as xlsx and csv too", async () => {
    const dir = temp();
    const [r1] = madeUpChain();
    const file = join(dir, "2030.1.0.json");
    writeFileSync(file, releaseFileText(r1));
    const json = await run(["export", "--format", "json", "--out", join(dir, "w.json"), "--release", file]);
    expect(json.code).toBe(EXIT.ok);
    const doc = readJson(join(dir, "w.json"));
    expect(doc.dataVersion).toBe(`2030.1.0+${r1.hash.slice(0, 8)}`);
    expect(doc.datasets.map((d: { id: string; rows: number }) => [d.id, d.rows])).toEqual([["w", 10]]);
    expect(doc.observations.find((o: { id: string }) => o.id === "captured.2020").value).toBe(100);
    expect((await run(["export", "--format", "xlsx", "--out", join(dir, "w.xlsx"), "--release", file])).code).toBe(EXIT.ok);
    const csv = await run(["export", "--format", "csv", "--out", join(dir, "w-csv"), "--release", file]);
    expect(csv.code).toBe(EXIT.ok);
    expect(readFileSync(join(dir, "w-csv", "w.csv"), "utf8")).toContain(",100,");
    // Its datasets, not the bundled release's.
    const wrong = await run(["export", "--format", "json", "--out", join(dir, "x.json"), "--release", file, "--datasets", "spp"]);
    expect(wrong).toMatchObject({ code: EXIT.usage, stderr: expect.stringContaining('skynet-data: unknown dataset "spp"; accepted: "w" (in release 2030.1.0)') });
  });

  it("refuses a release file that is missing or altered, in words", async () => {
    const dir = temp();
    const missing = await run(["export", "--format", "json", "--out", join(dir, "a.json"), "--release", join(dir, "none.json")]);
    expect(missing).toMatchObject({ code: EXIT.failed, stderr: `skynet-data: cannot read the release file "${join(dir, "none.json")}": it does not exist\n` });
    const altered = join(dir, "altered.json");
    writeFileSync(altered, readFileSync(release2026_11_0, "utf8").replace('"value": 680', '"value": 681'));
    const r = await run(["export", "--format", "json", "--out", join(dir, "b.json"), "--release", altered]);
    expect(r.code).toBe(EXIT.failed);
    expect(r.stderr).toMatch(/^skynet-data: cannot export release .*altered\.json: release 2026\.11\.0 does not match its hash: it was altered or damaged after it was published/);
  });

  it("downloads a published release over https, checking its signature with --public-key", async () => {
    const dir = temp();
    const [r1, r2] = madeUpChain();
    writeFileSync(join(dir, "r1.json"), releaseFileText(r1));
    writeFileSync(join(dir, "r2.json"), releaseFileText(r2));
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    writeFileSync(join(dir, "key.json"), JSON.stringify(privateKey.export({ format: "jwk" })));
    const site = join(dir, "site");
    expect((await run(["release", "--out", site, "--release", join(dir, "r1.json"), "--release", join(dir, "r2.json"), "--key-file", join(dir, "key.json")])).code).toBe(EXIT.ok);

    // The folder as an https host would serve it, through an injected fetch: no network.
    const asked: string[] = [];
    const fetch = async (url: string) => {
      asked.push(url);
      const path = url.replace("https://data.example.org/skynet/", "");
      try {
        return new Response(readFileSync(join(site, ...path.split("/"))), { status: 200, headers: { "content-type": "application/json" } });
      } catch {
        return new Response("<!doctype html><title>Not found</title>", { status: 404, statusText: "Not Found", headers: { "content-type": "text/html" } });
      }
    };
    const out = join(dir, "latest.json");
    const r = await run(["export", "--format", "json", "--out", out, "--release", "https://data.example.org/skynet/", "--public-key", join(site, "public-key.json")], { fetch });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(EXIT.ok);
    expect(readJson(out).dataVersion).toBe(`2030.2.0+${r2.hash.slice(0, 8)}`);
    expect(asked).toEqual(["https://data.example.org/skynet/latest.json", "https://data.example.org/skynet/releases/2030.2.0.json"]);

    const older = await run(["export", "--format", "json", "--out", join(dir, "older.json"), "--release", "https://data.example.org/skynet/releases/2030.1.0.json", "--public-key", join(site, "public-key.json")], { fetch });
    expect(older.code).toBe(EXIT.ok);
    expect(readJson(join(dir, "older.json")).dataVersion).toBe(`2030.1.0+${r1.hash.slice(0, 8)}`);

    // Another key: the signature does not verify, nothing is written.
    const other = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ format: "jwk" });
    writeFileSync(join(dir, "other.json"), JSON.stringify(other));
    const refused = await run(["export", "--format", "json", "--out", join(dir, "refused.json"), "--release", "https://data.example.org/skynet/", "--public-key", join(dir, "other.json")], { fetch });
    expect(refused.code).toBe(EXIT.failed);
    expect(refused.stderr).toMatch(/^skynet-data: cannot export release https:\/\/data\.example\.org\/skynet\/: the signature of release 2030\.2\.0 does not verify: it was signed with key \S+, and this build trusts key \S+ \(another publisher's release, or the signing key changed\); nothing was loaded\n$/);
  });

  it("says what is wrong with --release and --public-key", async () => {
    const cases: [string[], string][] = [
      [["--release", "http://data.example.org/skynet/"], '--release takes a file or an https:// address, got "http://data.example.org/skynet/": releases are only downloaded over HTTPS'],
      [["--release", "https://data.example.org/skynet/"], "--public-key <file> is required with a release address"],
      [["--release", "a.json", "--public-key", "k.json"], "--public-key checks a release downloaded from an https:// address; a release file is checked against its own hash"],
      [["--public-key", "k.json"], "--public-key goes with --release <https address>"],
      [["--release", "a.json", "--release", "b.json"], 'export takes one --release, got 2: "a.json", "b.json"'],
    ];
    for (const [extra, message] of cases) {
      const r = await run(["export", "--format", "json", "--out", "x.json", ...extra]);
      expect(r.code).toBe(EXIT.usage);
      expect(r.stderr).toContain(`skynet-data: ${message}`);
    }
  });
});
