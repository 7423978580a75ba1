/**
 * A sheet name not yet taken (case-insensitively), keeping Excel's 31-character limit: "Name", "Name (2)", ...
 *
 * @example
 * uniqueSheetName("Sources", ["sources"]) //=> "Sources (2)"
 */
export function uniqueSheetName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, 31 - suffix.length).trimEnd()}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
