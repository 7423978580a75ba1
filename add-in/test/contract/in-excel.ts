// The adapter contract inside Excel: loaded by excel.html in the task pane of a sideloaded add-in, it runs every case
// against the open workbook with Excel.run and posts the results to Microsoft's office-addin-test-server
// (`npx office-addin-test-server start`: https://localhost:4201, GET /ping, POST /results?data=<JSON>).
import { officeRunner } from "../../src/excel/run.js";
import { CASES, type Check } from "./cases.js";

export const TEST_SERVER = "https://localhost:4201";

export interface CaseResult {
  name: string;
  passed: boolean;
  /** The checks whose value differed from the contract's. */
  failures: Check[];
  /** What went wrong when the case threw. */
  error: string | null;
}

/** Deep equality of plain data (what Office returns: arrays, objects, strings, numbers, booleans, null). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object") {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return sameData(ka, kb) && ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

/** Runs every case, one after another, in the open workbook (each starts by bringing it back to one blank sheet). */
export async function runContractInExcel(): Promise<CaseResult[]> {
  const isSetSupported = (name: string, version?: string) => Office.context.requirements.isSetSupported(name, version);
  const results: CaseResult[] = [];
  for (const c of CASES) {
    try {
      const failures = (await c.run(officeRunner, isSetSupported)).filter((x) => !sameData(x.actual, x.expected));
      results.push({ name: c.name, passed: failures.length === 0, failures, error: null });
    } catch (e) {
      results.push({ name: c.name, passed: false, failures: [], error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
    }
  }
  return results;
}

void Office.onReady(async (info) => {
  if (info.host !== Office.HostType.Excel) return;
  const out = document.getElementById("results");
  const ping = await fetch(`${TEST_SERVER}/ping`).catch(() => null);
  const results = await runContractInExcel();
  if (out) out.textContent = results.map((r) => `${r.passed ? "passed" : "FAILED"}: ${r.name}${r.error ? ` (${r.error})` : ""}`).join("\n");
  if (ping?.ok) await fetch(`${TEST_SERVER}/results/?data=${encodeURIComponent(JSON.stringify(results))}`, { method: "POST" });
});
