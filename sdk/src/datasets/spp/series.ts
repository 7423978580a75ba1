import { seriesWriter } from "../../core/build.js";
import type { SeriesInput } from "../../core/schema.js";

const s = seriesWriter({ dataset: "spp", agency: "SPP", kind: "flow" });

/** The Supreme People's Procuratorate's own series: duty-crime suspects (officials), not the Sky Net total. */
export const SPP_SERIES = [
  { ...s("returned", "SPP: suspects brought back", "People suspected of crimes committed by taking advantage of their positions of power, brought back to China from abroad, as the SPP reports.", "persons", "returned"), answers: { function: "RETURNED" } },
  { ...s("captured", "SPP: fugitive officials captured", "Fugitive officials suspected of work-related (duty) crimes captured, as the SPP reports.", "persons", "captured"), answers: { function: "CAPTURES" } },
  { ...s("recovered.cny", "SPP: assets confiscated (yuan)", "Money confiscated in these cases, in yuan, as the SPP reports.", "CNY", "recovered"), answers: { function: "RECOVERED" } },
  { ...s("recovered.usd", "SPP: assets confiscated (US dollars)", "The same amount as the source converted it to US dollars; exists only where the source gives dollars.", "USD", "recovered"), answers: { function: "RECOVERED" } },
] satisfies SeriesInput[];
