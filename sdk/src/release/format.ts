// The release document: the compiled data, its indexes, every custom function's answer table, its changelog and its hash.
// These zod schemas are the format's one definition; the JSON Schema shipped with the SDK is generated from them.
import { z } from "zod";
import { Dataset } from "../core/dataset.js";
import { Agency, Id, IsoDate, ReleaseVersion, Source, TreatyKind } from "../core/schema.js";

import { RELEASE_FORMAT } from "./constants.js";

export { RELEASE_FORMAT };

/** A custom function's error answer: the Excel error and the words an analyst sees. */
export const ErrorAnswer = z.object({ error: z.enum(["#N/A", "#VALUE!"]), message: z.string().min(1) }).strict();

/** A number, or the error with its words. */
export const Answer = z.union([z.number(), ErrorAnswer]);

/** An error whose words name the argument asked for: `{year}` or `{date}` is replaced by it. */
export const ErrorTemplate = z.object({ error: z.literal("#N/A"), template: z.string().min(1) }).strict();

/** The answers of one series to every year: those listed, and the template's words for any other year. */
export const YearRoute = z
  .object({
    series: Id,
    /** Year (as text) -> answer, for every year whose answer is not `otherYears`. */
    years: z.record(z.string().regex(/^\d{4}$/), Answer),
    otherYears: ErrorTemplate,
  })
  .strict();

/** A yearly function: one route per agency (and currency), the default route, and the answer for agencies it has no series for. */
export const YearlyAnswers = z
  .object({
    kind: z.literal("yearly"),
    /** The agency asked for when the agency argument is omitted. */
    defaultAgency: Agency,
    /** The currency asked for when the currency argument is omitted; null for functions that take no currency. */
    defaultCurrency: z.enum(["CNY", "USD"]).nullable(),
    /** Route keys are the agency (`MPS`), or agency and currency (`CCDI-NSC|CNY`) where the function takes a currency. */
    routes: z.record(z.string(), YearRoute),
    /** Route key -> the #N/A saying which agencies this function answers for. */
    unrouted: z.record(z.string(), ErrorAnswer),
  })
  .strict();

/** From `from` on (until the next step), the answer of an as-of question. */
export const Step = z.object({ from: IsoDate, answer: z.union([Answer, ErrorTemplate]) }).strict();

/** A count as of a date: the answer from each change point on, before the first, and when no date is given. */
export const AsOfAnswers = z
  .object({
    series: z.array(Id).min(1),
    steps: z.array(Step),
    before: ErrorTemplate,
    latest: Answer,
  })
  .strict();

/** A treaty function: per treaty kind, and both kinds together. */
export const TreatyAnswers = z
  .object({
    kind: z.literal("as-of"),
    kinds: z.object({ extradition: AsOfAnswers, "judicial-assistance": AsOfAnswers, both: AsOfAnswers }).strict(),
  })
  .strict();

/** Where each query finds its records, as positions in the release's own lists. */
export const ReleaseIndexes = z
  .object({
    /** Series id -> positions of its observations in `observations`, sorted by period end, then start. */
    observationsBySeries: z.record(Id, z.array(z.number().int().nonnegative())),
    /** Positions of the events, sorted by date then latest date. */
    eventsByDate: z.array(z.number().int().nonnegative()),
    /** Dataset id -> the source ids it cites, in first-cited order. */
    sourcesByDataset: z.record(Id, z.array(Id)),
  })
  .strict();

const RecordKind = z.enum(["dataset", "source", "series", "observation", "event", "partner"]);

/** One field's value before and after a revision. */
export const FieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() }).strict();

export const Changelog = z
  .object({
    added: z.array(z.object({ kind: RecordKind, id: Id, reason: z.string().optional() }).strict()),
    removed: z.array(z.object({ kind: RecordKind, id: Id, reason: z.string() }).strict()),
    revised: z.array(
      z.object({ kind: RecordKind, id: Id, previousId: Id.optional(), changes: z.array(FieldChange).min(1), reason: z.string() }).strict(),
    ),
  })
  .strict();

/** Everything the hash covers: the release minus its own hash. */
export const ReleaseBody = z
  .object({
    format: z.literal(RELEASE_FORMAT),
    version: ReleaseVersion,
    date: IsoDate,
    previous: z.object({ version: ReleaseVersion, hash: z.string().regex(/^[0-9a-f]{64}$/) }).strict().nullable(),
    changelog: Changelog,
    data: z.object({ datasets: z.array(Dataset), sources: z.array(Source) }).strict(),
    indexes: ReleaseIndexes,
    answers: z
      .object({
        CAPTURES: YearlyAnswers,
        SURRENDERED: YearlyAnswers,
        RETURNED: YearlyAnswers,
        RECOVERED: YearlyAnswers,
        COUNTRIES: YearlyAnswers,
        TREATIES_IN_FORCE: TreatyAnswers,
        TREATIES_CONCLUDED: TreatyAnswers,
      })
      .strict(),
  })
  .strict();

/** A release: its body and the SHA-256 of the body's canonical JSON. */
export const Release = ReleaseBody.extend({ hash: z.string().regex(/^[0-9a-f]{64}$/) }).strict();

export type ErrorAnswer = z.infer<typeof ErrorAnswer>;
export type ErrorTemplate = z.infer<typeof ErrorTemplate>;
export type YearRoute = z.infer<typeof YearRoute>;
export type YearlyAnswers = z.infer<typeof YearlyAnswers>;
export type AsOfAnswers = z.infer<typeof AsOfAnswers>;
export type TreatyAnswers = z.infer<typeof TreatyAnswers>;
export type ReleaseIndexes = z.infer<typeof ReleaseIndexes>;
export type Changelog = z.infer<typeof Changelog>;
export type ReleaseBody = z.infer<typeof ReleaseBody>;
export type Release = z.infer<typeof Release>;
export type TreatyKindOrBoth = z.infer<typeof TreatyKind> | "both";
