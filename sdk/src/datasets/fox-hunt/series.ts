import { seriesWriter } from "../../core/build.js";
import type { SeriesInput } from "../../core/schema.js";
import { in2026111 } from "../changes.js";

const s = seriesWriter({ dataset: "fox-hunt", agency: "MPS", kind: "flow" });

/** Fox Hunt (Ministry of Public Security): one observation per operation; the period is the operation's run. */
export const FOX_HUNT_SERIES = [
  { ...s("captured", "Fox Hunt fugitives captured", "Economic-crime fugitives brought back from abroad by the year's Fox Hunt operation (arrested or surrendered).", "persons", "captured"), answers: { function: "CAPTURES", default: true } },
  s("arrested", "Fox Hunt fugitives arrested", "Of those captured, the fugitives arrested abroad.", "persons", "arrested"),
  { ...s("surrendered", "Fox Hunt fugitives who turned themselves in", "Of those captured, the fugitives who surrendered (turned themselves in).", "persons", "surrendered"), answers: { function: "SURRENDERED", default: true } },
  s("prosecuted-abroad", "Fox Hunt fugitives prosecuted abroad", "Of those captured, the fugitives prosecuted in the country they fled to.", "persons", "prosecuted-abroad"),
  s("cases-over-10m-cny", "Captured in cases over 10 million yuan", "Of those captured, the fugitives implicated in cases involving over 10 million yuan each.", "persons", "cases-over-10m-cny"),
  s("cases-over-100m-cny", "Captured in cases over 100 million yuan", "Of those captured, the fugitives implicated in cases involving over 100 million yuan each.", "persons", "cases-over-100m-cny"),
  s("at-large-over-10-years", "Captured after over 10 years at large", "Of those captured, the fugitives who had been at large for more than ten years.", "persons", "at-large-over-10-years"),
  s("at-large-over-5-years", "Captured after over 5 years at large", "Of those captured, the fugitives who had been at large for more than five years.", "persons", "at-large-over-5-years"),
  s("longest-at-large", "Longest time at large", "The longest time one captured fugitive had been on the run.", "years", "longest-at-large"),
  { ...s("countries", "Countries and regions where fugitives were seized", "Number of countries and regions in which the operation's fugitives were seized.", "countries-and-regions", "countries"), answers: { function: "COUNTRIES", default: true } },
  {
    ...s("most-wanted-captured", "Fox Hunt captures from the 100 most wanted", "Of those captured, the fugitives on the Interpol red-notice list of the 100 most wanted.", "persons", "most-wanted-captured"),
    ...in2026111("measure: the series counts Fox Hunt captures, so its measure is most-wanted-captured, not Sky Net's most-wanted-returned; the two are different counts and must not be matched as one measure"),
  },
  s("captured.cumulative", "Fox Hunt fugitives captured since 2014 (running total)", "Fugitives captured by all Fox Hunt operations since 2014, as reported by the CCDI.", "persons", "captured", { cumulative: true, agency: "CCDI-NSC" }),
  s("recovered.cumulative", "Assets recovered by Fox Hunt since 2014 (running total)", "Money recovered by all Fox Hunt operations since 2014, as reported by the CCDI.", "CNY", "recovered", { cumulative: true, agency: "CCDI-NSC" }),
] satisfies SeriesInput[];
