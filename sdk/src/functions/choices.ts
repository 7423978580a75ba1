import type { Agency, TreatyKind } from "../core/schema.js";
import type { Currency } from "../core/units.js";
import { normalizeWords } from "./args.js";

/** A table of aliases: the value an alias names, or undefined. */
export interface Aliases<T> {
  get(alias: string): T | undefined;
}

/**
 * An alias table matched on normalised words, plus each alias exactly as written (the fast path). Built on its first
 * lookup, so loading functions.js builds none.
 */
function aliasMap<T>(entries: ReadonlyArray<readonly [T, readonly string[]]>): Aliases<T> {
  let m: Map<string, T> | undefined;
  const build = () => {
    m = new Map<string, T>();
    for (const [value, words] of entries) {
      for (const w of words) {
        m.set(normalizeWords(w), value);
        m.set(w, value);
        m.set(w.toUpperCase(), value);
      }
    }
    return m;
  };
  return { get: (alias) => (m ?? build()).get(alias) };
}

/** Agencies and the words analysts use for them. */
export const AGENCY_ALIASES = aliasMap<Agency>([
  ["MPS", ["MPS", "Ministry of Public Security", "public security", "police", "Fox Hunt", "foxhunt", "fox-hunt"]],
  ["SPP", ["SPP", "Supreme People's Procuratorate", "procuratorate", "procuratorates", "prosecutors", "procuracy"]],
  ["CCDI-NSC", ["CCDI-NSC", "CCDI", "NSC", "National Supervisory Commission", "Central Commission for Discipline Inspection", "Sky Net", "skynet", "sky-net", "all", "all agencies", "total"]],
  ["MFA", ["MFA", "Ministry of Foreign Affairs", "foreign ministry"]],
]);

/** How an agency is named in messages. */
export const AGENCY_NAMES: Readonly<Record<Agency, string>> = {
  MPS: "MPS (Ministry of Public Security, Fox Hunt)",
  SPP: "SPP (Supreme People's Procuratorate)",
  "CCDI-NSC": "CCDI-NSC (Sky Net, all agencies)",
  MFA: "MFA (Ministry of Foreign Affairs)",
};

export const ACCEPTED_AGENCIES = `"MPS" (or "Fox Hunt"), "SPP" (or "procuratorate"), "CCDI-NSC" (or "CCDI", "NSC", "Sky Net"), "MFA"`;


export const CURRENCY_ALIASES = aliasMap<Currency>([
  ["CNY", ["CNY", "RMB", "yuan", "renminbi"]],
  ["USD", ["USD", "US$", "$", "dollar", "dollars", "US dollars", "U.S. dollars"]],
]);

export const ACCEPTED_CURRENCIES = `"CNY" (yuan, the default) or "USD"`;


export const TREATY_KIND_ALIASES = aliasMap<TreatyKind>([
  ["extradition", ["extradition", "extraditions", "extradition treaty", "extradition treaties"]],
  [
    "judicial-assistance",
    [
      "judicial assistance",
      "judicial-assistance",
      "criminal judicial assistance",
      "judicial assistance in criminal matters",
      "judicial",
      "mla",
      "mlat",
      "mlats",
      "mutual legal assistance",
      "legal assistance",
    ],
  ],
]);

export const ACCEPTED_TREATY_KINDS = `"extradition" or "judicial assistance" (also "criminal judicial assistance", "MLA"); omit it for both together`;
