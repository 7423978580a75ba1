// Differential replay: every call recorded in answers-before-release.json (what the custom functions answered before
// the compiled-release lookup replaced their implementations) must answer exactly the same now — numbers, text,
// tables, entity cards compared whole, error values with their words — except the differences listed below.
// Re-record (only before the release, from a clean commit): node tests/differential/record.mjs
//
// The new engine answers from a compiled release. It is replayed here on the FIRST release (2026.11.0), compiled
// from the very data the fixture was recorded with, so every difference is the engine's. Later releases change
// figures on purpose; their changes are tested with the changelog (sdk/src/releases/releases.test.ts).
import { readFileSync } from "node:fs";
import { functionsFor, loadRelease } from "@skynet-data/sdk";
import { describe, expect, it } from "vitest";
import { answerOf, callKey, canonical, decodeCall, encode, FIXTURE_FILE, showCall, type Call, type Fixture, type Json } from "./codec.js";

interface IntendedDifference {
  /** The call as its arguments are passed, e.g. ["RETURNED", 2016] or ["FIGURE", "sky-net.returned", 2016]. */
  call: Call;
  /** The new answer, written out in full (an error value with its words, an entity card with every property…). */
  answer: unknown;
  /** Why it changed: the entry of the release changelog that lists it. */
  reason: string;
}

/** Answers the release changes on purpose, each listed in the release changelog. None so far. */
const INTENDED_DIFFERENCES: IntendedDifference[] = [];

const FIRST_RELEASE = loadRelease(readFileSync(new URL("../../sdk/src/releases/2026.11.0.json", import.meta.url), "utf8"));
const FUNCTIONS = functionsFor(FIRST_RELEASE);
const DATA_VERSION = `${FIRST_RELEASE.release!.version}+${FIRST_RELEASE.release!.hash.slice(0, 8)}`;

// Two changes of the "works in real Excel" issue apply to every call of a kind, so they are rules, not a list:
// 1. A data-type value passed to a parameter of type any (a formatted number, a typed double, an entity card) is
//    unwrapped: it answers as its plain value does (the recorded answer of that plain call where one was recorded).
// 2. FIGURE cards name their source as Excel's cards do: `provider` and the Value's attribution. They are checked
//    against the card's own recorded Source, URL, Publisher and Published properties, then set aside.
// 3. A source's publication date is shown as precisely as the source knows it ("2025", "2017-06"), never as a made-up
//    day: in the recorded words each "<publisher>, <day>" of such a source becomes "<publisher>, <year or month>",
//    and a FIGURE card's Published date gets the matching number format. Derived from the release's own sources.
//    The yearly and treaty functions answer from 2026.11.0's published answer tables, which keep the words they were
//    published with (release 2026.11.1's tables carry the precise dates).
const FROM_TABLES = new Set(["CAPTURES", "SURRENDERED", "RETURNED", "RECOVERED", "COUNTRIES", "TREATIES_IN_FORCE", "TREATIES_CONCLUDED"]);
const IMPRECISE = FIRST_RELEASE.sources.filter((src) => src.published && src.publishedPrecision !== "day" && src.publishedPrecision !== "unknown");
const shortDate = (src: (typeof IMPRECISE)[number]) => (src.publishedPrecision === "year" ? src.published!.slice(0, 4) : src.published!.slice(0, 7));
function preciseDates(answer: Json): Json {
  let text = JSON.stringify(answer);
  for (const src of IMPRECISE) text = text.split(JSON.stringify(`${src.publisher}, ${src.published}`).slice(1, -1)).join(JSON.stringify(`${src.publisher}, ${shortDate(src)}`).slice(1, -1));
  const out = JSON.parse(text) as Json;
  const card = out as { type?: string; properties?: Record<string, { basicValue?: unknown; numberFormat?: string }> };
  const src = card?.type === "Entity" ? IMPRECISE.find((x) => x.publisher === card.properties?.Publisher?.basicValue) : undefined;
  if (src && card.properties?.Published) card.properties.Published.numberFormat = src.publishedPrecision === "year" ? "yyyy" : "yyyy-mm";
  return out;
}

