// A team's mirror for the data-feed tests: the made-up releases, a folder publishing the bundled release and 2026.12.0
// signed with a throwaway key, served on 127.0.0.1; and a workbook double whose =SKYNET formulas follow a data feed.
import { functionsFor, loadRelease, type Catalog, type Release } from "@skynet-data/sdk";
import { DataFeed, type FeedOptions } from "../../src/data-feed/feed.js";
import { memoryStore } from "../../src/data-feed/store.js";
import { doubleRunner } from "../../src/excel/run.js";
import { functionHost, WorkbookModel } from "../../src/workbook/index.js";
import { releaseFolder, serveFolder, type FolderServer, type ReleaseFolder } from "./folder.js";
import { fileText, madeUpReleases } from "./made-up.js";

export interface Mirror {
  R: { bundled: Release; r1: Release; r2: Release };
  /** The catalogue of the bundled release, as the add-in starts with it. */
  bundled: Catalog;
  folder: ReleaseFolder;
  server: FolderServer;
  stop(): Promise<void>;
}

/** Publishes the bundled release and 2026.12.0 into a new folder and serves it. */
export async function startMirror(): Promise<Mirror> {
  const R = madeUpReleases();
  const folder = await releaseFolder();
  await folder.publish([R.bundled, R.r1]);
  const server = await serveFolder(folder.dir);
  return {
    R,
    bundled: loadRelease(fileText(R.bundled)),
    folder,
    server,
    stop: async () => {
      await server.close();
      folder.cleanup();
    },
  };
}

/**
 * A data feed on the mirror and a workbook double whose =SKYNET formulas answer from the release it holds: in the page,
 * functions.js follows the feed through its swap hook; here the SDK's functions over the held release stand in for it.
 */
export function feedWorkbook(mirror: Mirror, now: () => Date, more: Partial<FeedOptions> = {}) {
  const feed = new DataFeed({ bundled: mirror.bundled, publicKey: mirror.folder.keys.publicKey, defaultDataUrl: mirror.server.dataUrl, store: memoryStore(), allowInsecureLocalhost: true, timeoutMs: 2_000, now, ...more });
  const wb = WorkbookModel.blank();
  let fns = functionsFor(mirror.bundled);
  feed.subscribe((e) => {
    if (e.type !== "status") fns = functionsFor(e.state.held.catalog, e.state.history);
  });
  wb.functions = functionHost(() => fns);
  return { feed, wb, runner: doubleRunner(wb) };
}
