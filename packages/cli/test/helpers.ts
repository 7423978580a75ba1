import { parse } from "csv-parse/sync";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { getDatasetTable, getSourcesTable, type Cell, type Column, type Table } from "@skynet-data/sdk";
import { afterEach } from "vitest";
import { restoreText } from "../src/formats/csv.js";

/** A fresh temporary directory per test, removed after it. */
export function useTempDir(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = mkdtempSync(join(tmpdir(), "skynet-cli-"));
    dirs.push(d);
    return d;
  };
}

/** Every file and directory under `dir`, relative, sorted (to prove nothing was left behind). */
export function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      out.push(relative(dir, p));
      if (statSync(p).isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * Reads CSV back with csv-parse (a kept library, not ours), strict about RFC 4180: CRLF between records (LF with
 * `lf`), a line break after the last record, quotes only around whole fields, the same field count in every record.
 */
export function parseCsv(text: string, options: { lf?: boolean } = {}): string[][] {
  const eol = options.lf ? "\n" : "\r\n";
  if (!text.endsWith(eol)) throw new Error(`the last record does not end with ${options.lf ? "LF" : "CRLF"}`);
  return parse(text, { record_delimiter: eol, relax_quotes: false, relax_column_count: false, skip_empty_lines: false, bom: false }) as string[][];
}

/** Reads a CSV field back into the type of its column: numbers, ISO dates and text (formula guard undone), empty as null. */
export function readField(text: string, column: Column): Cell {
  if (text === "") return null;
  if (column.type === "number" || column.type === "integer" || column.type === "money") {
    if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`"${text}" in ${column.key} is not a plain decimal number`);
    return Number(text);
  }
  return restoreText(text);
}

/** The SDK tables an export of these datasets must reproduce: one per dataset, then the sources. */
export const expectedTables = (datasets: readonly string[]): Table[] => [...datasets.map((id) => getDatasetTable(id)), getSourcesTable(datasets)];

/** True where soffice can be run; under CI=true a missing soffice is a failure, locally a skip. */
export function findSoffice(): string | null {
  for (const dir of (process.env.PATH ?? "").split(":")) {
    for (const name of ["soffice", "libreoffice"]) {
      try {
        if (statSync(join(dir, name)).isFile()) return join(dir, name);
      } catch {
        // not in this directory
      }
    }
  }
  return null;
}
