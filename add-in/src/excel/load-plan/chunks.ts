// How writes and reads are cut into requests that Excel accepts (Excel on the web refuses payloads over 5 MB).
import { SkynetError, type Cell } from "@skynet-data/sdk";

/** Limits for one request: Excel on the web refuses payloads of 5 MB; we stay far below. */
export interface ChunkLimits {
  maxRows: number;
  maxBytes: number;
}

/** The default: about 0.9 MB of JSON and 20,000 rows per request, so a request with its overhead stays under 1 MB. */
export const DEFAULT_CHUNK_LIMITS: ChunkLimits = { maxRows: 20_000, maxBytes: 900_000 };

/** A run of rows `start`..`end` (end exclusive) and the bytes it is estimated to send. */
export interface Chunk {
  start: number;
  end: number;
  bytes: number;
}

/** How a cell travels in a request: null means "leave unchanged" to Excel, so a blank is written as "". */
export function toExcelValue(v: Cell): string | number | boolean {
  return v === null ? "" : v;
}

/**
 * Estimated request bytes for one row: the JSON of its values and number formats, plus a per-row overhead.
 *
 * @example
 * rowBytes(["a", 1], ["@", "#,##0"]) //=> 24
 */
export function rowBytes(values: readonly unknown[], formats?: readonly string[]): number {
  return JSON.stringify(values.map((v) => (v === null ? "" : v))).length + (formats ? JSON.stringify(formats).length : 0) + 2;
}

/**
 * Splits rows into consecutive chunks, each within the row and byte limits (a single row larger than the byte
 * limit is an error: it could never be sent).
 *
 * @example
 * planChunks([400, 400, 400], { maxRows: 10, maxBytes: 1000 }) //=> [{ start: 0, end: 2, bytes: 800 }, { start: 2, end: 3, bytes: 400 }]
 */
export function planChunks(sizes: readonly number[], limits: ChunkLimits = DEFAULT_CHUNK_LIMITS): Chunk[] {
  if (!(limits.maxRows >= 1) || !(limits.maxBytes >= 1)) throw new SkynetError("invalid-argument", `chunk limits must be positive, got ${JSON.stringify(limits)}`);
  const chunks: Chunk[] = [];
  let cur: Chunk | null = null;
  sizes.forEach((size, i) => {
    if (size > limits.maxBytes) throw new SkynetError("invalid-argument", `row ${i + 1} alone needs about ${size} bytes, over the ${limits.maxBytes}-byte request limit`);
    if (!cur || cur.end - cur.start >= limits.maxRows || cur.bytes + size > limits.maxBytes) {
      cur = { start: i, end: i, bytes: 0 };
      chunks.push(cur);
    }
    cur.end = i + 1;
    cur.bytes += size;
  });
  return chunks;
}

/** One unit of work for a request: an id, its size, and how many rows it carries. */
export interface WorkItem<T> {
  item: T;
  bytes: number;
  rows: number;
}

/**
 * Packs work items (already chunked) into batches that each fit the limits, in order: one batch is one request.
 *
 * @example
 * packBatches([{ item: "a", bytes: 600, rows: 1 }, { item: "b", bytes: 600, rows: 1 }], { maxRows: 10, maxBytes: 1000 }).map((b) => b.map((w) => w.item))
 * //=> [["a"], ["b"]]
 */
export function packBatches<T>(items: readonly WorkItem<T>[], limits: ChunkLimits = DEFAULT_CHUNK_LIMITS): WorkItem<T>[][] {
  const batches: WorkItem<T>[][] = [];
  let bytes = 0;
  let rows = 0;
  for (const w of items) {
    const last = batches.at(-1);
    if (!last || bytes + w.bytes > limits.maxBytes || rows + w.rows > limits.maxRows) {
      batches.push([w]);
      bytes = w.bytes;
      rows = w.rows;
    } else {
      last.push(w);
      bytes += w.bytes;
      rows += w.rows;
    }
  }
  return batches;
}
