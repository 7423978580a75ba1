import { defineDataset } from "../../core/dataset.js";
import { observationWriter } from "../../core/build.js";
import { monthPeriod } from "../../core/periods.js";
import { SEED_SOURCE, seedPeriod } from "../../seed/index.js";
import { in2026111 } from "../changes.js";
import { TREATY_SERIES } from "./series.js";

const o = observationWriter(TREATY_SERIES);
const nov2014 = { ...seedPeriod("As of November 2014"), label: "Nov 2014" };
const Q_COUNTS = "As of November 2014, China concluded a total of 39 extradition treaties, including 29 that have taken effect; and 52 criminal judicial assistance treaties, with 46 already in force.";
const sep2018 = monthPeriod("2018-09");
const CRI = ["cri-2014-11-26"];
const NARROW = "The Foreign Ministry's table lists criminal-only and combined civil-and-criminal treaties apart; whether the 2014 count of 52 included the combined ones is not stated, so these are kept as separate series.";

export const treaties = defineDataset({
  id: "treaties",
  sheet: "Treaties",
  title: "Extradition and judicial assistance treaties",
  description: "China's extradition and criminal judicial assistance treaties: concluded, in force and ratified (treaties), and partner counts (countries), at the dates the sources give.",
  kind: "observations",
  series: TREATY_SERIES,
  observations: [
    o("treaties.extradition.concluded", 39, nov2014, SEED_SOURCE, { quote: Q_COUNTS, corroboratedBy: CRI }),
    o("treaties.extradition.in-force", 29, nov2014, SEED_SOURCE, { quote: Q_COUNTS, corroboratedBy: CRI }),
    o("treaties.judicial-assistance.concluded", 52, nov2014, SEED_SOURCE, { quote: Q_COUNTS, corroboratedBy: CRI }),
    o("treaties.judicial-assistance.in-force", 46, nov2014, SEED_SOURCE, { quote: Q_COUNTS, corroboratedBy: CRI }),
    o("treaties.negotiations-finished", 10, seedPeriod("last year"), SEED_SOURCE, {
      quote: "Last year, China finished negotiations on extradition or administrative judicial treaties with 10 countries including France, Spain, Britain and Italy.",
      note: "Four of the ten are named: France, Spain, Britain and Italy (see the partners dataset).",
    }),
    {
      ...o("treaties.extradition.ratified", 36, monthPeriod("2014-12", "2014-12-29"), "ecns-2014-12-29", { corroboratedBy: ["china-org-2014-12-29"] }),
      ...in2026111("citation checked: the ECNS page of 29 December 2014 is found and prints 36 ratified; China.org.cn's copy of the same Xinhua report, which the audit could find, is added as corroboration"),
    },
    o("treaties.extradition.partner-countries", 48, monthPeriod("2017-06", "2017-06-27"), "cgtn-2017-06"),
    o("treaties.judicial-assistance.partner-countries", 59, monthPeriod("2017-06", "2017-06-27"), "cgtn-2017-06"),
    o("treaties.extradition.concluded", 54, sep2018, "fabao365-2019-01-21"),
    o("treaties.extradition.in-force", 37, sep2018, "fabao365-2019-01-21"),
    o("treaties.judicial-assistance.criminal-only.concluded", 44, sep2018, "fabao365-2019-01-21", { note: NARROW }),
    o("treaties.judicial-assistance.criminal-only.in-force", 35, sep2018, "fabao365-2019-01-21", { note: NARROW }),
    o("treaties.judicial-assistance.civil-and-criminal.concluded", 19, sep2018, "fabao365-2019-01-21", { note: NARROW }),
    o("treaties.extradition.concluded", 59, monthPeriod("2020-10", "2020-10-26"), "pdnews-2020-10-26"),
    {
      ...o("treaties.extradition.concluded", 60, monthPeriod("2023-08", "2023-08-26"), "cns-2023-08-27", { note: "Bilateral extradition treaties concluded, as a Foreign Ministry treaty official counted them at a seminar on 26 August 2023; how many are in force was not given." }),
      ...in2026111("added: 60 bilateral extradition treaties concluded, the count a Foreign Ministry treaty official gave on 26 August 2023 (China News Service, 27 August 2023, mirrored)"),
    },
    o("treaties.all.concluded", 169, monthPeriod("2020-11"), "global-times-2020-12-14"),
    o("treaties.all.partner-countries", 81, monthPeriod("2020-11"), "global-times-2020-12-14"),
  ],
  charts: [
    {
      id: "treaties-concluded-vs-in-force",
      title: "Treaties concluded vs in force",
      type: "column",
      series: ["treaties.extradition.concluded", "treaties.extradition.in-force", "treaties.judicial-assistance.concluded", "treaties.judicial-assistance.in-force"],
    },
  ],
});
