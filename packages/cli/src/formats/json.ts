import { sdkOf, type Artifact, type ExportRequest } from "./artifact.js";

/**
 * The JSON document of an export: the selected datasets' summaries, series, observations, events, partners
 * and the sources they cite, exactly as the SDK types them, with the data version.
 *
 * @example
 * const doc = jsonDocument({ datasets: ["spp"], now: new Date("2025-01-01T00:00:00Z") });
 * doc.observations.length //=> 4
 * doc.sources.map((s) => s.id) //=> ["seed"]
 */
export function jsonDocument(req: ExportRequest) {
  const { DATA_VERSION, datasets: allDatasets, events: allEvents, listDatasets, observations, partners: allPartners, series: allSeries, sources: allSources } = sdkOf(req);
  const chosen = new Set(req.datasets);
  const picked = allDatasets.filter((d) => chosen.has(d.id));
  const seriesIds = new Set(allSeries.filter((s) => chosen.has(s.dataset)).map((s) => s.id));
  const eventIds = new Set(picked.flatMap((d) => (d.kind === "events" ? d.events.map((e) => e.id) : [])));
  const partnerIds = new Set(picked.flatMap((d) => (d.kind === "partners" ? d.partners.map((p) => p.id) : [])));
  const observationList = observations.filter((o) => seriesIds.has(o.series));
  const eventList = allEvents.filter((e) => eventIds.has(e.id));
  const partnerList = allPartners.filter((p) => partnerIds.has(p.id));
  const cited = new Set([...observationList, ...eventList, ...partnerList].map((r) => r.source));
  return {
    dataVersion: DATA_VERSION,
    generatedAt: req.now.toISOString(),
    datasets: listDatasets().filter((d) => chosen.has(d.id)),
    series: allSeries.filter((s) => seriesIds.has(s.id)),
    observations: observationList,
    events: eventList,
    partners: partnerList,
    sources: allSources.filter((s) => cited.has(s.id)),
  };
}

/** The shape of the JSON export, inferred from the function that builds it. */
export type JsonDocument = ReturnType<typeof jsonDocument>;

/** The `json` format: one UTF-8 JSON file, indented two spaces. */
export function buildJson(req: ExportRequest): Artifact {
  return { kind: "file", bytes: new TextEncoder().encode(`${JSON.stringify(jsonDocument(req), null, 2)}\n`) };
}
