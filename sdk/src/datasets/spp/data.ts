import { defineDataset } from "../../core/dataset.js";
import { observationWriter } from "../../core/build.js";
import { SEED_SOURCE, seedPeriod } from "../../seed/index.js";
import { SPP_SERIES } from "./series.js";

const o = observationWriter(SPP_SERIES);
const y2013 = seedPeriod("in 2013");
const Q_2013 = "In 2013, 762 people suspected of criminality in taking advantage of their positions of power were brought back to China from abroad, with 10.14 billion yuan (1.63 billion U.S. dollars) confiscated, according to the Supreme People's Procuratorate (SPP).";

export const spp = defineDataset({
  id: "spp",
  sheet: "SPP",
  title: "Supreme People's Procuratorate figures",
  description: "Fugitives brought back, fugitive officials captured and assets confiscated, as the Supreme People's Procuratorate reported them for 2013 and 2014.",
  kind: "observations",
  series: SPP_SERIES,
  observations: [
    o("spp.returned", 762, y2013, SEED_SOURCE, { quote: Q_2013 }),
    o("spp.recovered.cny", 10_140_000_000, y2013, SEED_SOURCE, { quote: Q_2013 }),
    o("spp.recovered.usd", 1_630_000_000, y2013, SEED_SOURCE, { quote: Q_2013, note: "The source's own conversion of the yuan amount." }),
    o("spp.captured", 749, seedPeriod("last year"), SEED_SOURCE, {
      quote: "A total of 749 fugitive officials suspected of committing work-related crimes were captured last year, the SPP said in a report.",
    }),
  ],
  charts: [],
});
