import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { listDatasets } from "@skynet-data/sdk";
import { describe, expect, it } from "vitest";
import { parseCommand } from "../src/args.js";
import { FORMAT_IDS } from "../src/formats/index.js";
import { EXIT, helpText } from "../src/help.js";
import { main } from "../src/main.js";
import { tree, useTempDir } from "./helpers.js";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join(""), stderr: err.join("") };
}

describe("parseCommand", () => {
  it("reads an export with every dataset by default", () => {
    expect(parseCommand(["export", "--format", "csv", "--out", "figs"])).toEqual({ kind: "export", format: "csv", out: "figs", datasets: listDatasets().map((d) => d.id) });
  });

  it("accepts short options, upper-case formats and datasets in any order, keeping the catalogue's order", () => {
    expect(parseCommand(["export", "-f", "XLSX", "-o", "a.xlsx", "-d", "spp, sky-net,spp"])).toEqual({ kind: "export", format: "xlsx", out: "a.xlsx", datasets: ["sky-net", "spp"] });
  });

  it("reads help and version wherever they are asked for", () => {
    expect(parseCommand(["--help"])).toEqual({ kind: "help" });
    expect(parseCommand(["export", "--help"])).toEqual({ kind: "help", topic: "export" });
    expect(parseCommand(["help", "list"])).toEqual({ kind: "help", topic: "list" });
    expect(parseCommand(["--version"])).toEqual({ kind: "version" });
  });
});

describe("main", () => {
  const temp = useTempDir();

  it.each([
    [["export", "--format", "pdf", "--out", "x"], /unknown format "pdf"; accepted: "xlsx", "csv", "json", "datapackage"/],
    [["export", "--out", "x"], /--format is required/],
    [["export", "--format", "csv"], /--out is required: the directory to write/],
    [["export", "--format", "json", "--out", "x", "--datasets", "sky-nett"], /unknown dataset "sky-nett" \(did you mean "sky-net"\?\); accepted: /],
    [["export", "--format", "json", "--out", "x", "--datasets", ","], /--datasets is empty/],
    [["export", "--format", "json", "--out", "x", "--colour"], /unknown option '--colour'/],
    [["export", "--format"], /--format/],
    [["export", "stray", "--format", "json", "--out", "x"], /unexpected argument "stray"/],
    [["list", "--format", "csv"], /option --format does not apply to "list"/],
    [["publish"], /unknown command "publish"/],
    [[], /no command given/],
  ])("exits 2 with a clear message for %j", async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^skynet-data: /);
    expect(r.stdout).toBe("");
  });

  it("writes nothing for bad arguments", async () => {
    const dir = temp();
    await run(["export", "--format", "pdf", "--out", join(dir, "x.pdf")]);
    await run(["export", "--format", "csv", "--out", join(dir, "x"), "--datasets", "nope"]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("exits 1 and names the path when it cannot be written", async () => {
    const dir = temp();
    writeFileSync(join(dir, "file"), "x");
    const r = await run(["export", "--format", "xlsx", "--out", join(dir, "file", "figures.xlsx")]);
    expect(r.code).toBe(EXIT.failed);
    expect(r.stderr).toContain(`cannot write "${join(dir, "file", "figures.xlsx")}"`);
    expect(tree(dir)).toEqual(["file"]);
  });

  it("exits 1 for an --out directory that holds other files", async () => {
    const dir = join(temp(), "mine");
    mkdirSync(dir);
    writeFileSync(join(dir, "notes.txt"), "keep me");
    const r = await run(["export", "--format", "datapackage", "--out", dir]);
    expect(r.code).toBe(EXIT.failed);
    expect(r.stderr).toMatch(/not empty.*notes\.txt/);
    expect(readdirSync(dir)).toEqual(["notes.txt"]);
  });

  it.each(FORMAT_IDS)("exports %s and says what it wrote", async (format) => {
    const out = join(temp(), `figures-${format}`);
    const r = await run(["export", "--format", format, "--out", out, "--datasets", "spp"]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain(`wrote ${format} to ${out}`);
    expect(existsSync(out)).toBe(true);
  });

  it("prints help that explains the formats, every dataset with its title, examples and exit codes", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toBe(helpText());
    for (const f of FORMAT_IDS) expect(r.stdout).toMatch(new RegExp(`^  ${f} `, "m"));
    for (const d of listDatasets()) expect(r.stdout).toMatch(new RegExp(`^  ${escape(d.id)} +${escape(d.title)}$`, "m"));
    expect(r.stdout).toMatch(/Examples:\n {2}npx skynet-data export --format xlsx --out figures.xlsx/);
    expect(r.stdout).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 /);
  });

  it("lists the datasets with rows, period and sources, as text or JSON", async () => {
    const text = await run(["list"]);
    for (const d of listDatasets()) expect(text.stdout).toContain(`${d.rows} rows, ${d.from} to ${d.to}, ${d.sources} source${d.sources === 1 ? "" : "s"}`);
    const json = await run(["list", "--json"]);
    expect(JSON.parse(json.stdout)).toEqual(listDatasets());
  });
});
