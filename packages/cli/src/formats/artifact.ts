import { catalog, sdkFor, type Sdk, type TableLayout } from "@skynet-data/sdk";

/** What an export writes: one file, or a directory of files (paths relative to it, `/`-separated). */
export type Artifact = { kind: "file"; bytes: Uint8Array } | { kind: "dir"; files: { path: string; bytes: Uint8Array }[] };

/** What every format builder is given: validated dataset ids, the time the export is made, and the release to read. */
export interface ExportRequest {
  datasets: string[];
  now: Date;
  /** The SDK bound to the release to export (`sdkFor(loadRelease(…))`); the bundled release when omitted. */
  sdk?: Sdk;
  /** "by-year": each dataset that has a by-year layout gets that sheet instead of its long table (xlsx). */
  layout?: TableLayout;
}

const bundled = sdkFor(catalog);

/** The SDK an export reads: the request's release, or the bundled one. */
export const sdkOf = (req: { sdk?: Sdk | undefined }): Sdk => req.sdk ?? bundled;
