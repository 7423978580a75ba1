import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dist = `${root}/sdk/dist/index.js`;

// Runs plain Node from the repo root, as a developer would after `npm run build`.
const run = (code: string) => JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", code], { cwd: root, encoding: "utf8" }));

describe("@skynet-data/sdk (built)", () => {
  it("has been built to ESM with type declarations", () => {
    expect(existsSync(dist), "sdk/dist/index.js is missing: run `npm run build`").toBe(true);
    expect(existsSync(`${root}/sdk/dist/index.d.ts`)).toBe(true);
  });

  it("ships its compiled releases as @skynet-data/sdk/releases/<version>.json, which the CLI publishes by default", () => {
    const out = run(`
      import { readFileSync } from "node:fs";
      import { createRequire } from "node:module";
      const path = createRequire(import.meta.url).resolve("@skynet-data/sdk/releases/2026.11.0.json");
      const { version, hash } = JSON.parse(readFileSync(path, "utf8"));
      console.log(JSON.stringify({ version, hash }));
    `);
    expect(out).toEqual({ version: "2026.11.0", hash: "9959b4de65be123137393d76d7c78a2c35fe14584fc80e90bb835160b89d7b70" });
  });

  it("gives every seed figure with its quote, unit, period and source when imported by package name", () => {
    const out = run(`
      import { observations, sources } from "@skynet-data/sdk";
      const seed = observations.filter((o) => o.source === "seed");
      console.log(JSON.stringify({ n: seed.length, sample: seed.find((o) => o.value === 680), seedSource: sources.find((s) => s.id === "seed") }));
    `);
    expect(out.n).toBe(15); // 5 treaty, 6 Fox Hunt 2014 and 4 SPP figures
    expect(out.sample).toMatchObject({ series: "fox-hunt.captured", unit: "persons", period: { start: "2014-07-01", end: "2014-12-31" }, coverage: "full", qualifier: "exact" });
    expect(out.sample.quote).toContain("680 corrupt officials");
    expect(out.seedSource.seedPath).toBe("seeds/sky-net-fox-hunt-2015.txt");
  });

  it("gives the later-year series with coverage and citations", () => {
    const out = run(`
      import { getSeries, getSource } from "@skynet-data/sdk";
      const s = getSeries("sky-net.returned").map((o) => ({ label: o.period.label, v: o.value, c: o.coverage, url: getSource(o.source).url }));
      console.log(JSON.stringify(s));
    `);
    // Release 2026.11.1: 15 figures, the eight January–November, January–October or January–June ones partial.
    expect(out.map((o: { label: string; v: number }) => `${o.label}=${o.v}`)).toEqual([
      "Jan–Nov 2015=863", "2015 (Apr–Dec)=1023", "Jan–Nov 2016=908", "2017=1300", "2018=1335", "Jan–Oct 2019=1634", "2019=2041", "Jan–Nov 2020=1229",
      "2020=1421", "Jan–Nov 2021=1114", "2021=1273", "Jan–Nov 2022=840", "Jan–Jun 2023=582", "Jan–Nov 2023=1278", "2024=1597",
    ]);
    expect(out.filter((o: { c: string }) => o.c === "partial").length).toBe(8);
    expect(out.every((o: { url: string | null }) => typeof o.url === "string" && o.url.startsWith("http"))).toBe(true);
  });
});
