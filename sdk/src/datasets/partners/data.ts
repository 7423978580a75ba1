import { defineDataset } from "../../core/dataset.js";
import { SEED_REFERENCE_DATE, SEED_SOURCE, seedPeriod } from "../../seed/index.js";
import { partner } from "./partner-writer.js";

const Q_DEST = "law enforcement cooperation between China and the United States, Canada and Australia, the three major destinations fugitive Chinese corrupt officials head to";
const Q_NEG = "Last year, China finished negotiations on extradition or administrative judicial treaties with 10 countries including France, Spain, Britain and Italy.";
const asOfSeed = { start: SEED_REFERENCE_DATE, precision: "day" as const };
const lastYear = seedPeriod("last year");
const oct2014 = seedPeriod("October 2014");
const NEG = "Treaty negotiations (extradition or judicial assistance) finished in 2014; one of the 10 countries, four of them named";

export const partners = defineDataset({
  id: "partners",
  sheet: "Partners",
  title: "Partner countries and their roles",
  description: "The countries the sources name in China's pursuit of fugitives and assets, and in what role: major destinations of fugitives, treaty partners, cooperation agreements.",
  kind: "partners",
  partners: [
    partner("US", "United States", "major-destination", "One of the three major destinations of fugitive officials", asOfSeed, Q_DEST),
    partner("CA", "Canada", "major-destination", "One of the three major destinations of fugitive officials", asOfSeed, Q_DEST),
    partner("AU", "Australia", "major-destination", "One of the three major destinations of fugitive officials", asOfSeed, Q_DEST),
    partner("FR", "France", "treaty-negotiations-finished", NEG, lastYear, Q_NEG),
    partner("ES", "Spain", "treaty-negotiations-finished", NEG, lastYear, Q_NEG),
    partner("GB", "Britain", "treaty-negotiations-finished", NEG, lastYear, Q_NEG),
    partner("IT", "Italy", "treaty-negotiations-finished", NEG, lastYear, Q_NEG),
    partner("CA", "Canada", "cooperation-agreement", "Agreement on sharing and returning recovered assets negotiated, China's first of its kind", seedPeriod("In June 2013"), "In June 2013, China and Canada finished the negotiation of an agreement on sharing and returning recovered assets. It is China's first special agreement on the issue."),
    partner("US", "United States", "cooperation-agreement", "Agreed to strengthen cooperation on tracing, freezing and returning stolen assets", oct2014, "In October 2014, China and the United States agreed to strengthen cooperation"),
    partner("AU", "Australia", "cooperation-agreement", "Said it would help pursue fugitive suspects and stolen assets, the first of the three major destinations to do so", oct2014, "Australia said it would help China pursue fugitive suspects and stolen assets, becoming the first country that expressed willingness to cooperate with China in the three major destinations for fugitive Chinese corrupt officials."),
  ].map((p) => ({ ...p, source: SEED_SOURCE })),
});
