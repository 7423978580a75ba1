import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join } from "node:path";
import { getSource, listDatasets, type Cell } from "@skynet-data/sdk";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATA_DIR } from "../src/formats/datapackage.js";
import { main } from "../src/main.js";
import { expectedTables, parseCsv, tree } from "./helpers.js";

const quiet = { stdout: () => undefined, stderr: () => undefined };

// The official Tabular Data Package profile (Frictionless v1, JSON Schema draft-04) as the `datapackage` npm package ships it.
// Ajv 8 speaks draft-07; the profile uses no draft-04-only keyword, so only its `$schema` line is dropped.
function officialValidator() {
  const require = createRequire(import.meta.url);
  const profile = JSON.parse(readFileSync(require.resolve("datapackage/lib/profiles/tabular-data-package.json"), "utf8")) as Record<string, unknown>;
  delete profile.$schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addFormat("textarea", true);
  return ajv.compile(profile);
}

interface Field {
  name: string;
  title: string;
  type: string;
  format?: string;
  description: string;
  unit?: string;
  units?: string[];
  unitField?: string;
  constraints?: { required?: boolean };
}
interface Resource {
  name: string;
  path: string;
  bytes: number;
  hash: string;
  sources?: { title: string; path?: string }[];
  schema: { fields: Field[]; missingValues: string[]; primaryKey?: string[]; foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[] };
}

// A value read as its Table Schema type says, or an error naming what is wrong.
function typed(text: string, field: Field, missing: string[]): Cell {
  if (missing.includes(text)) {
    if (field.constraints?.required) throw new Error(`${field.name}: required but missing`);
    return null;
  }
  switch (field.type) {
    case "number":
      if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) throw new Error(`${field.name}: "${text}" is not a number`);
      return Number(text);
    case "integer":
      if (!/^-?\d+$/.test(text)) throw new Error(`${field.name}: "${text}" is not an integer`);
      return Number(text);
    case "date": {
      const d = new Date(`${text}T00:00:00Z`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(d.getTime()) || !d.toISOString().startsWith(text)) throw new Error(`${field.name}: "${text}" is not an ISO date`);
      return text;
    }
    case "string":
      if (field.format === "uri") new URL(text);
      return text.startsWith("'") ? text.slice(1) : text;
    default:
      throw new Error(`${field.name}: unexpected type ${field.type}`);
  }
}

describe("datapackage export", () => {
  const validate = officialValidator();
  let dir = "";
  let descriptor: { resources: Resource[]; sources: { title: string }[]; version: string };

  let root = "";
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "skynet-cli-dp-"));
    dir = join(root, "package");
    expect(await main(["export", "--format", "datapackage", "--out", dir], quiet)).toBe(0);
    descriptor = JSON.parse(readFileSync(join(dir, "datapackage.json"), "utf8"));
  });

  it("validates against the official Tabular Data Package profile", () => {
    const ok = validate(descriptor);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("is rejected by the same validator when a field has a type the spec does not know", () => {
    const broken = structuredClone(descriptor);
    broken.resources[0]!.schema.fields[0]!.type = "text";
    expect(validate(broken)).toBe(false);
  });

  it("holds exactly datapackage.json and one CSV per resource, with the declared size and hash", () => {
    expect(tree(dir)).toEqual(["datapackage.json", DATA_DIR, ...descriptor.resources.map((r) => r.path)].sort());
    for (const r of descriptor.resources) {
      const bytes = readFileSync(join(dir, r.path));
      expect(bytes.byteLength).toBe(r.bytes);
      expect(r.hash).toBe(`sha256:${createHash("sha256").update(bytes).digest("hex")}`);
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    }
  });

  it("gives every field a title and a description, and value fields their units", () => {
    for (const r of descriptor.resources) {
      for (const f of r.schema.fields) {
        expect(f.title, `${r.name}.${f.name}`).toBeTruthy();
        expect(f.description, `${r.name}.${f.name}`).toBeTruthy();
        if (f.unitField) {
          expect(r.schema.fields.map((x) => x.name)).toContain(f.unitField);
          expect(f.unit ?? f.units).toBeTruthy();
          expect(f.description).toContain(f.unitField);
        }
      }
    }
    const value = descriptor.resources.find((r) => r.name === "sky-net")!.schema.fields.find((f) => f.name === "value")!;
    expect(value.units).toContain("CNY");
    expect(value.units).toContain("persons");
  });

  it("declares each resource's sources, and the package's, from the SDK", () => {
    for (const r of descriptor.resources.filter((x) => x.name !== "sources")) {
      expect(r.sources!.length).toBeGreaterThan(0);
      for (const s of r.sources!) expect(s.title).toBeTruthy();
    }
    const spp = descriptor.resources.find((r) => r.name === "spp")!;
    expect(spp.sources!.map((s) => s.title)).toEqual([expect.stringContaining(getSource("seed").publisher)]);
    expect(descriptor.sources.length).toBe(expectedTables(listDatasets().map((d) => d.id)).at(-1)!.rows.length);
  });

  it("has CSV headers equal to the schema fields and values that parse as the declared types", () => {
    for (const r of descriptor.resources) {
      const [header, ...rows] = parseCsv(readFileSync(join(dir, r.path), "utf8"));
      expect(header, r.name).toEqual(r.schema.fields.map((f) => f.name));
      for (const row of rows) row.forEach((text, j) => typed(text, r.schema.fields[j]!, r.schema.missingValues));
    }
  });

  it("keeps its foreign keys and primary key true", () => {
    const sources = descriptor.resources.find((r) => r.name === "sources")!;
    const [sHeader, ...sRows] = parseCsv(readFileSync(join(dir, sources.path), "utf8"));
    const ids = sRows.map((r) => r[sHeader!.indexOf(sources.schema.primaryKey![0]!)]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of descriptor.resources.filter((x) => x.schema.foreignKeys)) {
      const fk = r.schema.foreignKeys![0]!;
      const [header, ...rows] = parseCsv(readFileSync(join(dir, r.path), "utf8"));
      for (const row of rows) expect(ids, `${r.name} cites ${row[header!.indexOf(fk.fields[0]!)]}`).toContain(row[header!.indexOf(fk.fields[0]!)]);
    }
  });

  it("round-trips to the SDK's tables when read with its own schema", () => {
    const tables = expectedTables(listDatasets().map((d) => d.id));
    expect(descriptor.resources.map((r) => r.name)).toEqual(tables.map((t) => t.dataset));
    for (const [i, r] of descriptor.resources.entries()) {
      const [, ...rows] = parseCsv(readFileSync(join(dir, r.path), "utf8"));
      expect(rows.map((row) => row.map((text, j) => typed(text, r.schema.fields[j]!, r.schema.missingValues)))).toEqual(tables[i]!.rows);
    }
  });
});
