import { defineDataset } from "../../core/dataset.js";
import { observationWriter } from "../../core/build.js";
import { rangePeriod, yearPeriod, yearToMonth } from "../../core/periods.js";
import { in2026111 } from "../changes.js";
import { SKY_NET_SERIES } from "./series.js";

const o = observationWriter(SKY_NET_SERIES);
const partial = { coverage: "partial" } as const;
const since2014 = (end: string, label: string) => rangePeriod("2014-01-01", end, label);
// Money in units of the currency, rounded to whole yuan so 16.74 billion is exactly 16740000000.
const bn = (billions: number) => Math.round(billions * 1e9);
// The 2015 campaign ran from April to the end of the year: its figures are the campaign's, as Fox Hunt's operations are.
const sn2015 = rangePeriod("2015-04-01", "2015-12-31", "2015 (Apr–Dec)");
// A total the page gives "since 2014" with no cut-off date counts as of the day it was published (or stated).
const since2014AsOf = (day: string, label: string) => rangePeriod("2014-01-01", day, label, "day");
// China Daily's article of 29 June 2021 (on the SCIO website) gives its totals "since the 2014 launch", no month.
const SCIO_PERIOD = since2014AsOf("2021-06-29", "2014 – 29 Jun 2021");
const SCIO_REASON =
  "period: the China Daily article of 29 June 2021 (hosted by the SCIO) gives this total since the 2014 launch without saying 'to May' (May belongs to other figures in it), so the period ends on its publication day, precise to the day";
const EXACT_14048 = "Not a disagreement: the official page rounds to more than 14,000 and a secondary outlet prints the exact 14,048; both are kept.";
const SINCE_LAUNCH = "The page gives this total since the campaign began, without a cut-off date: it is dated to the day the page was published.";

