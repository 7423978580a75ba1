import { publishedLabel, type Catalog, type FigureQuery } from "../core/catalog.js";
import { MAX_SERIAL, fromExcelSerial, toExcelSerial } from "../core/calendar.js";
import { unitFormat } from "../sheet/plan.js";
import type { Source } from "../core/schema.js";
import { isMoneyUnit } from "../core/units.js";
import { isOmitted, scalar, show } from "./args.js";
import { badArgument, guarded, type Answer } from "./errors.js";
import { citation, seriesArg } from "./spills.js";
import { missing } from "./words.js";

/** A period argument: a year (2014), an Excel date (a stock's as-of date), or a period label ("Jan–Nov 2016"). */
export function periodArg(raw: unknown): FigureQuery {
  const v = scalar(raw, "period");
  if (typeof v === "number") {
    if (Number.isInteger(v) && v >= 1900 && v <= 9999) return { period: String(v) };
    if (Number.isFinite(v) && v > 9999 && v < MAX_SERIAL + 1) return { period: fromExcelSerial(v) };
    return badArgument(`period must be a year such as 2014, an Excel date, or a period label such as "Jan–Nov 2016"; got ${show(v)}`);
  }
  if (typeof v === "string" && !isOmitted(v)) return { period: v.trim() };
  if (isOmitted(v)) return badArgument(`period is required: a year such as 2014, an Excel date, or a period label such as "Jan–Nov 2016"`);
  return badArgument(`period must be a year such as 2014, an Excel date, or a period label such as "Jan–Nov 2016"; got ${show(v)}`);
}

/** Where a card's figure comes from, as Excel's own cards show it (ExcelApi 1.16 attribution). */
export interface Attribution {
  sourceText: string;
  sourceAddress?: string;
}
type DoubleProperty = { type: "Double"; basicValue: number; numberFormat?: string; propertyMetadata?: { attribution: Attribution[] } };
type StringProperty = { type: "String"; basicValue: string };

/** One figure as an Excel entity value (a data-type card), in the shape of Office's `Excel.EntityCellValue`. */
export interface FigureEntity {
  type: "Entity";
  text: string;
  properties: Record<string, DoubleProperty | StringProperty>;
  layouts: { card: { title: { property: string }; sections: { layout: "List"; title?: string; properties: string[] }[] } };
  provider: { description: string };
}

/** A publication date shown no more precisely than it is known. */
const PUBLISHED_FORMAT: Record<Source["publishedPrecision"], string> = { day: "yyyy-mm-dd", month: "yyyy-mm", year: "yyyy", unknown: "yyyy-mm-dd" };

const dbl = (basicValue: number, numberFormat?: string) => ({ type: "Double" as const, basicValue, ...(numberFormat ? { numberFormat } : {}) });
const str = (basicValue: string) => ({ type: "String" as const, basicValue });

/**
 * The citation behind one figure: publisher, publication date and URL, and for the seed article its verbatim quote.
 *
 * @example
 * CUSTOM_FUNCTIONS.SOURCE("sky-net.returned", 2015) //=> "ECNS (China News Service), 2016-01-15, http://ecns.cn/2016/01-15/195964.shtml"
 * CUSTOM_FUNCTIONS.SOURCE("fox-hunt.captured", 2014) //=> "Seed article (…), 2015-04-01, seeds/sky-net-fox-hunt-2015.txt: \"Operation \"Fox Hunt 2014\" … 680 …\""
 */
const figureSource = (catalog: Catalog) =>
  guarded((series_id: unknown, period: unknown): Answer<string> => {
    const r = lookup(catalog, series_id, period);
    if (!r.found) return missing(r);
    const quote = r.observation.quote ? `: "${r.observation.quote}"` : "";
    return `${citation(r.source)}${quote}`;
  });

/** The figure a period names, partial and lower-bound figures included (they come labelled). */
function lookup(catalog: Catalog, seriesRaw: unknown, periodRaw: unknown) {
  const s = seriesArg(catalog, seriesRaw);
  return catalog.figure(s.id, periodArg(periodRaw), { acceptIncomplete: true });
}

/**
 * One figure as an Excel data type (an entity card): its value (a number, usable as `=A1.Value`), unit, period,
 * coverage, qualifier and source. Partial-year and lower-bound figures are returned too, labelled as such.
 *
 * @example
 * figureEntity("sky-net.returned", "Jan–Nov 2016")
 * //=> { type: "Entity", text: "908 persons, Jan–Nov 2016 (partial)",
 * //     properties: { Value: { type: "Double", basicValue: 908, … }, Coverage: { type: "String", basicValue: "partial" }, … } }
 */
const figureEntity = (catalog: Catalog) =>
  guarded((series_id: unknown, period: unknown): Answer<FigureEntity> => {
  const r = lookup(catalog, series_id, period);
  if (!r.found) return missing(r);
  const { observation: o, series: s, source: src } = r;
  const bound = o.qualifier === "lower-bound" ? "more than " : o.qualifier === "approximate" ? "about " : "";
  const amount = isMoneyUnit(o.unit) ? `${(o.value / 1e9).toLocaleString("en-US", { maximumFractionDigits: 3 })} billion ${o.unit}` : `${o.value.toLocaleString("en-US")} ${o.unit}`;
  const properties: FigureEntity["properties"] = {
    Value: { ...dbl(o.value, unitFormat(o.unit)), propertyMetadata: { attribution: [{ sourceText: citation(src), ...(src.url ? { sourceAddress: src.url } : {}) }] } },
    Unit: str(o.unit),
    "What is counted": str(s.title),
    Series: str(s.id),
    Agency: str(s.agency),
    Period: str(o.period.label),
    Start: dbl(toExcelSerial(o.period.start), "yyyy-mm-dd"),
    End: dbl(toExcelSerial(o.period.end), "yyyy-mm-dd"),
    Coverage: str(o.coverage),
    Qualifier: str(o.qualifier),
    Source: str(citation(src)),
    Publisher: str(src.publisher),
    ...(src.published && publishedLabel(src) ? { Published: dbl(toExcelSerial(src.published), PUBLISHED_FORMAT[src.publishedPrecision]) } : {}),
    ...(src.url ? { URL: str(src.url) } : {}),
    ...(o.quote ? { Quote: str(o.quote) } : {}),
    ...(o.note ? { Note: str(o.note) } : {}),
  };
  const sourceProps = ["Source", "Publisher", "Published", "URL", "Quote", "Note"].filter((k) => k in properties);
  return {
    type: "Entity",
    text: `${bound}${amount}, ${o.period.label}${o.coverage === "partial" ? " (partial)" : ""}`,
    properties,
    layouts: {
      card: {
        title: { property: "What is counted" },
        sections: [
          { layout: "List", properties: ["Value", "Unit", "Period", "Start", "End", "Coverage", "Qualifier", "Series", "Agency"] },
          { layout: "List", title: "Source", properties: sourceProps },
        ],
      },
    },
    provider: { description: `Sky Net Data: ${src.publisher}${publishedLabel(src) ? `, ${publishedLabel(src)}` : ""}` },
  };
});

/** SOURCE and FIGURE over one catalogue. */
export const figureFunctions = (catalog: Catalog) => ({ SOURCE: figureSource(catalog), FIGURE: figureEntity(catalog) });
