import { createPublicKey, createPrivateKey, sign as nodeSign, verify as nodeVerify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SkynetError } from "../core/errors.js";
import { generateSigningKey, keyIdOf, publicKeyOf, readPrivateKey, readPublicKey, signRelease, verifySignature } from "./signature.js";

// A throwaway test vector made once with Node's own crypto (not the code under test): a P-256 key, a hash, the
// signature of the hash's 64 hex characters (ieee-p1363, base64url) and the key's RFC 7638 thumbprint.
const VECTOR = {
  privateKey: { kty: "EC", crv: "P-256", x: "NzvwWYWa2wwlHkZfGFdn5hN4OoBJh7feeXSoQnVyWp0", y: "Lfl-uRq1yDf4HNytZrWnI_dJOzEzKH6ALq57kUeY5F8", d: "zl5xKqM7xGoett_YGKS0pHlWtWvr09vnMR3yVrTAR54" } as const,
  publicKey: { kty: "EC", crv: "P-256", x: "NzvwWYWa2wwlHkZfGFdn5hN4OoBJh7feeXSoQnVyWp0", y: "Lfl-uRq1yDf4HNytZrWnI_dJOzEzKH6ALq57kUeY5F8" } as const,
  hash: "ae6afc186aa3c1696ebbfeef05b1a22ca1b3d22b692d7aa951538fde2ce414a2",
  signature: "mtIXntkRjLUo5hVn9i1h2zi9vL2nthOKnZ6A33I14nkZSwnUz1Bx2diqogvmORd7QTwGBbwrPIT1cTRuevBUcw",
  keyId: "HKiJ0br6BCi5Q_nDP9zBSRRgIjNJY8kOGlab72FoV2U",
};

/** The signature with one bit of one byte flipped, still 86 base64url characters. */
function flipByte(signature: string, at: number): string {
  const bytes = Buffer.from(signature, "base64url");
  bytes[at] = bytes[at]! ^ 0x01;
  return bytes.toString("base64url");
}

describe("release signatures", () => {
  it("sign and verify round trip with a fresh key, as 86 base64url characters (64 raw bytes)", async () => {
    const { privateKey, publicKey } = await generateSigningKey();
    const signature = await signRelease(VECTOR.hash, privateKey);
    expect(signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(Buffer.from(signature, "base64url")).toHaveLength(64);
    expect(await verifySignature(VECTOR.hash, signature, publicKey)).toBe(true);
  });

  it("fails when any byte of the signature is flipped, for another hash, and for another key", async () => {
    const { privateKey, publicKey } = await generateSigningKey();
    const signature = await signRelease(VECTOR.hash, privateKey);
    for (const at of [0, 31, 32, 63]) expect(await verifySignature(VECTOR.hash, flipByte(signature, at), publicKey)).toBe(false);
    expect(await verifySignature("0".repeat(64), signature, publicKey)).toBe(false);
    expect(await verifySignature(VECTOR.hash, signature, VECTOR.publicKey)).toBe(false);
  });

  it("calls a malformed signature not valid rather than throwing", async () => {
    expect(await verifySignature(VECTOR.hash, "", VECTOR.publicKey)).toBe(false);
    expect(await verifySignature(VECTOR.hash, "not base64url!", VECTOR.publicKey)).toBe(false);
    expect(await verifySignature(VECTOR.hash, VECTOR.signature.slice(0, 80), VECTOR.publicKey)).toBe(false);
  });

  it("verifies a signature Node's crypto made over the UTF-8 of the 64 hex digits (what is signed, exactly)", async () => {
    expect(await verifySignature(VECTOR.hash, VECTOR.signature, VECTOR.publicKey)).toBe(true);
    expect(await verifySignature(VECTOR.hash, flipByte(VECTOR.signature, 10), VECTOR.publicKey)).toBe(false);
  });

  it("signs so that Node's crypto verifies it with dsaEncoding ieee-p1363", async () => {
    const signature = await signRelease(VECTOR.hash, VECTOR.privateKey);
    const key = createPublicKey({ key: VECTOR.publicKey, format: "jwk" });
    expect(nodeVerify("sha256", Buffer.from(VECTOR.hash, "utf8"), { key, dsaEncoding: "ieee-p1363" }, Buffer.from(signature, "base64url"))).toBe(true);
    // And a signature Node makes now, with the key of the vector, verifies here.
    const fresh = nodeSign("sha256", Buffer.from(VECTOR.hash, "utf8"), { key: createPrivateKey({ key: VECTOR.privateKey, format: "jwk" }), dsaEncoding: "ieee-p1363" }).toString("base64url");
    expect(await verifySignature(VECTOR.hash, fresh, VECTOR.publicKey)).toBe(true);
  });

  it("names a key by its RFC 7638 thumbprint", async () => {
    expect(await keyIdOf(VECTOR.publicKey)).toBe(VECTOR.keyId);
    expect(await keyIdOf(VECTOR.privateKey)).toBe(VECTOR.keyId);
  });

  it("reads keys from JWK text, keeps only the public members of a public key, and says what is wrong with a bad one", () => {
    expect(readPublicKey(JSON.stringify({ ...VECTOR.privateKey, alg: "ES256", kid: "x" }))).toEqual(VECTOR.publicKey);
    expect(publicKeyOf(VECTOR.privateKey)).toEqual(VECTOR.publicKey);
    expect(readPrivateKey(VECTOR.privateKey)).toEqual(VECTOR.privateKey);
    expect(() => readPublicKey("{")).toThrow("the public key is not a JSON Web Key: its JSON does not parse");
    expect(() => readPublicKey({ kty: "RSA", n: "…", e: "AQAB" })).toThrow('the public key must be an ECDSA P-256 key ("kty": "EC", "crv": "P-256"), got "kty": "RSA", "crv": null');
    expect(() => readPublicKey({ ...VECTOR.publicKey, x: "abc" })).toThrow('the public key is not a P-256 key: "x" and "y" must be 32 bytes each, base64url');
    expect(() => readPrivateKey(VECTOR.publicKey)).toThrow('the private key is not a private key: "d" must be 32 bytes, base64url (is this the public key?)');
    expect(() => readPublicKey([])).toThrow(SkynetError);
  });

  it("refuses to sign something that is not a release hash", async () => {
    await expect(signRelease("ABC", VECTOR.privateKey)).rejects.toThrow('a release hash is 64 lower-case hex digits, got "ABC"');
  });
});
