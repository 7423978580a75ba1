import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { listDatasets } from "@skynet-data/sdk";
import { describe, expect, it } from "vitest";
import { useTempDir } from "./helpers.js";

const run = promisify(execFile);
const pkg = fileURLToPath(new URL("..", import.meta.url));
const launcher = join(pkg, "bin", "skynet-data.js");
const built = existsSync(join(pkg, "dist", "bin.js")) && existsSync(join(pkg, "..", "..", "sdk", "dist", "index.js"));
const CI = process.env.CI === "true";

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [launcher, ...args], { timeout: 20_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe("skynet-data (the built command)", () => {
  const temp = useTempDir();
  const skipUnbuilt = (ctx: { skip: (note: string) => void }) => {
    if (!built && CI) throw new Error("dist/ is missing under CI: `npm test` builds every workspace first");
    if (!built) ctx.skip("the SDK and CLI are not built (run `npm run build -w @skynet-data/sdk -w @skynet-data/cli`)");
  };

  it("is linked into node_modules/.bin by npm install", (ctx) => {
    const link = join(pkg, "..", "..", "node_modules", ".bin", "skynet-data");
    if (!existsSync(link) && !CI) return ctx.skip("node_modules/.bin/skynet-data is missing: run `npm install` at the root");
    expect(readFileSync(link, "utf8")).toBe(readFileSync(launcher, "utf8"));
  });

  it("writes an export and exits 0", async (ctx) => {
    skipUnbuilt(ctx);
    const out = join(temp(), "x", "figures.json");
    const r = await cli(["export", "--format", "json", "--out", out, "--datasets", "spp"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).observations).toHaveLength(listDatasets().find((d) => d.id === "spp")!.rows);
  });

  it("exits 2 with the message on stderr for a bad argument", async (ctx) => {
    skipUnbuilt(ctx);
    const r = await cli(["export", "--format", "pdf", "--out", join(temp(), "x.pdf")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^skynet-data: unknown format "pdf"/);
  });
});
