// Release 2026.11.1: the November 2026 data audit's corrections, its additions and the figures published since.
// Three things are held here, against the compiled release file itself:
// 1. its changelog lists every correction (kind, id, the fields changed, before and after) with a reason, and every
//    addition with one, and nothing else;
// 2. each custom-function answer that a correction or an addition changes, in the exact words an analyst sees;
// 3. the citations: each corrected or added figure cites the page that prints it (table below, written from the
//    pages as they were read in November 2026), and no record cites a page that cannot be found.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { functionsFor } from "../functions/index.js";
import { loadRelease } from "../release/load.js";
import type { Release } from "../release/format.js";

const text = (version: string) => readFileSync(new URL(`./${version}.json`, import.meta.url), "utf8");
const RELEASE = JSON.parse(text("2026.11.1")) as Release;
const NEW = functionsFor(loadRelease(text("2026.11.1")));
const OLD = functionsFor(loadRelease(text("2026.11.0")));
const { changelog } = RELEASE;

const observations = RELEASE.data.datasets.flatMap((d) => (d.kind === "observations" ? d.observations : []));
const events = RELEASE.data.datasets.flatMap((d) => (d.kind === "events" ? d.events : []));
const sources = new Map(RELEASE.data.sources.map((s) => [s.id, s]));
const revision = (kind: string, id: string) => changelog.revised.find((r) => r.kind === kind && r.id === id);
const change = (kind: string, id: string, field: string) => revision(kind, id)?.changes.find((c) => c.field === field);

describe("release 2026.11.1", () => {
  it("follows release 2026.11.0 and says so", () => {
    expect([RELEASE.version, RELEASE.previous?.version]).toEqual(["2026.11.1", "2026.11.0"]);
    expect(RELEASE.previous?.hash).toBe((JSON.parse(text("2026.11.0")) as Release).hash);
  });
});