export const skyNet = defineDataset({
  id: "sky-net",
  sheet: "Sky Net",
  title: "Sky Net returns and recoveries",
  description: "Fugitives returned and assets recovered each year under Sky Net (all agencies), as reported by the CCDI / National Supervisory Commission, with partial-year figures kept apart and running totals as checkpoints only.",
  kind: "observations",
  series: SKY_NET_SERIES,
  observations: [
    {
      ...o("sky-net.returned", 1023, sn2015, "ecns-2016-01-15"),
      ...in2026111(
        "period: the page ties 1,023 to the eight-month Sky Net campaign of 2015, which began in April, so the period is the campaign's (Apr–Dec 2015), as Fox Hunt 2015 is labelled; coverage stays full, the whole campaign, and like Fox Hunt's operation figures it still answers RETURNED(2015)",
        "sky-net.returned.2015-01-01.2015-12-31",
      ),
    },
    { ...o("sky-net.most-wanted-returned", 18, sn2015, "ecns-2016-01-15"), ...in2026111("added: 18 of the 100 most wanted returned in the 2015 campaign, printed beside the 1,023 on the ECNS page of 15 January 2016") },
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
    {
      ...o("sky-net.recovered", bn(2.954), yearToMonth(2019, 10), "youth-cn-2019-12-10", { ...partial, qualifier: "approximate", note: "Reported in Chinese as about 29.54 yi yuan (1 yi = 100 million)." }),
      ...in2026111("qualifier: the source says about 29.54 yi yuan (约29.54亿元), an approximate figure, not an exact one"),
    },
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
    {
      ...o("sky-net.recovered", bn(16.74), yearPeriod(2021), "china-daily-2022-02-25", { qualifier: "lower-bound", note: "Reported as over 16.74 billion yuan." }),
      ...in2026111("qualifier: the source says 'over 16.74 billion yuan', a lower bound, not an exact figure"),
    },
    { ...o("sky-net.returned", 1114, yearToMonth(2021, 11), "gsdjw-2021-12", partial), ...in2026111("added: 1,114 returned in January–November 2021, CCDI figures mirrored on gsdjw.com") },
    { ...o("sky-net.red-notice-returned", 16, yearToMonth(2021, 11), "gsdjw-2021-12", partial), ...in2026111("added: 16 red-notice fugitives among those returned in January–November 2021 (gsdjw.com)") },
    {
      ...o("sky-net.returned.supervision-targets", 297, yearToMonth(2021, 11), "gsdjw-2021-12", { ...partial, note: "The only 2021 figure of supervision targets found; none for the full year." }),
      ...in2026111("added: 297 supervision targets among those returned in January–November 2021 (gsdjw.com)"),
    },
    {
      ...o("sky-net.recovered", bn(16.139), yearToMonth(2021, 11), "gsdjw-2021-12", { ...partial, note: "Reported in Chinese as 161.39 yi yuan (1 yi = 100 million)." }),
      ...in2026111("added: 161.39 yi yuan recovered in January–November 2021 (gsdjw.com)"),
    },
    o("sky-net.returned", 840, yearToMonth(2022, 11), "xinhua-2023-01-05", partial),
    o("sky-net.returned.party-members-and-officials", 132, yearToMonth(2022, 11), "xinhua-2023-01-05", partial),
    o("sky-net.red-notice-returned", 21, yearToMonth(2022, 11), "xinhua-2023-01-05", partial),
    o("sky-net.recovered", bn(6.55), yearToMonth(2022, 11), "xinhua-2023-01-05", { ...partial, qualifier: "approximate" }),
    { ...o("sky-net.returned", 582, yearToMonth(2023, 6), "china-daily-2023-07-21", partial), ...in2026111("added: 582 returned in the first half of 2023 (China Daily, 21 July 2023)") },
    { ...o("sky-net.red-notice-returned", 25, yearToMonth(2023, 6), "china-daily-2023-07-21", partial), ...in2026111("added: 25 red-notice fugitives among those returned in the first half of 2023 (China Daily, 21 July 2023)") },
    { ...o("sky-net.most-wanted-returned", 1, yearToMonth(2023, 6), "china-daily-2023-07-21", partial), ...in2026111("added: 1 of the 100 most wanted among those returned in the first half of 2023 (China Daily, 21 July 2023)") },
    {
      ...o("sky-net.recovered", bn(1.93), yearToMonth(2023, 6), "china-daily-2023-07-21", { ...partial, qualifier: "approximate", note: "Reported as about 1.93 billion yuan." }),
      ...in2026111("added: about 1.93 billion yuan recovered in the first half of 2023 (China Daily, 21 July 2023)"),
    },
    o("sky-net.returned", 1278, yearToMonth(2023, 11), "ecns-2024-01-04", partial),
    o("sky-net.returned.party-members-and-officials", 140, yearToMonth(2023, 11), "ecns-2024-01-04", partial),
    o("sky-net.recovered", bn(2.91), yearToMonth(2023, 11), "ecns-2024-01-04", partial),
    {
      ...o("sky-net.returned", 1597, yearPeriod(2024), "china-daily-2025-03-25", { corroboratedBy: ["safeguard-defenders-2025"] }),
      ...in2026111("source: China Daily (25 March 2025) prints the 1,597 from the CCDI's report, so the official page is the citation and the NGO that passed it on is kept as corroboration"),
    },
    {
      ...o("sky-net.recovered", bn(18.28), yearPeriod(2024), "china-daily-2025-03-25", { qualifier: "lower-bound", note: "Reported as over 18.28 billion yuan." }),
      ...in2026111("added: over 18.28 billion yuan recovered in Sky Net 2024, a lower bound (China Daily, 25 March 2025)"),
    },

    { ...o("sky-net.returned.cumulative", 2210, since2014("2016-09-30", "2014 – Sep 2016"), "cnhubei-2016-10"), ...in2026111("added: checkpoint of 2,210 returned from 2014 to September 2016, the CCDI's figures of 30 October 2016 (cnhubei.com)") },
    {
      ...o("sky-net.returned-officials.cumulative", 363, since2014("2016-09-30", "2014 – Sep 2016"), "cnhubei-2016-10", { note: "The page counts state functionaries." }),
      ...in2026111("added: checkpoint of 363 state functionaries among those returned from 2014 to September 2016 (cnhubei.com)"),
    },
    {
      ...o("sky-net.recovered.cumulative", bn(7.994), since2014("2016-09-30", "2014 – Sep 2016"), "cnhubei-2016-10", { note: "Reported in Chinese as 79.94 yi yuan (1 yi = 100 million)." }),
      ...in2026111("added: checkpoint of 79.94 yi yuan recovered from 2014 to September 2016 (cnhubei.com)"),
    },
    { ...o("sky-net.returned.cumulative", 2442, since2014AsOf("2016-12-09", "2014 – 9 Dec 2016"), "china-daily-2016-12-09", { note: SINCE_LAUNCH }), ...in2026111("added: checkpoint of 2,442 returned since 2014, stated on 9 December 2016 (China Daily / Xinhua; the same text is on chinagate)") },
    {
      ...o("sky-net.returned-officials.cumulative", 397, since2014AsOf("2016-12-09", "2014 – 9 Dec 2016"), "china-daily-2016-12-09", { note: `The page counts state officials. ${SINCE_LAUNCH}` }),
      ...in2026111("added: checkpoint of 397 state officials among those returned since 2014, stated on 9 December 2016 (China Daily / Xinhua)"),
    },
    {
      ...o("sky-net.recovered.cumulative", bn(8.5), since2014AsOf("2016-12-09", "2014 – 9 Dec 2016"), "china-daily-2016-12-09", { qualifier: "lower-bound", note: `Reported as more than 8.5 billion yuan. ${SINCE_LAUNCH}` }),
      ...in2026111("added: checkpoint of more than 8.5 billion yuan recovered since 2014, a lower bound, stated on 9 December 2016 (China Daily / Xinhua)"),
    },
    o("sky-net.returned.cumulative", 2566, since2014("2016-12-31", "2014–2016"), "panarmenian-2017-03-25"),
    o("sky-net.returned-officials.cumulative", 410, since2014("2016-12-31", "2014–2016"), "panarmenian-2017-03-25"),
    o("sky-net.surrendered.cumulative", 1283, since2014("2016-12-31", "2014–2016"), "panarmenian-2017-03-25"),
    o("sky-net.recovered.cumulative", bn(8.6), since2014("2016-12-31", "2014–2016"), "panarmenian-2017-03-25"),
    o("sky-net.countries.cumulative", 90, since2014("2016-12-31", "2014–2016"), "panarmenian-2017-03-25", { qualifier: "lower-bound", note: "Reported as over 90 countries and regions." }),
    o("sky-net.returned.cumulative", 4997, since2014("2018-11-30", "2014 – 30 Nov 2018"), "global-times-1134813"),
    o("sky-net.returned-officials.cumulative", 1015, since2014("2018-11-30", "2014 – 30 Nov 2018"), "global-times-1134813"),
    o("sky-net.recovered.cumulative", bn(10.51), since2014("2018-11-30", "2014 – 30 Nov 2018"), "global-times-1134813"),
    { ...o("sky-net.returned.cumulative", 6690, since2014AsOf("2019-12-10", "2014 – 10 Dec 2019"), "youth-cn-2019-12-10", { note: SINCE_LAUNCH }), ...in2026111("added: checkpoint of 6,690 returned since the campaign began, on the China Youth Net page of 10 December 2019, dated to that day like the 60 most wanted on the same page") },
    {
      ...o("sky-net.recovered.cumulative", bn(15.1), since2014AsOf("2019-12-10", "2014 – 10 Dec 2019"), "youth-cn-2019-12-10", { note: `Reported in Chinese as 151 yi yuan (1 yi = 100 million). ${SINCE_LAUNCH}` }),
      ...in2026111("added: checkpoint of 151 yi yuan recovered since the campaign began, on the China Youth Net page of 10 December 2019"),
    },
    { ...o("sky-net.returned.cumulative", 7831, since2014("2020-06-30", "2014 – Jun 2020"), "ecns-2020-08-11"), ...in2026111("added: checkpoint of 7,831 returned from 2014 to June 2020, from the supervision commission's report (ECNS, 11 August 2020)") },
    {
      ...o("sky-net.returned-officials.cumulative", 2075, since2014("2020-06-30", "2014 – Jun 2020"), "ecns-2020-08-11", { note: "The page counts Party members and state employees." }),
      ...in2026111("added: checkpoint of 2,075 Party members and state employees among those returned from 2014 to June 2020 (ECNS)"),
    },
    { ...o("sky-net.recovered.cumulative", bn(19.65), since2014("2020-06-30", "2014 – Jun 2020"), "ecns-2020-08-11"), ...in2026111("added: checkpoint of 19.65 billion yuan recovered from 2014 to June 2020 (ECNS)") },
    o("sky-net.returned.cumulative", 8363, since2014("2020-10-31", "2014 – Oct 2020"), "global-times-2020-12-14"),
    o("sky-net.returned-officials.cumulative", 2212, since2014("2020-10-31", "2014 – Oct 2020"), "global-times-2020-12-14"),
    o("sky-net.recovered.cumulative", bn(20.8), since2014("2020-10-31", "2014 – Oct 2020"), "global-times-2020-12-14"),
    { ...o("sky-net.returned.cumulative", 9165, SCIO_PERIOD, "scio-2021-06-29", { note: SINCE_LAUNCH }), ...in2026111(SCIO_REASON, "sky-net.returned.cumulative.2014-01-01.2021-05-31") },
    { ...o("sky-net.returned-officials.cumulative", 2408, SCIO_PERIOD, "scio-2021-06-29", { note: SINCE_LAUNCH }), ...in2026111(SCIO_REASON, "sky-net.returned-officials.cumulative.2014-01-01.2021-05-31") },
    { ...o("sky-net.recovered.cumulative", bn(21.74), SCIO_PERIOD, "scio-2021-06-29", { note: SINCE_LAUNCH }), ...in2026111(SCIO_REASON, "sky-net.recovered.cumulative.2014-01-01.2021-05-31") },
    {
      ...o("sky-net.returned.cumulative", 14000, since2014("2024-12-31", "2014–2024"), "china-daily-2025-03-28", { qualifier: "lower-bound", note: "Reported as more than 14,000.", conflict: EXACT_14048 }),
      ...in2026111("conflict marked: an exact count of 14,048 for the same period (tdminews, secondary) is now kept beside this official lower bound; the two agree"),
    },
    {
      ...o("sky-net.returned.cumulative", 14048, since2014("2024-12-31", "2014–2024"), "tdminews-2025", { idSuffix: "exact", conflict: EXACT_14048 }),
      ...in2026111("added: the exact count of 14,048 returned from 2014 to 2024, printed by tdminews (secondary) beside China Daily's more than 14,000"),
    },
    o("sky-net.returned-officials.cumulative", 2999, since2014("2024-12-31", "2014–2024"), "china-daily-2025-03-28"),
    o("sky-net.recovered.cumulative", bn(66.62), since2014("2024-12-31", "2014–2024"), "china-daily-2025-03-28"),
  ],
  charts: [
    { id: "sky-net-returns", title: "Sky Net fugitives returned per year", type: "column", series: ["sky-net.returned"] },
    { id: "sky-net-recovered", title: "Sky Net assets recovered per year", type: "column", series: ["sky-net.recovered"] },
  ],
});
