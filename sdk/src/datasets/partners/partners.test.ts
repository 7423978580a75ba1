import { describe, expect, it } from "vitest";
import { datasetIntegrity } from "../_lib/integrity.testkit.js";
import { partners } from "./data.js";

datasetIntegrity(partners);

describe("partners", () => {
  it("names the three major destinations of fugitives", () => {
    expect(partners.partners.filter((p) => p.role === "major-destination").map((p) => p.iso2).sort()).toEqual(["AU", "CA", "US"]);
  });

  it("names the four of the ten treaty-negotiation partners the seed lists", () => {
    expect(partners.partners.filter((p) => p.role === "treaty-negotiations-finished").map((p) => p.country)).toEqual(["France", "Spain", "Britain", "Italy"]);
  });
});
