// The public API's types: each expectTypeOf is checked by `npm run typecheck` (tsc), where a wrong type fails the build.
import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { Observation as ObservationSchema, Series as SeriesSchema } from "./core/schema.js";
import {
  CUSTOM_FUNCTIONS,
  functionsFor,
  getFigure,
  getSeries,
  loadRelease,
  RELEASE,
  type Answer,
  type Catalog,
  type FigureEntity,
  type FunctionError,
  type FunctionId,
  type Observation,
  type Series,
  type Spill,
} from "./public.js";

describe("public types", () => {
  it("infers the record types from the zod schemas, never writing them twice", () => {
    expectTypeOf<Observation>().toEqualTypeOf<z.infer<typeof ObservationSchema>>();
    expectTypeOf<Series>().toEqualTypeOf<z.infer<typeof SeriesSchema>>();
    expectTypeOf<Observation["qualifier"]>().toEqualTypeOf<"exact" | "approximate" | "lower-bound">();
    expectTypeOf<Observation["coverage"]>().toEqualTypeOf<"full" | "partial">();
  });

  it("answers a figure query with a union the caller must narrow", () => {
    const r = getFigure("fox-hunt.captured", { year: 2014 });
    if (r.found) expectTypeOf(r.observation).toEqualTypeOf<Observation>();
    else expectTypeOf(r.message).toEqualTypeOf<string>();
    expectTypeOf(getSeries).returns.toEqualTypeOf<Observation[]>();
  });

  it("types each custom function's answer: a number, a spill or a card, or an error value", () => {
    expectTypeOf(CUSTOM_FUNCTIONS.CAPTURES).returns.toEqualTypeOf<Answer<number>>();
    expectTypeOf(CUSTOM_FUNCTIONS.TREATIES_IN_FORCE).returns.toEqualTypeOf<Answer<number>>();
    expectTypeOf(CUSTOM_FUNCTIONS.SERIES).returns.toEqualTypeOf<Answer<Spill>>();
    expectTypeOf(CUSTOM_FUNCTIONS.SOURCE).returns.toEqualTypeOf<Answer<string>>();
    expectTypeOf(CUSTOM_FUNCTIONS.FIGURE).returns.toEqualTypeOf<Answer<FigureEntity>>();
    expectTypeOf<FunctionError["error"]>().toEqualTypeOf<"#N/A" | "#VALUE!">();
    expectTypeOf<keyof typeof CUSTOM_FUNCTIONS>().toEqualTypeOf<FunctionId>();
  });

  it("builds a catalogue and its functions from any release", () => {
    expectTypeOf(loadRelease).returns.toEqualTypeOf<Catalog>();
    expectTypeOf(functionsFor).parameter(0).toEqualTypeOf<Catalog>();
    expectTypeOf(RELEASE.version).toEqualTypeOf<string>();
    expectTypeOf(RELEASE.previous).toEqualTypeOf<{ version: string; hash: string } | null>();
  });
});
