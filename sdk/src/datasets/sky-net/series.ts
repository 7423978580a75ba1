import { seriesWriter } from "../../core/build.js";
import type { SeriesInput } from "../../core/schema.js";

const series = seriesWriter({ dataset: "sky-net", agency: "CCDI-NSC", kind: "flow" });
const s = (id: string, title: string, description: string, unit: SeriesInput["unit"], measure: string, cumulative = false) =>
  series(id, title, description, unit, measure, { cumulative });

/**
 * Sky Net (all agencies, reported by the CCDI / National Supervisory Commission). The "of whom officials" category
 * changed its definition over the years, so each definition is its own series.
 */
export const SKY_NET_SERIES = [
  { ...s("returned", "Sky Net fugitives returned", "Fugitives returned to China from abroad under Sky Net, all agencies together.", "persons", "returned"), answers: { function: "RETURNED", default: true } },
  s("returned.party-members-and-officials", "Of whom Party members and state functionaries", "Returned fugitives who were Party members or state functionaries.", "persons", "returned-officials"),
  s("returned.state-functionaries", "Of whom state functionaries", "Returned fugitives who were state functionaries (the 2016 definition).", "persons", "returned-officials"),
  s("returned.supervision-targets", "Of whom supervision targets", "Returned fugitives who were targets of supervision (the 2020 definition, after the National Supervisory Commission was set up).", "persons", "returned-officials"),
  s("most-wanted-returned", "Returned from the 100 most wanted", "Returned fugitives who were on the Interpol red-notice list of the 100 most wanted.", "persons", "most-wanted-returned"),
  s("red-notice-returned", "Returned red-notice fugitives", "Returned fugitives under any Interpol red notice (a wider group than the 100 most wanted).", "persons", "red-notice-returned"),
  { ...s("recovered", "Sky Net assets recovered", "Illicit assets recovered from abroad under Sky Net.", "CNY", "recovered"), answers: { function: "RECOVERED", default: true } },
  s("returned.cumulative", "Sky Net fugitives returned since 2014 (running total)", "Fugitives returned from 2014 to the end of the period.", "persons", "returned", true),
  s("returned-officials.cumulative", "Of whom Party members and officials, since 2014 (running total)", "Returned Party members and officials from 2014 to the end of the period.", "persons", "returned-officials", true),
  s("surrendered.cumulative", "Surrendered or persuaded to return, since 2014 (running total)", "Returned fugitives who surrendered or were persuaded to return, from 2014.", "persons", "surrendered", true),
  s("recovered.cumulative", "Sky Net assets recovered since 2014 (running total)", "Assets recovered from 2014 to the end of the period.", "CNY", "recovered", true),
  s("countries.cumulative", "Countries and regions fugitives were returned from, since 2014", "Countries and regions from which fugitives were returned, from 2014.", "countries-and-regions", "countries", true),
] satisfies SeriesInput[];
