import { describe, expect, it } from "vitest";
import { catalog } from "../catalog.js";
import { functionsFor } from "../functions/index.js";
import { formulaFor, formulaText, functionArguments, periodsOf, searchFigures, searchSeries } from "./index.js";

const fns = functionsFor(catalog);
const obs = (series: string, label: string) => catalog.observationsOf(series).find((o) => o.period.label === label)!;

describe("formulaFor", () => {
  it("writes the plain function where it answers exactly the figure", () => {
    expect(formulaFor(catalog, obs("sky-net.returned", "2019")).formula).toBe("=SKYNET.RETURNED(2019)");
    expect(formulaFor(catalog, obs("fox-hunt.captured", "2014 (Jul–Dec)")).formula).toBe("=SKYNET.CAPTURES(2014)");
    expect(formulaFor(catalog, obs("spp.returned", "2013")).formula).toBe('=SKYNET.RETURNED(2013, "SPP")');
    expect(formulaFor(catalog, obs("spp.recovered.usd", "2013")).formula).toBe('=SKYNET.RECOVERED(2013, "SPP", "USD")');
    expect(formulaFor(catalog, obs("fox-hunt.surrendered", "2014 (Jul–Dec)")).formula).toBe("=SKYNET.SURRENDERED(2014)");
  });

  it("writes a treaty count with its kind and date", () => {
    expect(formulaFor(catalog, obs("treaties.extradition.in-force", "Nov 2014")).formula).toBe('=SKYNET.TREATIES_IN_FORCE("extradition", "2014-11-30")');
  });

  it("falls back to SKYNET.FIGURE for a part-year, a lower bound, or a series no plain function reads", () => {
    expect(formulaFor(catalog, obs("sky-net.returned", "Jan–Nov 2016")).formula).toBe('=SKYNET.FIGURE("sky-net.returned", "Jan–Nov 2016")');
    expect(formulaFor(catalog, obs("sky-net.recovered", "2021")).formula).toBe('=SKYNET.FIGURE("sky-net.recovered", "2021")');
    expect(formulaFor(catalog, obs("fox-hunt.arrested", "2014 (Jul–Dec)")).formula).toBe('=SKYNET.FIGURE("fox-hunt.arrested", "2014 (Jul–Dec)")');
  });

  it("gives formulas that answer the figure they were built for, for every figure", () => {
    const wrong = catalog.observations.flatMap((o) => {
      const f = formulaFor(catalog, o, fns);
      const answer = (fns[f.functionId as keyof typeof fns] as (...a: unknown[]) => unknown)(...f.args);
      const value = f.functionId === "FIGURE" ? (answer as { properties?: { Value?: { basicValue?: number } } }).properties?.Value?.basicValue : answer;
      if (!f.answersThisFigure) return o.conflict ? [] : [`${o.id}: no formula answers it, though no conflict is marked`];
      return value === o.value ? [] : [`${o.id}: ${f.formula} gives ${JSON.stringify(value)}`];
    });
    expect(wrong).toEqual([]);
  });

  it("says when no formula gives a figure: of two reports of one period, FIGURE answers the preferred one", () => {
    const [moreThan, exact] = ["sky-net.returned.cumulative.2014-01-01.2024-12-31", "sky-net.returned.cumulative.2014-01-01.2024-12-31.exact"].map((id) => catalog.observations.find((o) => o.id === id)!);
    expect([moreThan!.value, exact!.value]).toEqual([14000, 14048]);
    expect(formulaFor(catalog, moreThan!)).toMatchObject({ formula: '=SKYNET.FIGURE("sky-net.returned.cumulative", "2014–2024")', answersThisFigure: true });
    expect(formulaFor(catalog, exact!).answersThisFigure).toBe(false);
  });

  it("quotes text arguments as Excel reads them", () => {
    expect(formulaText("FIGURE", ['say "x"', 2014])).toBe('=SKYNET.FIGURE("say ""x""", 2014)');
  });
});

