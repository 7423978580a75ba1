import { randomBytes } from "node:crypto";
import * as nodeFs from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { Artifact } from "./formats/artifact.js";

/** The file-system calls the writer makes; tests pass a copy that fails on purpose. */
export interface WriteFs {
  lstat: (path: string) => Promise<{ isDirectory(): boolean }>;
  readdir: (path: string) => Promise<string[]>;
  mkdir: (path: string) => Promise<void>;
  writeFile: (path: string, data: Uint8Array, options: { flag: "wx" }) => Promise<void>;
  rename: (from: string, to: string) => Promise<void>;
  rm: (path: string, options: { recursive: true; force: true }) => Promise<void>;
}

export const realFs: WriteFs = {
  lstat: (p) => nodeFs.lstat(p),
  readdir: (p) => nodeFs.readdir(p),
  mkdir: (p) => nodeFs.mkdir(p),
  writeFile: (p, d, o) => nodeFs.writeFile(p, d, o),
  rename: (a, b) => nodeFs.rename(a, b),
  rm: (p, o) => nodeFs.rm(p, o),
};

/** A failed write: the message says what and why; nothing was left behind. */
export class WriteError extends Error {
  override readonly name = "WriteError";
}

const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOTDIR: "a part of the path is a file, not a directory",
  EISDIR: "it is a directory",
  EROFS: "the file system is read-only",
  ENOSPC: "no space left on the device",
  ENAMETOOLONG: "the name is too long",
  ENOENT: "a part of the path does not exist",
};

const reasonOf = (e: unknown): string => {
  const code = (e as { code?: string }).code;
  return (code && REASONS[code]) ?? (e instanceof Error ? e.message : String(e));
};

async function existing(fs: WriteFs, path: string): Promise<{ isDirectory(): boolean } | null> {
  try {
    return await fs.lstat(path);
  } catch (e) {
    if ((e as { code?: string }).code === "ENOENT") return null;
    throw new WriteError(`cannot write "${path}": ${reasonOf(e)}`);
  }
}

// Creates the missing directories of `dir` one level at a time (Node's recursive mkdir can spin on /proc-like paths); returns the topmost one created.
async function makeParents(fs: WriteFs, dir: string): Promise<string | undefined> {
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    const st = await existing(fs, at);
    if (st) {
      if (!st.isDirectory()) throw Object.assign(new Error(`"${at}" is a file`), { code: "ENOTDIR" });
      break;
    }
    missing.unshift(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  try {
    for (const d of missing) await fs.mkdir(d);
  } catch (e) {
    if (missing[0]) await fs.rm(missing[0], { recursive: true, force: true }).catch(() => undefined);
    throw e;
  }
  return missing[0];
}

/**
 * Writes an artifact to `out` atomically: everything goes to a temporary sibling first and is renamed into place,
 * so `out` holds either the complete export or what it held before. On failure the temporary file or directory,
 * and any parent directories this call created, are removed. A directory export replaces an existing directory
 * only when it is empty or `replaceable(entries)` says it holds only files of an earlier export.
 *
 * @example
 * await writeArtifact("out/figures.json", { kind: "file", bytes }) // out/figures.json, or a WriteError and no file
 */
export async function writeArtifact(out: string, artifact: Artifact, options: { fs?: WriteFs; replaceable?: (dir: string, entries: string[]) => Promise<boolean> } = {}): Promise<void> {
  const fs = options.fs ?? realFs;
  const target = resolve(out);
  const parent = dirname(target);
  const now = await existing(fs, target);
  if (now && artifact.kind === "file" && now.isDirectory()) throw new WriteError(`cannot write "${out}": it is a directory, and this format writes one file: give the path of a file (inside it, for example)`);
  if (now && artifact.kind === "dir") {
    if (!now.isDirectory()) throw new WriteError(`cannot write "${out}": it is a file, and this format writes a directory`);
    const entries = await fs.readdir(target);
    if (entries.length && !(await (options.replaceable ?? (async () => false))(target, entries))) {
      const shown = entries.slice(0, 5).join(", ") + (entries.length > 5 ? `, … (${entries.length} entries)` : "");
      throw new WriteError(`cannot write "${out}": the directory is not empty and holds files this export did not write (${shown}); choose a new directory or empty it`);
    }
  }
  let created: string | undefined;
  try {
    created = await makeParents(fs, parent);
  } catch (e) {
    throw new WriteError(`cannot write "${out}": cannot create its directory "${parent}": ${reasonOf(e)}`);
  }
  const tag = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const tmp = join(parent, `.${basename(target)}.tmp-${tag}`);
  const old = join(parent, `.${basename(target)}.old-${tag}`);
  try {
    if (artifact.kind === "file") {
      await fs.writeFile(tmp, artifact.bytes, { flag: "wx" });
      await fs.rename(tmp, target);
      return;
    }
    await fs.mkdir(tmp);
    const made = new Set([tmp]);
    for (const f of artifact.files) {
      const path = join(tmp, ...f.path.split("/"));
      for (let d = dirname(path), chain: string[] = []; ; d = dirname(d)) {
        if (made.has(d)) {
          for (const c of chain) await fs.mkdir(c);
          chain.forEach((c) => made.add(c));
          break;
        }
        chain.unshift(d);
      }
      await fs.writeFile(path, f.bytes, { flag: "wx" });
    }
    if (now) {
      await fs.rename(target, old);
      try {
        await fs.rename(tmp, target);
      } catch (e) {
        await fs.rename(old, target);
        throw e;
      }
      await fs.rm(old, { recursive: true, force: true }).catch(() => undefined);
    } else {
      await fs.rename(tmp, target);
    }
  } catch (e) {
    await fs.rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    if (created) await fs.rm(created, { recursive: true, force: true }).catch(() => undefined);
    throw new WriteError(`cannot write "${out}": ${reasonOf(e)}; nothing was written`);
  }
}
