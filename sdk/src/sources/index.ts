import type { z } from "zod";
import type { Removal } from "../core/dataset.js";
import type { Source } from "../core/schema.js";
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
  src("xinhua-2023-01-05", "Xinhua", "Sky Net results for January–November 2022", "2023-01-05", "day", "https://english.news.cn/20230105/9a47d72af6bb4ffa86e686de9e9aef5a/c.html", "official"),
  src("ecns-2024-01-04", "ECNS / China Daily", "Sky Net results for January–November 2023", "2024-01-04", "day", "http://www.ecns.cn/news/2024-01-04/detail-ihcwmcqc0191511.shtml", "official"),
  src("safeguard-defenders-2025", "Safeguard Defenders (NGO), citing the CCDI's report", "Analysis of Sky Net 2024", "2025-01-01", "year", "https://safeguarddefenders.com/en/blog/sky-net-2024-chinas-global-manhunt-continues-unabated", "secondary", "Only the year of publication is recorded."),
  src("panarmenian-2017-03-25", "Xinhua via PanARMENIAN", "Fox Hunt 2016 results and Sky Net totals for 2014–2016", "2017-03-25", "day", "http://www.panarmenian.net/eng/news/235878/", "official", "A Xinhua report of the Ministry of Public Security's statement, carried by a third-party site."),
  src("global-times-1134813", "Global Times", "Sky Net totals from 2014 to 30 November 2018", null, "unknown", "http://www.globaltimes.cn/content/1134813.shtml", "official", "Publication date not recorded; the totals run to 2018-11-30."),
  src("global-times-2020-12-14", "Global Times", "Sky Net totals to October 2020 and China's treaty count", "2020-12-14", "day", "https://globaltimes.cn/page/202012/1209897.shtml", "official"),
  src("scio-2021-06-29", "State Council Information Office (SCIO)", "Sky Net totals from 2014 to May 2021", "2021-06-29", "day", "http://english.scio.gov.cn/pressroom/2021-06/29/content_77594551.htm", "official"),
  src("china-daily-2025-03-28", "China Daily", "Sky Net totals from 2014 to 2024", "2025-03-28", "day", "https://global.chinadaily.com.cn/a/202503/28/WS67e5f3cba3101d4e4dc2b505.html", "official"),
  src("china-daily-2023-07-21", "China Daily", "The 62nd of the 100 most wanted returns", "2023-07-21", "day", "https://www.chinadaily.com.cn/a/202307/21/WS64ba3c00a31035260b817cbb.html", "official"),
  src("ecns-2016-01-28", "ECNS (China News Service)", "Results of Fox Hunt 2015", "2016-01-28", "day", "http://ecns.cn/2016/01-28/197350.shtml", "official"),
  src("sanqin-2016-01-28", "Sanqin Metropolis Daily, relaying Xinhua", "Fox Hunt 2015 breakdown: arrested and prosecuted abroad", "2016-01-28", "day", "http://61.185.136.75/slrb/20160128/html/content_20160128001002.htm", "official", "A newspaper page relaying the Ministry of Public Security's figures via Xinhua."),
  src("people-2023-04-28", "People's Daily", "Fox Hunt 2022 results", "2023-04-28", "day", "http://en.people.cn/n3/2023/0428/c90000-20012713.html", "official"),
  src("ifeng-2024-04-23", "ifeng, relaying Xinhua (CCDI figures)", "Fox Hunt totals from 2014 to 2023", "2024-04-23", "day", "https://sd.ifeng.com/c/8Z14PO0ESP5", "official"),
  src("cri-2014-11-26", "China Radio International (Italian service)", "China's extradition and judicial-assistance treaty counts, November 2014", "2014-11-26", "day", "http://italian.cri.cn/761/2014/11/26/224s231127.htm", "official"),
  src("ecns-2014-12-29", "ECNS (China News Service)", "Extradition treaties ratified by the NPC Standing Committee", "2014-12-29", "day", "http://ecns.cn/2014/12-29/148528.shtml", "official"),
  src("cgtn-2017-06", "CGTN", "Countries with which China has extradition and judicial-assistance treaties, June 2017", "2017-06-27", "month", "https://news.cgtn.com/news/3549444d31517a6333566d54/index.html", "official", "Published about 27 June 2017; only the month is certain."),
  src("fabao365-2019-01-21", "A lawyer's copy of the Foreign Ministry's treaty table (fabao365.com)", "China's treaty table as of September 2018", "2019-01-21", "day", "https://lkhlawyer.fabao365.com/article/view_553969_199499.html", "mirror"),
  src("pdnews-2020-10-26", "People's Daily app", "Extradition treaty count, October 2020", "2020-10-26", "day", "https://peoplesdaily.pdnews.cn/china/china-concludes-59-extradition-treaties-hunts-down-50-suspects-abroad-181322.html", "official"),
];

/** Sources taken out in some release, each with its reason (kept for the changelog). */
export const REMOVED_SOURCES: Removal[] = [];