describe("searchFigures", () => {
  it("finds the Sky Net returns of 2019 from a question in plain words, with its formula", () => {
    const [top] = searchFigures(catalog, "how many fugitives came back in 2019, and says who?");
    expect(top!.series.id).toBe("sky-net.returned");
    expect(top!.observation.period.label).toBe("2019");
    expect(top!.observation.value).toBe(2041);
    expect(top!.formula.formula).toBe("=SKYNET.RETURNED(2019)");
    expect(top!.source).toBe("The Japan Times, carrying Bloomberg, 2022-01-19");
  });

  it("puts Sky Net's 2,041 returns of 2019 first for short questions in plain words", () => {
    for (const q of ["fugitives returned 2019", "how many came back in 2019", "Returned in 2019"]) {
      const [top] = searchFigures(catalog, q);
      expect([q, top!.observation.series, top!.observation.period.label, top!.observation.value, top!.observation.coverage]).toEqual([q, "sky-net.returned", "2019", 2041, "full"]);
    }
  });

  it("ranks a series named by the words before one that only mentions them in its description", () => {
    // fox-hunt.captured's description says "(arrested or surrendered)"; fox-hunt.surrendered is named for it.
    const ids = searchFigures(catalog, "surrendered").map((h) => h.series.id);
    expect(ids.slice(0, 2)).toEqual(["fox-hunt.surrendered", "fox-hunt.surrendered"]);
    expect(ids.indexOf("fox-hunt.captured")).toBeGreaterThan(1);
  });

  it("finds a figure by its period label", () => {
    const [top] = searchFigures(catalog, "returned Jan–Nov 2016");
    expect([top!.observation.series, top!.observation.period.label, top!.observation.value]).toEqual(["sky-net.returned", "Jan–Nov 2016", 908]);
    expect(top!.formula.formula).toBe('=SKYNET.FIGURE("sky-net.returned", "Jan–Nov 2016")');
  });

  it("ranks the full, exact figure of the year before partial ones of the same year", () => {
    const labels = searchFigures(catalog, "returned 2019").filter((h) => h.series.id === "sky-net.returned").map((h) => h.observation.period.label);
    expect(labels.slice(0, 2)).toEqual(["2019", "Jan–Oct 2019"]);
  });

  it("understands common words for what is counted: caught, assets, extradition treaties", () => {
    expect(searchFigures(catalog, "fugitives caught 2014")[0]!.formula.formula).toBe("=SKYNET.CAPTURES(2014)");
    expect(searchFigures(catalog, "assets recovered 2018")[0]!.observation).toMatchObject({ series: "sky-net.recovered", value: 3_540_000_000 });
    expect(searchFigures(catalog, "extradition treaties in force")[0]!.series.id).toBe("treaties.extradition.in-force");
  });

  it("answers nothing for an empty query or words nothing matches", () => {
    expect(searchFigures(catalog, "")).toEqual([]);
    expect(searchFigures(catalog, "the of and")).toEqual([]);
    expect(searchFigures(catalog, "zebra crossings")).toEqual([]);
  });
});

describe("searchSeries", () => {
  it("finds a series from plain words, with the SERIES formula that spills it", () => {
    const [top] = searchSeries(catalog, "fugitives returned");
    expect(top!.series.id).toBe("sky-net.returned");
    expect(top!.formula.formula).toBe('=SKYNET.SERIES("sky-net.returned")');
    expect(top!.dataset).toBe(catalog.datasets.find((d) => d.id === "sky-net")!.title);
    expect(top!.figures).toBe(catalog.observationsOf("sky-net.returned").length);
    expect(searchSeries(catalog, "treaties in force").map((h) => h.series.id).slice(0, 3).sort()).toEqual([
      "treaties.extradition.in-force",
      "treaties.judicial-assistance.criminal-only.in-force",
      "treaties.judicial-assistance.in-force",
    ]);
  });

  it("answers nothing for a query of years or stop words only", () => {
    expect(searchSeries(catalog, "2019")).toEqual([]);
    expect(searchSeries(catalog, "the of")).toEqual([]);
  });
});

describe("functionArguments", () => {
  it("offers the years, agencies and currencies the data has for each function", () => {
    const [year, agency] = functionArguments(catalog, "RETURNED");
    expect(agency!.options.map((o) => o.value)).toEqual(["CCDI-NSC", "SPP"]);
    expect(year!.options.map((o) => o.value)).toEqual([2013, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(functionArguments(catalog, "RECOVERED")[2]!.options.map((o) => o.value)).toEqual(["CNY", "USD"]);
    expect(functionArguments(catalog, "SURRENDERED").map((a) => a.name)).toEqual(["year"]);
    expect(functionArguments(catalog, "TREATIES_IN_FORCE")[0]!.options.map((o) => o.value)).toEqual(["extradition", "judicial assistance"]);
    expect(functionArguments(catalog, "DATASET")[0]!.options.map((o) => o.value)).toEqual(["sky-net", "fox-hunt", "treaties", "spp", "most-wanted", "timeline", "partners"]);
    expect(functionArguments(catalog, "SERIES_LIST")).toEqual([]);
  });

  it("lists a series' period labels for SOURCE and FIGURE, and names an unknown function", () => {
    expect(periodsOf(catalog, "spp.returned")).toEqual(["2013"]);
    expect(() => functionArguments(catalog, "CAPTURE")).toThrow(/unknown function "CAPTURE"; the functions are TREATIES_IN_FORCE, /);
  });
});
