import { describe, expect, it } from "vitest";
import { toExcelSerial } from "../core/calendar.js";
import { CUSTOM_FUNCTIONS, getSource, observations } from "../public.js";
import { isFunctionError, type Answer } from "./errors.js";
import type { FigureEntity } from "./figure.js";

const { FIGURE: figureEntity, SOURCE: figureSource } = CUSTOM_FUNCTIONS;

const err = (a: Answer<unknown>, code: "#N/A" | "#VALUE!"): string => {
  if (!isFunctionError(a) || a.error !== code) throw new Error(`expected ${code}, got ${JSON.stringify(a)}`);
  return a.message;
};
const entity = (a: Answer<FigureEntity>): FigureEntity => {
  if (isFunctionError(a)) throw new Error(`expected an entity, got ${JSON.stringify(a)}`);
  return a;
};

describe("figureSource", () => {
  it("cites publisher, date and URL of an online source", () => {
    const o = observations.find((x) => x.series === "sky-net.returned" && x.period.label === "2015 (Apr–Dec)")!;
    const s = getSource(o.source);
    expect(figureSource("sky-net.returned", 2015)).toBe(`${s.publisher}, ${s.published}, ${s.url}`);
  });

  it("quotes the seed verbatim for a seed figure", () => {
    const o = observations.find((x) => x.series === "fox-hunt.captured" && x.source === "seed")!;
    const text = figureSource("fox-hunt.captured", 2014);
    expect(text).toContain(o.quote!);
    expect(text).toContain("seeds/sky-net-fox-hunt-2015.txt");
  });

  it("cites a partial figure asked for by its period label", () => {
    expect(figureSource("sky-net.returned", "Jan–Nov 2016")).toMatch(/China National Radio/);
  });

  it("gives #N/A listing the periods when the label matches none", () => {
    expect(err(figureSource("spp.returned", "Q3 2013"), "#N/A")).toMatch(/its periods are "2013"/);
  });

  it("gives #VALUE! for a missing period", () => {
    expect(err(figureSource("spp.returned", null), "#VALUE!")).toMatch(/period is required/);
  });
});

describe("figureEntity", () => {
  it("returns a partial figure as an entity labelled partial, with its value as a number", () => {
    const e = entity(figureEntity("sky-net.returned", "Jan–Nov 2016"));
    expect(e.text).toBe("908 persons, Jan–Nov 2016 (partial)");
    expect(e.properties.Value).toEqual({
      type: "Double",
      basicValue: 908,
      numberFormat: "#,##0",
      propertyMetadata: {
        attribution: [
          { sourceText: "China National Radio (CNR), 2016-12-09, http://china.cnr.cn/xwwgf/20161209/t20161209_523317737.shtml", sourceAddress: "http://china.cnr.cn/xwwgf/20161209/t20161209_523317737.shtml" },
        ],
      },
    });
    expect(e.properties.Coverage).toEqual({ type: "String", basicValue: "partial" });
    expect(e.properties.Start).toEqual({ type: "Double", basicValue: toExcelSerial("2016-01-01"), numberFormat: "yyyy-mm-dd" });
  });

  it("words a lower bound as such in the text", () => {
    const e = entity(figureEntity("fox-hunt.captured", 2022));
    expect(e.text).toBe("more than 700 persons, 2022");
    expect(e.properties.Qualifier).toEqual({ type: "String", basicValue: "lower-bound" });
  });

  it("carries the seed quote and shows money in billions", () => {
    const e = entity(figureEntity("spp.recovered.cny", 2013));
    expect(e.text).toBe("10.14 billion CNY, 2013");
    expect(e.properties.Quote?.basicValue).toMatch(/10\.14 billion yuan/);
  });

  it("answers a stock for a year as of that year's end", () => {
    expect(entity(figureEntity("treaties.extradition.in-force", 2014)).properties.Value?.basicValue).toBe(29);
  });

  it("lays every property it names on the card out of its properties", () => {
    const e = entity(figureEntity("sky-net.returned", 2015));
    for (const s of e.layouts.card.sections) for (const p of s.properties) expect(e.properties).toHaveProperty([p]);
    expect(e.properties).toHaveProperty([e.layouts.card.title.property]);
  });

  it("gives #N/A before a series' first figure", () => {
    expect(err(figureEntity("treaties.extradition.in-force", 2010), "#N/A")).toMatch(/earliest is as of 2014-11-30/);
  });

  it("gives #VALUE! for an unknown series", () => {
    expect(err(figureEntity("nope", 2014), "#VALUE!")).toMatch(/unknown series "nope"/);
  });
});

describe("FIGURE's attribution", () => {
  it("names its provider and source as Excel's own cards do, with the source's address on the value", () => {
    const card = entity(figureEntity("sky-net.returned", 2017));
    expect(card.provider).toEqual({ description: "Sky Net Data: hegsqy.com, mirroring Xinhua / China Daily, 2018-01-14" });
    expect(card.properties.Value).toMatchObject({ type: "Double", basicValue: 1300 });
    expect((card.properties.Value as { propertyMetadata?: unknown }).propertyMetadata).toEqual({
      attribution: [{ sourceText: getCitation("hegsqy-2018-01-14"), sourceAddress: getSource("hegsqy-2018-01-14").url }],
    });
  });

  it("names the seed article, which has no address, without one", () => {
    const card = entity(figureEntity("fox-hunt.captured", 2014));
    expect(card.provider.description).toBe("Sky Net Data: Seed article (news report; publisher not printed), 2015-04-01");
    expect((card.properties.Value as { propertyMetadata?: { attribution: object[] } }).propertyMetadata?.attribution).toEqual([
      { sourceText: "Seed article (news report; publisher not printed), 2015-04-01, seeds/sky-net-fox-hunt-2015.txt" },
    ]);
  });
});

function getCitation(id: string): string {
  const s = getSource(id);
  return [s.publisher, s.published, s.url].filter(Boolean).join(", ");
}

describe("publication dates", () => {
  it("are shown as precisely as the source knows them, never as a made-up day", () => {
    // cnread-2017-03 is known to the month: March 2017.
    expect(figureSource("fox-hunt.most-wanted-captured", 2016)).toBe("cnread.news, carrying Southern Metropolis Daily (Nandu), 2017-03, http://www.cnread.news/content/664606.html");
    const card = entity(figureEntity("fox-hunt.most-wanted-captured", 2016));
    expect(card.properties.Published).toEqual({ type: "Double", basicValue: toExcelSerial("2017-03-01"), numberFormat: "yyyy-mm" });
    expect(card.provider.description).toBe("Sky Net Data: cnread.news, carrying Southern Metropolis Daily (Nandu), 2017-03");
  });
});
