// Differential replay: every call recorded in answers-before-release.json (what the custom functions answered before
// the compiled-release lookup replaced their implementations) must answer exactly the same now — numbers, text,
// tables, entity cards compared whole, error values with their words — except the differences listed below.
// Re-record (only before the release, from a clean commit): node tests/differential/record.mjs
import { readFileSync } from "node:fs";
import { CUSTOM_FUNCTIONS, DATA_VERSION } from "@skynet-data/sdk";
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

const fixture = JSON.parse(readFileSync(new URL(`./${FIXTURE_FILE}`, import.meta.url), "utf8")) as Fixture;

/** The answer each call must give now: the recorded one, or the intended new one. */
const intended = new Map(INTENDED_DIFFERENCES.map((d) => [callKey(d.call), d]));

interface Mismatch {
  call: Json[];
  expected: Json;
  got: Json;
}

function answerNow(call: Json[]): Json {
  try {
    return answerOf(CUSTOM_FUNCTIONS, decodeCall(call));
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
    const expected = change ? encode(change.answer, "intended answer") : recorded;
    const got = answerNow(call);
    if (canonical(got) !== canonical(expected)) mismatches.push({ call, expected, got });
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
