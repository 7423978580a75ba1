import { parseArgs } from "node:util";
import { listDatasets, TABLE_LAYOUTS, type TableLayout } from "@skynet-data/sdk";
import { FORMAT_IDS, type FormatId } from "./formats/index.js";

/**
 * Where `export --release` reads the release: a file (checked against its hash), or an https address (a release
 * folder, or a release file in one) whose signature is checked with the public key in `publicKey` (a JWK file).
 * `datasets` is the raw `--datasets` list, resolved against that release once it is loaded.
 */
export type ExportSource = { kind: "file"; path: string; datasets?: string } | { kind: "url"; url: string; publicKey: string; datasets?: string };

/** Help topics: the commands. */
export type HelpTopic = "export" | "list" | "release";

/** What the command line asks for, or a usage error in words. */
export type Command =
  | { kind: "help"; topic?: HelpTopic }
  | { kind: "version" }
  | { kind: "list"; json: boolean }
  /** `datasets` are resolved ids; with `release`, they are resolved once that release is loaded (and empty here). */
  | { kind: "export"; format: FormatId; out: string; datasets: string[]; release?: ExportSource; /** xlsx only: the dataset sheets by year where a dataset has that layout. */ layout?: TableLayout }
  | { kind: "release"; out: string; releases: string[]; keyFile?: string }
  | { kind: "usage-error"; message: string };

const usageError = (message: string): Command => ({ kind: "usage-error", message });

const quoteList = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(", ");

/** Dataset ids from a comma-separated list (default: all), in the catalogue's order, or the first unknown id in words. */
export function resolveDatasets(list: string | undefined, known: readonly string[] = listDatasets().map((d) => d.id)): { ok: true; ids: string[] } | { ok: false; message: string } {
  if (list === undefined) return { ok: true, ids: [...known] };
  const asked = list.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (!asked.length) return { ok: false, message: `--datasets is empty; give one or more of ${quoteList(known)}, separated by commas (or leave it out for all)` };
  const unknown = asked.filter((id) => !known.includes(id));
  if (unknown.length) {
    const near = (u: string) => known.filter((k) => k.includes(u) || u.includes(k) || k.split("-")[0] === u.split("-")[0]);
    const hints = unknown.map((u) => (near(u).length ? ` (did you mean ${quoteList(near(u))}?)` : "")).join("");
    return { ok: false, message: `unknown dataset ${quoteList(unknown)}${hints}; accepted: ${quoteList(known)}` };
  }
  return { ok: true, ids: known.filter((k) => asked.includes(k)) };
}

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
  format: { type: "string", short: "f" },
  out: { type: "string", short: "o" },
  datasets: { type: "string", short: "d" },
  json: { type: "boolean" },
  release: { type: "string", short: "r", multiple: true },
  "public-key": { type: "string" },
  "key-file": { type: "string" },
  layout: { type: "string", short: "l" },
} as const;

const ALLOWED: Record<string, (keyof typeof OPTIONS)[]> = {
  export: ["help", "format", "out", "datasets", "release", "public-key", "layout"],
  list: ["help", "json"],
  release: ["help", "out", "release", "key-file"],
  help: ["help"],
};
const TOPICS: readonly HelpTopic[] = ["export", "list", "release"];
const isUrl = (s: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);

/**
 * Reads the command line (without `node` and the script path) into a command, or a usage error that says what is wrong.
 *
 * @example
 * parseCommand(["export", "--format", "csv", "--out", "figs"]) //=> { kind: "export", format: "csv", out: "figs", datasets: [all ids] }
 * parseCommand(["export", "--format", "pdf"]).message //=> 'unknown format "pdf"; accepted: "xlsx", "csv", "json", "datapackage"'
 */
