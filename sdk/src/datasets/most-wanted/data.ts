import { defineDataset } from "../../core/dataset.js";
import { observationWriter } from "../../core/build.js";
import { monthPeriod } from "../../core/periods.js";
import { MOST_WANTED_SERIES } from "./schema.js";

const o = observationWriter(MOST_WANTED_SERIES);
const S = "most-wanted.returned-total";

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
    o(S, 37, monthPeriod("2016-12", "2016-12-09"), "china-daily-2016-12-09"),
    o(S, 39, monthPeriod("2017-03", "2017-03-25"), "panarmenian-2017-03-25"),
    o(S, 56, monthPeriod("2018-11"), "global-times-1134813"),
    o(S, 58, monthPeriod("2019-05"), "chinareform-2019"),
    o(S, 60, monthPeriod("2019-10"), "youth-cn-2019-12-10"),
    o(S, 60, monthPeriod("2020-10"), "global-times-2020-12-14"),
    o(S, 62, monthPeriod("2023-06"), "china-daily-2023-07-21"),
    o(S, 62, { ...monthPeriod("2024-12"), label: "end of 2024" }, "china-daily-2025-03-28"),
  ],
  charts: [{ id: "most-wanted-returned", title: "The 100 most wanted: returned so far", type: "line", series: [S] }],
});
