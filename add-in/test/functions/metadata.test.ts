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
  helpUrl?: string;
}
interface Metadata {
  functions: FunctionMetadata[];
  enums?: { id: string; values: { stringValue?: string }[] }[];
  allowCustomDataForDataTypeAny?: boolean;
}

const stub = stubCustomFunctions();
let metadata: Metadata;
let associate: { functionName: string; id: string }[];
let errors: string[];

beforeAll(async () => {
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = stub.api;
  await import("../../src/functions/functions.js");
  const generated = await generateCustomFunctionsMetadata(SOURCE);
  metadata = JSON.parse(generated.metadataJson) as Metadata;
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
    for (const id of ["SERIES", "SERIES_LIST", "DATASET", "EVENTS", "REVISIONS"]) expect(metadata.functions.find((f) => f.id === id)?.result.dimensionality).toBe("matrix");
  });

  it("defines every custom enum a parameter names", () => {
    const enums = new Set((metadata.enums ?? []).map((e) => e.id));
    const used = metadata.functions.flatMap((f) => f.parameters.flatMap((p) => (p.customEnumId ? [p.customEnumId] : [])));
    expect(used.length).toBeGreaterThan(0);
    for (const id of used) expect(enums.has(id), id).toBe(true);
  });

  it("declares each function's parameters, result and help page as written here", () => {
    // What an analyst's formulas depend on, written out: renaming an id, retyping or reordering a parameter fails here.
    const E = (name: string, type: string, optional: boolean, customEnumId?: string) => ({ name, type, optional, customEnumId });
    const EXPECTED: Record<string, { params: ReturnType<typeof E>[]; result: { type?: string; dimensionality?: string }; help: string }> = {
      TREATIES_IN_FORCE: { params: [E("kind", "string", true, "TreatyKind"), E("as_of", "any", true)], result: { type: "number" }, help: "treaties-in-force" },
      TREATIES_CONCLUDED: { params: [E("kind", "string", true, "TreatyKind"), E("as_of", "any", true)], result: { type: "number" }, help: "treaties-concluded" },
      CAPTURES: { params: [E("year", "any", false), E("agency", "string", true, "CaptureAgency")], result: { type: "number" }, help: "captures" },
      SURRENDERED: { params: [E("year", "any", false)], result: { type: "number" }, help: "surrendered" },
      RETURNED: { params: [E("year", "any", false), E("agency", "string", true, "SkyNetAgency")], result: { type: "number" }, help: "returned" },
      RECOVERED: {
        params: [E("year", "any", false), E("agency", "string", true, "SkyNetAgency"), E("currency", "string", true, "Currency")],
        result: { type: "number" },
        help: "recovered",
      },
      COUNTRIES: { params: [E("year", "any", false)], result: { type: "number" }, help: "countries" },
      SERIES: { params: [E("series_id", "string", false), E("from_year", "any", true), E("to_year", "any", true)], result: { dimensionality: "matrix" }, help: "series" },
      SERIES_LIST: { params: [], result: { dimensionality: "matrix" }, help: "series-list" },
      DATASET: { params: [E("name", "string", false)], result: { dimensionality: "matrix" }, help: "dataset" },
      EVENTS: { params: [E("from", "any", true), E("to", "any", true)], result: { dimensionality: "matrix" }, help: "events" },
      SOURCE: { params: [E("series_id", "string", false), E("period", "any", false)], result: { type: "string" }, help: "source" },
      FIGURE: { params: [E("series_id", "string", false), E("period", "any", false)], result: {}, help: "figure" },
      REVISIONS: { params: [E("series_id", "string", false), E("period", "any", false)], result: { dimensionality: "matrix" }, help: "revisions" },
    };
    expect(metadata.functions.map((f) => f.id)).toEqual(Object.keys(EXPECTED));
    for (const f of metadata.functions) {
      const want = EXPECTED[f.id]!;
      expect(
        f.parameters.map((p) => ({ name: p.name, type: p.type, optional: p.optional ?? false, customEnumId: p.customEnumId })),
        f.id,
      ).toEqual(want.params);
      expect({ type: f.result.type, dimensionality: f.result.dimensionality }, f.id).toEqual({ type: want.result.type, dimensionality: want.result.dimensionality });
      expect(f.helpUrl, f.id).toBe(`https://localhost:3000/help/${want.help}.html`);
    }
  });

  it("offers these dropdown values, and lets data-type values reach parameters of type any", () => {
    expect((metadata.enums ?? []).map((e) => [e.id, e.values.map((v) => v.stringValue)])).toEqual([
      ["TreatyKind", ["extradition", "judicial assistance"]],
      ["CaptureAgency", ["MPS", "SPP"]],
      ["SkyNetAgency", ["CCDI-NSC", "SPP"]],
      ["Currency", ["CNY", "USD"]],
    ]);
    expect(metadata.allowCustomDataForDataTypeAny).toBe(true);
  });
});
