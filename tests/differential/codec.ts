// The differential fixture's encoding, shared by the recorder (record.ts) and the replay (differential.test.ts).
//
// A call is [functionId, ...args] and an answer is what CUSTOM_FUNCTIONS returned, both as JSON with a tag object
// { "$js": … } for the few values JSON cannot hold: undefined, NaN, Infinity, -Infinity and -0. An argument left out
// of a call is simply absent from the array (an explicit undefined in the middle is tagged).

export type Call = [id: string, ...args: unknown[]];

/** JSON as the fixture holds it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One line of the fixture: the encoded call and the encoded answer. */
export type Entry = [call: Json[], answer: Json];

export interface Fixture {
  fixture: string;
  /** The SDK's DATA_VERSION when the answers were recorded. */
  dataVersion: string;
  /** The commit whose sdk/ and seeds/ answered. */
  recordedFrom: string;
  recordedWith: string;
  encoding: string;
  calls: number;
  answers: Entry[];
}

export const FIXTURE_FILE = "answers-before-release.json";

export const ENCODING =
  'each entry is [[functionId, ...args], answer]; {"$js": "undefined" | "NaN" | "Infinity" | "-Infinity" | "-0"} stands for a value JSON cannot hold; an argument left out is absent from the call';

const TAG = "$js";

const isPlainObject = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** A JavaScript value as fixture JSON. Throws for anything an answer or argument should never be (functions, class instances…). */
export function encode(v: unknown, path = "value"): Json {
  if (v === undefined) return { [TAG]: "undefined" };
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") {
    if (Number.isNaN(v)) return { [TAG]: "NaN" };
    if (v === Infinity) return { [TAG]: "Infinity" };
    if (v === -Infinity) return { [TAG]: "-Infinity" };
    if (Object.is(v, -0)) return { [TAG]: "-0" };
    return v;
  }
  if (Array.isArray(v)) return Array.from(v, (x, i) => encode(x, `${path}[${i}]`));
  if (typeof v === "object" && isPlainObject(v)) {
    if (TAG in v) throw new TypeError(`${path} has a "${TAG}" key, which the fixture encoding reserves`);
    const out: { [key: string]: Json } = {};
    for (const [k, x] of Object.entries(v)) out[k] = encode(x, `${path}.${k}`);
    return out;
  }
  const what = typeof v === "object" ? `an instance of ${(v as object).constructor?.name ?? "an unknown class"}` : `a ${typeof v}`;
  throw new TypeError(`${path} is ${what}, which the fixture cannot hold`);
}

const TAGGED: Readonly<Record<string, unknown>> = { undefined: undefined, NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity, "-0": -0 };

/** Fixture JSON back to the JavaScript value (fresh objects and arrays on every call). */
export function decode(j: Json): unknown {
  if (j === null || typeof j !== "object") return j;
  if (Array.isArray(j)) return j.map(decode);
  const keys = Object.keys(j);
  if (keys.length === 1 && keys[0] === TAG) {
    const name = j[TAG] as string;
    if (!(name in TAGGED)) throw new TypeError(`unknown fixture tag ${JSON.stringify(j)}`);
    return TAGGED[name];
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = decode(j[k]!);
  return out;
}

/** The call as the arguments to spread into the function. */
export const decodeCall = (c: Json[]): Call => c.map(decode) as Call;

/**
 * What a call answers, encoded. No implementation should throw (every one returns its errors as values); one that
 * does, or a function id that no longer exists, is answered { "$thrown": words }, so the replay reports it as a difference.
 */
export function answerOf(functions: object, c: Call): Json {
  const [id, ...args] = c;
  const fn = (functions as Record<string, unknown>)[id];
  if (typeof fn !== "function") return { $thrown: `no function ${id}` };
  let got: unknown;
  try {
    got = fn(...args);
  } catch (e) {
    return { $thrown: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
  return encode(got, "answer");
}

/** Canonical text of encoded JSON: object keys sorted, so two answers compare equal exactly when they are deeply equal. */
export function canonical(j: Json): string {
  if (j === null || typeof j !== "object") return JSON.stringify(j);
  if (Array.isArray(j)) return `[${j.map(canonical).join(",")}]`;
  return `{${Object.keys(j)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(j[k]!)}`)
    .join(",")}}`;
}

/** The key a call is known by (in the fixture and in INTENDED_DIFFERENCES). */
export const callKey = (c: readonly unknown[]): string => canonical(encode([...c]));

/** How a call reads in a report: =CAPTURES(2014, "SPP") with the encoded arguments. */
export const showCall = (c: Json[]): string => `${c[0] as string}(${c.slice(1).map((a) => JSON.stringify(a)).join(", ")})`;

/** The fixture text: a small header, then one [call, answer] entry per line, so a changed answer is a one-line diff. */
export function fixtureText(f: Omit<Fixture, "answers" | "calls">, answers: Entry[]): string {
  const head: Omit<Fixture, "answers"> = { ...f, calls: answers.length };
  const headLines = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  return `{\n${headLines.join("\n")}\n  "answers": [\n${answers.map((e) => JSON.stringify(e)).join(",\n")}\n  ]\n}\n`;
}
