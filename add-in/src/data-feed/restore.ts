// Reading back a release kept for offline use, at start-up. It was verified when it was downloaded (signature, size and
// the SHA-256 of its canonical body, by the SDK's fetchLatest); what start-up checks is that the stored text is byte for
// byte the text verified then: the SHA-256 of the text, computed by WebCrypto (native: under a millisecond for a
// release), against the digest recorded when it was kept. Without a recorded digest, or without WebCrypto, the SDK's
// loadRelease checks it again (the canonical hash in JavaScript: about 16 ms for a release).
import { loadRelease, type Catalog, type Release } from "@skynet-data/sdk";
// The SDK exports loadRelease only, which hashes the release again; its catalogOfRelease is imported from its module.
import { catalogOfRelease } from "../../../sdk/src/release/load.js";

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");

/** The SHA-256 of a text's UTF-8 bytes, hex, by WebCrypto; null where there is no WebCrypto (a page not served over HTTPS). */
export async function textDigest(text: string): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  return hex(await subtle.digest("SHA-256", new TextEncoder().encode(text)));
}

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
