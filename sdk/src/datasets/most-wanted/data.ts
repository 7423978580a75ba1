import { defineDataset } from "../../core/dataset.js";
import { observationWriter } from "../../core/build.js";
import { monthPeriod, rangePeriod } from "../../core/periods.js";
import { in2026111 } from "../changes.js";
import { MOST_WANTED_SERIES } from "./series.js";

const o = observationWriter(MOST_WANTED_SERIES);
const S = "most-wanted.returned-total";
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** As of one day: the day a count was stated, or the day the page that states it "so far" was published. */
const asOf = (iso: string) => rangePeriod(iso, iso, `${Number(iso.slice(8))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`, "day");

// Where a source published inside the month it reports, the as-of date is its publication day, not the month's end.
export const mostWanted = defineDataset({
  id: "most-wanted",
  sheet: "100 most wanted",
  title: "The 100 most wanted: returned so far",
  description: "Running total of the 100 most wanted fugitives (Interpol red notices, list published 22 April 2015) who had returned to China, at the dates the sources give.",
  kind: "observations",
  series: MOST_WANTED_SERIES,
  observations: [
    o(S, 18, monthPeriod("2015-12"), "taiwan-cn-2016-01-07"),
    { ...o(S, 35, asOf("2016-10-30"), "cnhubei-2016-10"), ...in2026111("added: 35 of the 100 most wanted returned, in the CCDI's figures published on 30 October 2016 (cnhubei.com)") },
    o(S, 37, monthPeriod("2016-12", "2016-12-09"), "china-daily-2016-12-09"),
    o(S, 39, monthPeriod("2017-03", "2017-03-25"), "panarmenian-2017-03-25"),
    { ...o(S, 41, monthPeriod("2017-06", "2017-06-27"), "cgtn-2017-06"), ...in2026111("added: 41 of the 100 most wanted returned, in the report released on Tuesday 27 June 2017 (CGTN, already cited for the treaty partner counts of that day)") },
    { ...o(S, 51, asOf("2017-12-08"), "chinagate-2017-12-08", { note: "The page dates its running total of returns to the end of October 2017 but states the 51 without a date: it counts as of the day of publication." }), ...in2026111("added: 51 of the 100 most wanted returned, stated on 8 December 2017 (Xinhua via chinagate)") },
    o(S, 56, monthPeriod("2018-11"), "global-times-1134813"),
    {
      ...o(S, 58, monthPeriod("2019-05"), "youth-cn-2019-12-10"),
      ...in2026111("source: the chinareform.net page cannot be found; the China Youth Net report of 10 December 2019 prints that the 57th and 58th of the 100 most wanted returned on 28 and 29 May 2019"),
    },
    { ...o(S, 59, monthPeriod("2019-08"), "global-times-1162327"), ...in2026111("added: 59 of the 100 most wanted returned, in the CCDI's figures reported by the Global Times in August 2019") },
    {
      ...o(S, 60, asOf("2019-12-10"), "youth-cn-2019-12-10"),
      ...in2026111("period: the report says 60 have returned so far and was published on 10 December 2019, so the count is as of that day, not of October 2019 (October belongs to the year's other figures)", "most-wanted.returned-total.2019-10-01.2019-10-31"),
    },
    { ...o(S, 60, monthPeriod("2020-06"), "ecns-2020-08-11"), ...in2026111("added: 60 of the 100 most wanted among those returned from 2014 to June 2020, from the supervision commission's report (ECNS)") },
    o(S, 60, monthPeriod("2020-10"), "global-times-2020-12-14"),
    {
      ...o(S, 62, asOf("2023-06-12"), "china-daily-2023-06-12"),
      ...in2026111(
        "source and period: the China Daily page of 21 July 2023 names Guo Jiefang but not her rank; China Daily's report of 12 June 2023 prints that she was the 62nd, so it is the citation and the count is as of that day",
        "most-wanted.returned-total.2023-06-01.2023-06-30",
      ),
    },
    o(S, 62, { ...monthPeriod("2024-12"), label: "end of 2024" }, "china-daily-2025-03-28"),
    { ...o(S, 63, asOf("2025-07-25"), "ljwz-2025-07-25"), ...in2026111("added: 63 of the 100 most wanted returned after an extradition from Thailand in July 2025 (Chao News text on ljwz.net, 25 July 2025)") },
    {
      ...o(S, 64, asOf("2025-07-29"), "mbwzsb-2025-07-29", { corroboratedBy: ["crntt-2025-09-16"] }),
      ...in2026111("added: the 64th of the 100 most wanted returned, announced on 29 July 2025 (China Daily text on mbwzsb.cn; China Review News names him the 64th in September 2025)"),
    },
  ],
  charts: [{ id: "most-wanted-returned", title: "The 100 most wanted: returned so far", type: "line", series: [S] }],
});
