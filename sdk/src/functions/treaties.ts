import { toExcelSerial } from "../core/dates.js";
import { catalog } from "../catalog.js";
import { choiceArg, isoOf, optionalDateArg, type DateArg } from "./args.js";
import { ACCEPTED_TREATY_KINDS, TREATY_KIND_ALIASES, type TreatyKind } from "./choices.js";
import { ArgMemo, guarded, isFunctionError, notAvailable, type Answer, type FunctionError } from "./errors.js";
import { asOfValue, stepIndex, stepsOf } from "./lookup.js";

type Status = "in-force" | "concluded";

/** The series behind each treaty kind and status. */
const TREATY_SERIES: Readonly<Record<TreatyKind, Record<Status, string>>> = {
  extradition: { "in-force": "treaties.extradition.in-force", concluded: "treaties.extradition.concluded" },
  "judicial-assistance": { "in-force": "treaties.judicial-assistance.in-force", concluded: "treaties.judicial-assistance.concluded" },
};

const KIND_WORDS: Readonly<Record<TreatyKind, string>> = { extradition: "extradition", "judicial-assistance": "criminal judicial assistance" };
const STATUS_WORDS: Readonly<Record<Status, string>> = { "in-force": "in force", concluded: "concluded" };

/** Months in which every kind has a full, exact figure: their sum, as of the later of the two dates. */
interface BothSteps {
  serials: number[];
  isos: string[];
  values: number[];
}

const bothMemo = new Map<Status, BothSteps>();

function bothSteps(status: Status): BothSteps {
  let b = bothMemo.get(status);
  if (b) return b;
  const kinds = Object.keys(TREATY_SERIES) as TreatyKind[];
  const byMonth = kinds.map((k) => {
    const steps = stepsOf(TREATY_SERIES[k][status]);
    return new Map(steps.isos.map((iso, i) => [iso.slice(0, 7), { iso, value: steps.values[i] }] as const));
  });
  const months = [...byMonth[0]!.keys()].filter((m) => byMonth.every((bm) => bm.get(m)?.value !== undefined)).sort();
  const isos = months.map((m) => byMonth.map((bm) => bm.get(m)!.iso).sort().at(-1)!);
  b = {
    isos,
    serials: isos.map(toExcelSerial),
    values: months.map((m) => byMonth.reduce((sum, bm) => sum + bm.get(m)!.value!, 0)),
  };
  bothMemo.set(status, b);
  return b;
}

const bothMisses = new ArgMemo<Answer<number>>((status, at) => bothMissing(status as Status, at === null ? undefined : typeof at === "number" ? { serial: at } : { iso: at as string }));

function both(status: Status, at: DateArg | undefined): Answer<number> {
  const b = bothSteps(status);
  const i = at ? stepIndex(b, at) : b.isos.length - 1;
  if (i >= 0) return b.values[i]!;
  return bothMisses.get(status, at ? (at.iso ?? at.serial) : null);
}

function bothMissing(status: Status, at: DateArg | undefined): Answer<number> {
  const b = bothSteps(status);
  const known = b.isos.length ? `the earliest is ${b.isos[0]}` : "there is none";
  const each = (Object.keys(TREATY_SERIES) as TreatyKind[])
    .map((k) => {
      const r = catalog.figure(TREATY_SERIES[k][status], { asOf: at ? isoOf(at) : "9999-12-31" });
      return r.found ? `${KIND_WORDS[k]}: ${r.observation.value} as of ${r.observation.period.label}` : `${KIND_WORDS[k]}: none`;
    })
    .join("; ");
  return notAvailable(
    `no date on or before ${at ? isoOf(at) : "today"} where both extradition and criminal judicial assistance treaties ${STATUS_WORDS[status]} are known (${known}). Each kind alone: ${each}`,
  );
}

const kinds = new ArgMemo<TreatyKind | "both">((raw) => choiceArg(raw, "kind", TREATY_KIND_ALIASES, ACCEPTED_TREATY_KINDS) ?? "both");
const dates = new ArgMemo<DateArg | null>((raw) => optionalDateArg(raw, "as_of") ?? null);

/** A date argument, with serials taken straight and text parsed once per distinct value. */
const asOfArg = (raw: unknown): DateArg | undefined | FunctionError =>
  raw == null ? undefined : typeof raw === "number" && raw >= 61 && raw < 2_958_466 ? { serial: Math.floor(raw) } : (dates.get(raw, null) ?? undefined);

function treaties(status: Status, kindRaw: unknown, asOfRaw: unknown): Answer<number> {
  const kind = kindRaw == null ? "both" : kinds.get(kindRaw, null);
  if (isFunctionError(kind)) return kind;
  const at = asOfArg(asOfRaw);
  if (isFunctionError(at)) return at;
  return kind === "both" ? both(status, at) : asOfValue(TREATY_SERIES[kind][status], at);
}

/**
 * Treaties in force on a date: `kind` "extradition" or "judicial assistance" (aliases such as "MLA" accepted);
 * omitted, both kinds together from the latest date on or before `as_of` where both are known. `as_of` is an
 * Excel date serial or ISO text (`YYYY-MM-DD`, or `YYYY-MM` for the month's end); omitted, the latest figure.
 * A figure dated to a month ("as of November 2014") counts from the end of that month.
 *
 * @example
 * treatiesInForce() //=> 75 (29 extradition + 46 judicial assistance, as of November 2014)
 * treatiesInForce("extradition", 41974) //=> 29 (as of 2014-12-01)
 * treatiesInForce("extradition", "2014-11-15")
 * //=> { error: "#N/A", message: "no figure of treaties.extradition.in-force as of 2014-11-15 (the earliest is as of 2014-11-30). What exists: 29 treaties for Nov 2014 …" }
 */
export const treatiesInForce = guarded((kind?: unknown, as_of?: unknown): Answer<number> => treaties("in-force", kind, as_of));

/**
 * Treaties concluded (signed) by a date, with the same arguments as `treatiesInForce`.
 *
 * @example
 * treatiesConcluded() //=> 91 (39 extradition + 52 judicial assistance, as of November 2014)
 * treatiesConcluded("extradition") //=> 59 (as of October 2020)
 */
export const treatiesConcluded = guarded((kind?: unknown, as_of?: unknown): Answer<number> => treaties("concluded", kind, as_of));
