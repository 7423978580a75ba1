import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Artifact } from "../src/formats/artifact.js";
import { main } from "../src/main.js";
import { realFs, writeArtifact, WriteError, type WriteFs } from "../src/write.js";
import { tree, useTempDir } from "./helpers.js";

const bytes = (s: string) => new TextEncoder().encode(s);
const dirArtifact: Artifact = { kind: "dir", files: [{ path: "a.csv", bytes: bytes("a\r\n") }, { path: "data/b.csv", bytes: bytes("b\r\n") }, { path: "data/c.csv", bytes: bytes("c\r\n") }] };

/** The real file system, except that the n-th call of `method` fails (after doing nothing). */
function failingOn(method: "writeFile" | "rename" | "mkdir", n: number): WriteFs {
  let calls = 0;
  const fail = () => Object.assign(new Error("simulated failure"), { code: "ENOSPC" });
  return {
    ...realFs,
    [method]: async (...args: unknown[]) => {
      if (++calls === n) throw fail();
      return (realFs[method] as (...a: unknown[]) => Promise<unknown>)(...args);
    },
  };
}

describe("writeArtifact", () => {
  const temp = useTempDir();

  it("writes a file, creating missing parent directories", async () => {
    const dir = temp();
    await writeArtifact(join(dir, "x", "y", "out.json"), { kind: "file", bytes: bytes("{}") });
    expect(tree(dir)).toEqual(["x", "x/y", "x/y/out.json"]);
  });

  it("leaves nothing behind, not even the parent directories it created, when a file write fails", async () => {
    const dir = temp();
    const err = await writeArtifact(join(dir, "new", "out.xlsx"), { kind: "file", bytes: bytes("x") }, { fs: failingOn("writeFile", 1) }).catch((e) => e);
    expect(err).toBeInstanceOf(WriteError);
    expect(err.message).toMatch(/no space left on the device; nothing was written/);
    expect(tree(dir)).toEqual([]);
  });

  it("keeps the previous file intact when the final rename fails", async () => {
    const dir = temp();
    writeFileSync(join(dir, "out.json"), "old");
    await expect(writeArtifact(join(dir, "out.json"), { kind: "file", bytes: bytes("new") }, { fs: failingOn("rename", 1) })).rejects.toThrow(WriteError);
    expect(tree(dir)).toEqual(["out.json"]);
    expect(readFileSync(join(dir, "out.json"), "utf8")).toBe("old");
  });

  it.each([1, 2, 3])("leaves no partial directory when writing file %i of 3 fails", async (n) => {
    const dir = temp();
    await expect(writeArtifact(join(dir, "pkg"), dirArtifact, { fs: failingOn("writeFile", n) })).rejects.toThrow(/nothing was written/);
    expect(tree(dir)).toEqual([]);
  });

  it("leaves no partial directory when creating a sub-directory fails", async () => {
    const dir = temp();
    await expect(writeArtifact(join(dir, "pkg"), dirArtifact, { fs: failingOn("mkdir", 2) })).rejects.toThrow(WriteError);
    expect(tree(dir)).toEqual([]);
  });

  it("restores an earlier export when moving the new one into place fails", async () => {
    const dir = temp();
    mkdirSync(join(dir, "pkg"));
    writeFileSync(join(dir, "pkg", "a.csv"), "old");
    await expect(writeArtifact(join(dir, "pkg"), dirArtifact, { fs: failingOn("rename", 2), replaceable: async () => true })).rejects.toThrow(WriteError);
    expect(tree(dir)).toEqual(["pkg", "pkg/a.csv"]);
    expect(readFileSync(join(dir, "pkg", "a.csv"), "utf8")).toBe("old");
  });

  it("replaces an earlier export directory whole", async () => {
    const dir = temp();
    mkdirSync(join(dir, "pkg"));
    writeFileSync(join(dir, "pkg", "stale.csv"), "old");
    await writeArtifact(join(dir, "pkg"), dirArtifact, { replaceable: async () => true });
    expect(tree(dir)).toEqual(["pkg", "pkg/a.csv", "pkg/data", "pkg/data/b.csv", "pkg/data/c.csv"]);
  });

  it("refuses a non-empty directory of other files and touches nothing", async () => {
    const dir = temp();
    mkdirSync(join(dir, "pkg"));
    writeFileSync(join(dir, "pkg", "thesis.docx"), "mine");
    await expect(writeArtifact(join(dir, "pkg"), dirArtifact)).rejects.toThrow(/not empty and holds files this export did not write \(thesis\.docx\)/);
    expect(tree(dir)).toEqual(["pkg", "pkg/thesis.docx"]);
  });

  it("refuses to write a file over a directory, or a directory over a file", async () => {
    const dir = temp();
    mkdirSync(join(dir, "d"));
    writeFileSync(join(dir, "f"), "x");
    await expect(writeArtifact(join(dir, "d"), { kind: "file", bytes: bytes("x") })).rejects.toThrow(/it is a directory/);
    await expect(writeArtifact(join(dir, "f"), dirArtifact)).rejects.toThrow(/it is a file/);
    expect(tree(dir)).toEqual(["d", "f"]);
  });

  it("says a path runs through a file", async () => {
    const dir = temp();
    writeFileSync(join(dir, "f"), "x");
    await expect(writeArtifact(join(dir, "f", "sub", "out.json"), { kind: "file", bytes: bytes("x") })).rejects.toThrow(/a part of the path is a file, not a directory/);
    expect(tree(dir)).toEqual(["f"]);
  });
});

describe("main (atomic exports)", () => {
  const temp = useTempDir();

  it.each(["xlsx", "json"])("leaves no %s file behind when the write fails", async (format) => {
    const dir = temp();
    const err: string[] = [];
    const code = await main(["export", "--format", format, "--out", join(dir, "sub", "figures")], { stdout: () => undefined, stderr: (t) => err.push(t), fs: failingOn("writeFile", 1) });
    expect(code).toBe(1);
    expect(err.join("")).toMatch(/cannot write .*nothing was written/);
    expect(tree(dir)).toEqual([]);
  });

  it.each(["csv", "datapackage"])("leaves no %s directory behind when a write mid-way fails", async (format) => {
    const dir = temp();
    const code = await main(["export", "--format", format, "--out", join(dir, "out")], { stdout: () => undefined, stderr: () => undefined, fs: failingOn("writeFile", 4) });
    expect(code).toBe(1);
    expect(tree(dir)).toEqual([]);
  });

  it("replaces an earlier csv export in the same directory", async () => {
    const dir = join(temp(), "out");
    const io = { stdout: () => undefined, stderr: () => undefined };
    expect(await main(["export", "--format", "csv", "--out", dir], io)).toBe(0);
    expect(await main(["export", "--format", "csv", "--out", dir, "--datasets", "spp"], io)).toBe(0);
    expect(tree(dir)).toEqual(["sources.csv", "spp.csv"]);
    expect(await main(["export", "--format", "datapackage", "--out", dir], io)).toBe(0);
    expect(existsSync(join(dir, "datapackage.json"))).toBe(true);
  });
});
