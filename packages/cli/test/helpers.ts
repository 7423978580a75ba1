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

/** An RFC 4180 reader written for the tests: quoted fields, doubled quotes, CRLF records (bare LF too when `lf` is set). */
export function parseCsv(text: string, options: { lf?: boolean } = {}): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  const endRecord = () => {
    record.push(field);
    records.push(record);
    record = [];
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (ch === '"' && field === "") {
      quoted = true;
    } else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      endRecord();
      i++;
    } else if (ch === "\n" && options.lf) {
      endRecord();
    } else if (ch === "\n" || ch === "\r") {
      throw new Error(`bare line break at offset ${i}: records must end with CRLF`);
    } else {
      field += ch;
    }
  }
  if (quoted) throw new Error("unterminated quoted field");
  if (field !== "" || record.length) throw new Error("the last record does not end with a line break");
  return records;
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
