import { z } from "zod";
import type { FigureQuery } from "../core/catalog.js";
import { fromExcelSerial, toExcelSerial } from "../core/dates.js";
import { unitFormat } from "../core/sheet-plan.js";
import { catalog } from "../catalog.js";
import { isOmitted, scalar, show } from "./args.js";
import { badArgument, guarded, type Answer } from "./errors.js";
import { missing } from "./lookup.js";
import { citation, seriesArg } from "./tables.js";

/** A period argument: a year (2014), an Excel date (a stock's as-of date), or a period label ("Jan–Nov 2016"). */
function periodArg(raw: unknown): FigureQuery {
  const v = scalar(raw, "period");
  if (typeof v === "number") {
    if (Number.isInteger(v) && v >= 1900 && v <= 9999) return { period: String(v) };
    if (Number.isFinite(v) && v > 9999 && v < 2_958_466) return { period: fromExcelSerial(v) };
    return badArgument(`period must be a year such as 2014, an Excel date, or a period label such as "Jan–Nov 2016"; got ${show(v)}`);
  }
  if (typeof v === "string" && !isOmitted(v)) return { period: v.trim() };
  if (isOmitted(v)) return badArgument(`period is required: a year such as 2014, an Excel date, or a period label such as "Jan–Nov 2016"`);
  return badArgument(`period must be a year such as 2014, an Excel date, or a period label such as "Jan–Nov 2016"; got ${show(v)}`);
}

/** The figure a period names, partial and lower-bound figures included (they come labelled). */
function lookup(seriesRaw: unknown, periodRaw: unknown) {
  const s = seriesArg(seriesRaw);
  return catalog.figure(s.id, periodArg(periodRaw), { acceptIncomplete: true });
}

/**
 * The citation behind one figure: publisher, publication date and URL, and for the seed article its verbatim quote.
 *
 * @example
 * figureSource("sky-net.returned", 2015) //=> "ECNS (China News Service), 2016-01-15, http://ecns.cn/2016/01-15/195964.shtml"
 * figureSource("fox-hunt.captured", 2014) //=> "Seed article (…), 2015-04-01, seeds/sky-net-fox-hunt-2015.txt: \"Operation \"Fox Hunt 2014\" … 680 …\""
 */
export const figureSource = guarded((series_id: unknown, period: unknown): Answer<string> => {
  const r = lookup(series_id, period);
  if (!r.found) return missing(r);
  const quote = r.observation.quote ? `: "${r.observation.quote}"` : "";
  return `${citation(r.source)}${quote}`;
});

const DoubleProperty = z.object({ type: z.literal("Double"), basicValue: z.number(), numberFormat: z.string().optional() }).strict();
const StringProperty = z.object({ type: z.literal("String"), basicValue: z.string() }).strict();

/** One figure as an Excel entity value (a data-type card), in the shape of Office's `Excel.EntityCellValue`. */
export const FigureEntity = z
  .object({
    type: z.literal("Entity"),
    text: z.string().min(1),
    properties: z.record(z.string(), z.union([DoubleProperty, StringProperty])),
    layouts: z.object({
      card: z.object({
        title: z.object({ property: z.string() }),
        sections: z.array(z.object({ layout: z.literal("List"), title: z.string().optional(), properties: z.array(z.string()).min(1) }).strict()),
      }),
    }),
  })
  .strict();
export type FigureEntity = z.infer<typeof FigureEntity>;

const dbl = (basicValue: number, numberFormat?: string) => ({ type: "Double" as const, basicValue, ...(numberFormat ? { numberFormat } : {}) });
const str = (basicValue: string) => ({ type: "String" as const, basicValue });

/**
 * One figure as an Excel data type (an entity card): its value (a number, usable as `=A1.Value`), unit, period,
 * coverage, qualifier and source. Partial-year and lower-bound figures are returned too, labelled as such.
 *
 * @example
 * figureEntity("sky-net.returned", "Jan–Nov 2016")
 * //=> { type: "Entity", text: "908 persons, Jan–Nov 2016 (partial)",
 * //     properties: { Value: { type: "Double", basicValue: 908, … }, Coverage: { type: "String", basicValue: "partial" }, … } }
 */
export const figureEntity = guarded((series_id: unknown, period: unknown): Answer<FigureEntity> => {
  const r = lookup(series_id, period);
  if (!r.found) return missing(r);
  const { observation: o, series: s, source: src } = r;
  const bound = o.qualifier === "lower-bound" ? "more than " : o.qualifier === "approximate" ? "about " : "";
  const amount = o.unit === "CNY" || o.unit === "USD" ? `${(o.value / 1e9).toLocaleString("en-US", { maximumFractionDigits: 3 })} billion ${o.unit}` : `${o.value.toLocaleString("en-US")} ${o.unit}`;
  const properties: FigureEntity["properties"] = {
    Value: dbl(o.value, unitFormat(o.unit)),
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
    ...(src.published ? { Published: dbl(toExcelSerial(src.published), "yyyy-mm-dd") } : {}),
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
  };
});