const isDataTypeValue = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v) && "type" in v && !("$js" in v);
function plainValueOf(v: { type: string; basicValue?: unknown; text?: string; properties?: Record<string, { basicValue?: unknown }> }): unknown {
  if (v.type === "Entity") return v.properties?.Value?.basicValue ?? v.text;
  return v.basicValue;
}
const recordedByCall = new Map<string, Json>();

function expectedFor(call: Json[], recorded: Json): Json {
  const dates = (a: Json) => (FROM_TABLES.has(call[0] as string) ? a : preciseDates(a));
  if (!call.some(isDataTypeValue)) return dates(recorded);
  const plain = call.map((a) => (isDataTypeValue(a) ? (plainValueOf(a as never) as Json) : a));
  const plainRecorded = recordedByCall.get(canonical(plain));
  return plainRecorded === undefined ? answerNow(plain) : dates(plainRecorded);
}

const EXCEL_SERIAL_EPOCH = Date.UTC(1899, 11, 30);
/** A FIGURE card without its attribution, after checking the attribution against the card's recorded properties. */
function withoutAttribution(card: Json, recordedCard: Json, problems: string[]): Json {
  if (!card || typeof card !== "object" || Array.isArray(card) || (card as { type?: unknown }).type !== "Entity") return card;
  const { provider, ...rest } = card as Record<string, Json>;
  const props = { ...(rest.properties as Record<string, Record<string, Json>>) };
  const { propertyMetadata, ...value } = props.Value!;
  const was = (recordedCard as { properties: Record<string, { basicValue: Json }> }).properties;
  const published = was.Published ? new Date(EXCEL_SERIAL_EPOCH + (was.Published.basicValue as number) * 86_400_000).toISOString().slice(0, 10) : undefined;
  const imprecise = IMPRECISE.find((x) => x.publisher === was.Publisher!.basicValue);
  const shown = published && imprecise ? shortDate(imprecise) : published;
  const wantProvider = { description: `Sky Net Data: ${was.Publisher!.basicValue}${shown ? `, ${shown}` : ""}` };
  const wantAttribution = { attribution: [{ sourceText: was.Source!.basicValue, ...(was.URL ? { sourceAddress: was.URL.basicValue } : {}) }] };
  if (canonical(provider ?? null) !== canonical(wantProvider)) problems.push(`provider ${JSON.stringify(provider)} should be ${JSON.stringify(wantProvider)}`);
  if (canonical(propertyMetadata ?? null) !== canonical(wantAttribution)) problems.push(`attribution ${JSON.stringify(propertyMetadata)} should be ${JSON.stringify(wantAttribution)}`);
  props.Value = value;
  return { ...rest, properties: props };
}

const fixture = JSON.parse(readFileSync(new URL(`./${FIXTURE_FILE}`, import.meta.url), "utf8")) as Fixture;
for (const [call, answer] of fixture.answers) recordedByCall.set(canonical(call), answer);

/** The answer each call must give now: the recorded one, or the intended new one. */
const intended = new Map(INTENDED_DIFFERENCES.map((d) => [callKey(d.call), d]));

interface Mismatch {
  call: Json[];
  expected: Json;
  got: Json;
}

function answerNow(call: Json[]): Json {
  try {
    return answerOf(FUNCTIONS, decodeCall(call));
  } catch (e) {
    return { $unencodable: e instanceof Error ? e.message : String(e) };
  }
}

