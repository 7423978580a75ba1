/** What an export writes: one file, or a directory of files (paths relative to it, `/`-separated). */
export type Artifact = { kind: "file"; bytes: Uint8Array } | { kind: "dir"; files: { path: string; bytes: Uint8Array }[] };

/** What every format builder is given: validated dataset ids and the time the export is made. */
export interface ExportRequest {
  datasets: string[];
  now: Date;
}
