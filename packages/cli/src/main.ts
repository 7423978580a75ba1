import { resolve } from "node:path";
import { DATA_VERSION, listDatasets } from "@skynet-data/sdk";
import { parseCommand } from "./args.js";
import { FORMATS, type Artifact, type FormatId } from "./formats/index.js";
import { CLI_VERSION, EXIT, datasetLines, helpText } from "./help.js";
import { realFs, writeArtifact, WriteError, type WriteFs } from "./write.js";

/** Where the CLI prints, what time it is, and the file system it writes through (tests replace them). */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  now?: () => Date;
  fs?: WriteFs;
}

const isCsvName = (name: string, ids: readonly string[]) => name === "sources.csv" || ids.some((id) => name === `${id}.csv`);

/** True when a directory holds only files an earlier csv or datapackage export writes, so replacing it loses nothing else. */
async function isPreviousExport(fs: WriteFs, dir: string, entries: string[]): Promise<boolean> {
  const ids = listDatasets().map((d) => d.id);
  for (const e of entries) {
    if (e === "datapackage.json" || isCsvName(e, ids)) continue;
    if (e !== "data") return false;
    const inner = await fs.readdir(resolve(dir, e)).catch(() => null);
    if (!inner || !inner.every((n) => isCsvName(n, ids))) return false;
  }
  return true;
}

const describe = (a: Artifact): string => {
  const bytes = a.kind === "file" ? a.bytes.byteLength : a.files.reduce((n, f) => n + f.bytes.byteLength, 0);
  const size = bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;
  return a.kind === "file" ? size : `${a.files.length} files, ${size}`;
};

/** Builds one export and writes it atomically; returns the words to print. */
export async function runExport(format: FormatId, out: string, datasets: string[], io: CliIo = { stdout: () => undefined, stderr: () => undefined }): Promise<string> {
  const fs = io.fs ?? realFs;
  const artifact = await FORMATS[format].build({ datasets, now: io.now?.() ?? new Date() });
  await writeArtifact(out, artifact, { fs, replaceable: (dir, entries) => isPreviousExport(fs, dir, entries) });
  return `skynet-data: wrote ${format} to ${out} (${describe(artifact)}; datasets: ${datasets.join(", ")}; data version ${DATA_VERSION})\n`;
}

/**
 * Runs the command line and returns the exit code: 0 done, 1 the export failed (nothing left behind), 2 bad arguments.
 *
 * @example
 * await main(["export", "--format", "json", "--out", "figures.json"], { stdout, stderr }) //=> 0, figures.json written
 * await main(["export", "--format", "pdf", "--out", "x"], { stdout, stderr }) //=> 2, stderr: 'skynet-data: unknown format "pdf"; …'
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const cmd = parseCommand(argv);
  switch (cmd.kind) {
    case "usage-error":
      io.stderr(`skynet-data: ${cmd.message}\nRun \`skynet-data --help\` for the formats, datasets and examples.\n`);
      return EXIT.usage;
    case "help":
      io.stdout(helpText());
      return EXIT.ok;
    case "version":
      io.stdout(`skynet-data ${CLI_VERSION} (data ${DATA_VERSION})\n`);
      return EXIT.ok;
    case "list":
      io.stdout(cmd.json ? `${JSON.stringify(listDatasets(), null, 2)}\n` : `${datasetLines()}\n`);
      return EXIT.ok;
    case "export":
      try {
        io.stdout(await runExport(cmd.format, cmd.out, cmd.datasets, io));
        return EXIT.ok;
      } catch (e) {
        const message = e instanceof WriteError ? e.message : `export failed: ${e instanceof Error ? e.message : String(e)}`;
        io.stderr(`skynet-data: ${message}\n`);
        return EXIT.failed;
      }
  }
}
