import { z } from "zod";
import { isIsoDate } from "./calendar.js";

/** ISO calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.string().refine(isIsoDate, "expected a real calendar date written YYYY-MM-DD");
export type IsoDate = z.infer<typeof IsoDate>;

/** Stable, permanent identifiers: lower-case words joined by `-` and `.`. */
export const Id = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, "ids are lower-case words joined by '-' or '.'");

/** A release version: year, month, and a counter within the month (`2026.11.0`). */
export const ReleaseVersion = z.string().regex(/^\d{4}\.(?:[1-9]|1[0-2])\.\d+$/, "a release version is YYYY.M.N, e.g. 2026.11.0");

/** Why a record changed in a release, written by whoever changed it, beside the record. */
export const ChangeNote = z
  .object({
    release: ReleaseVersion,
    reason: z.string().min(10, "a reason is a few words saying what the source says"),
    /** The id the record had before, when the change moved it (a period relabelled, a date corrected). */
    replaces: Id.optional(),
  })
  .strict();
export type ChangeNote = z.infer<typeof ChangeNote>;

export const Reliability = z.enum(["official", "secondary", "mirror"]);
export type Reliability = z.infer<typeof Reliability>;

export const Agency = z.enum(["MPS", "SPP", "CCDI-NSC", "MFA"]);
export type Agency = z.infer<typeof Agency>;

/** Units are explicit and never mixed within a series. Money is in units of the currency. */
export const Unit = z.enum(["persons", "treaties", "countries-and-regions", "countries", "years", "CNY", "USD"]);
export type Unit = z.infer<typeof Unit>;

/** A flow is counted over a period (people captured in 2014); a stock at a date (treaties in force). */
export const SeriesKind = z.enum(["flow", "stock"]);
export type SeriesKind = z.infer<typeof SeriesKind>;

export const Precision = z.enum(["day", "month", "half-year", "year", "range"]);
export type Precision = z.infer<typeof Precision>;

export const Coverage = z.enum(["full", "partial"]);
export type Coverage = z.infer<typeof Coverage>;

/** `approximate` for "about", `lower-bound` for "more than" / "over". */
export const Qualifier = z.enum(["exact", "approximate", "lower-bound"]);
export type Qualifier = z.infer<typeof Qualifier>;

export const Source = z
  .object({
    id: Id,
    publisher: z.string().min(1),
    /** Our own short words, never the headline copied. */
    title: z.string().min(1),
    published: IsoDate.nullable(),
    /** How precisely `published` is known. */
    publishedPrecision: z.enum(["day", "month", "year", "unknown"]),
    url: z.url().nullable(),
    reliability: Reliability,
    /** Repo-relative path of the seed file, for seed sources. */
    seedPath: z.string().nullable(),
    note: z.string().optional(),
    changes: z.array(ChangeNote).optional(),
  })
  .strict();
export type Source = z.infer<typeof Source>;

/** The custom functions that answer a year's figure from one series per agency (and currency, for money). */
export const YearlyFunctionId = z.enum(["CAPTURES", "SURRENDERED", "RETURNED", "RECOVERED", "COUNTRIES"]);
export type YearlyFunctionId = z.infer<typeof YearlyFunctionId>;

/** The custom functions that answer a treaty count as of a date, one series per treaty kind. */
export const TreatyFunctionId = z.enum(["TREATIES_IN_FORCE", "TREATIES_CONCLUDED"]);
export type TreatyFunctionId = z.infer<typeof TreatyFunctionId>;

/** The two kinds of treaty the treaty functions count. */
export const TreatyKind = z.enum(["extradition", "judicial-assistance"]);
export type TreatyKind = z.infer<typeof TreatyKind>;

/**
 * Which custom function answers from a series: a yearly function for the series' agency (and currency, its unit),
 * the default one when the agency is omitted; or a treaty function for one kind of treaty.
 */
export const FunctionBinding = z.discriminatedUnion("function", [
  z.object({ function: YearlyFunctionId, default: z.boolean().default(false) }).strict(),
  z.object({ function: TreatyFunctionId, treatyKind: TreatyKind }).strict(),
]);
export type FunctionBinding = z.infer<typeof FunctionBinding>;


export const Series = z
  .object({
    id: Id,
    dataset: Id,
    title: z.string().min(1),
    description: z.string().min(1),
    agency: Agency,
    unit: Unit,
    kind: SeriesKind,
    /** What is measured, shared by series of different agencies or units ("captured", "returned", "recovered"). */
    measure: z.string().regex(/^[a-z0-9-]+$/),
    /** True for running totals over several years: never a year's figure. */
    cumulative: z.boolean().default(false),
    /** The custom function that answers from this series, if any. */
    answers: FunctionBinding.optional(),
    changes: z.array(ChangeNote).optional(),
  })
  .strict();
export type Series = z.infer<typeof Series>;
export type SeriesInput = z.input<typeof Series>;

export const Period = z
  .object({
    start: IsoDate,
    end: IsoDate,
    label: z.string().min(1),
    precision: Precision,
    /** The words the source used, where it dated the figure relatively ("last year"). */
    phrase: z.string().optional(),
  })
  .strict()
  .refine((p) => p.start <= p.end, "a period starts on or before its end");
export type Period = z.infer<typeof Period>;

export const Observation = z
  .object({
    id: Id,
    series: Id,
    value: z.number().finite(),
    unit: Unit,
    period: Period,
    coverage: Coverage,
    qualifier: Qualifier,
    source: Id,
    /** Verbatim sentence fragment from the seed; required for seed figures. */
    quote: z.string().min(1).optional(),
    /** Free words where the definition shifts or a caveat applies. */
    note: z.string().optional(),
    /** Set on each side of a deliberately kept disagreement between sources. */
    conflict: z.string().optional(),
    /** Other sources that report the same figure. */
    corroboratedBy: z.array(Id).optional(),
    changes: z.array(ChangeNote).optional(),
  })
  .strict();
export type Observation = z.infer<typeof Observation>;
export type ObservationInput = z.input<typeof Observation>;

export const Event = z
  .object({
    id: Id,
    date: IsoDate,
    /** Last day the event may have fallen on, for month, year and range precision. */
    end: IsoDate,
    precision: Precision,
    phrase: z.string().min(1),
    what: z.string().min(1),
    parties: z.array(z.string().min(1)),
    source: Id,
    quote: z.string().min(1).optional(),
    /** Other sources that date the same event. */
    corroboratedBy: z.array(Id).optional(),
    changes: z.array(ChangeNote).optional(),
  })
  .strict()
  .refine((e) => e.date <= e.end, "an event's date is on or before its end");
export type Event = z.infer<typeof Event>;

export const PartnerRole = z.enum(["major-destination", "treaty-negotiations-finished", "cooperation-agreement"]);
export type PartnerRole = z.infer<typeof PartnerRole>;

export const Partner = z
  .object({
    id: Id,
    country: z.string().min(1),
    /** ISO 3166-1 alpha-2. */
    iso2: z.string().regex(/^[A-Z]{2}$/),
    role: PartnerRole,
    detail: z.string().min(1),
    date: IsoDate,
    precision: Precision,
    source: Id,
    quote: z.string().min(1).optional(),
    changes: z.array(ChangeNote).optional(),
  })
  .strict();
export type Partner = z.infer<typeof Partner>;

/** Column types a table can hold; the sheet plan maps each to a cell format. */
export const ColumnType = z.enum(["text", "integer", "number", "date", "money", "url"]);
export type ColumnType = z.infer<typeof ColumnType>;
