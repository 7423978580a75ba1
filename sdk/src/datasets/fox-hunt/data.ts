import { defineDataset } from "../../core/dataset.js";
import { observationWriter } from "../../core/build.js";
import { rangePeriod, yearPeriod } from "../../core/periods.js";
import { SEED_SOURCE, seedPeriod } from "../../seed/index.js";
import { in2026111 } from "../changes.js";
import { FOX_HUNT_SERIES } from "./series.js";

const o = observationWriter(FOX_HUNT_SERIES);

// "began in the second half of last year and ended on Dec. 31": H2 2014, resolved against the seed's date.
const h2 = seedPeriod("the second half of last year");
const fh2014 = { ...h2, end: seedPeriod("Dec. 31 of last year").end, label: "2014 (Jul–Dec)", phrase: "began in the second half of last year and ended on Dec. 31" };
const fh2015 = rangePeriod("2015-04-01", "2015-12-31", "2015 (Apr–Dec)");
const fh2016 = yearPeriod(2016);
const Q_680 = "Operation \"Fox Hunt 2014\", which began in the second half of last year and ended on Dec. 31, alone resulted in the trapping of 680 corrupt officials and economic crime suspects who have fled China";
const MPS_KEPT = "Ministry of Public Security figure; another outlet printed a slightly different number, which is not carried here.";

export const foxHunt = defineDataset({
  id: "fox-hunt",
  sheet: "Fox Hunt",
  title: "Fox Hunt operations",
  description: "The Ministry of Public Security's Fox Hunt operations against economic-crime fugitives abroad: captures per operation and their breakdowns. Fox Hunt is part of Sky Net: never add the two.",
  kind: "observations",
  series: FOX_HUNT_SERIES,
  observations: [
    o("fox-hunt.captured", 680, fh2014, SEED_SOURCE, { quote: Q_680, corroboratedBy: ["china-daily-2015-01-09"] }),
    o("fox-hunt.surrendered", 390, fh2014, SEED_SOURCE, { quote: "Of those seized, 390 turned themselves in" }),
    o("fox-hunt.cases-over-10m-cny", 208, fh2014, SEED_SOURCE, { quote: "208 are implicated in cases involving over 10 million yuan (1.6 million dollars) each" }),
    o("fox-hunt.at-large-over-10-years", 117, fh2014, SEED_SOURCE, { quote: "117 had been at large for over a decade" }),
    o("fox-hunt.longest-at-large", 22, fh2014, SEED_SOURCE, { quote: "with one person on the run for 22 years" }),
    o("fox-hunt.countries", 69, fh2014, SEED_SOURCE, { quote: "The fugitives were seized in 69 countries and regions, said the ministry.", corroboratedBy: ["china-daily-2015-01-09"] }),
    {
      ...o("fox-hunt.arrested", 290, fh2014, "chinascope-3421"),
      ...in2026111("source: the China Daily page of 9 January 2015 does not carry the 290 arrested; Chinascope's summary of the Jinghua Times report (reprinted by People's Daily) prints it"),
    },
    o("fox-hunt.cases-over-100m-cny", 74, fh2014, "china-daily-2015-01-09"),
    {
      ...o("fox-hunt.at-large-over-5-years", 196, fh2014, "chinascope-3421"),
      ...in2026111("source: the China Daily page of 9 January 2015 does not carry the 196 at large for over five years; Chinascope's summary of the Jinghua Times report prints it"),
    },

    o("fox-hunt.captured", 857, fh2015, "ecns-2016-01-28"),
    o("fox-hunt.arrested", 477, fh2015, "sanqin-2016-01-28"),
    o("fox-hunt.surrendered", 366, fh2015, "ecns-2016-01-28", { note: MPS_KEPT }),
    o("fox-hunt.prosecuted-abroad", 14, fh2015, "sanqin-2016-01-28"),
    o("fox-hunt.cases-over-10m-cny", 212, fh2015, "ecns-2016-01-28"),
    o("fox-hunt.at-large-over-10-years", 39, fh2015, "ecns-2016-01-28", { note: MPS_KEPT }),
    o("fox-hunt.longest-at-large", 21, fh2015, "ecns-2016-01-28"),
    { ...o("fox-hunt.cases-over-100m-cny", 58, fh2015, "bjnews-2016-01"), ...in2026111("added: 58 of Fox Hunt 2015's captures were in cases of over 100 million yuan each (The Beijing News, January 2016)") },
    { ...o("fox-hunt.at-large-over-5-years", 667, fh2015, "bjnews-2016-01"), ...in2026111("added: 667 of Fox Hunt 2015's captures had been at large for over five years (The Beijing News, January 2016)") },
    o("fox-hunt.countries", 66, fh2015, "ecns-2016-01-28", { note: MPS_KEPT }),

    o("fox-hunt.captured", 951, fh2016, "panarmenian-2017-03-25"),
    {
      ...o("fox-hunt.most-wanted-captured", 19, fh2016, "cnread-2017-03"),
      ...in2026111("source: the PanARMENIAN page does not carry the 19 from the 100 most wanted; the Southern Metropolis Daily report on cnread.news prints it beside the 951"),
    },
    o("fox-hunt.countries", 72, fh2016, "panarmenian-2017-03-25"),

    o("fox-hunt.captured", 700, yearPeriod(2022), "people-2023-04-28", { qualifier: "lower-bound", note: "Reported as \"more than 700\": a lower bound, not a value." }),

    o("fox-hunt.captured.cumulative", 9000, rangePeriod("2014-01-01", "2023-12-31", "2014–2023", "range"), "ifeng-2024-04-23", { qualifier: "lower-bound", note: "Reported as \"more than 9,000\"." }),
    {
      ...o("fox-hunt.recovered.cumulative", 49e9, rangePeriod("2014-01-01", "2023-12-31", "2014–2023", "range"), "ifeng-2024-04-23", { qualifier: "approximate", note: "Reported in Chinese as nearly 490 yi yuan (近490亿元), nearly 49 billion yuan." }),
      ...in2026111("note: the source says nearly 490 yi yuan (近490亿元), 'nearly', not 'about'; the qualifier stays approximate"),
    },
  ],
  charts: [{ id: "fox-hunt-captures", title: "Fox Hunt captures per operation", type: "column", series: ["fox-hunt.captured"] }],
});
