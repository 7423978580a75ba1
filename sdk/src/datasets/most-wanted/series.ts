import type { SeriesInput } from "../../core/schema.js";

/** The Interpol red-notice list of the 100 most wanted, published 22 April 2015: how many had returned, at a date. */
export const MOST_WANTED_SERIES = [
  {
    id: "most-wanted.returned-total",
    dataset: "most-wanted",
    title: "Of the 100 most wanted, returned so far",
    description: "Running total of fugitives on the 100 most wanted red-notice list who had been returned to China by the date.",
    agency: "CCDI-NSC",
    unit: "persons",
    kind: "stock",
    measure: "most-wanted-total",
  },
] satisfies SeriesInput[];
