import { fileURLToPath } from "node:url";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stubCustomFunctions, type Registered } from "./stub.js";

const SOURCE = fileURLToPath(new URL("../../src/functions/functions.ts", import.meta.url));

interface Parameter {
  name: string;
  description?: string;
  type: string;
  optional?: boolean;
  customEnumId?: string;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
}
interface Metadata {
  functions: FunctionMetadata[];
  enums?: { id: string; values: { stringValue?: string }[] }[];
}

const stub = stubCustomFunctions();
let metadata: Metadata;
let metadataJson: string;
let associate: { functionName: string; id: string }[];
let errors: string[];

beforeAll(async () => {
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = stub.api;
  await import("../../src/functions/functions.js");
  const generated = await generateCustomFunctionsMetadata(SOURCE);
  metadataJson = generated.metadataJson;
  metadata = JSON.parse(metadataJson) as Metadata;
  associate = generated.associate;
  errors = generated.errors;
});
afterAll(() => {
  delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
});

describe("functions.json generated from functions.ts", () => {
  it("generates without a single error", () => {
    expect(errors).toEqual([]);
  });

  it("lists exactly the ids registered at runtime, one to one", () => {
    const ids = metadata.functions.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...stub.registered.keys()].sort());
  });

  it("ties each id to the function registered under it, with as many parameters", () => {
    for (const f of metadata.functions) {
      const fn = stub.registered.get(f.id) as Registered;
      expect(associate.find((a) => a.id === f.id)?.functionName, f.id).toBe(fn.name);
      expect(fn.length, f.id).toBe(f.parameters.length);
    }
  });

  it("describes every function and every parameter", () => {
    for (const f of metadata.functions) {
      expect(f.description?.trim(), f.id).toBeTruthy();
      for (const p of f.parameters) expect(p.description?.trim(), `${f.id}(${p.name})`).toBeTruthy();
    }
  });

  it("names functions as Excel requires: upper case, at least 3 characters, never a cell reference", () => {
    for (const f of metadata.functions) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9_.]{2,127}$/);
      expect(f.name).toBe(f.id);
      expect(f.id).not.toMatch(/^[A-Z]{1,3}[0-9]+$/);
    }
  });

  it("returns the tables as matrices so they spill", () => {
    for (const id of ["SERIES", "SERIES_LIST", "DATASET", "EVENTS"]) expect(metadata.functions.find((f) => f.id === id)?.result.dimensionality).toBe("matrix");
  });

  it("defines every custom enum a parameter names", () => {
    const enums = new Set((metadata.enums ?? []).map((e) => e.id));
    const used = metadata.functions.flatMap((f) => f.parameters.flatMap((p) => (p.customEnumId ? [p.customEnumId] : [])));
    expect(used.length).toBeGreaterThan(0);
    for (const id of used) expect(enums.has(id), id).toBe(true);
  });

  it("matches the committed snapshot, so an accidental rename fails", async () => {
    await expect(metadataJson).toMatchFileSnapshot("./__snapshots__/functions.json");
  });
});
