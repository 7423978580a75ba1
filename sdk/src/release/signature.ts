// Release signatures: ECDSA over the P-256 curve with SHA-256 (JOSE's "ES256"), through WebCrypto only, so the same
// code signs in Node 20 and verifies in browsers, Excel's webviews and Node. No schema library.
//
// What is signed, exactly: the UTF-8 bytes of the release's hash as published, that is the 64 lower-case hexadecimal
// digits of the SHA-256 of the release's canonical JSON body (`release.hash`), with no prefix, quotes or newline.
// WebCrypto hashes those 64 bytes with SHA-256 and signs the digest. The signature is the raw IEEE P1363 form, r then
// s, 32 bytes each, big-endian (64 bytes: what WebCrypto produces, not DER), written as base64url without padding
// (RFC 4648 §5; 86 characters). Since the hash covers every byte of the body, the signature covers the whole release.
//
// Node's crypto checks the same signature with
//   crypto.verify("sha256", Buffer.from(hash, "utf8"), { key: publicKeyObject, dsaEncoding: "ieee-p1363" }, Buffer.from(signature, "base64url"))
// and OpenSSL with the signature converted to DER.
import { SkynetError } from "../core/errors.js";

/** A release public key as a JSON Web Key (RFC 7517/7518): what an add-in build embeds to check releases. */
export interface ReleasePublicKey {
  kty: "EC";
  crv: "P-256";
  /** The point's coordinates, base64url (32 bytes each). */
  x: string;
  y: string;
  alg?: "ES256";
  use?: "sig";
  /** The key's id: its RFC 7638 thumbprint (see keyIdOf). */
  kid?: string;
}

/** A release private key as a JSON Web Key: the public members and the private scalar `d`. It never enters the repository. */
export interface ReleasePrivateKey extends ReleasePublicKey {
  d: string;
}

const CURVE = { name: "ECDSA", namedCurve: "P-256" } as const;
const ES256 = { name: "ECDSA", hash: "SHA-256" } as const;
const B64URL = /^[A-Za-z0-9_-]+$/;
const HASH = /^[0-9a-f]{64}$/;

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new SkynetError("invalid-argument", "release signatures need WebCrypto (crypto.subtle): Node 20 or later, or a page served over HTTPS");
  return s;
}