/** Where two encoded answers first differ: a path such as .properties.Value.basicValue, with both values there. */
function firstDifference(a: Json, b: Json, path = ""): { path: string; expected: Json | "(absent)"; got: Json | "(absent)" } | undefined {
  if (canonical(a) === canonical(b)) return undefined;
  const bothObjects = a !== null && b !== null && typeof a === "object" && typeof b === "object" && Array.isArray(a) === Array.isArray(b);
  if (!bothObjects) return { path: path || "(whole answer)", expected: a, got: b };
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length || i >= b.length) return { path: `${path}[${i}]`, expected: i < a.length ? a[i]! : "(absent)", got: i < b.length ? b[i]! : "(absent)" };
      const d = firstDifference(a[i]!, b[i]!, `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  const ao = a as Record<string, Json>;
  const bo = b as Record<string, Json>;
  for (const k of [...new Set([...Object.keys(ao), ...Object.keys(bo)])].sort()) {
    if (!(k in ao) || !(k in bo)) return { path: `${path}.${k}`, expected: k in ao ? ao[k]! : "(absent)", got: k in bo ? bo[k]! : "(absent)" };
    const d = firstDifference(ao[k]!, bo[k]!, `${path}.${k}`);
    if (d) return d;
  }
  return undefined;
}

const clip = (s: string, n = 400) => (s.length > n ? `${s.slice(0, n)}… (${s.length} characters)` : s);

function report(mismatches: Mismatch[], pass: string): string {
  if (!mismatches.length) return "";
  const lines = mismatches.slice(0, 20).map((m, i) => {
    const d = firstDifference(m.expected, m.got)!;
    return [
      `${i + 1}. ${showCall(m.call)}`,
      `   differs at ${d.path}: expected ${clip(JSON.stringify(d.expected), 300)}, got ${clip(JSON.stringify(d.got), 300)}`,
      `   expected ${clip(JSON.stringify(m.expected))}`,
      `   got      ${clip(JSON.stringify(m.got))}`,
    ].join("\n");
  });
  const version = fixture.dataVersion === DATA_VERSION ? `data version ${DATA_VERSION}` : `data version ${DATA_VERSION} now, ${fixture.dataVersion} when recorded`;
  return [
    `${mismatches.length} of ${fixture.answers.length} calls (${pass}) answer differently from ${FIXTURE_FILE} (${version}).`,
    `An intended change goes into INTENDED_DIFFERENCES with its new answer and the changelog entry. First ${lines.length}:`,
    ...lines,
  ].join("\n");
}

/** Replays the fixture's calls in the given order and lists every answer that is not the expected one. */
function replay(order: number[]): Mismatch[] {
  const mismatches: Mismatch[] = [];
  for (const i of order) {
    const [call, recorded] = fixture.answers[i]!;
    const change = intended.get(canonical(call));
    const expected = change ? encode(change.answer, "intended answer") : expectedFor(call, recorded);
    const problems: string[] = [];
    const got = call[0] === "FIGURE" ? withoutAttribution(answerNow(call), expected, problems) : answerNow(call);
    if (problems.length) mismatches.push({ call, expected: "a card attributed to its source", got: problems.join("; ") });
    else if (canonical(got) !== canonical(expected)) mismatches.push({ call, expected, got });
  }
  return mismatches;
}

describe(`custom functions answer as recorded in ${FIXTURE_FILE}`, () => {
  it("the fixture is whole and the intended differences are real ones", () => {
    expect(fixture.answers.length).toBe(fixture.calls);
    expect(fixture.answers.length).toBeGreaterThan(10_000);
    const keys = fixture.answers.map(([call]) => canonical(call));
    expect(new Set(keys).size, "a call is recorded twice").toBe(keys.length);
    const recorded = new Map(fixture.answers.map(([call, answer]) => [canonical(call), answer]));
    const problems = INTENDED_DIFFERENCES.flatMap((d) => {
      const key = callKey(d.call);
      const before = recorded.get(key);
      const where = showCall(encode(d.call) as Json[]);
      if (before === undefined) return [`${where}: not a recorded call`];
      if (!d.reason.trim()) return [`${where}: no reason given`];
      if (canonical(encode(d.answer)) === canonical(before)) return [`${where}: the new answer is the recorded one, so it is no difference`];
      return [];
    });
    expect(problems, "INTENDED_DIFFERENCES").toEqual([]);
    expect(intended.size, "a call is listed twice in INTENDED_DIFFERENCES").toBe(INTENDED_DIFFERENCES.length);
  });

  it("every call answers exactly as recorded, or as its intended difference says", () => {
    const mismatches = replay(fixture.answers.map((_, i) => i));
    expect(mismatches.length, report(mismatches, "in recorded order")).toBe(0);
  });

  it("and again in reverse order, memos warm: no answer depends on what was asked before", () => {
    const mismatches = replay(fixture.answers.map((_, i) => fixture.answers.length - 1 - i));
    expect(mismatches.length, report(mismatches, "in reverse order")).toBe(0);
  });
});
