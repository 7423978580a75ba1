import { existsSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { cell, stubCustomFunctions } from "./stub.js";

const BUNDLE = fileURLToPath(new URL("../../dist/functions.js", import.meta.url));
const METADATA = fileURLToPath(new URL("../../dist/functions.json", import.meta.url));
const SOURCE = fileURLToPath(new URL("../../src/functions/functions.ts", import.meta.url));
const CI = process.env.CI === "true" || process.env.CI === "1";

const built = existsSync(BUNDLE);
// Locally a bundle older than functions.ts is stale; in CI `npm test` has just built it.
const stale = built && !CI && statSync(BUNDLE).mtimeMs < statSync(SOURCE).mtimeMs;
const run = built && !stale;
const why = !built ? "add-in/dist/functions.js is not built: run `npm run build -w @skynet-data/add-in`" : "add-in/dist/functions.js is older than src/functions/functions.ts: rebuild it";

describe("built functions bundle (add-in/dist/functions.js)", () => {
  it.runIf(CI && !built)("exists in CI", () => {
    throw new Error(why);
  });

  if (!run && !CI) it.skip(`skipped locally: ${why}`, () => {});

  describe.runIf(run)("loaded as Excel loads it, with a stand-in CustomFunctions global", () => {
    const stub = stubCustomFunctions();
    const call = (id: string, ...args: unknown[]) => JSON.parse(JSON.stringify(cell(stub.registered.get(id)!, ...args)));

    const logged: unknown[][] = [];

    beforeAll(() => {
      if (!run) return;
      // What a browser runtime offers that the bundle may use; console is captured, never printed.
      const quiet = Object.fromEntries(["log", "info", "warn", "error", "debug"].map((k) => [k, (...a: unknown[]) => logged.push(a)]));
      const context = vm.createContext({ CustomFunctions: stub.api, URL, URLSearchParams, TextEncoder, TextDecoder, setTimeout, clearTimeout, console: quiet });
      new vm.Script(readFileSync(BUNDLE, "utf8"), { filename: "functions.js" }).runInContext(context);
    });

    it("registers every function that dist/functions.json lists, and nothing else", () => {
      const ids = (JSON.parse(readFileSync(METADATA, "utf8")) as { functions: { id: string }[] }).functions.map((f) => f.id);
      expect(ids.length).toBeGreaterThan(0);
      expect([...stub.registered.keys()].sort()).toEqual([...ids].sort());
      expect(stub.duplicates).toEqual([]);
      expect(logged).toEqual([]);
    });

    it("holds the release's text in plain string literals, none in a long template literal (V8 compiles those slower)", () => {
      const source = readFileSync(BUNDLE, "utf8");
      const templates = (source.match(/`(?:[^`\\]|\\.)*`/g) ?? []).map((t) => t.length);
      expect(templates.filter((n) => n > 4000)).toEqual([]);
      // The pieces are there, in single quotes: the release text begins with its changelog.
      expect(source).toMatch(/'\{"changelog":/);
    });

    it("answers the seed figures", () => {
      expect(call("CAPTURES", 2014, null)).toEqual({ value: 680 });
      expect(call("CAPTURES", 2014, "SPP")).toEqual({ value: 749 });
      expect(call("RETURNED", 2013, "SPP")).toEqual({ value: 762 });
      expect(call("RECOVERED", 2013, "SPP", "USD")).toEqual({ value: 1_630_000_000 });
      expect(call("TREATIES_IN_FORCE", null, null)).toEqual({ value: 75 });
      expect(call("TREATIES_IN_FORCE", "extradition", 41974)).toEqual({ value: 29 });
    });

    it("throws CustomFunctions.Error with words for #N/A and #VALUE!", () => {
      expect(call("RETURNED", 2016, null)).toEqual({ error: "#N/A", message: expect.stringMatching(/908/) });
      expect(call("CAPTURES", "soon", null)).toEqual({ error: "#VALUE!", message: expect.stringMatching(/whole number/) });
    });

    it("spills tables and returns the entity", () => {
      expect(call("SERIES", "spp.returned", null, null).value).toHaveLength(2);
      expect(call("FIGURE", "spp.returned", 2013).value).toMatchObject({ type: "Entity", properties: { Value: { type: "Double", basicValue: 762 } } });
    });
  });
});