describe("changelog: the audit's corrections", () => {
  // kind, id, id in 2026.11.0 when it moved, the fields that changed, words the reason must carry.
  const CORRECTIONS: [string, string, string | null, string[], RegExp][] = [
    // audit row 1: "about" 29.54 yi yuan
    ["observation", "sky-net.recovered.2019-01-01.2019-10-31", null, ["note", "qualifier"], /qualifier: the source says about 29\.54 yi yuan/],
    // row 2: "over 16.74 billion yuan"
    ["observation", "sky-net.recovered.2021-01-01.2021-12-31", null, ["note", "qualifier"], /qualifier: the source says 'over 16\.74 billion yuan'/],
    // row 3: cite where 290 and 196 are printed
    ["observation", "fox-hunt.arrested.2014-07-01.2014-12-31", null, ["source"], /does not carry the 290 arrested.*Chinascope/],
    ["observation", "fox-hunt.at-large-over-5-years.2014-07-01.2014-12-31", null, ["source"], /does not carry the 196.*Chinascope/],
    // row 4: the 19 most wanted of Fox Hunt 2016
    ["observation", "fox-hunt.most-wanted-captured.2016-01-01.2016-12-31", null, ["source"], /PanARMENIAN page does not carry the 19.*cnread\.news/],
    // row 5: the press conference was on 8 January 2015
    ["event", "fox-hunt-2014-results-dated", null, ["corroboratedBy", "date", "end", "phrase", "source", "what"], /Thursday 8 January 2015/],
    // row 6: Sky Net 2015 is the campaign's Apr–Dec
    ["observation", "sky-net.returned.2015-04-01.2015-12-31", "sky-net.returned.2015-01-01.2015-12-31", ["id", "period"], /campaign.*Apr–Dec 2015.*still answers RETURNED\(2015\)/],
    // row 7: China Daily's article on the SCIO website, as of its publication day
    ["source", "scio-2021-06-29", null, ["note", "publisher", "title"], /article is China Daily's, hosted on the SCIO website/],
    ["observation", "sky-net.returned.cumulative.2014-01-01.2021-06-29", "sky-net.returned.cumulative.2014-01-01.2021-05-31", ["id", "note", "period"], /without saying 'to May'.*publication day/],
    ["observation", "sky-net.returned-officials.cumulative.2014-01-01.2021-06-29", "sky-net.returned-officials.cumulative.2014-01-01.2021-05-31", ["id", "note", "period"], /without saying 'to May'/],
    ["observation", "sky-net.recovered.cumulative.2014-01-01.2021-06-29", "sky-net.recovered.cumulative.2014-01-01.2021-05-31", ["id", "note", "period"], /without saying 'to May'/],
    // row 8: "nearly" 49 billion; the publisher as printed
    ["observation", "fox-hunt.recovered.cumulative.2014-01-01.2023-12-31", null, ["note"], /nearly/],
    ["source", "ifeng-2024-04-23", null, ["note", "publisher"], /publisher as printed: the page credits no Xinhua/],
    // row 9: 60 most wanted as of the report's day
    ["observation", "most-wanted.returned-total.2019-12-10.2019-12-10", "most-wanted.returned-total.2019-10-01.2019-10-31", ["id", "period"], /published on 10 December 2019/],
    // row 10: a page that can be found for the 58th
    ["observation", "most-wanted.returned-total.2019-05-01.2019-05-31", null, ["source"], /cannot be found.*57th and 58th/],
    // row 11: the 36 ratified treaties, a second copy of the Xinhua report
    ["observation", "treaties.extradition.ratified.2014-12-01.2014-12-29", null, ["corroboratedBy"], /China\.org\.cn/],
    // row 12: January–November 2022 verified on the cited page
    ["source", "xinhua-2023-01-05", null, ["note"], /verified/],
    // the Fox Hunt most-wanted series' measure
    ["series", "fox-hunt.most-wanted-captured", null, ["measure"], /most-wanted-captured, not Sky Net's most-wanted-returned/],
    // published since: the official page for 2024, the NGO kept as corroboration
    ["observation", "sky-net.returned.2024-01-01.2024-12-31", null, ["corroboratedBy", "note", "source"], /China Daily \(25 March 2025\).*NGO/],
    // found while checking: the 62nd's rank is printed by the June report, not the July one
    ["observation", "most-wanted.returned-total.2023-06-12.2023-06-12", "most-wanted.returned-total.2023-06-01.2023-06-30", ["id", "period", "source"], /12 June 2023 prints that she was the 62nd/],
    ["source", "china-daily-2023-07-21", null, ["title"], /first-half 2023 figures/],
    // an exact 14,048 kept beside the official "more than 14,000"
    ["observation", "sky-net.returned.cumulative.2014-01-01.2024-12-31", null, ["conflict"], /14,048/],
  ];

  it.each(CORRECTIONS)("revises %s %s (was %s): %j, with its reason", (kind, id, previousId, fields, reason) => {
    const r = revision(kind, id);
    expect(r, `${kind} ${id} is not among the revisions`).toBeDefined();
    expect(r!.previousId ?? null).toBe(previousId);
    expect(r!.changes.map((c) => c.field).sort()).toEqual(fields);
    expect(r!.reason).toMatch(reason);
  });

  it("revises nothing else", () => {
    expect(changelog.revised.map((r) => `${r.kind} ${r.id}`).sort()).toEqual(CORRECTIONS.map(([kind, id]) => `${kind} ${id}`).sort());
  });

  it("removes nothing: moved records are revisions that name their old id", () => {
    expect(changelog.removed).toEqual([]);
  });

  it("records the corrected values before and after", () => {
    expect(change("observation", "sky-net.recovered.2019-01-01.2019-10-31", "qualifier")).toMatchObject({ before: "exact", after: "approximate" });
    expect(change("observation", "sky-net.recovered.2021-01-01.2021-12-31", "qualifier")).toMatchObject({ before: "exact", after: "lower-bound" });
    expect(change("observation", "sky-net.returned.2015-04-01.2015-12-31", "period")).toMatchObject({
      before: { start: "2015-01-01", end: "2015-12-31", label: "2015", precision: "year" },
      after: { start: "2015-04-01", end: "2015-12-31", label: "2015 (Apr–Dec)", precision: "range" },
    });
    expect(change("observation", "sky-net.returned.cumulative.2014-01-01.2021-06-29", "period")).toMatchObject({
      before: { end: "2021-05-31", label: "2014 – May 2021", precision: "range" },
      after: { end: "2021-06-29", label: "2014 – 29 Jun 2021", precision: "day" },
    });
    expect(change("event", "fox-hunt-2014-results-dated", "date")).toMatchObject({ before: "2015-01-09", after: "2015-01-08" });
    expect(change("event", "fox-hunt-2014-results-dated", "source")).toMatchObject({ before: "china-daily-2015-01-09", after: "chinascope-3421" });
    expect(change("series", "fox-hunt.most-wanted-captured", "measure")).toMatchObject({ before: "most-wanted-returned", after: "most-wanted-captured" });
    expect(change("source", "scio-2021-06-29", "publisher")).toMatchObject({ before: "State Council Information Office (SCIO)", after: "China Daily, on the State Council Information Office (SCIO) website" });
    expect(change("observation", "fox-hunt.arrested.2014-07-01.2014-12-31", "source")).toMatchObject({ before: "china-daily-2015-01-09", after: "chinascope-3421" });
    expect(change("observation", "fox-hunt.most-wanted-captured.2016-01-01.2016-12-31", "source")).toMatchObject({ before: "panarmenian-2017-03-25", after: "cnread-2017-03" });
    expect(change("observation", "most-wanted.returned-total.2019-05-01.2019-05-31", "source")).toMatchObject({ before: "chinareform-2019", after: "youth-cn-2019-12-10" });
    expect(change("observation", "sky-net.returned.2024-01-01.2024-12-31", "source")).toMatchObject({ before: "safeguard-defenders-2025", after: "china-daily-2025-03-25" });
  });
});

describe("changelog: additions", () => {
  const ADDED_OBSERVATIONS = [
    "sky-net.most-wanted-returned.2015-04-01.2015-12-31",
    "sky-net.returned.2021-01-01.2021-11-30",
    "sky-net.red-notice-returned.2021-01-01.2021-11-30",
    "sky-net.returned.supervision-targets.2021-01-01.2021-11-30",
    "sky-net.recovered.2021-01-01.2021-11-30",
    "sky-net.returned.2023-01-01.2023-06-30",
    "sky-net.red-notice-returned.2023-01-01.2023-06-30",
    "sky-net.most-wanted-returned.2023-01-01.2023-06-30",
    "sky-net.recovered.2023-01-01.2023-06-30",
    "sky-net.recovered.2024-01-01.2024-12-31",
    "sky-net.returned.cumulative.2014-01-01.2016-09-30",
    "sky-net.returned-officials.cumulative.2014-01-01.2016-09-30",
    "sky-net.recovered.cumulative.2014-01-01.2016-09-30",
    "sky-net.returned.cumulative.2014-01-01.2016-12-09",
    "sky-net.returned-officials.cumulative.2014-01-01.2016-12-09",
    "sky-net.recovered.cumulative.2014-01-01.2016-12-09",
    "sky-net.returned.cumulative.2014-01-01.2019-12-10",
    "sky-net.recovered.cumulative.2014-01-01.2019-12-10",
    "sky-net.returned.cumulative.2014-01-01.2020-06-30",
    "sky-net.returned-officials.cumulative.2014-01-01.2020-06-30",
    "sky-net.recovered.cumulative.2014-01-01.2020-06-30",
    "sky-net.returned.cumulative.2014-01-01.2024-12-31.exact",
    "fox-hunt.cases-over-100m-cny.2015-04-01.2015-12-31",
    "fox-hunt.at-large-over-5-years.2015-04-01.2015-12-31",
    "treaties.extradition.concluded.2023-08-01.2023-08-26",
    "most-wanted.returned-total.2016-10-30.2016-10-30",
    "most-wanted.returned-total.2017-06-01.2017-06-27",
    "most-wanted.returned-total.2017-12-08.2017-12-08",
    "most-wanted.returned-total.2019-08-01.2019-08-31",
    "most-wanted.returned-total.2020-06-01.2020-06-30",
    "most-wanted.returned-total.2025-07-25.2025-07-25",
    "most-wanted.returned-total.2025-07-29.2025-07-29",
  ];
  const ADDED_SOURCES = [
    "china-daily-2025-03-25",
    "china-daily-2023-06-12",
    "chinascope-3421",
    "cnread-2017-03",
    "china-org-2014-12-29",
    "bjnews-2016-01",
    "cnhubei-2016-10",
    "chinagate-2017-12-08",
    "global-times-1162327",
    "ecns-2020-08-11",
    "gsdjw-2021-12",
    "tdminews-2025",
    "ljwz-2025-07-25",
    "mbwzsb-2025-07-29",
    "crntt-2025-09-16",
    "cns-2023-08-27",
  ];

  it("lists exactly the added figures and sources", () => {
    expect(changelog.added.filter((a) => a.kind === "observation").map((a) => a.id).sort()).toEqual([...ADDED_OBSERVATIONS].sort());
    expect(changelog.added.filter((a) => a.kind === "source").map((a) => a.id).sort()).toEqual([...ADDED_SOURCES].sort());
    expect(changelog.added.filter((a) => a.kind !== "observation" && a.kind !== "source")).toEqual([]);
  });

  it("gives every addition a reason saying what it is", () => {
    expect(changelog.added.filter((a) => !a.reason?.startsWith("added: ")).map((a) => a.id)).toEqual([]);
  });

  it("keeps part-year additions partial and running totals in cumulative series", () => {
    const cumulative = new Set(RELEASE.data.datasets.flatMap((d) => (d.kind === "observations" ? d.series.filter((s) => s.cumulative).map((s) => s.id) : [])));
    for (const id of ADDED_OBSERVATIONS) {
      const o = observations.find((x) => x.id === id)!;
      if (o.period.label.startsWith("Jan–")) expect(o.coverage, id).toBe("partial");
      if (o.series.startsWith("sky-net.") && o.period.start.slice(0, 4) !== o.period.end.slice(0, 4)) expect(cumulative.has(o.series), id).toBe(true);
    }
  });

  it("carries the qualifiers the pages print", () => {
    const q = (id: string) => observations.find((o) => o.id === id)?.qualifier;
    expect(q("sky-net.recovered.2024-01-01.2024-12-31")).toBe("lower-bound"); // "over 18.28 billion yuan"
    expect(q("sky-net.recovered.2023-01-01.2023-06-30")).toBe("approximate"); // "about 1.93 billion yuan"
    expect(q("sky-net.recovered.cumulative.2014-01-01.2016-12-09")).toBe("lower-bound"); // "more than 8.5 billion yuan"
    expect(q("sky-net.returned.cumulative.2014-01-01.2024-12-31.exact")).toBe("exact"); // 14,048
    expect(q("sky-net.returned.cumulative.2014-01-01.2024-12-31")).toBe("lower-bound"); // "more than 14,000"
  });
});

describe("answers the analyst sees", () => {
  it("RECOVERED(2021): #N/A naming the lower bound 'more than 16.74 billion' (was 16,740,000,000)", () => {
    expect(OLD.RECOVERED(2021)).toBe(16_740_000_000);
    expect(NEW.RECOVERED(2021)).toEqual({
      error: "#N/A",
      message:
        'no full, exact figure of sky-net.recovered for 2021. What exists: more than 16.74 billion CNY for 2021 (China Daily / Xinhua, 2022-02-25) in sky-net.recovered; 16.139 billion CNY for Jan–Nov 2021 (partial coverage; gsdjw.com, mirroring the CCDI\'s figures, 2021-12) in sky-net.recovered. =SKYNET.FIGURE("sky-net.recovered", "2021") returns the lower bound with its coverage and qualifier; =SKYNET.FIGURE("sky-net.recovered", "Jan–Nov 2021") returns the partial figure with its coverage and qualifier.',
    });
  });

  it("RECOVERED(2019): still #N/A for Jan–Oct, its words now say 'about'", () => {
    expect(NEW.RECOVERED(2019)).toEqual({
      error: "#N/A",
      message:
        'no full, exact figure of sky-net.recovered for 2019. What exists: about 2.954 billion CNY for Jan–Oct 2019 (partial coverage; China Youth Net / CCTV, 2019-12-10) in sky-net.recovered. =SKYNET.FIGURE("sky-net.recovered", "Jan–Oct 2019") returns the partial figure with its coverage and qualifier.',
    });
  });

  it("RETURNED(2015): still 1,023, the whole Apr–Dec campaign answering its year as Fox Hunt's operations do", () => {
    expect(NEW.RETURNED(2015)).toBe(1023);
    expect(NEW.CAPTURES(2015)).toBe(857); // Fox Hunt 2015, Apr–Dec, by the same rule
    expect(NEW.SOURCE("sky-net.returned", 2015)).toBe("ECNS (China News Service), 2016-01-15, http://ecns.cn/2016/01-15/195964.shtml");
  });

  it("RETURNED(2015, \"SPP\"): its words point at the campaign's period label", () => {
    expect(NEW.RETURNED(2015, "SPP")).toEqual({
      error: "#N/A",
      message:
        'no figure of spp.returned for 2015 (it has figures for 2013). What exists: 1,023 persons for 2015 (Apr–Dec) (ECNS (China News Service), 2016-01-15) in sky-net.returned; 863 persons for Jan–Nov 2015 (partial coverage; taiwan.cn, relaying Jinghua Times, 2016-01-07) in sky-net.returned. =SKYNET.FIGURE("sky-net.returned", "2015 (Apr–Dec)") returns it with its coverage and qualifier; =SKYNET.FIGURE("sky-net.returned", "Jan–Nov 2015") returns the partial figure with its coverage and qualifier.',
    });
  });

  it("RETURNED(2024): 1,597, now cited to the official China Daily page", () => {
    expect(NEW.RETURNED(2024)).toBe(1597);
    expect(OLD.SOURCE("sky-net.returned", 2024)).toBe("Safeguard Defenders (NGO), citing the CCDI's report, 2025, https://safeguarddefenders.com/en/blog/sky-net-2024-chinas-global-manhunt-continues-unabated");
    expect(NEW.SOURCE("sky-net.returned", 2024)).toBe("China Daily, 2025-03-25, https://www.chinadaily.com.cn/a/202503/25/WS67e1fbe0a3101d4e4dc2a987.html");
  });

  it("RECOVERED(2024): #N/A naming the lower bound 'more than 18.28 billion' (there was no figure)", () => {
    expect(NEW.RECOVERED(2024)).toEqual({
      error: "#N/A",
      message:
        'no full, exact figure of sky-net.recovered for 2024. What exists: more than 18.28 billion CNY for 2024 (China Daily, 2025-03-25) in sky-net.recovered. =SKYNET.FIGURE("sky-net.recovered", "2024") returns the lower bound with its coverage and qualifier.',
    });
  });

  it("RETURNED(2023) and RECOVERED(2023): #N/A naming the first half beside January–November", () => {
    expect(NEW.RETURNED(2023)).toEqual({
      error: "#N/A",
      message:
        'no full, exact figure of sky-net.returned for 2023. What exists: 582 persons for Jan–Jun 2023 (partial coverage; China Daily, 2023-07-21) in sky-net.returned; 1,278 persons for Jan–Nov 2023 (partial coverage; ECNS / China Daily, 2024-01-04) in sky-net.returned. =SKYNET.FIGURE("sky-net.returned", "Jan–Jun 2023") returns the partial figure with its coverage and qualifier; =SKYNET.FIGURE("sky-net.returned", "Jan–Nov 2023") returns the partial figure with its coverage and qualifier.',
    });
    expect(NEW.RECOVERED(2023)).toEqual({
      error: "#N/A",
      message:
        'no full, exact figure of sky-net.recovered for 2023. What exists: about 1.93 billion CNY for Jan–Jun 2023 (partial coverage; China Daily, 2023-07-21) in sky-net.recovered; 2.91 billion CNY for Jan–Nov 2023 (partial coverage; ECNS / China Daily, 2024-01-04) in sky-net.recovered. =SKYNET.FIGURE("sky-net.recovered", "Jan–Jun 2023") returns the partial figure with its coverage and qualifier; =SKYNET.FIGURE("sky-net.recovered", "Jan–Nov 2023") returns the partial figure with its coverage and qualifier.',
    });
  });

  it("RETURNED(2021): the full year still answers, January–November beside it does not displace it", () => {
    expect(NEW.RETURNED(2021)).toBe(1273);
  });

  it("RECOVERED for a year without figures now lists 2024 among the years that have one", () => {
    expect(NEW.RECOVERED(2010)).toEqual({ error: "#N/A", message: "no figure of sky-net.recovered for 2010 (it has figures for 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024)." });
  });

  it("TREATIES_CONCLUDED(\"extradition\"): the latest count is 60, from 26 August 2023 (was 59)", () => {
    expect(OLD.TREATIES_CONCLUDED("extradition")).toBe(59);
    expect(NEW.TREATIES_CONCLUDED("extradition")).toBe(60);
    expect(NEW.TREATIES_CONCLUDED("extradition", "2023-08-25")).toBe(59);
    expect(NEW.TREATIES_CONCLUDED("extradition", "2023-08-26")).toBe(60);
    expect(NEW.TREATIES_CONCLUDED()).toBe(91); // both kinds are known together only as of November 2014
  });

  it("SOURCE of the corrected Fox Hunt figures names the pages that print them", () => {
    expect(NEW.SOURCE("fox-hunt.arrested", 2014)).toBe("Chinascope, summarising Jinghua Times as reprinted by People's Daily, undated, http://chinascope.org/archives/3421");
    expect(NEW.SOURCE("fox-hunt.most-wanted-captured", 2016)).toBe("cnread.news, carrying Southern Metropolis Daily (Nandu), 2017-03, http://www.cnread.news/content/664606.html");
  });
});

describe("citations: each corrected or added figure cites the page that prints it", () => {
  // Written out from the pages as read in November 2026 (the audit, the issue-12 findings and a re-check with the
  // search tool): record id, the value the page prints, the source id, the page's address.
  const PRINTED: [string, number | string, string, string][] = [
    ["sky-net.returned.2015-04-01.2015-12-31", 1023, "ecns-2016-01-15", "http://ecns.cn/2016/01-15/195964.shtml"],
    ["sky-net.most-wanted-returned.2015-04-01.2015-12-31", 18, "ecns-2016-01-15", "http://ecns.cn/2016/01-15/195964.shtml"],
    ["sky-net.recovered.2019-01-01.2019-10-31", 2_954_000_000, "youth-cn-2019-12-10", "http://news.youth.cn/jsxw/201912/t20191210_12139216.htm"],
    ["sky-net.recovered.2021-01-01.2021-12-31", 16_740_000_000, "china-daily-2022-02-25", "https://www.chinadaily.com.cn/a/202202/25/WS62183b55a310cdd39bc88e09.html"],
    ["sky-net.returned.2021-01-01.2021-11-30", 1114, "gsdjw-2021-12", "http://gsdjw.com/news/guonei/295682.html"],
    ["sky-net.red-notice-returned.2021-01-01.2021-11-30", 16, "gsdjw-2021-12", "http://gsdjw.com/news/guonei/295682.html"],
    ["sky-net.returned.supervision-targets.2021-01-01.2021-11-30", 297, "gsdjw-2021-12", "http://gsdjw.com/news/guonei/295682.html"],
    ["sky-net.recovered.2021-01-01.2021-11-30", 16_139_000_000, "gsdjw-2021-12", "http://gsdjw.com/news/guonei/295682.html"],
    ["sky-net.returned.2023-01-01.2023-06-30", 582, "china-daily-2023-07-21", "https://www.chinadaily.com.cn/a/202307/21/WS64ba3c00a31035260b817cbb.html"],
    ["sky-net.red-notice-returned.2023-01-01.2023-06-30", 25, "china-daily-2023-07-21", "https://www.chinadaily.com.cn/a/202307/21/WS64ba3c00a31035260b817cbb.html"],
    ["sky-net.most-wanted-returned.2023-01-01.2023-06-30", 1, "china-daily-2023-07-21", "https://www.chinadaily.com.cn/a/202307/21/WS64ba3c00a31035260b817cbb.html"],
    ["sky-net.recovered.2023-01-01.2023-06-30", 1_930_000_000, "china-daily-2023-07-21", "https://www.chinadaily.com.cn/a/202307/21/WS64ba3c00a31035260b817cbb.html"],
    ["sky-net.returned.2024-01-01.2024-12-31", 1597, "china-daily-2025-03-25", "https://www.chinadaily.com.cn/a/202503/25/WS67e1fbe0a3101d4e4dc2a987.html"],
    ["sky-net.recovered.2024-01-01.2024-12-31", 18_280_000_000, "china-daily-2025-03-25", "https://www.chinadaily.com.cn/a/202503/25/WS67e1fbe0a3101d4e4dc2a987.html"],
    ["sky-net.returned.cumulative.2014-01-01.2016-09-30", 2210, "cnhubei-2016-10", "http://news.cnhubei.com/xw/zw/201610/t3732461.shtml"],
    ["sky-net.returned-officials.cumulative.2014-01-01.2016-09-30", 363, "cnhubei-2016-10", "http://news.cnhubei.com/xw/zw/201610/t3732461.shtml"],
    ["sky-net.recovered.cumulative.2014-01-01.2016-09-30", 7_994_000_000, "cnhubei-2016-10", "http://news.cnhubei.com/xw/zw/201610/t3732461.shtml"],
    ["sky-net.returned.cumulative.2014-01-01.2016-12-09", 2442, "china-daily-2016-12-09", "https://global.chinadaily.com.cn/china/2016-12/09/content_27625908.htm"],
    ["sky-net.returned-officials.cumulative.2014-01-01.2016-12-09", 397, "china-daily-2016-12-09", "https://global.chinadaily.com.cn/china/2016-12/09/content_27625908.htm"],
    ["sky-net.recovered.cumulative.2014-01-01.2016-12-09", 8_500_000_000, "china-daily-2016-12-09", "https://global.chinadaily.com.cn/china/2016-12/09/content_27625908.htm"],
    ["sky-net.returned.cumulative.2014-01-01.2019-12-10", 6690, "youth-cn-2019-12-10", "http://news.youth.cn/jsxw/201912/t20191210_12139216.htm"],
    ["sky-net.recovered.cumulative.2014-01-01.2019-12-10", 15_100_000_000, "youth-cn-2019-12-10", "http://news.youth.cn/jsxw/201912/t20191210_12139216.htm"],
    ["sky-net.returned.cumulative.2014-01-01.2020-06-30", 7831, "ecns-2020-08-11", "http://ecns.cn/news/2020-08-11/detail-ifzyxfhw7470425.shtml"],
    ["sky-net.returned-officials.cumulative.2014-01-01.2020-06-30", 2075, "ecns-2020-08-11", "http://ecns.cn/news/2020-08-11/detail-ifzyxfhw7470425.shtml"],
    ["sky-net.recovered.cumulative.2014-01-01.2020-06-30", 19_650_000_000, "ecns-2020-08-11", "http://ecns.cn/news/2020-08-11/detail-ifzyxfhw7470425.shtml"],
    ["sky-net.returned.cumulative.2014-01-01.2021-06-29", 9165, "scio-2021-06-29", "http://english.scio.gov.cn/pressroom/2021-06/29/content_77594551.htm"],
    ["sky-net.returned-officials.cumulative.2014-01-01.2021-06-29", 2408, "scio-2021-06-29", "http://english.scio.gov.cn/pressroom/2021-06/29/content_77594551.htm"],
    ["sky-net.recovered.cumulative.2014-01-01.2021-06-29", 21_740_000_000, "scio-2021-06-29", "http://english.scio.gov.cn/pressroom/2021-06/29/content_77594551.htm"],
    ["sky-net.returned.cumulative.2014-01-01.2024-12-31", 14000, "china-daily-2025-03-28", "https://global.chinadaily.com.cn/a/202503/28/WS67e5f3cba3101d4e4dc2b505.html"],
    ["sky-net.returned.cumulative.2014-01-01.2024-12-31.exact", 14048, "tdminews-2025", "https://tdminews.com/?p=278579"],
    ["fox-hunt.arrested.2014-07-01.2014-12-31", 290, "chinascope-3421", "http://chinascope.org/archives/3421"],
    ["fox-hunt.at-large-over-5-years.2014-07-01.2014-12-31", 196, "chinascope-3421", "http://chinascope.org/archives/3421"],
    ["fox-hunt.cases-over-100m-cny.2015-04-01.2015-12-31", 58, "bjnews-2016-01", "https://www.bjnews.com.cn/detail/155150139614496.html"],
    ["fox-hunt.at-large-over-5-years.2015-04-01.2015-12-31", 667, "bjnews-2016-01", "https://www.bjnews.com.cn/detail/155150139614496.html"],
    ["fox-hunt.most-wanted-captured.2016-01-01.2016-12-31", 19, "cnread-2017-03", "http://www.cnread.news/content/664606.html"],
    ["fox-hunt.recovered.cumulative.2014-01-01.2023-12-31", 49_000_000_000, "ifeng-2024-04-23", "https://sd.ifeng.com/c/8Z14PO0ESP5"],
    ["treaties.extradition.ratified.2014-12-01.2014-12-29", 36, "ecns-2014-12-29", "http://ecns.cn/2014/12-29/148528.shtml"],
    ["treaties.extradition.concluded.2023-08-01.2023-08-26", 60, "cns-2023-08-27", "https://blog.bobobk.com/news/2023/08-27/10068005.html"],
    ["most-wanted.returned-total.2016-10-30.2016-10-30", 35, "cnhubei-2016-10", "http://news.cnhubei.com/xw/zw/201610/t3732461.shtml"],
    ["most-wanted.returned-total.2017-06-01.2017-06-27", 41, "cgtn-2017-06", "https://news.cgtn.com/news/3549444d31517a6333566d54/index.html"],
    ["most-wanted.returned-total.2017-12-08.2017-12-08", 51, "chinagate-2017-12-08", "http://en.chinagate.cn/2017-12/08/content_50094004.htm"],
    ["most-wanted.returned-total.2019-05-01.2019-05-31", 58, "youth-cn-2019-12-10", "http://news.youth.cn/jsxw/201912/t20191210_12139216.htm"],
    ["most-wanted.returned-total.2019-08-01.2019-08-31", 59, "global-times-1162327", "https://globaltimes.cn/content/1162327.shtml"],
    ["most-wanted.returned-total.2019-12-10.2019-12-10", 60, "youth-cn-2019-12-10", "http://news.youth.cn/jsxw/201912/t20191210_12139216.htm"],
    ["most-wanted.returned-total.2020-06-01.2020-06-30", 60, "ecns-2020-08-11", "http://ecns.cn/news/2020-08-11/detail-ifzyxfhw7470425.shtml"],
    ["most-wanted.returned-total.2023-06-12.2023-06-12", 62, "china-daily-2023-06-12", "https://www.chinadaily.com.cn/a/202306/12/WS6487031da31033ad3f7bbd0c.html"],
    ["most-wanted.returned-total.2025-07-25.2025-07-25", 63, "ljwz-2025-07-25", "https://www.ljwz.net/news/BQy0R55bdL.html"],
    ["most-wanted.returned-total.2025-07-29.2025-07-29", 64, "mbwzsb-2025-07-29", "http://www.mbwzsb.cn/a/202507/29/WS6888b919a310c26fd717c587.html"],
    ["fox-hunt-2014-results-dated", "2015-01-08", "chinascope-3421", "http://chinascope.org/archives/3421"],
  ];

  it.each(PRINTED)("%s: %s on %s (%s)", (id, value, sourceId, url) => {
    const record = observations.find((o) => o.id === id) ?? events.find((e) => e.id === id);
    expect(record, `${id} is not in the release`).toBeDefined();
    expect("value" in record! ? record.value : record!.date).toBe(value);
    expect(record!.source).toBe(sourceId);
    expect(sources.get(sourceId)?.url).toBe(url);
  });

  it("covers every corrected or added figure and event", () => {
    const touched = [...changelog.added, ...changelog.revised].filter((r) => r.kind === "observation" || r.kind === "event").map((r) => r.id);
    expect(PRINTED.map(([id]) => id).sort()).toEqual([...new Set(touched)].sort());
  });

  it("no longer cites, for any figure, the pages the audit found without the figure", () => {
    const cites = (sourceId: string) => observations.filter((o) => o.source === sourceId).map((o) => o.id);
    expect(cites("chinareform-2019")).toEqual([]);
    expect(cites("panarmenian-2017-03-25").filter((id) => id.startsWith("fox-hunt.most-wanted-captured"))).toEqual([]);
    expect(cites("china-daily-2015-01-09").filter((id) => /arrested|at-large-over-5-years/.test(id))).toEqual([]);
  });

  it("cites only sources with an address, or the seed", () => {
    const cited = [...observations, ...events].flatMap((r) => [r.source, ...(r.corroboratedBy ?? [])]);
    expect([...new Set(cited)].filter((id) => !sources.get(id)?.url && !sources.get(id)?.seedPath)).toEqual([]);
  });
});
