import type { z } from "zod";
import type { Removal } from "../core/dataset.js";
import type { Source } from "../core/schema.js";
import { in2026111 } from "../datasets/changes.js";
import { SEED_PATH, SEED_REFERENCE_DATE, SEED_SOURCE } from "../seed/index.js";

type SourceInput = z.input<typeof Source>;

const src = (
  id: string,
  publisher: string,
  title: string,
  published: string | null,
  publishedPrecision: SourceInput["publishedPrecision"],
  url: string | null,
  reliability: SourceInput["reliability"],
  note?: string,
): SourceInput => ({ id, publisher, title, published, publishedPrecision, url, reliability, seedPath: null, ...(note ? { note } : {}) });

/**
 * Every source a figure, event or partner cites. Titles are our own short words; only the seed is ever quoted.
 * Reliability: `official` (the agency, or state media relaying it), `secondary` (a third party passing an
 * official figure on), `mirror` (a copy of state-media text on another site; the original outlet is named).
 */
export const SOURCES: SourceInput[] = [
  {
    id: SEED_SOURCE,
    publisher: "Seed article (news report; publisher not printed)",
    title: "Fox Hunt 2015 launched within the Sky Net campaign; treaty counts, SPP and Fox Hunt 2014 results",
    published: SEED_REFERENCE_DATE,
    publishedPrecision: "day",
    url: null,
    reliability: "official",
    seedPath: SEED_PATH,
    note: "The copy prints no date; 2015-04-01 is its reference date, the Wednesday on which Fox Hunt 2015 was launched (see china-daily-2015-04-07).",
  },
  src("china-org-2015-03-26", "Xinhua via China.org.cn (chinagate)", "Central anti-graft authority announces the Sky Net campaign, operations from April", "2015-03-26", "day", "http://en.chinagate.cn/2015-03/26/content_35166368.htm", "official"),
  src("china-daily-2015-04-07", "China Daily", "Explainer on the Fox Hunt 2015 operation and its launch date", "2015-04-07", "day", "https://global.chinadaily.com.cn/opinion/2015-04/07/content_20012391.htm", "official"),
  src("taiwan-cn-2016-01-07", "taiwan.cn, relaying Jinghua Times", "Sky Net returns for January–November 2015 and progress on the 100 most wanted", "2016-01-07", "day", "http://big5.taiwan.cn/xwzx/PoliticsNews/201601/t20160107_11359612.htm", "mirror"),
  src("chinareform-2019", "chinareform.net, relaying the CCDI", "Five years of the fugitive-pursuit office and the 100 most wanted", "2019-01-01", "year", "http://chinareform.net/plus/view.php?aid=32335", "mirror", "Only the year of publication is recorded."),
  src("china-daily-2015-01-09", "China Daily / Xinhua", "Results of Fox Hunt 2014", "2015-01-09", "day", "https://global.chinadaily.com.cn/bizchina/2015-01/09/content_19278924.htm", "official"),
  src("ecns-2016-01-15", "ECNS (China News Service)", "Sky Net results for 2015", "2016-01-15", "day", "http://ecns.cn/2016/01-15/195964.shtml", "official"),
  src("cnr-2016-12-09", "China National Radio (CNR)", "Sky Net results for January–November 2016", "2016-12-09", "day", "http://china.cnr.cn/xwwgf/20161209/t20161209_523317737.shtml", "official", "Reports the amount recovered in Chinese as 23.12 yi yuan (2.312 billion yuan)."),
  src("china-daily-2016-12-09", "China Daily / Xinhua", "Sky Net 2016 results and the 100 most wanted tally", "2016-12-09", "day", "https://global.chinadaily.com.cn/china/2016-12/09/content_27625908.htm", "official", "Rounds the 2016 amount recovered to 2.3 billion yuan."),
  src("hegsqy-2018-01-14", "hegsqy.com, mirroring Xinhua / China Daily", "Sky Net results for 2017", "2018-01-14", "day", "http://www.hegsqy.com/a/201801/14/WS5a5b08c4a3102c394518f17e.html", "mirror"),
  src("global-times-2019-01-10", "Global Times", "Sky Net results for 2018", "2019-01-10", "day", "http://www.globaltimes.cn/content/1135268.shtml", "official"),
  src("youth-cn-2019-12-10", "China Youth Net / CCTV", "Sky Net results for January–October 2019", "2019-12-10", "day", "http://news.youth.cn/jsxw/201912/t20191210_12139216.htm", "official"),
  src("japan-times-2022-01-19", "The Japan Times, carrying Bloomberg", "Report on fugitives China brought back, with yearly totals", "2022-01-19", "day", "https://japantimes.co.jp/news/2022/01/19/asia-pacific/china-finds-fugitives", "secondary"),
  src("hegsqy-2021-01-20", "hegsqy.com, mirroring China Daily", "Sky Net results for January–November 2020", "2021-01-20", "day", "http://www.hegsqy.com/a/202101/20/WS60080ae2a31024ad0baa3f51.html", "mirror"),
  src("china-news-2021-02-22", "China News Service", "Sky Net results for 2020", "2021-02-22", "day", "http://xw.zgzx.com.cn/2021-02/22/content_9832991.htm", "official"),
  src("china-daily-2022-02-25", "China Daily / Xinhua", "Sky Net results for 2021 and the 2021 launch date", "2022-02-25", "day", "https://www.chinadaily.com.cn/a/202202/25/WS62183b55a310cdd39bc88e09.html", "official"),
  {
    ...src("xinhua-2023-01-05", "Xinhua", "Sky Net results for January–November 2022", "2023-01-05", "day", "https://english.news.cn/20230105/9a47d72af6bb4ffa86e686de9e9aef5a/c.html", "official",
      "Checked against the page in November 2026: it prints 840 returned, 132 Party members and state functionaries, 21 red-notice fugitives and around 6.55 billion yuan for the first 11 months of 2022. It calls the effort the country's global campaign against fugitives suspected of duty-related crimes, without the name Sky Net; the figures are one paragraph of a report on officials investigated in 2022."),
    ...in2026111("verified: the November 2026 audit could not find these figures; a second search found them on this very page (840, 132, 21, around 6.55 billion yuan), so the citation stands and the note records what the page says and how it names the campaign"),
  },
  src("ecns-2024-01-04", "ECNS / China Daily", "Sky Net results for January–November 2023", "2024-01-04", "day", "http://www.ecns.cn/news/2024-01-04/detail-ihcwmcqc0191511.shtml", "official"),
  src("safeguard-defenders-2025", "Safeguard Defenders (NGO), citing the CCDI's report", "Analysis of Sky Net 2024", "2025-01-01", "year", "https://safeguarddefenders.com/en/blog/sky-net-2024-chinas-global-manhunt-continues-unabated", "secondary", "Only the year of publication is recorded."),
  {
    ...src("china-daily-2025-03-25", "China Daily", "Sky Net 2025 launched; Sky Net 2024 returns and recoveries", "2025-03-25", "day", "https://www.chinadaily.com.cn/a/202503/25/WS67e1fbe0a3101d4e4dc2a987.html", "official", "Gives the 2024 figures from the CCDI's report published earlier in 2025."),
    ...in2026111("added: the official page for Sky Net 2024 (1,597 returned, over 18.28 billion yuan recovered), which the NGO figure relied on"),
  },
  src("panarmenian-2017-03-25", "Xinhua via PanARMENIAN", "Fox Hunt 2016 results and Sky Net totals for 2014–2016", "2017-03-25", "day", "http://www.panarmenian.net/eng/news/235878/", "official", "A Xinhua report of the Ministry of Public Security's statement, carried by a third-party site."),
  src("global-times-1134813", "Global Times", "Sky Net totals from 2014 to 30 November 2018", null, "unknown", "http://www.globaltimes.cn/content/1134813.shtml", "official", "Publication date not recorded; the totals run to 2018-11-30."),
  src("global-times-2020-12-14", "Global Times", "Sky Net totals to October 2020 and China's treaty count", "2020-12-14", "day", "https://globaltimes.cn/page/202012/1209897.shtml", "official"),
  {
    ...src("scio-2021-06-29", "China Daily, on the State Council Information Office (SCIO) website", "Sky Net totals since 2014, as of late June 2021", "2021-06-29", "day", "http://english.scio.gov.cn/pressroom/2021-06/29/content_77594551.htm", "official",
      "A China Daily article (byline China Daily, 29 June 2021) hosted by the SCIO. It gives the totals since the 2014 launch without a cut-off date; the month of May in it belongs to other figures."),
    ...in2026111("publisher and title: the article is China Daily's, hosted on the SCIO website, and it gives these totals since the 2014 launch with no end date, so 'to May 2021' was our misreading"),
  },
  src("china-daily-2025-03-28", "China Daily", "Sky Net totals from 2014 to 2024", "2025-03-28", "day", "https://global.chinadaily.com.cn/a/202503/28/WS67e5f3cba3101d4e4dc2b505.html", "official"),
  {
    ...src("china-daily-2023-07-21", "China Daily", "Sky Net results for January–June 2023", "2023-07-21", "day", "https://www.chinadaily.com.cn/a/202307/21/WS64ba3c00a31035260b817cbb.html", "official"),
    ...in2026111("title: the page gives the first-half 2023 figures (582 returned, 25 red-notice, 1 of the 100 most wanted, about 1.93 billion yuan) and names Guo Jiefang without her rank; the 62nd is printed in the 12 June 2023 report (china-daily-2023-06-12)"),
  },
  {
    ...src("china-daily-2023-06-12", "China Daily", "Guo Jiefang, the 62nd of the 100 most wanted, returns", "2023-06-12", "day", "https://www.chinadaily.com.cn/a/202306/12/WS6487031da31033ad3f7bbd0c.html", "official"),
    ...in2026111("added: prints that the fugitive who returned on 10 June 2023 was the 62nd of the 100 most wanted"),
  },
  src("ecns-2016-01-28", "ECNS (China News Service)", "Results of Fox Hunt 2015", "2016-01-28", "day", "http://ecns.cn/2016/01-28/197350.shtml", "official"),
  src("sanqin-2016-01-28", "Sanqin Metropolis Daily, relaying Xinhua", "Fox Hunt 2015 breakdown: arrested and prosecuted abroad", "2016-01-28", "day", "http://61.185.136.75/slrb/20160128/html/content_20160128001002.htm", "official", "A newspaper page relaying the Ministry of Public Security's figures via Xinhua."),
  src("people-2023-04-28", "People's Daily", "Fox Hunt 2022 results", "2023-04-28", "day", "http://en.people.cn/n3/2023/0428/c90000-20012713.html", "official"),
  {
    ...src("ifeng-2024-04-23", "ifeng (Shandong channel)", "Fox Hunt totals from 2014 to 2023", "2024-04-23", "day", "https://sd.ifeng.com/c/8Z14PO0ESP5", "official",
      "The page names no news agency; another copy of the same text credits China News Service. The figures are the CCDI's."),
    ...in2026111("publisher as printed: the page credits no Xinhua (another copy of the text credits China News Service), so the publisher is the site itself"),
  },
  src("cri-2014-11-26", "China Radio International (Italian service)", "China's extradition and judicial-assistance treaty counts, November 2014", "2014-11-26", "day", "http://italian.cri.cn/761/2014/11/26/224s231127.htm", "official"),
  src("ecns-2014-12-29", "ECNS (China News Service)", "Extradition treaties ratified by the NPC Standing Committee", "2014-12-29", "day", "http://ecns.cn/2014/12-29/148528.shtml", "official"),
  src("cgtn-2017-06", "CGTN", "Countries with which China has extradition and judicial-assistance treaties, June 2017", "2017-06-27", "month", "https://news.cgtn.com/news/3549444d31517a6333566d54/index.html", "official", "Published about 27 June 2017; only the month is certain."),
  src("fabao365-2019-01-21", "A lawyer's copy of the Foreign Ministry's treaty table (fabao365.com)", "China's treaty table as of September 2018", "2019-01-21", "day", "https://lkhlawyer.fabao365.com/article/view_553969_199499.html", "mirror"),
  src("pdnews-2020-10-26", "People's Daily app", "Extradition treaty count, October 2020", "2020-10-26", "day", "https://peoplesdaily.pdnews.cn/china/china-concludes-59-extradition-treaties-hunts-down-50-suspects-abroad-181322.html", "official"),

  // Added in release 2026.11.1 (data audit of November 2026); each prints the figures that cite it.
  {
    ...src("chinascope-3421", "Chinascope, summarising Jinghua Times as reprinted by People's Daily", "Fox Hunt 2014 results: breakdown and the day they were announced", null, "unknown", "http://chinascope.org/archives/3421", "secondary",
      "Chinascope's own date is not shown; it cites Jinghua Times as reprinted by People's Daily on 9 January 2015, and dates the ministry's press conference 8 January 2015."),
    ...in2026111("added: prints the Fox Hunt 2014 breakdown (290 arrested, 196 at large for over five years) and the day of the press conference, which the China Daily page of 9 January 2015 does not"),
  },
  {
    ...src("cnread-2017-03", "cnread.news, carrying Southern Metropolis Daily (Nandu)", "Fox Hunt 2016 results with the count from the 100 most wanted", "2017-03-01", "month", "http://www.cnread.news/content/664606.html", "mirror",
      "The page shows no day; its report gives the ministry's figures of 25 March 2017."),
    ...in2026111("added: prints the 19 of the 100 most wanted among Fox Hunt 2016's 951, which the PanARMENIAN page does not"),
  },
  {
    ...src("china-org-2014-12-29", "Xinhua via China.org.cn", "NPC Standing Committee ratifies two more extradition treaties, December 2014", "2014-12-29", "day", "http://china.org.cn/world/2014-12/29/content_34430626.htm", "official"),
    ...in2026111("added: a second copy of the Xinhua report of 29 December 2014 that prints the count of 36 ratified extradition treaties"),
  },
  {
    ...src("bjnews-2016-01", "The Beijing News", "Fox Hunt 2015 results with case values and years at large", "2016-01-01", "month", "https://www.bjnews.com.cn/detail/155150139614496.html", "official",
      "Reports the Ministry of Public Security's release of the day before; the page's day is not shown."),
    ...in2026111("added: prints the Fox Hunt 2015 counts of captures in cases of over 100 million yuan (58) and of fugitives at large for over five years (667)"),
  },
  {
    ...src("cnhubei-2016-10", "cnhubei.com, relaying the CCDI's figures of 30 October 2016", "Sky Net totals to September 2016 and the 100 most wanted tally", "2016-10-01", "month", "http://news.cnhubei.com/xw/zw/201610/t3732461.shtml", "mirror",
      "The CCDI website published these figures on 30 October 2016; the page's own day is not shown."),
    ...in2026111("added: prints the running totals to September 2016 (2,210 returned, 363 state functionaries, 79.94 yi yuan) and 35 of the 100 most wanted"),
  },
  {
    ...src("chinagate-2017-12-08", "Xinhua via China.org.cn (chinagate)", "Sky Net totals to October 2017 and the 100 most wanted tally", "2017-12-08", "day", "http://en.chinagate.cn/2017-12/08/content_50094004.htm", "official"),
    ...in2026111("added: prints 51 of the 100 most wanted returned, stated on 8 December 2017"),
  },
  {
    ...src("global-times-1162327", "Global Times", "Extradition treaties before the NPC Standing Committee, with Sky Net totals and the 100 most wanted tally", "2019-08-01", "month", "https://globaltimes.cn/content/1162327.shtml", "official",
      "The page's day is not shown; it reports an extradition of 16 August 2019 and an NPC session about to open, so it is from late August 2019."),
    ...in2026111("added: prints 59 of the 100 most wanted returned, in August 2019"),
  },
  {
    ...src("ecns-2020-08-11", "ECNS (China News Service)", "Sky Net totals from 2014 to June 2020, from the supervision commission's report", "2020-08-11", "day", "http://ecns.cn/news/2020-08-11/detail-ifzyxfhw7470425.shtml", "official"),
    ...in2026111("added: prints the running totals from 2014 to June 2020 (7,831 returned, 2,075 Party members and state employees, 19.65 billion yuan, 60 of the 100 most wanted)"),
  },
  {
    ...src("gsdjw-2021-12", "gsdjw.com, mirroring the CCDI's figures", "Sky Net results for January–November 2021", "2021-12-01", "month", "http://gsdjw.com/news/guonei/295682.html", "mirror",
      "Published for International Anti-Corruption Day (9 December 2021); only the month is recorded."),
    ...in2026111("added: prints the January–November 2021 figures (1,114 returned, 16 red-notice fugitives, 297 supervision targets, 161.39 yi yuan)"),
  },
  {
    ...src("tdminews-2025", "tdminews.com", "Sky Net totals from 2014 to 2024, with an exact count", null, "unknown", "https://tdminews.com/?p=278579", "secondary",
      "Undated in the stored copy; it reports the Sky Net 2025 launch meeting of 24 March 2025, so it is from late March 2025 or after."),
    ...in2026111("added: prints the exact 14,048 returned from 2014 to 2024, where China Daily rounds to more than 14,000"),
  },
  {
    ...src("ljwz-2025-07-25", "ljwz.net, carrying Zhejiang Daily's Chao News", "The last of the 100 most wanted in Asia extradited; the tally at 63", "2025-07-25", "day", "https://www.ljwz.net/news/BQy0R55bdL.html", "mirror"),
    ...in2026111("added: prints 63 of the 100 most wanted returned and 37 at large, after an extradition from Thailand in July 2025"),
  },
  {
    ...src("mbwzsb-2025-07-29", "mbwzsb.cn, mirroring China Daily", "The 64th of the 100 most wanted surrenders", "2025-07-29", "day", "http://www.mbwzsb.cn/a/202507/29/WS6888b919a310c26fd717c587.html", "mirror",
      "A copy of a China Daily article; the anti-graft body announced the return on Tuesday 29 July 2025."),
    ...in2026111("added: prints the 64th of the 100 most wanted, announced on 29 July 2025, and the 63rd a few days before"),
  },
  {
    ...src("crntt-2025-09-16", "China Review News, relaying the CCDI's newspaper", "The 64th of the 100 most wanted, in a September 2025 report", "2025-09-16", "day", "https://hk.crntt.com/doc/1071/2/1/1/107121126.html?coluid=7&kindid=0&docid=107121126&mdate=0916151758", "mirror"),
    ...in2026111("added: a second page that names the 64th of the 100 most wanted returned"),
  },
  {
    ...src("cns-2023-08-27", "China News Service, copied on blog.bobobk.com", "Thirty years of extradition treaties: the count concluded, August 2023", "2023-08-27", "day", "https://blog.bobobk.com/news/2023/08-27/10068005.html", "mirror",
      "The count was given by an official of the Foreign Ministry's treaty and law department at a seminar on 26 August 2023; the same text is on at least three other sites."),
    ...in2026111("added: prints 60 bilateral extradition treaties concluded, as of the seminar of 26 August 2023"),
  },
];

/** Sources taken out in some release, each with its reason (kept for the changelog). */
export const REMOVED_SOURCES: Removal[] = [];
