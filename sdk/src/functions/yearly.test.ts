import { describe, expect, it, vi } from "vitest";
import { catalog, functionsFor, observations } from "../public.js";
import { isFunctionError, type Answer } from "./errors.js";
import { yearlyFunction } from "./yearly.js";
import { CUSTOM_FUNCTIONS } from "../public.js";

const { CAPTURES: captures, COUNTRIES: countries, RECOVERED: recovered, RETURNED: returned, SURRENDERED: surrendered } = CUSTOM_FUNCTIONS;

const excel = 41974; // 2014-12-01 as an Excel date serial

/** The message of a `#N/A`, or a failure saying what came instead. */
function na(a: Answer<unknown>): string {
  if (!isFunctionError(a) || a.error !== "#N/A") throw new Error(`expected #N/A, got ${JSON.stringify(a)}`);
  return a.message;
}
function bad(a: Answer<unknown>): string {
  if (!isFunctionError(a) || a.error !== "#VALUE!") throw new Error(`expected #VALUE!, got ${JSON.stringify(a)}`);
  return a.message;
}

/** The single full, exact figure of a series for a calendar year, read straight from the data. */
const dataFigure = (series: string, year: number) => {
  const hits = observations.filter((o) => o.series === series && o.period.start.startsWith(`${year}`) && o.period.end.startsWith(`${year}`) && o.coverage === "full" && o.qualifier !== "lower-bound");
  expect(hits).toHaveLength(1);
  return hits[0]!.value;
};

describe("captures", () => {
  it.each([
    [[2014], 680],
    [[2014, "SPP"], 749],
    [[2014, "spp"], 749],
    [[2014, "procuratorate"], 749],
    [[2014, "Fox Hunt"], 680],
    [[2014, "MPS"], 680],
    [[2014, null], 680],
    [[2014, ""], 680],
    [["2014"], 680],
    [[[[2014]]], 680],
  ] as [unknown[], number][])("answers %j with the figure %d", (args, want) => {
    expect(captures(...(args as [unknown, unknown]))).toBe(want);
  });

  it("answers a year given as text as the number, every time it is asked and for each agency on its own", () => {
    // A fresh function remembers the answer to arguments off its hot path (text years, typos) by the arguments given.
    const fresh = functionsFor(catalog).CAPTURES;
    const calls: [unknown, unknown, number | "#N/A" | "#VALUE!"][] = [
      ["2014", null, 680],
      ["2014", "SPP", 749],
      [" 2014 ", "procuratorate", 749],
      ["2014", "FBI", "#VALUE!"],
      ["2013", null, "#N/A"],
      ["twenty", null, "#VALUE!"],
      [2014, "Fox Hunt", 680],
    ];
    for (let round = 0; round < 3; round++) {
      for (const [year, agency, expected] of calls) {
        const a = fresh(year, agency);
        expect(typeof a === "number" ? a : a.error, `${String(year)} ${String(agency)}, round ${round}`).toBe(expected);
      }
    }
  });

  it("answers every full-year Fox Hunt operation with the figure in the data", () => {
    for (const year of [2014, 2015, 2016]) expect(captures(year)).toBe(dataFigure("fox-hunt.captured", year));
  });

  it("gives #N/A naming the published lower bound for 2022", () => {
    expect(na(captures(2022))).toMatch(/more than 700/);
  });

  it("gives #N/A listing the years that exist when there is no figure at all", () => {
    expect(na(captures(2013))).toMatch(/2014, 2015, 2016/);
  });

  it("gives #N/A naming the agencies it answers for when the agency has no such series", () => {
    const m = na(captures(2014, "CCDI"));
    expect(m).toMatch(/CCDI-NSC/);
    expect(m).toMatch(/MPS \(fox-hunt\.captured\)/);
    expect(m).toMatch(/SPP \(spp\.captured\)/);
  });

  it("gives #VALUE! naming the accepted agencies for an unknown one", () => {
    expect(bad(captures(2014, "FBI"))).toMatch(/unknown agency "FBI".*"MPS".*"SPP"/);
  });

  it.each([
    [[2014.5], /whole number.*fraction 2014.5/],
    [[-2014], /whole number from 1900 to 9999, got -2014/],
    [[true], /got TRUE/],
    [[null], /year is required/],
    [[""], /year is required/],
    [["twenty"], /got "twenty"/],
    [[excel], /looks like the date 2014-12-01.*YEAR\(\)/],
    [[[[2014, 2015]]], /single value, got a 1×2 range/],
    [[Number.NaN], /non-finite/],
  ] as [unknown[], RegExp][])("gives #VALUE! for the bad year %j", (args, message) => {
    expect(bad(captures(...(args as [unknown])))).toMatch(message);
  });
});

