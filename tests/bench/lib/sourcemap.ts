// Attributes the bytes of a minified bundle to the sources it came from, through its source map.
import { gzipSync } from "node:zlib";

export interface RawSourceMap {
  sources: string[];
  mappings: string;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGIT = new Map([...B64].map((c, i) => [c, i]));

/** Decodes one Base64 VLQ segment into its fields. */
function decodeSegment(text: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of text) {
    const d = DIGIT.get(ch);
    if (d === undefined) throw new Error(`Bad source-map character "${ch}"`);
    value += (d & 31) << shift;
    if (d & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** The text of the bundle that came from each source (index -1: bundler glue with no mapping). */
export function slicesBySource(code: string, map: RawSourceMap): Map<number, string[]> {
  const lines = code.split("\n");
  const slices = new Map<number, string[]>();
  const push = (src: number, text: string) => {
    if (!text) return;
    const list = slices.get(src);
    if (list) list.push(text);
    else slices.set(src, [text]);
  };
  let source = 0;
  map.mappings.split(";").forEach((lineMap, li) => {
    const line = lines[li] ?? "";
    let col = 0;
    const segs: { col: number; src: number }[] = [];
    for (const raw of lineMap.split(",")) {
      if (!raw) continue;
      const f = decodeSegment(raw);
      col += f[0]!;
      if (f.length >= 4) {
        source += f[1]!;
        segs.push({ col, src: source });
      } else segs.push({ col, src: -1 });
    }
    push(-1, line.slice(0, segs[0]?.col ?? line.length));
    segs.forEach((s, i) => push(s.src, line.slice(s.col, segs[i + 1]?.col ?? line.length)));
  });
  return slices;
}

/** The group of a bundle's bytes that come from a compiled release (sdk/src/releases/<version>.json). */
export const RELEASE_DATA = "release data (sdk/src/releases/*.json)";

/** Which part of the code base a source path belongs to: the release data, an npm package, or a folder of the repository. */
export function groupOf(path: string): string {
  if (/(^|\/)releases\/[^/]+\.json$/.test(path)) return RELEASE_DATA;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  if (pkg) return pkg[1]!;
  const sdkData = /sdk\/src\/(datasets|sources)\//.exec(path);
  if (sdkData) return "SDK data (sdk/src/datasets + sources)";
  const local = /((?:sdk|add-in)\/src\/[^/]+)(\/|$)/.exec(path);
  if (local) return local[1]!.replace(/\.ts$/, "");
  return path;
}

export interface Share {
  group: string;
  bytes: number;
  /** gzip size of the group's bytes on their own (not additive: gzip shares a dictionary across the file). */
  gzipAlone: number;
  share: number;
  /** The group's bytes, concatenated. */
  text: string;
}

/** Bytes of the bundle per group, largest first; grouping merges some packages (e.g. @microsoft/fast-*). */
export function attribute(code: string, map: RawSourceMap, merge: (group: string) => string = (g) => g): Share[] {
  const groups = new Map<string, string[]>();
  for (const [src, texts] of slicesBySource(code, map)) {
    const g = merge(src < 0 ? "(bundler glue, unmapped)" : groupOf(map.sources[src] ?? "?"));
    groups.set(g, [...(groups.get(g) ?? []), ...texts]);
  }
  const total = Buffer.byteLength(code);
  return [...groups]
    .map(([group, texts]) => {
      const text = texts.join("");
      return { group, bytes: Buffer.byteLength(text), gzipAlone: gzipSync(text).length, share: Buffer.byteLength(text) / total, text };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

