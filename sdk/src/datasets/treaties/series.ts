import { seriesWriter } from "../../core/build.js";
import type { SeriesInput } from "../../core/schema.js";

const series = seriesWriter({ dataset: "treaties", agency: "MFA", kind: "stock" });
const s = (id: string, title: string, description: string, unit: SeriesInput["unit"], measure: string, kind: SeriesInput["kind"] = "stock") =>
  series(id, title, description, unit, measure, { kind });

/** The treaty series: one unit each; treaties, partner countries, concluded, in force and ratified never mix. */
export const TREATY_SERIES = [
  { ...s("extradition.concluded", "Extradition treaties concluded", "Extradition treaties China has concluded (signed), cumulative at a date.", "treaties", "treaties-concluded"), answers: { function: "TREATIES_CONCLUDED", treatyKind: "extradition" } },
  { ...s("extradition.in-force", "Extradition treaties in force", "Extradition treaties that have taken effect, at a date.", "treaties", "treaties-in-force"), answers: { function: "TREATIES_IN_FORCE", treatyKind: "extradition" } },
  { ...s("judicial-assistance.concluded", "Criminal judicial assistance treaties concluded", "Criminal judicial (mutual legal) assistance treaties concluded, at a date, as the source counts them.", "treaties", "treaties-concluded"), answers: { function: "TREATIES_CONCLUDED", treatyKind: "judicial-assistance" } },
  { ...s("judicial-assistance.in-force", "Criminal judicial assistance treaties in force", "Criminal judicial (mutual legal) assistance treaties in force, at a date.", "treaties", "treaties-in-force"), answers: { function: "TREATIES_IN_FORCE", treatyKind: "judicial-assistance" } },
  s("judicial-assistance.criminal-only.concluded", "Criminal-only judicial assistance treaties concluded", "Treaties on criminal judicial assistance alone, excluding the combined civil-and-criminal treaties the Foreign Ministry's table lists apart.", "treaties", "treaties-concluded-narrow"),
  s("judicial-assistance.criminal-only.in-force", "Criminal-only judicial assistance treaties in force", "In-force treaties on criminal judicial assistance alone, excluding combined civil-and-criminal treaties.", "treaties", "treaties-in-force-narrow"),
  s("judicial-assistance.civil-and-criminal.concluded", "Combined civil-and-criminal judicial assistance treaties concluded", "Treaties that cover civil and criminal judicial assistance together.", "treaties", "treaties-concluded-combined"),
  s("extradition.ratified", "Extradition treaties ratified", "Extradition treaties ratified by the NPC Standing Committee, at a date.", "treaties", "treaties-ratified"),
  s("all.concluded", "Extradition and judicial assistance treaties concluded, all kinds", "Extradition and mutual legal assistance treaties of every kind together, at a date.", "treaties", "treaties-all-kinds"),
  s("extradition.partner-countries", "Countries with an extradition treaty", "Number of countries with which China has an extradition treaty (a count of countries, not treaties).", "countries", "treaty-partners"),
  s("judicial-assistance.partner-countries", "Countries with a judicial assistance treaty", "Number of countries with which China has a criminal judicial assistance treaty (countries, not treaties).", "countries", "treaty-partners"),
  s("all.partner-countries", "Countries with any extradition or judicial assistance treaty", "Countries party to at least one of China's extradition or mutual legal assistance treaties.", "countries", "treaty-partners"),
  s("negotiations-finished", "Countries with treaty negotiations finished", "Countries with which China finished negotiating extradition or judicial assistance treaties during the period.", "countries", "treaty-negotiations", "flow"),
] satisfies SeriesInput[];
