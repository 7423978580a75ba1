// The words of a #N/A answer: what was asked, what exists instead, and how to ask for it.
import type { FigureResult } from "../core/catalog.js";
import type { Observation } from "../core/schema.js";
import { notAvailable, type FunctionError } from "./errors.js";

/** How to ask for a figure the function would not return as a number. */
function hintFor(o: Observation, agencyHint?: (seriesId: string) => string | undefined): string {
  const viaAgency = agencyHint?.(o.series);
  if (viaAgency) return `agency ${JSON.stringify(viaAgency)} asks for ${o.series}`;
  return `=SKYNET.FIGURE("${o.series}", "${o.period.label}") returns ${o.qualifier === "lower-bound" ? "the lower bound" : o.coverage === "partial" ? "the partial figure" : "it"} with its coverage and qualifier`;
}

/** The `#N/A` words for a figure that does not exist, with how to ask for what does. */
export function missing(r: Extract<FigureResult, { found: false }>, agencyHint?: (seriesId: string) => string | undefined): FunctionError {
  const hints = [...new Set(r.alternatives.map((o) => hintFor(o, agencyHint)))];
  return notAvailable(hints.length ? `${r.message}. ${hints.join("; ")}.` : r.message);
}
