import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { resolve } from "node:path";
import { DATA_VERSION, fetchLatest, fetchRelease, listDatasets, loadRelease, readPublicKey, sdkFor, SkynetError, type Sdk, type TableLayout } from "@skynet-data/sdk";
import { parseCommand, resolveDatasets, type ExportSource } from "./args.js";
import { sdkOf } from "./formats/artifact.js";
import { FORMATS, type Artifact, type FormatId } from "./formats/index.js";
import { CLI_VERSION, EXIT, datasetLines, helpText } from "./help.js";
import { PublishError, publishReleases, publishReport } from "./release.js";
import { SigningKeyError } from "./signing-key.js";
import { realFs, writeArtifact, WriteError, type WriteFs } from "./write.js";

/**
 * Where the CLI prints, what time it is, the file system it writes through, its environment and home directory (for
 * the signing key), and the fetch it downloads releases with (tests replace them).
 */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  now?: () => Date;
  fs?: WriteFs;
  env?: Record<string, string | undefined>;
  home?: string;
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
}

const isCsvName = (name: string, ids: readonly string[]) => name === "sources.csv" || ids.some((id) => name === `${id}.csv`);

/** True when a directory holds only files an earlier csv or datapackage export writes, so replacing it loses nothing else. */
async function isPreviousExport(fs: WriteFs, dir: string, entries: string[], ids: readonly string[]): Promise<boolean> {
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

/** Builds one export of a release (the bundled one unless `sdk` is given) and writes it atomically; returns the words to print. */
export async function runExport(format: FormatId, out: string, datasets: string[], io: CliIo = { stdout: () => undefined, stderr: () => undefined }, sdk?: Sdk, layout?: TableLayout): Promise<string> {
  const fs = io.fs ?? realFs;
  const bound = sdkOf({ sdk });
  const ids = bound.listDatasets().map((d) => d.id);
  const artifact = await FORMATS[format].build({ datasets, now: io.now?.() ?? new Date(), sdk: bound, ...(layout ? { layout } : {}) });
  await writeArtifact(out, artifact, { fs, replaceable: (dir, entries) => isPreviousExport(fs, dir, entries, ids) });
  const long = layout === "by-year" ? bound.listDatasets().filter((d) => datasets.includes(d.id) && !d.layouts.includes("by-year")).map((d) => d.id) : [];
  const laidOut = layout === "by-year" ? `; by year${long.length ? `, except ${long.join(", ")} (no figures of a calendar year: long table)` : ""}` : "";
  return `skynet-data: wrote ${format} to ${out} (${describe(artifact)}; datasets: ${datasets.join(", ")}${laidOut}; data version ${bound.DATA_VERSION})\n`;
}

/** A failure to load the release `export --release` names, in words. */
class ReleaseSourceError extends Error {}

/** The release `export --release` names, loaded and checked: a file against its hash, an address against its signature too. */
export async function loadExportRelease(source: ExportSource, io: Pick<CliIo, "fetch">): Promise<Sdk> {
  const what = source.kind === "file" ? source.path : source.url;
  try {
    if (source.kind === "file") {
      const text = await readFile(source.path, "utf8").catch((e: { code?: string }) => {
        throw new ReleaseSourceError(`cannot read the release file "${source.path}": ${e.code === "ENOENT" ? "it does not exist" : (e.code ?? String(e))}`);
      });
      return sdkFor(loadRelease(text));
    }
    const keyText = await readFile(source.publicKey, "utf8").catch((e: { code?: string }) => {
      throw new ReleaseSourceError(`cannot read the public key file "${source.publicKey}": ${e.code === "ENOENT" ? "it does not exist" : (e.code ?? String(e))}`);
    });
    const options = { publicKey: readPublicKey(keyText, `the public key in "${source.publicKey}"`), timeoutMs: 60_000, ...(io.fetch ? { fetch: io.fetch } : {}) };
    const isReleaseFile = /\.json$/i.test(new URL(source.url).pathname) && !/\/(latest|index)\.json$/i.test(new URL(source.url).pathname);
    const fetched = isReleaseFile ? await fetchRelease(source.url, options) : await fetchLatest(source.url, options);
    return sdkFor(fetched.catalog);
  } catch (e) {
    if (e instanceof ReleaseSourceError) throw e;
    if (e instanceof SkynetError) throw new ReleaseSourceError(`cannot export release ${what}: ${e.message}`);
    throw e;
  }
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
        let sdk: Sdk | undefined;
        let datasets = cmd.datasets;
        if (cmd.release) {
          sdk = await loadExportRelease(cmd.release, io);
          const chosen = resolveDatasets(cmd.release.datasets, sdk.listDatasets().map((d) => d.id));
          if (!chosen.ok) {
            io.stderr(`skynet-data: ${chosen.message} (in release ${sdk.RELEASE?.version})\nRun \`skynet-data --help\` for the formats, datasets and examples.\n`);
            return EXIT.usage;
          }
          datasets = chosen.ids;
        }
        io.stdout(await runExport(cmd.format, cmd.out, datasets, io, sdk, cmd.layout));
        return EXIT.ok;
      } catch (e) {
        const message = e instanceof WriteError || e instanceof ReleaseSourceError ? e.message : `export failed: ${e instanceof Error ? e.message : String(e)}`;
        io.stderr(`skynet-data: ${message}\n`);
        return EXIT.failed;
      }
    case "release":
      try {
        const result = await publishReleases({
          out: cmd.out,
          releases: cmd.releases,
          ...(cmd.keyFile ? { keyFile: cmd.keyFile } : {}),
          env: io.env ?? process.env,
          home: io.home ?? homedir(),
          notice: io.stderr,
          ...(io.fs ? { fs: io.fs } : {}),
        });
        io.stdout(publishReport(result));
        return EXIT.ok;
      } catch (e) {
        const known = e instanceof PublishError || e instanceof SigningKeyError || e instanceof WriteError;
        io.stderr(`skynet-data: ${known ? e.message : `release failed: ${e instanceof Error ? e.message : String(e)}`}\n`);
        return EXIT.failed;
      }
  }
}
