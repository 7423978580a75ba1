import { parseArgs } from "node:util";
import { listDatasets } from "@skynet-data/sdk";
import { FORMAT_IDS, type FormatId } from "./formats/index.js";

/** What the command line asks for, or a usage error in words. */
export type Command =
  | { kind: "help"; topic?: "export" | "list" }
  | { kind: "version" }
  | { kind: "list"; json: boolean }
  | { kind: "export"; format: FormatId; out: string; datasets: string[] }
  | { kind: "usage-error"; message: string };

const usageError = (message: string): Command => ({ kind: "usage-error", message });

const quoteList = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(", ");

/** Dataset ids from a comma-separated list (default: all), in the catalogue's order, or the first unknown id in words. */
export function resolveDatasets(list: string | undefined): { ok: true; ids: string[] } | { ok: false; message: string } {
  const known = listDatasets().map((d) => d.id);
  if (list === undefined) return { ok: true, ids: known };
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
} as const;

const ALLOWED: Record<string, (keyof typeof OPTIONS)[]> = {
  export: ["help", "format", "out", "datasets"],
  list: ["help", "json"],
  help: ["help"],
};

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
  if (!(command in ALLOWED)) return usageError(`unknown command "${command}"; accepted: "export", "list", "help"`);
  const misplaced = Object.keys(values).filter((k) => !ALLOWED[command]!.includes(k as keyof typeof OPTIONS));
  if (misplaced.length) return usageError(`option ${misplaced.map((k) => `--${k}`).join(", ")} does not apply to "${command}"`);
  if (command === "help") {
    const [topic, ...more] = rest;
    if (topic === undefined) return { kind: "help" };
    if (more.length || (topic !== "export" && topic !== "list")) return usageError(`"help" takes at most one topic: "export" or "list"`);
    return { kind: "help", topic };
  }
  if (rest.length) return usageError(`unexpected argument ${quoteList(rest)}; options take the form --name value`);
  if (values.help) return { kind: "help", topic: command as "export" | "list" };
  if (command === "list") return { kind: "list", json: values.json ?? false };

  const format = values.format?.trim().toLowerCase();
  if (!format) return usageError(`--format is required; accepted: ${quoteList(FORMAT_IDS)}`);
  if (!(FORMAT_IDS as string[]).includes(format)) return usageError(`unknown format "${values.format}"; accepted: ${quoteList(FORMAT_IDS)}`);
  const out = values.out?.trim();
  if (!out) return usageError(`--out is required: the ${format === "csv" || format === "datapackage" ? "directory" : "file"} to write`);
  const datasets = resolveDatasets(values.datasets);
  if (!datasets.ok) return usageError(datasets.message);
  return { kind: "export", format: format as FormatId, out, datasets: datasets.ids };
}