/** Bytes as base64url without padding. */
export function base64url(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** base64url text (padding optional) as bytes, or null when it is not base64url. */
export function fromBase64url(text: string): Uint8Array | null {
  if (typeof text !== "string" || !B64URL.test(text.replace(/=+$/, "")) || text.replace(/=+$/, "").length % 4 === 1) return null;
  const bin = atob(text.replace(/=+$/, "").replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

const coordinate = (v: unknown) => typeof v === "string" && fromBase64url(v)?.length === 32;

/**
 * A public key read from a JSON Web Key (its JSON text or the parsed object), checked for shape: an EC P-256 key with
 * `x` and `y`. Private members are dropped, so a private key file gives its public half. Throws
 * `SkynetError("invalid-argument")` saying what is wrong.
 *
 * @example
 * readPublicKey('{"kty":"EC","crv":"P-256","x":"…","y":"…"}') //=> { kty: "EC", crv: "P-256", x: "…", y: "…" }
 */
export function readPublicKey(jwk: string | unknown, what = "the public key"): ReleasePublicKey {
  let k: unknown = jwk;
  if (typeof jwk === "string") {
    try {
      k = JSON.parse(jwk);
    } catch {
      throw new SkynetError("invalid-argument", `${what} is not a JSON Web Key: its JSON does not parse`);
    }
  }
  const o = (k ?? {}) as Record<string, unknown>;
  if (typeof k !== "object" || k === null || Array.isArray(k)) throw new SkynetError("invalid-argument", `${what} is not a JSON Web Key: a JWK is a JSON object`);
  if (o.kty !== "EC" || o.crv !== "P-256") {
    throw new SkynetError("invalid-argument", `${what} must be an ECDSA P-256 key ("kty": "EC", "crv": "P-256"), got "kty": ${JSON.stringify(o.kty ?? null)}, "crv": ${JSON.stringify(o.crv ?? null)}`);
  }
  if (!coordinate(o.x) || !coordinate(o.y)) throw new SkynetError("invalid-argument", `${what} is not a P-256 key: "x" and "y" must be 32 bytes each, base64url`);
  return { kty: "EC", crv: "P-256", x: o.x as string, y: o.y as string };
}

/**
 * A private key read from a JSON Web Key (text or object): an EC P-256 key with `x`, `y` and `d`. Throws
 * `SkynetError("invalid-argument")` saying what is wrong, never quoting the key.
 */
export function readPrivateKey(jwk: string | unknown, what = "the private key"): ReleasePrivateKey {
  const pub = readPublicKey(jwk, what);
  const d = (typeof jwk === "string" ? JSON.parse(jwk) : jwk) as { d?: unknown };
  if (!coordinate(d.d)) throw new SkynetError("invalid-argument", `${what} is not a private key: "d" must be 32 bytes, base64url (is this the public key?)`);
  return { ...pub, d: d.d as string };
}

/** The public half of a key, as the bare JWK members `kty`, `crv`, `x`, `y`. */
export const publicKeyOf = (key: ReleasePublicKey): ReleasePublicKey => ({ kty: "EC", crv: "P-256", x: key.x, y: key.y });

/**
 * A key's id: its JWK thumbprint (RFC 7638), SHA-256 over `{"crv":"P-256","kty":"EC","x":…,"y":…}`, base64url.
 * The same public key always has the same id; `latest.json` and `index.json` name the key that signed.
 *
 * @example
 * await keyIdOf(publicKey) //=> "mI3a…" (43 characters)
 */
export async function keyIdOf(key: ReleasePublicKey): Promise<string> {
  const k = readPublicKey(key);
  const digest = await subtle().digest("SHA-256", new TextEncoder().encode(`{"crv":"P-256","kty":"EC","x":"${k.x}","y":"${k.y}"}`));
  return base64url(new Uint8Array(digest));
}

/** A new signing key pair, as JSON Web Keys. */
export async function generateSigningKey(): Promise<{ privateKey: ReleasePrivateKey; publicKey: ReleasePublicKey }> {
  const pair = (await subtle().generateKey(CURVE, true, ["sign", "verify"])) as CryptoKeyPair;
  const privateKey = readPrivateKey(await subtle().exportKey("jwk", pair.privateKey));
  return { privateKey, publicKey: publicKeyOf(privateKey) };
}

function signedBytes(hash: string): Uint8Array<ArrayBuffer> {
  if (typeof hash !== "string" || !HASH.test(hash)) throw new SkynetError("invalid-argument", `a release hash is 64 lower-case hex digits, got ${JSON.stringify(typeof hash === "string" ? hash.slice(0, 80) : hash)}`);
  return new TextEncoder().encode(hash) as Uint8Array<ArrayBuffer>;
}

async function importKey(key: ReleasePublicKey | ReleasePrivateKey | CryptoKey, usage: "sign" | "verify"): Promise<CryptoKey> {
  if (typeof CryptoKey !== "undefined" && key instanceof CryptoKey) return key;
  let jwk: JsonWebKey;
  if (usage === "sign") {
    const k = readPrivateKey(key);
    jwk = { ...publicKeyOf(k), d: k.d };
  } else jwk = publicKeyOf(readPublicKey(key));
  try {
    return await subtle().importKey("jwk", jwk, CURVE, false, [usage]);
  } catch (e) {
    throw new SkynetError("invalid-argument", `the ${usage === "sign" ? "private" : "public"} key is not a valid P-256 key: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Signs a release hash with a private key: ECDSA P-256, SHA-256, over the UTF-8 of the 64 hex digits (see the top of
 * this module). Returns the raw 64-byte signature (r‖s) as base64url without padding. ECDSA signatures are randomised:
 * signing twice gives two different signatures, both valid.
 *
 * @example
 * const signature = await signRelease(release.hash, privateKeyJwk); //=> "3q2-7w…" (86 characters)
 */
export async function signRelease(hash: string, privateKey: ReleasePrivateKey | CryptoKey): Promise<string> {
  const data = signedBytes(hash);
  const key = await importKey(privateKey, "sign");
  return base64url(new Uint8Array(await subtle().sign(ES256, key, data)));
}

/**
 * True when `signature` (base64url of the raw r‖s signature) is a valid signature of `hash` by the key's owner. A
 * malformed signature is simply not valid (false); a malformed key throws `SkynetError("invalid-argument")`.
 *
 * @example
 * await verifySignature(latest.hash, latest.signature, PUBLIC_KEY) //=> true
 */
export async function verifySignature(hash: string, signature: string, publicKey: ReleasePublicKey | CryptoKey): Promise<boolean> {
  const data = signedBytes(hash);
  const key = await importKey(publicKey, "verify");
  const raw = fromBase64url(signature);
  if (!raw || raw.length !== 64) return false;
  return subtle().verify(ES256, key, raw as Uint8Array<ArrayBuffer>, data);
}
