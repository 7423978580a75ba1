// The treaty functions (TREATIES_IN_FORCE, TREATIES_CONCLUDED): the answer from the last change point on or before a date.
import { MAX_SERIAL, MIN_SERIAL, fromExcelSerial, toExcelSerial } from "../core/calendar.js";
import type { AsOfAnswers, TreatyAnswers } from "../release/format.js";
import { choiceArg, optionalDateArg, REMEMBERED, rememberedAnswers } from "./args.js";
import { ACCEPTED_TREATY_KINDS, TREATY_KIND_ALIASES } from "./choices.js";
import { guarded, notAvailable, type Answer } from "./errors.js";

interface Steps {
  serials: number[];
  isos: string[];
  answers: (Answer<number> | { template: string })[];
  before: string;
  latest: Answer<number>;
}

const prepare = (t: AsOfAnswers): Steps => ({
  serials: t.steps.map((s) => toExcelSerial(s.from)),
  isos: t.steps.map((s) => s.from),
  answers: t.steps.map((s) => (typeof s.answer === "number" ? s.answer : Object.freeze({ ...s.answer }))),
  before: t.before.template,
  latest: typeof t.latest === "number" ? t.latest : Object.freeze({ ...t.latest }),
});

/** Index of the last step on or before a date given as a serial or as ISO text, -1 if none. */
function stepIndex(steps: Steps, serial: number | undefined, iso: string | undefined): number {
  let lo = 0;
  let hi = steps.isos.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (serial !== undefined ? steps.serials[mid]! <= serial : steps.isos[mid]! <= iso!) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

type Kinds = { extradition: Steps; "judicial-assistance": Steps; both: Steps };

/**
 * A treaty function over one answer table (or a function giving it, asked on the first call, so start-up builds
 * nothing): (kind?, as_of?) -> the count, or its #N/A or #VALUE! words. Once a kind has been seen, a call with an
 * Excel date is a Map lookup and a binary search over the change points.
 */
export function treatyFunction(tableOf: TreatyAnswers | (() => TreatyAnswers)): (kind?: unknown, as_of?: unknown) => Answer<number> {
  let kinds: Kinds | undefined;
  const state = (): Kinds => {
    if (kinds) return kinds;
    const table = typeof tableOf === "function" ? tableOf() : tableOf;
    return (kinds = { extradition: prepare(table.kinds.extradition), "judicial-assistance": prepare(table.kinds["judicial-assistance"]), both: prepare(table.kinds.both) });
  };
  // The steps of a kind by the kind as Excel passed it (text seen before); the first two kinds seen are also held
  // beside it, compared before the Map is asked: comparing text costs less than hashing it.
  const byRaw = new Map<unknown, Steps>();
  let kind1: unknown, steps1: Steps | undefined, kind2: unknown, steps2: Steps | undefined;
  // An answer whose words name the date, by the date as given (serial or text), written once per date asked.
  const worded = new Map<Steps, Map<number | string, Answer<number>>>();
  // The answer to arguments off the hot path (a date as text, a kind first seen, a typo), by the arguments as passed.
  const remembered = rememberedAnswers<number>();

  const atStep = (steps: Steps, serial: number | undefined, iso: string | undefined): Answer<number> => {
    const i = stepIndex(steps, serial, iso);
    const answer = i >= 0 ? steps.answers[i]! : { template: steps.before };
    if (typeof answer === "number" || !("template" in answer)) return answer;
    let byDate = worded.get(steps);
    if (!byDate) worded.set(steps, (byDate = new Map()));
    const dateKey = serial ?? iso!;
    let words = byDate.get(dateKey);
    if (words === undefined) {
      words = Object.freeze(notAvailable(answer.template.split("{date}").join(iso ?? fromExcelSerial(serial!))));
      if (byDate.size < REMEMBERED) byDate.set(dateKey, words);
    }
    return words;
  };

  const answer = guarded((kindRaw?: unknown, asOfRaw?: unknown): Answer<number> => {
    const all = state();
    const kind = kindRaw == null ? "both" : ((typeof kindRaw === "string" ? TREATY_KIND_ALIASES.get(kindRaw) : undefined) ?? choiceArg(kindRaw, "kind", TREATY_KIND_ALIASES, ACCEPTED_TREATY_KINDS) ?? "both");
    const steps = all[kind];
    if (typeof kindRaw === "string") {
      if (!steps1) {
        kind1 = kindRaw;
        steps1 = steps;
      } else if (!steps2) {
        kind2 = kindRaw;
        steps2 = steps;
      }
      if (byRaw.size < REMEMBERED) byRaw.set(kindRaw, steps);
    }
    const at = optionalDateArg(asOfRaw, "as_of");
    return at ? atStep(steps, at.serial, at.iso) : steps.latest;
  });
  return (kindRaw?: unknown, asOfRaw?: unknown): Answer<number> => {
    // The hot path: a kind omitted or seen before, and an Excel date or nothing; then arguments answered before.
    // Until its table is built (`answer`, guarded, builds it), a kind omitted finds no steps here.
    const steps = kindRaw == null ? kinds?.both : kindRaw === kind1 ? steps1 : kindRaw === kind2 ? steps2 : byRaw.get(kindRaw);
    if (steps !== undefined) {
      if (asOfRaw == null) return steps.latest;
      if (typeof asOfRaw === "number" && asOfRaw >= MIN_SERIAL && asOfRaw < MAX_SERIAL + 1) return atStep(steps, Math.floor(asOfRaw), undefined);
    }
    return remembered.get(kindRaw, asOfRaw) ?? remembered.keep(kindRaw, asOfRaw, undefined, answer(kindRaw, asOfRaw));
  };
}