describe("surrendered", () => {
  it("answers the Fox Hunt 2014 surrenders from the seed", () => {
    expect(surrendered(2014)).toBe(390);
  });

  it("answers 2015 with the figure in the data", () => {
    expect(surrendered(2015)).toBe(dataFigure("fox-hunt.surrendered", 2015));
  });

  it("gives #N/A for a year without a Fox Hunt surrender figure", () => {
    expect(na(surrendered(2020))).toMatch(/no figure of fox-hunt\.surrendered for 2020/);
  });
});

describe("returned", () => {
  it.each([
    [[2013, "SPP"], 762],
    [[2015], 1023],
    [[2015, "Sky Net"], 1023],
    [[2015, "ccdi"], 1023],
  ] as [unknown[], number][])("answers %j with %d", (args, want) => {
    expect(returned(...(args as [unknown, unknown]))).toBe(want);
  });

  it("answers every year with a full-year Sky Net figure from the data", () => {
    for (const year of [2017, 2018, 2019, 2020, 2021, 2024]) expect(returned(year)).toBe(dataFigure("sky-net.returned", year));
  });

  it("gives #N/A for 2016 naming the January–November figure of 908 and how to ask for it", () => {
    const m = na(returned(2016));
    expect(m).toMatch(/908/);
    expect(m).toMatch(/Jan–Nov 2016/);
    expect(m).toMatch(/SKYNET\.FIGURE\("sky-net\.returned", "Jan–Nov 2016"\)/);
  });

  it("gives #N/A for 2013 pointing at the procuratorate's figure through the agency argument", () => {
    const m = na(returned(2013));
    expect(m).toMatch(/762/);
    expect(m).toMatch(/agency "SPP"/);
  });
});

describe("recovered", () => {
  it.each([
    [[2013, "SPP"], 10_140_000_000],
    [[2013, "SPP", "USD"], 1_630_000_000],
    [[2013, "SPP", "usd"], 1_630_000_000],
    [[2013, "SPP", "yuan"], 10_140_000_000],
    [[2018], 3_540_000_000],
    [[2020, null, "CNY"], 2_950_000_000],
  ] as [unknown[], number][])("answers %j with %d", (args, want) => {
    expect(recovered(...(args as [unknown, unknown, unknown]))).toBe(want);
  });

  it("answers 2017 with the approximate Sky Net figure, an approximate value being an answer", () => {
    expect(recovered(2017)).toBe(dataFigure("sky-net.recovered", 2017));
  });

  it("gives #N/A for US dollars where no source reports them, naming where they exist", () => {
    expect(na(recovered(2018, null, "USD"))).toMatch(/no USD figures.*SPP in USD \(spp\.recovered\.usd\)/);
  });

  it("gives #N/A for the procuratorate's dollars in a year without them", () => {
    expect(na(recovered(2014, "SPP", "USD"))).toMatch(/no figure of spp\.recovered\.usd for 2014/);
  });

  it("gives #VALUE! for an unknown currency", () => {
    expect(bad(recovered(2013, "SPP", "EUR"))).toMatch(/unknown currency "EUR".*"CNY".*"USD"/);
  });
});

describe("countries", () => {
  it("answers the countries and regions of Fox Hunt 2014 from the seed", () => {
    expect(countries(2014)).toBe(69);
  });

  it("answers 2015 and 2016 with the figures in the data", () => {
    for (const year of [2015, 2016]) expect(countries(year)).toBe(dataFigure("fox-hunt.countries", year));
  });

  it("gives #N/A for a year without a figure", () => {
    expect(na(countries(2013))).toMatch(/fox-hunt\.countries/);
  });
});

describe("yearly lookups", () => {
  it("answer from the release's answer table, never querying the catalogue when called", () => {
    const spy = vi.spyOn(catalog, "figure");
    try {
      for (let i = 0; i < 1000; i++) {
        countries(1999);
        captures(1998, "SPP");
        returned(2016);
      }
      expect(spy).toHaveBeenCalledTimes(0);
    } finally {
      spy.mockRestore();
    }
  });
});

describe("yearlyFunction", () => {
  it("answers an internal error in words, never an exception, when its table cannot be built, and tries again on the next call", () => {
    let builds = 0;
    const f = yearlyFunction(() => {
      builds++;
      throw new Error("the table is missing");
    });
    for (const args of [[2014], [2014, "SPP"], ["2014"]] as [unknown, unknown?][]) {
      const a = f(...args);
      expect(a).toEqual({ error: "#VALUE!", message: "internal error in Sky Net Data (please report it): the table is missing", internal: true });
    }
    expect(builds).toBe(3);
  });
});
