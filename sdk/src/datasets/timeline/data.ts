import { defineDataset } from "../../core/dataset.js";
import { rangePeriod } from "../../core/periods.js";
import { SEED_SOURCE, seedPeriod } from "../../seed/index.js";
import { in2026111 } from "../changes.js";
import { eventFrom } from "./event-writer.js";

const day = (iso: string, phrase: string) => ({ ...rangePeriod(iso, iso, iso, "day"), phrase });
const fh2014 = { ...seedPeriod("the second half of last year"), phrase: "began in the second half of last year and ended on Dec. 31" };

export const timeline = defineDataset({
  id: "timeline",
  sheet: "Timeline",
  title: "Timeline of international anti-corruption cooperation",
  description: "Dated events of China's pursuit of fugitives and assets abroad, each with the date as its source wrote it and the span of days that phrase can mean.",
  kind: "events",
  events: [
    eventFrom("cpc-18th-congress", seedPeriod("in 2012"), "18th National Congress of the CPC; the new leadership's zero-tolerance stance on corruption dates from it", ["Communist Party of China"], SEED_SOURCE, "Since the 18th National Congress of the CPC in 2012"),
    eventFrom("china-canada-asset-sharing", seedPeriod("In June 2013"), "China and Canada finish negotiating an agreement on sharing and returning recovered assets, China's first such agreement", ["China", "Canada"], SEED_SOURCE, "In June 2013, China and Canada finished the negotiation of an agreement on sharing and returning recovered assets."),
    eventFrom("fugitive-office-set-up", seedPeriod("last year"), "The central anti-graft coordination group sets up an office to pursue fugitive suspects and stolen assets abroad", ["Central anti-corruption coordination group"], SEED_SOURCE, "Last year, the central authority's anti-graft coordination group set up an office to pursue fugitive suspects and stolen assets in foreign countries."),
    eventFrom("fugitive-office-set-up-dated", day("2014-06-27", "2014-06-27"), "The fugitive-pursuit coordination office is set up (the day, from a later CCDI account)", ["Central anti-corruption coordination group", "CCDI"], "chinareform-2019"),
    eventFrom("fox-hunt-2014", { ...fh2014, end: seedPeriod("Dec. 31 of last year").end }, "Fox Hunt 2014 runs, from the second half of 2014 to 31 December", ["Ministry of Public Security"], SEED_SOURCE, "Operation \"Fox Hunt 2014\", which began in the second half of last year and ended on Dec. 31", ["china-daily-2015-01-09"]),
    eventFrom("china-us-asset-cooperation", seedPeriod("In October 2014"), "China and the United States agree to strengthen cooperation in investigating, tracing, freezing, retrieving and returning stolen assets", ["China", "United States"], SEED_SOURCE, "In October 2014, China and the United States agreed to strengthen cooperation in investigating, tracing, freezing, retrieving and returning stolen assets."),
    eventFrom("australia-commitment", seedPeriod("October 2014", "Oct 2014"), "Australia says it will help China pursue fugitive suspects and stolen assets, the first of the three major destinations to do so", ["China", "Australia"], SEED_SOURCE, "Also in October 2014, Australia said it would help China pursue fugitive suspects and stolen assets"),
    eventFrom("apec-beijing-declaration", seedPeriod("last November"), "APEC meeting in Beijing adopts the Beijing Declaration on Fighting Corruption", ["APEC members"], SEED_SOURCE, "During the Asia-Pacific Economic Cooperation (APEC) meeting in Beijing last November, the Beijing Declaration on Fighting Corruption was adopted"),
    eventFrom("g20-brisbane-action-plan", seedPeriod("last November"), "G20 leaders at the two-day Brisbane summit endorse an Anti-Corruption Action Plan", ["G20"], SEED_SOURCE, "During a two-day summit last November in Brisbane, Australia, the G20 leaders endorsed an Anti-Corruption Action Plan"),
    eventFrom("fox-hunt-2014-results", seedPeriod("earlier this year"), "The Ministry of Public Security reports the results of Fox Hunt 2014", ["Ministry of Public Security"], SEED_SOURCE, "the Ministry of Public Security said earlier this year"),
    {
      ...eventFrom("fox-hunt-2014-results-dated", day("2015-01-08", "January 8, 2015"), "The Ministry of Public Security announces the results of Fox Hunt 2014 at a press conference (the day)", ["Ministry of Public Security"], "chinascope-3421", undefined, ["china-daily-2015-01-09"]),
      ...in2026111("date: the press conference was on Thursday 8 January 2015 (Chinascope's summary of the Jinghua Times report gives the day; Shanghai Daily's copy has the ministry speaking on Thursday); 9 January is the articles' date, kept as corroboration"),
    },
    eventFrom("sky-net-launched", seedPeriod("late March"), "The Sky Net campaign is launched, combining government, Party, law enforcement, the central bank and diplomatic services", ["Communist Party of China", "Ministry of Public Security", "People's Bank of China", "Ministry of Foreign Affairs"], SEED_SOURCE, "which was launched late March and combines government, the CPC, law enforcement agencies, the central bank and diplomatic services"),
    eventFrom("sky-net-announced-dated", day("2015-03-26", "2015-03-26"), "The central anti-graft authority announces Sky Net, with operations from April (the day)", ["CCDI"], "china-org-2015-03-26"),
    eventFrom("fox-hunt-2015-launched", seedPeriod("on Wednesday"), "The Ministry of Public Security kicks off Fox Hunt 2015, targeting economic suspects, corrupt Party members and government officials", ["Ministry of Public Security"], SEED_SOURCE, "The country's Ministry of Public Security on Wednesday kicked off \"Fox Hunt 2015\"", ["china-daily-2015-04-07"]),
    eventFrom("most-wanted-list-published", day("2015-04-22", "2015-04-22"), "The list of the 100 most wanted fugitives under Interpol red notices is published", ["CCDI", "Interpol China"], "taiwan-cn-2016-01-07"),
    eventFrom("sky-net-2021-launched", day("2021-02-24", "2021-02-24"), "Sky Net 2021 is launched", ["CCDI-NSC"], "china-daily-2022-02-25"),
  ],
});
