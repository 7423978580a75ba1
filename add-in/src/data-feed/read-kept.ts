// The data feed's reading back of a kept release (the pane's bundle): by the SHA-256 of its text recorded when it was
// verified and kept (restore.ts), or, without a recorded digest or without WebCrypto, by the SDK's loadRelease, which
// hashes the canonical body again (about 16 ms for a release).
import { loadRelease, type Catalog, type Release } from "@skynet-data/sdk";
import { catalogOfRelease } from "@skynet-data/sdk/functions";
import { textDigest } from "./restore.js";

/**
 * The catalogue of a kept release: checked against the digest recorded when it was kept (fast), or with loadRelease
 * when there is none; then it must be the release recorded (`hash`). Throws in words otherwise.
 */
export async function readKeptRelease(text: string, kept: { hash: string; digest?: string | undefined }): Promise<Catalog> {
  let catalog: Catalog;
  const digest = kept.digest ? await textDigest(text) : null;
  if (digest !== null && digest === kept.digest) catalog = catalogOfRelease(JSON.parse(text) as Release);
  else if (digest !== null) throw new Error("its text is not the text that was verified and kept (damaged in storage)");
  else catalog = loadRelease(text);
  if (catalog.release?.hash !== kept.hash) throw new Error("it is not the release that was kept");
  return catalog;
}

