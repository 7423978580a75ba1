// The formula that answers a figure: the plain function where one gives exactly this figure, SKYNET.FIGURE otherwise.
import type { Catalog } from "../core/catalog.js";
import type { Observation } from "../core/schema.js";
import { functionsFor, type CustomFunctions } from "../functions/index.js";

/** A formula and what it answers. */
export interface FormulaChoice {
  /** The formula as typed in a cell, with the namespace: `=SKYNET.RETURNED(2019)`. */
  formula: string;
  /** The function it calls. */
  functionId: string;
  /** Its arguments as values (text as text), in order. */
  args: (string | number)[];
  /**
   * False where no formula gives this very figure: two sources report the same period (a kept conflict) and
   * SKYNET.FIGURE answers the one the catalogue prefers; then only the value can be inserted.
   */
  answersThisFigure: boolean;
}

/** An argument as written in a formula: numbers as they are, text in double quotes (quotes doubled). */
export const formulaArgument = (v: string | number): string => (typeof v === "number" ? String(v) : `"${v.replace(/"/g, '""')}"`);

/**
 * The formula text for a function and its arguments, with Excel's namespace.
 *
 * @example
 * formulaText("RETURNED", [2013, "SPP"]) //=> '=SKYNET.RETURNED(2013, "SPP")'
 */
export const formulaText = (functionId: string, args: readonly (string | number)[]): string => `=SKYNET.${functionId}(${args.map(formulaArgument).join(", ")})`;

const choice = (functionId: string, args: (string | number)[], answersThisFigure = true): FormulaChoice => ({ formula: formulaText(functionId, args), functionId, args, answersThisFigure });

/**
 * The formula that answers one figure. A yearly or treaty function when it returns exactly this figure (checked by
 * calling it); otherwise `SKYNET.FIGURE(series, period label)`, which answers every figure, partial and lower-bound
 * ones included, as a card.
 *
 * @example
 * formulaFor(catalog, returned2019) //=> { formula: "=SKYNET.RETURNED(2019)", functionId: "RETURNED", args: [2019], answersThisFigure: true }
 * formulaFor(catalog, returnedJanNov2016) //=> { formula: '=SKYNET.FIGURE("sky-net.returned", "Jan–Nov 2016")', … }
 */
export function formulaFor(catalog: Catalog, o: Observation, fns: CustomFunctions = functionsOf(catalog)): FormulaChoice {
  const s = catalog.getSeries(o.series);
  const binding = s.answers;
  const candidates: FormulaChoice[] = [];
  if (binding && "treatyKind" in binding) {
    candidates.push(choice(binding.function, [binding.treatyKind === "extradition" ? "extradition" : "judicial assistance", o.period.end]));
  } else if (binding && o.period.start.slice(0, 4) === o.period.end.slice(0, 4)) {
    const year = Number(o.period.start.slice(0, 4));
    const yearly = catalog.answers?.[binding.function];
    const agencyArg = yearly && yearly.defaultAgency !== s.agency ? [s.agency] : [];
    const currencyArg = yearly?.defaultCurrency && yearly.defaultCurrency !== s.unit ? [s.unit] : [];
    const args = currencyArg.length ? [year, s.agency, ...currencyArg] : [year, ...agencyArg];
    if (binding.function === "SURRENDERED" || binding.function === "COUNTRIES") candidates.push(choice(binding.function, [year]));
    else candidates.push(choice(binding.function, args));
  }
  for (const c of candidates) {
    const answer = (fns[c.functionId as keyof CustomFunctions] as (...a: unknown[]) => unknown)(...c.args);
    if (answer === o.value) return c;
  }
  const card = fns.FIGURE(o.series, o.period.label) as { properties?: { Value?: { basicValue?: unknown } } };
  return choice("FIGURE", [o.series, o.period.label], card?.properties?.Value?.basicValue === o.value);
}

const functionsByCatalog = new WeakMap<Catalog, CustomFunctions>();
/** The custom functions of a catalogue, made once per catalogue (their answer tables are built on first use). */
function functionsOf(catalog: Catalog): CustomFunctions {
  let fns = functionsByCatalog.get(catalog);
  if (!fns) functionsByCatalog.set(catalog, (fns = functionsFor(catalog)));
  return fns;
}
