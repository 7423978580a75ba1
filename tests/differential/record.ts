// The differential fixture's domain and recording: every call the custom functions are answered for, over the whole
// argument domain, and what CUSTOM_FUNCTIONS answers for each. Bundled and run by record.mjs:
//
//   node tests/differential/record.mjs
//
// which writes tests/differential/answers-before-release.json; differential.test.ts replays it.
import { catalog, CUSTOM_FUNCTIONS, DATA_VERSION, fromExcelSerial, toExcelSerial } from "@skynet-data/sdk";
import { answerOf, callKey, canonical, encode, type Call, type Entry } from "./codec.js";

export { ENCODING, FIXTURE_FILE, fixtureText } from "./codec.js";

export type FunctionId = keyof typeof CUSTOM_FUNCTIONS;

const FIRST_YEAR = 1990;
const LAST_YEAR = 2030;
const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);

/** An argument left out: the call array simply ends before it (Excel passes null instead, recorded separately). */
const OMIT = Symbol("omitted");
type Arg = unknown;

/** A call with trailing omitted arguments cut off; an omitted argument before a given one is passed as undefined. */
function call(id: FunctionId, ...args: Arg[]): Call {
  const a = [...args];
  while (a.length && a.at(-1) === OMIT) a.pop();
  return [id, ...a.map((x) => (x === OMIT ? undefined : x))];
}

