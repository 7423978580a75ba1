import { defineDataset } from "../../core/dataset.js";
import { observationWriter } from "../../core/build.js";
import { rangePeriod, yearPeriod, yearToMonth } from "../../core/periods.js";
import { SKY_NET_SERIES } from "./schema.js";

const o = observationWriter(SKY_NET_SERIES);
const partial = { coverage: "partial" } as const;
const since2014 = (end: string, label: string) => rangePeriod("2014-01-01", end, label);
// Money in units of the currency, rounded to whole yuan so 16.74 billion is exactly 16740000000.
const bn = (billions: number) => Math.round(billions * 1e9);

export const skyNet = defineDataset({
  id: "sky-net",
  sheet: "Sky Net",
  title: "Sky Net returns and recoveries",
  description: "Fugitives returned and assets recovered each year under Sky Net (all agencies), as reported by the CCDI / National Supervisory Commission, with partial-year figures kept apart and running totals as checkpoints only.",
  kind: "observations",
  series: SKY_NET_SERIES,
  observations: [
    o("sky-net.returned", 1023, yearPeriod(2015), "ecns-2016-01-15"),
    o("sky-net.returned", 863, yearToMonth(2015, 11), "taiwan-cn-2016-01-07", partial),
    o("sky-net.returned.party-members-and-officials", 196, yearToMonth(2015, 11), "taiwan-cn-2016-01-07", partial),
    o("sky-net.returned", 908, yearToMonth(2016, 11), "cnr-2016-12-09", partial),
    o("sky-net.returned.state-functionaries", 122, yearToMonth(2016, 11), "cnr-2016-12-09", partial),
    o("sky-net.most-wanted-returned", 19, yearToMonth(2016, 11), "cnr-2016-12-09", partial),
    o("sky-net.recovered", bn(2.312), yearToMonth(2016, 11), "cnr-2016-12-09", { ...partial, note: "Reported in Chinese as 23.12 yi yuan (1 yi = 100 million); China Daily rounds it to 2.3 billion." }),
    o("sky-net.returned", 1300, yearPeriod(2017), "hegsqy-2018-01-14"),
    o("sky-net.returned.party-members-and-officials", 347, yearPeriod(2017), "hegsqy-2018-01-14"),
    o("sky-net.most-wanted-returned", 14, yearPeriod(2017), "hegsqy-2018-01-14"),
    o("sky-net.recovered", bn(0.98), yearPeriod(2017), "hegsqy-2018-01-14", { qualifier: "approximate" }),
    o("sky-net.returned", 1335, yearPeriod(2018), "global-times-2019-01-10"),
    o("sky-net.returned.party-members-and-officials", 307, yearPeriod(2018), "global-times-2019-01-10"),
    o("sky-net.most-wanted-returned", 5, yearPeriod(2018), "global-times-2019-01-10"),
    o("sky-net.recovered", bn(3.54), yearPeriod(2018), "global-times-2019-01-10"),
    o("sky-net.returned", 1634, yearToMonth(2019, 10), "youth-cn-2019-12-10", partial),
    o("sky-net.returned.party-members-and-officials", 741, yearToMonth(2019, 10), "youth-cn-2019-12-10", partial),
    o("sky-net.most-wanted-returned", 4, yearToMonth(2019, 10), "youth-cn-2019-12-10", partial),
    o("sky-net.recovered", bn(2.954), yearToMonth(2019, 10), "youth-cn-2019-12-10", partial),
    o("sky-net.returned", 2041, yearPeriod(2019), "japan-times-2022-01-19", { note: "Full-year figure passed on by a third party (Bloomberg)." }),
    o("sky-net.returned", 1229, yearToMonth(2020, 11), "hegsqy-2021-01-20", partial),
    o("sky-net.red-notice-returned", 28, yearToMonth(2020, 11), "hegsqy-2021-01-20", partial),
    o("sky-net.recovered", bn(2.4), yearToMonth(2020, 11), "hegsqy-2021-01-20", { ...partial, qualifier: "lower-bound", note: "Reported as over 2.4 billion yuan." }),
    o("sky-net.returned", 1421, yearPeriod(2020), "china-news-2021-02-22"),
    o("sky-net.returned.supervision-targets", 314, yearPeriod(2020), "china-news-2021-02-22"),
    o("sky-net.red-notice-returned", 28, yearPeriod(2020), "china-news-2021-02-22"),
    o("sky-net.recovered", bn(2.95), yearPeriod(2020), "china-news-2021-02-22"),
    o("sky-net.returned", 1273, yearPeriod(2021), "china-daily-2022-02-25"),
    o("sky-net.red-notice-returned", 22, yearPeriod(2021), "china-daily-2022-02-25"),
    o("sky-net.recovered", bn(16.74), yearPeriod(2021), "china-daily-2022-02-25"),
    o("sky-net.returned", 840, yearToMonth(2022, 11), "xinhua-2023-01-05", partial),
    o("sky-net.returned.party-members-and-officials", 132, yearToMonth(2022, 11), "xinhua-2023-01-05", partial),
    o("sky-net.red-notice-returned", 21, yearToMonth(2022, 11), "xinhua-2023-01-05", partial),
    o("sky-net.recovered", bn(6.55), yearToMonth(2022, 11), "xinhua-2023-01-05", { ...partial, qualifier: "approximate" }),
    o("sky-net.returned", 1278, yearToMonth(2023, 11), "ecns-2024-01-04", partial),
    o("sky-net.returned.party-members-and-officials", 140, yearToMonth(2023, 11), "ecns-2024-01-04", partial),
    o("sky-net.recovered", bn(2.91), yearToMonth(2023, 11), "ecns-2024-01-04", partial),
    o("sky-net.returned", 1597, yearPeriod(2024), "safeguard-defenders-2025", { note: "Passed on by an NGO citing the CCDI's report." }),

    o("sky-net.returned.cumulative", 2566, since2014("2016-12-31", "2014–2016"), "panarmenian-2017-03-25"),
    o("sky-net.returned-officials.cumulative", 410, since2014("2016-12-31", "2014–2016"), "panarmenian-2017-03-25"),
    o("sky-net.surrendered.cumulative", 1283, since2014("2016-12-31", "2014–2016"), "panarmenian-2017-03-25"),
    o("sky-net.recovered.cumulative", bn(8.6), since2014("2016-12-31", "2014–2016"), "panarmenian-2017-03-25"),
    o("sky-net.countries.cumulative", 90, since2014("2016-12-31", "2014–2016"), "panarmenian-2017-03-25", { qualifier: "lower-bound", note: "Reported as over 90 countries and regions." }),
    o("sky-net.returned.cumulative", 4997, since2014("2018-11-30", "2014 – 30 Nov 2018"), "global-times-1134813"),
    o("sky-net.returned-officials.cumulative", 1015, since2014("2018-11-30", "2014 – 30 Nov 2018"), "global-times-1134813"),
    o("sky-net.recovered.cumulative", bn(10.51), since2014("2018-11-30", "2014 – 30 Nov 2018"), "global-times-1134813"),
    o("sky-net.returned.cumulative", 8363, since2014("2020-10-31", "2014 – Oct 2020"), "global-times-2020-12-14"),
    o("sky-net.returned-officials.cumulative", 2212, since2014("2020-10-31", "2014 – Oct 2020"), "global-times-2020-12-14"),
    o("sky-net.recovered.cumulative", bn(20.8), since2014("2020-10-31", "2014 – Oct 2020"), "global-times-2020-12-14"),
    o("sky-net.returned.cumulative", 9165, since2014("2021-05-31", "2014 – May 2021"), "scio-2021-06-29"),
    o("sky-net.returned-officials.cumulative", 2408, since2014("2021-05-31", "2014 – May 2021"), "scio-2021-06-29"),
    o("sky-net.recovered.cumulative", bn(21.74), since2014("2021-05-31", "2014 – May 2021"), "scio-2021-06-29"),
    o("sky-net.returned.cumulative", 14000, since2014("2024-12-31", "2014–2024"), "china-daily-2025-03-28", { qualifier: "lower-bound", note: "Reported as more than 14,000." }),
    o("sky-net.returned-officials.cumulative", 2999, since2014("2024-12-31", "2014–2024"), "china-daily-2025-03-28"),
    o("sky-net.recovered.cumulative", bn(66.62), since2014("2024-12-31", "2014–2024"), "china-daily-2025-03-28"),
  ],
  charts: [
    { id: "sky-net-returns", title: "Sky Net fugitives returned per year", type: "column", series: ["sky-net.returned"] },
    { id: "sky-net-recovered", title: "Sky Net assets recovered per year", type: "column", series: ["sky-net.recovered"] },
  ],
});
