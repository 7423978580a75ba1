import { describe, expect, it } from "vitest";
import { datasetIntegrity } from "../_lib/integrity.testkit.js";
import { timeline } from "./data.js";

datasetIntegrity(timeline);

const ev = (id: string) => timeline.events.find((e) => e.id === id)!;

describe("timeline", () => {
  it("resolves the seed's relative dates against 1 April 2015", () => {
    expect([ev("fox-hunt-2015-launched").date, ev("fox-hunt-2015-launched").precision]).toEqual(["2015-04-01", "day"]);
    expect([ev("sky-net-launched").date, ev("sky-net-launched").end]).toEqual(["2015-03-21", "2015-03-31"]);
    expect([ev("apec-beijing-declaration").date, ev("apec-beijing-declaration").end]).toEqual(["2014-11-01", "2014-11-30"]);
    expect([ev("fugitive-office-set-up").date, ev("fugitive-office-set-up").end]).toEqual(["2014-01-01", "2014-12-31"]);
    expect([ev("fox-hunt-2014-results").date, ev("fox-hunt-2014-results").end]).toEqual(["2015-01-01", "2015-03-31"]);
    expect([ev("fox-hunt-2014").date, ev("fox-hunt-2014").end]).toEqual(["2014-07-01", "2014-12-31"]);
  });

  it("keeps the original phrase of every relative date", () => {
    expect(ev("apec-beijing-declaration").phrase).toBe("last November");
    expect(ev("fox-hunt-2015-launched").phrase).toBe("on Wednesday");
  });

  it("agrees with the later, day-precise reports it can be checked against", () => {
    const pairs = [["sky-net-launched", "sky-net-announced-dated"], ["fugitive-office-set-up", "fugitive-office-set-up-dated"], ["fox-hunt-2014-results", "fox-hunt-2014-results-dated"]] as const;
    for (const [seed, dated] of pairs) {
      expect(ev(dated).date >= ev(seed).date && ev(dated).date <= ev(seed).end, `${dated} within ${seed}`).toBe(true);
    }
  });

  it("holds every event the seed dates", () => {
    const seedEvents = timeline.events.filter((e) => e.source === "seed").map((e) => e.id);
    expect(seedEvents).toEqual(expect.arrayContaining(["cpc-18th-congress", "china-canada-asset-sharing", "fugitive-office-set-up", "china-us-asset-cooperation", "australia-commitment", "apec-beijing-declaration", "g20-brisbane-action-plan", "fox-hunt-2014", "sky-net-launched", "fox-hunt-2015-launched"]));
  });
});