const serialOf = (iso: string): number => toExcelSerial(iso);
const addDays = (iso: string, days: number): string => fromExcelSerial(toExcelSerial(iso) + days);
/** "YYYY-MM" moved by k months. */
const monthShift = (m: string, k: number): string => {
  const i = Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1 + k;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
};
const sortedUnique = <T>(xs: Iterable<T>): T[] => [...new Set(xs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

// ---- argument values ----------------------------------------------------------------------------------------------

/** The agency argument for every year: omitted, Excel's null, each canonical agency, a few aliases, an unknown one. */
const AGENCIES: Arg[] = [OMIT, null, "MPS", "SPP", "CCDI-NSC", "MFA", "Fox Hunt", "procuratorate", "CCDI", "sky net", "FBI"];

/** The currency argument of RECOVERED for every year. */
const CURRENCIES: Arg[] = [OMIT, null, "CNY", "USD", "yuan", "$", "EUR"];

/** Years at which the other spellings of agencies and currencies are asked (the years with figures, and one without). */
const SPELLING_YEARS = [2013, 2014, 2015, 2016, 2018, 2030];

/** Other spellings: aliases, case, spacing, blank, and values of the wrong type. */
const AGENCY_SPELLINGS: Arg[] = [
  "",
  "  ",
  "mps",
  " SPP ",
  "ccdi-nsc",
  "CCDI NSC",
  "NSC",
  "Sky Net",
  "skynet",
  "Ministry of Public Security",
  "Supreme People's Procuratorate",
  "fox-hunt",
  "FOX HUNT",
  "all agencies",
  "total",
  "police",
  "prosecutors",
  "foreign ministry",
  "Ministry of Foreign Affairs",
  1,
  true,
  [["SPP"]],
];
const CURRENCY_SPELLINGS: Arg[] = ["", "RMB", "renminbi", "Yuan", "cny ", "usd", "US$", "dollars", "U.S. dollars", "JPY", 1, true, [["USD"]]];

/** The treaty kind argument. */
const KINDS: Arg[] = [OMIT, null, "extradition", "judicial assistance", "judicial-assistance", "MLA", "Criminal Judicial Assistance", "trade"];

/**
 * Wrong values for any argument: Excel booleans, fractions, negatives, zero, text, blanks, null/undefined, non-finite
 * numbers, ranges (1×1 is a valid single value), date serials and out-of-range years, data-type values.
 */
const BAD_VALUES: Arg[] = [
  true,
  false,
  2014.5,
  -1,
  -2014,
  0,
  -0,
  "abc",
  "",
  "   ",
  null,
  undefined,
  NaN,
  Infinity,
  -Infinity,
  [[2014]],
  [["2014"]],
  [[2014, 2015]],
  [[2014], [2015]],
  [],
  [[]],
  41974,
  41974.5,
  1899,
  1900,
  9999,
  10000,
  2958465,
  2958466,
  60,
  61,
  "2014",
  " 2014 ",
  "2014.0",
  "2014-11-30",
  "2014-11",
  "2014-02-30",
  "2014/11/30",
  "30 Nov 2014",
  "  SKY-NET.RETURNED ",
  "unknown.series",
  { type: "Double", basicValue: 2014 },
  { type: "FormattedNumber", basicValue: 41974, numberFormat: "yyyy-mm-dd" },
  { type: "String", basicValue: "2014" },
  { type: "Entity", text: "x", properties: {} },
];

/** Series id variants: case, whitespace, typos, other ids. */
const SERIES_ID_VARIANTS: Arg[] = [
  "  SKY-NET.RETURNED ",
  "Sky-Net.Returned",
  "sky-net.returned ",
  "sky-net.returnd",
  "skynet.returned",
  "sky-net",
  "fox-hunt.captured.cumulative",
  "TREATIES.EXTRADITION.IN-FORCE",
  "unknown.series",
  "sky-net.returned\t",
];

// ---- the catalogue's dates ----------------------------------------------------------------------------------------

const seriesIds = (): string[] => catalog.series.map((s) => s.id);
const observations = (id: string) => catalog.observationsOf(id);

/** Every calendar year an observation of the series touches. */
function yearsWithFigures(id: string): number[] {
  const years = new Set<number>();
  for (const o of observations(id)) {
    for (let y = Number(o.period.start.slice(0, 4)); y <= Number(o.period.end.slice(0, 4)); y++) years.add(y);
  }
  return sortedUnique(years);
}

/** The as_of dates for the treaty functions: each change point of each treaty series, the day before and after, month starts too. */
function treatyDates(): { isos: string[]; months: string[] } {
  const treatySeries = catalog.series.filter((s) => s.dataset === "treaties").map((s) => s.id);
  const isos = new Set<string>();
  const months = new Set<string>();
  for (const id of treatySeries) {
    for (const o of observations(id)) {
      for (const d of [o.period.end, o.period.start]) for (const k of [-1, 0, 1]) isos.add(addDays(d, k));
      for (const k of [-1, 0, 1]) months.add(monthShift(o.period.end.slice(0, 7), k));
    }
  }
  // Before the first and after the last.
  for (const d of ["1900-03-01", "1990-01-01", "2000-06-15", "2013-12-31", "2014-01-01", "2021-01-01", "2024-12-31", "2025-06-30", "2030-12-31", "9999-12-31"]) isos.add(d);
  for (const m of ["1990-01", "2014-01", "2025-01", "2030-12"]) months.add(m);
  return { isos: sortedUnique(isos), months: sortedUnique(months) };
}

// ---- the domain ---------------------------------------------------------------------------------------------------

/** Every call of the fixture, in a fixed order, without repeats. */
export function domain(): Call[] {
  const calls: Call[] = [];
  const add = (id: FunctionId, ...args: Arg[]) => calls.push(call(id, ...args));

  // Yearly figures: every year 1990–2030, every agency (and currency) argument.
  for (const y of YEARS) {
    for (const a of AGENCIES) add("CAPTURES", y, a);
    add("SURRENDERED", y);
    add("SURRENDERED", y, null);
    for (const a of AGENCIES) add("RETURNED", y, a);
    for (const a of AGENCIES) for (const c of CURRENCIES) add("RECOVERED", y, a, c);
    add("COUNTRIES", y);
    add("COUNTRIES", y, null);
  }

  // Treaties: each kind × each as_of (omitted, null, change points ±1 day as serial and as ISO text, month texts).
  const { isos, months } = treatyDates();
  const asOfs: Arg[] = [OMIT, null, "", ...isos.flatMap((d) => [serialOf(d), d]), ...months];
  for (const id of ["TREATIES_IN_FORCE", "TREATIES_CONCLUDED"] as const) {
    for (const k of KINDS) for (const at of asOfs) add(id, k, at);
  }

  // SERIES: each series whole, for each year it has a figure in, the years just outside, and spans.
  for (const id of seriesIds()) {
    const years = yearsWithFigures(id);
    add("SERIES", id);
    add("SERIES", id, null, null);
    if (years.length) {
      const first = years[0]!;
      const last = years.at(-1)!;
      for (const y of sortedUnique([first - 1, ...years, last + 1])) add("SERIES", id, y, y);
      add("SERIES", id, first);
      add("SERIES", id, OMIT, last);
      add("SERIES", id, null, first);
      add("SERIES", id, last, null);
      add("SERIES", id, first, last);
      add("SERIES", id, last + 1, last + 5);
    }
    for (const [f, t] of [
      [2014, 2016],
      [2016, 2014],
      [2010, 2030],
      [1990, 2000],
      [2019, 2020],
      [2022, 2024],
      ["2014", "2016"],
    ] as const) {
      add("SERIES", id, f, t);
    }
  }

  // SERIES_LIST, DATASET.
  add("SERIES_LIST");
  add("SERIES_LIST", null, null, null);
  for (const d of catalog.datasets) {
    add("DATASET", d.id);
    add("DATASET", d.id.toUpperCase());
    add("DATASET", ` ${d.id} `);
  }
  add("DATASET", "sky net");
  add("DATASET", "unknown");

  // EVENTS: whole timeline; each event's day and span; yearly windows; open ends; months; serials; reversed.
  add("EVENTS");
  add("EVENTS", null, null);
  const eventDays = sortedUnique(catalog.events.flatMap((e) => [e.date, e.end]));
  for (const d of eventDays) {
    add("EVENTS", d, d);
    add("EVENTS", serialOf(d), serialOf(d));
    add("EVENTS", d);
    add("EVENTS", OMIT, d);
    add("EVENTS", null, serialOf(d));
  }
  for (const e of catalog.events) add("EVENTS", e.date, e.end);
  for (let y = 2010; y <= 2025; y++) {
    add("EVENTS", `${y}-01-01`, `${y}-12-31`);
    add("EVENTS", serialOf(`${y}-01-01`), serialOf(`${y}-12-31`));
    add("EVENTS", `${y}-01`, `${y}-12`);
  }
  for (const m of sortedUnique(eventDays.map((d) => d.slice(0, 7)))) add("EVENTS", m, m);
  const firstDay = eventDays[0]!;
  const lastDay = eventDays.at(-1)!;
  for (const [f, t] of [
    [addDays(firstDay, -1), addDays(firstDay, -1)],
    [addDays(lastDay, 1), addDays(lastDay, 1)],
    ["1990-01-01", addDays(firstDay, -1)],
    [addDays(lastDay, 1), "2030-12-31"],
    ["2014-11-30", "2014-11-01"],
    [serialOf("2014-11-30"), serialOf("2014-11-01")],
    ["2014-10-01", serialOf("2014-11-30")],
    [serialOf("2014-10-01"), "2014-11-30"],
    [serialOf("2014-11-01") + 0.5, serialOf("2014-11-30") + 0.99],
    [61, 2958465],
  ] as const) {
    add("EVENTS", f, t);
  }

  // SOURCE and FIGURE: each series × each period label, its start/end form, each year 1990–2030, each period end
  // (as a serial and as ISO text, the day before and after) and its month.
  for (const id of seriesIds()) {
    const obs = observations(id);
    const labels = sortedUnique(obs.map((o) => o.period.label));
    const ranges = sortedUnique(obs.map((o) => `${o.period.start}/${o.period.end}`));
    const ends = sortedUnique(obs.flatMap((o) => [-1, 0, 1].map((k) => addDays(o.period.end, k))));
    const endMonths = sortedUnique(obs.map((o) => o.period.end.slice(0, 7)));
    const periods: Arg[] = [...labels, ...ranges, ...YEARS, ...ends.flatMap((d) => [serialOf(d), d]), ...endMonths];
    for (const fn of ["SOURCE", "FIGURE"] as const) for (const p of periods) add(fn, id, p);
  }

  // Bad and odd arguments, one position at a time, the others valid.
  const positions: Array<[FunctionId, Arg[], number[]]> = [
    ["CAPTURES", [2014, "SPP"], [0, 1]],
    ["SURRENDERED", [2014], [0]],
    ["RETURNED", [2015, "SPP"], [0, 1]],
    ["RECOVERED", [2013, "SPP", "USD"], [0, 1, 2]],
    ["COUNTRIES", [2014], [0]],
    ["TREATIES_IN_FORCE", ["extradition", 41974], [0, 1]],
    ["TREATIES_CONCLUDED", ["extradition", 41974], [0, 1]],
    ["SERIES", ["sky-net.returned", 2016, 2016], [0, 1, 2]],
    ["SERIES_LIST", [OMIT], [0]],
    ["DATASET", ["spp"], [0]],
    ["EVENTS", ["2014-11-01", "2014-11-30"], [0, 1]],
    ["SOURCE", ["sky-net.returned", 2015], [0, 1]],
    ["FIGURE", ["sky-net.returned", 2015], [0, 1]],
  ];
  for (const [id, valid, slots] of positions) {
    for (const slot of slots) {
      for (const bad of BAD_VALUES) add(id, ...valid.map((v, i) => (i === slot ? bad : v)));
    }
    add(id); // every argument omitted
  }
  // Series ids where a series id is expected, agency and currency spellings where those are.
  for (const id of ["SERIES", "SOURCE", "FIGURE"] as const) for (const s of SERIES_ID_VARIANTS) add(id, s, 2016);
  for (const s of SERIES_ID_VARIANTS) add("SERIES", s);
  for (const fn of ["SOURCE", "FIGURE"] as const) {
    for (const p of ["jan–nov 2016", "JAN–NOV 2016", " Jan–Nov 2016 ", "Jan-Nov 2016", "2016 (partial)", "2016-01-01/2016-11-30", "2016", "2016-11", "2016-11-30"]) add(fn, "sky-net.returned", p);
    for (const p of ["Nov 2014", "nov 2014", "2014-11", "2014-11-30", 41973, 41974, "2014-12", "Sep 2018", "2018-09-30", 43373]) add(fn, "treaties.extradition.in-force", p);
  }
  for (const y of SPELLING_YEARS) {
    for (const a of AGENCY_SPELLINGS) {
      add("CAPTURES", y, a);
      add("RETURNED", y, a);
      add("RECOVERED", y, a);
      add("RECOVERED", y, a, "USD");
    }
    for (const c of CURRENCY_SPELLINGS) for (const a of [OMIT, "SPP", "CCDI-NSC"]) add("RECOVERED", y, a, c);
  }
  for (const k of ["Extradition", "EXTRADITION", "extradition treaties", "mutual legal assistance", "MLAT", "judicial", "civil", 1, true, [["extradition"]]]) {
    add("TREATIES_IN_FORCE", k, 41974);
    add("TREATIES_CONCLUDED", k);
  }
  // Extra arguments past a function's last parameter (Excel never passes them; recorded as answered today).
  add("SERIES_LIST", "x");
  add("SERIES_LIST", null, 2014);
  add("SURRENDERED", 2014, "SPP");
  add("COUNTRIES", 2014, "SPP");
  add("CAPTURES", 2014, "SPP", "USD");

  // Without repeats, first occurrence kept.
  const seen = new Set<string>();
  return calls.filter((c) => {
    const k = callKey(c);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// ---- recording ----------------------------------------------------------------------------------------------------

/**
 * Answers every call of the domain, then again in reverse order (memos warm, other calls first) and checks that the
 * two agree, so the fixture never records an answer that depends on what was asked before it.
 */
export function recordAnswers(): { dataVersion: string; entries: Entry[] } {
  const calls = domain();
  const entries: Entry[] = calls.map((c) => [encode([...c], "call") as Entry[0], answerOf(CUSTOM_FUNCTIONS, c)]);
  const again = new Map<number, Entry[1]>();
  for (let i = calls.length - 1; i >= 0; i--) again.set(i, answerOf(CUSTOM_FUNCTIONS, calls[i]!));
  const unstable = entries.filter(([, a], i) => canonical(a) !== canonical(again.get(i)!));
  if (unstable.length) throw new Error(`${unstable.length} answers changed when asked again, e.g. ${JSON.stringify(unstable[0]![0])}`);
  return { dataVersion: DATA_VERSION, entries };
}
