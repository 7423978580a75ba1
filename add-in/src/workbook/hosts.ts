// Which requirement sets each kind of Excel supports, written out from Microsoft's requirement-set tables
// (office-js-docs-reference: excel-api-requirement-sets.md, custom-functions-requirement-sets.md,
// shared-runtime-requirement-sets.md, as published in 2026). The workbook double runs at any of these levels.

/** Requirement set name → the highest version supported (a set is supported from 1.1 up to this version). */
export type RequirementSets = Readonly<Record<string, string>>;

export interface HostProfile {
  /** What a reader calls it, with the build the levels below belong to. */
  label: string;
  sets: RequirementSets;
}

/**
 * The oldest build of each kind of Excel that installs the add-in (SharedRuntime 1.1 and CustomFunctionsRuntime 1.2),
 * the newest, and two that cannot install it (kept to test the pane's message for a too-old Excel).
 */
export const HOSTS = {
  web: {
    label: "Excel on the web",
    sets: { ExcelApi: "1.21", SharedRuntime: "1.2", CustomFunctionsRuntime: "1.5" },
  },
  "m365-windows-current": {
    label: "Microsoft 365 on Windows, Version 2606 (Build 20131.20090) or later",
    sets: { ExcelApi: "1.21", ExcelApiDesktop: "1.1", SharedRuntime: "1.2", CustomFunctionsRuntime: "1.5" },
  },
  "m365-windows-oldest": {
    // SharedRuntime 1.1 arrives in Version 2002 (Build 12527.20092); ExcelApi 1.11 only in Build 12527.20470.
    label: "Microsoft 365 on Windows, Version 2002 (Build 12527.20092)",
    sets: { ExcelApi: "1.10", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.2" },
  },
  "retail-2021-2024-oldest": {
    // Custom functions reach retail perpetual Office (2016 and later) in Version 2311; the ExcelApi table lists retail
    // perpetual with Microsoft 365.
    label: "Excel bought outright (retail perpetual, e.g. Excel 2021 or 2024) on Windows, Version 2311 (Build 17029.20126)",
    sets: { ExcelApi: "1.17", SharedRuntime: "1.2", CustomFunctionsRuntime: "1.3" },
  },
  "ltsc-2021": {
    label: "Excel LTSC 2021 (volume-licensed) on Windows, Version 2108 (Build 14332.20011)",
    sets: { ExcelApi: "1.14", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.3" },
  },
  "ltsc-2024": {
    label: "Excel LTSC 2024 (volume-licensed) on Windows",
    sets: { ExcelApi: "1.17", SharedRuntime: "1.2", CustomFunctionsRuntime: "1.3" },
  },
  "mac-oldest": {
    label: "Excel on Mac 16.35 (20030802)",
    sets: { ExcelApi: "1.11", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.2" },
  },
  "ltsc-2019": {
    label: "Excel 2019 (volume-licensed) on Windows",
    sets: { ExcelApi: "1.7" },
  },
  "ltsc-2016": {
    label: "Excel 2016 (volume-licensed) on Windows",
    sets: { ExcelApi: "1.1" },
  },
} as const satisfies Record<string, HostProfile>;

export type HostId = keyof typeof HOSTS;

/** Compares dotted versions part by part ("1.13" > "1.7"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/**
 * `Office.context.requirements.isSetSupported` over a table of sets: a set counts as supported at any version up to
 * the one listed; the version defaults to 1.1, as in office.js.
 * @example
 * supportsSet(HOSTS["ltsc-2021"].sets, "ExcelApi", "1.13") //=> true
 * supportsSet(HOSTS["mac-oldest"].sets, "ExcelApi", "1.13") //=> false
 */
export function supportsSet(sets: RequirementSets, name: string, minVersion = "1.1"): boolean {
  const top = sets[name];
  return top !== undefined && compareVersions(top, minVersion) >= 0;
}