export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    return usageError((e instanceof Error ? e.message : String(e)).replace(/\. To specify a positional argument.*$/s, "").replace(/^Unknown option/, "unknown option"));
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (!command) return values.version ? { kind: "version" } : values.help ? { kind: "help" } : usageError("no command given; try `skynet-data export --help`");
  if (!(command in ALLOWED)) return usageError(`unknown command "${command}"; accepted: "export", "list", "release", "help"`);
  const misplaced = Object.keys(values).filter((k) => !ALLOWED[command]!.includes(k as keyof typeof OPTIONS));
  if (misplaced.length) return usageError(`option ${misplaced.map((k) => `--${k}`).join(", ")} does not apply to "${command}"`);
  if (command === "help") {
    const [topic, ...more] = rest;
    if (topic === undefined) return { kind: "help" };
    if (more.length || !TOPICS.includes(topic as HelpTopic)) return usageError(`"help" takes at most one topic: "export", "list" or "release"`);
    return { kind: "help", topic: topic as HelpTopic };
  }
  if (rest.length) return usageError(`unexpected argument ${quoteList(rest)}; options take the form --name value`);
  if (values.help) return { kind: "help", topic: command as HelpTopic };
  if (command === "list") return { kind: "list", json: values.json ?? false };
  if (command === "release") {
    const out = values.out?.trim();
    if (!out) return usageError("--out is required: the folder to publish the release files into (a static host serves it)");
    const releases = (values.release ?? []).map((r) => r.trim());
    if (releases.some((r) => !r)) return usageError("--release is empty: give the path of a release file");
    const keyFile = values["key-file"]?.trim();
    if (values["key-file"] !== undefined && !keyFile) return usageError("--key-file is empty: give the path of a private key (JWK) file");
    return { kind: "release", out, releases, ...(keyFile ? { keyFile } : {}) };
  }

  const format = values.format?.trim().toLowerCase();
  if (!format) return usageError(`--format is required; accepted: ${quoteList(FORMAT_IDS)}`);
  if (!(FORMAT_IDS as string[]).includes(format)) return usageError(`unknown format "${values.format}"; accepted: ${quoteList(FORMAT_IDS)}`);
  const out = values.out?.trim();
  if (!out) return usageError(`--out is required: the ${format === "csv" || format === "datapackage" ? "directory" : "file"} to write`);
  const publicKey = values["public-key"]?.trim();
  const layoutAsked = values.layout?.trim().toLowerCase();
  if (layoutAsked !== undefined && !(TABLE_LAYOUTS as readonly string[]).includes(layoutAsked)) return usageError(`unknown layout "${values.layout}"; accepted: ${quoteList(TABLE_LAYOUTS)}`);
  if (layoutAsked !== undefined && format !== "xlsx") return usageError(`--layout lays out the sheets of --format xlsx; the ${format} format has one layout (one figure per row)`);
  const layoutOf = layoutAsked === "by-year" ? { layout: "by-year" as const } : {};
  if (values.release) {
    if (values.release.length > 1) return usageError(`export takes one --release, got ${values.release.length}: ${quoteList(values.release)}`);
    const from = values.release[0]!.trim();
    if (!from) return usageError("--release is empty: give a release file or an https:// address");
    if (isUrl(from)) {
      if (!/^https:\/\//i.test(from)) return usageError(`--release takes a file or an https:// address, got "${from}": releases are only downloaded over HTTPS`);
      if (!publicKey) return usageError("--public-key <file> is required with a release address: the public key (JWK) its signature must verify with, from a copy you trust");
      return { kind: "export", format: format as FormatId, out, datasets: [], release: { kind: "url", url: from, publicKey, ...(values.datasets !== undefined ? { datasets: values.datasets } : {}) }, ...layoutOf };
    }
    if (values["public-key"] !== undefined) return usageError("--public-key checks a release downloaded from an https:// address; a release file is checked against its own hash");
    return { kind: "export", format: format as FormatId, out, datasets: [], release: { kind: "file", path: from, ...(values.datasets !== undefined ? { datasets: values.datasets } : {}) }, ...layoutOf };
  }
  if (values["public-key"] !== undefined) return usageError("--public-key goes with --release <https address>: it checks the signature of a downloaded release");
  const datasets = resolveDatasets(values.datasets);
  if (!datasets.ok) return usageError(datasets.message);
  return { kind: "export", format: format as FormatId, out, datasets: datasets.ids, ...layoutOf };
}
