// The stamp the add-in keeps in the workbook: which data, which datasets, when. Read first, written last.

/** The stamp as kept in the workbook setting `STAMP_KEY`. */
export interface Stamp {
  dataVersion: string;
  loadedAt: string;
  datasets: string[];
  /** The datasets laid out by year (sheet plans with layout "by-year"); absent when none. */
  byYear?: string[];
}

/** The workbook setting that holds the stamp. */
export const STAMP_KEY = "SkyNetData.stamp";

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/**
 * Reads a stamp back from a workbook setting; anything else (absent, edited, malformed) is null.
 *
 * @example
 * parseStamp({ dataVersion: "0.1.0+ab", loadedAt: "2026-01-01T00:00:00.000Z", datasets: ["spp"] })?.datasets //=> ["spp"]
 * parseStamp("garbage") //=> null
 */
export function parseStamp(value: unknown): Stamp | null {
  const v = (typeof value === "string" ? safeJson(value) : value) as Partial<Stamp> | null;
  if (!v || typeof v !== "object") return null;
  const { dataVersion, loadedAt, datasets, byYear } = v;
  if (typeof dataVersion !== "string" || !dataVersion) return null;
  if (typeof loadedAt !== "string" || !ISO_INSTANT.test(loadedAt) || Number.isNaN(Date.parse(loadedAt))) return null;
  if (!Array.isArray(datasets) || !datasets.every((d) => typeof d === "string" && d.length > 0)) return null;
  if (byYear !== undefined && !(Array.isArray(byYear) && byYear.every((d) => typeof d === "string" && d.length > 0))) return null;
  return { dataVersion, loadedAt, datasets: [...datasets], ...(byYear?.length ? { byYear: [...byYear] } : {}) };
}

const safeJson = (s: string): unknown => {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
};
