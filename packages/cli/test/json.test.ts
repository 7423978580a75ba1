import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DATA_VERSION, datasets, events, listDatasets, observations, partners, series, sources } from "@skynet-data/sdk";
import { describe, expect, it } from "vitest";
import { jsonDocument, type JsonDocument } from "../src/formats/json.js";
import { main } from "../src/main.js";
import { useTempDir } from "./helpers.js";

const quiet = { stdout: () => undefined, stderr: () => undefined };

describe("json export", () => {
  const temp = useTempDir();

  it("round-trips every observation, series, event, partner and source as the SDK types them", async () => {
    const out = join(temp(), "figures.json");
    expect(await main(["export", "--format", "json", "--out", out], { ...quiet, now: () => new Date("2025-02-03T04:05:06Z") })).toBe(0);
    const doc = JSON.parse(readFileSync(out, "utf8")) as JsonDocument;
    expect(doc.dataVersion).toBe(DATA_VERSION);
    expect(doc.generatedAt).toBe("2025-02-03T04:05:06.000Z");
    expect(doc.datasets).toEqual(listDatasets());
    expect(doc.observations).toEqual(observations);
    expect(doc.series).toEqual(series);
    expect(doc.events).toEqual(events);
    expect(doc.partners).toEqual(partners);
    expect(new Set(doc.sources.map((s) => s.id))).toEqual(new Set(sources.map((s) => s.id).filter((id) => doc.observations.some((o) => o.source === id) || doc.events.some((e) => e.source === id) || doc.partners.some((p) => p.source === id))));
  });

  it("keeps money in full units and periods as ISO dates", async () => {
    const doc = jsonDocument({ datasets: ["sky-net"], now: new Date() });
    const money = doc.observations.filter((o) => o.unit === "CNY");
    expect(money.length).toBeGreaterThan(0);
    for (const o of money) expect(o.value).toBe(observations.find((x) => x.id === o.id)!.value);
    for (const o of doc.observations) expect(o.period.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("limits every list to the chosen datasets", () => {
    const doc = jsonDocument({ datasets: ["spp", "timeline"], now: new Date() });
    expect(doc.datasets.map((d) => d.id)).toEqual(["spp", "timeline"]);
    expect(new Set(doc.series.map((s) => s.dataset))).toEqual(new Set(["spp"]));
    const sppSeries = new Set(doc.series.map((s) => s.id));
    expect(doc.observations.every((o) => sppSeries.has(o.series))).toBe(true);
    const timeline = datasets.find((d) => d.id === "timeline")!;
    expect(doc.events.length).toBe(timeline.kind === "events" ? timeline.events.length : -1);
    expect(doc.partners).toEqual([]);
  });
});
