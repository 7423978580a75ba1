// HTTPS certificates for the dev and preview servers, from office-addin-dev-certs.
import { X509Certificate } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { generateCertificates, getHttpsServerOptions, installCaCertificate, isCaCertificateInstalled } from "office-addin-dev-certs";

export type DevCertificates = {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
  dir: string;
  /** True when the CA is in the system trust store, so browsers and Office accept https://localhost. */
  trusted: boolean;
  /** Plain-words notes for the developer (generated, could not install the CA, …). */
  notes: string[];
};

/** Where office-addin-dev-certs keeps its files, unless SKYNET_DEV_CERTS_DIR points elsewhere. */
export function certificateDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.SKYNET_DEV_CERTS_DIR?.trim() || join(homedir(), ".office-addin-dev-certs");
}

function files(dir: string) {
  return { ca: join(dir, "ca.crt"), cert: join(dir, "localhost.crt"), key: join(dir, "localhost.key") };
}

function read(dir: string): Pick<DevCertificates, "ca" | "cert" | "key"> {
  const f = files(dir);
  return { ca: readFileSync(f.ca), cert: readFileSync(f.cert), key: readFileSync(f.key) };
}

// Usable means present and valid for at least another day.
function usable(dir: string): boolean {
  const f = files(dir);
  if (![f.ca, f.cert, f.key].every((p) => existsSync(p))) return false;
  try {
    const cert = new X509Certificate(readFileSync(f.cert));
    return new Date(cert.validTo).getTime() - Date.now() > 86_400_000;
  } catch {
    return false;
  }
}

function caInstalled(): boolean {
  try {
    return isCaCertificateInstalled();
  } catch {
    return false;
  }
}

function trustHint(dir: string, reason: string): string {
  return (
    `The developer CA could not be installed into the system trust store (${reason.split("\n")[0]?.trim()}). ` +
    `Serving anyway: browsers will warn about https://localhost until you trust ${join(dir, "ca.crt")} ` +
    `(import it as a trusted certificate authority, or run "npx office-addin-dev-certs install" where sudo is available).`
  );
}

/**
 * Returns the localhost certificate, key and CA. Reuses valid files; otherwise generates them (office-addin-dev-certs).
 * With `install`, also tries to trust the CA in the system store; where that is impossible (no sudo, Linux CI) it
 * says so in `notes` and carries on. A custom SKYNET_DEV_CERTS_DIR is never installed.
 */
export async function devCertificates(options: { install: boolean; env?: NodeJS.ProcessEnv }): Promise<DevCertificates> {
  const env = options.env ?? process.env;
  const dir = certificateDir(env);
  const isDefaultDir = !env.SKYNET_DEV_CERTS_DIR?.trim();
  const notes: string[] = [];
  if (!isDefaultDir) {
    if (!usable(dir)) {
      const f = files(dir);
      await generateCertificates(f.ca, f.cert, f.key);
      notes.push(`Generated developer certificates in ${dir} (not installed into the system store).`);
    }
    return { ...read(dir), dir, trusted: false, notes };
  }
  if (usable(dir)) {
    let trusted = caInstalled();
    if (!trusted && options.install) {
      try {
        await installCaCertificate();
        trusted = true;
      } catch (error) {
        notes.push(trustHint(dir, (error as Error).message));
      }
    }
    return { ...read(dir), dir, trusted, notes };
  }
  if (options.install) {
    try {
      const https = await getHttpsServerOptions();
      return { ca: https.ca, cert: https.cert, key: https.key, dir, trusted: true, notes };
    } catch (error) {
      if (!usable(dir)) throw new Error(`Could not create the developer certificates in ${dir}: ${(error as Error).message}`);
      notes.push(`Generated developer certificates in ${dir}.`, trustHint(dir, (error as Error).message));
      return { ...read(dir), dir, trusted: false, notes };
    }
  }
  await generateCertificates();
  notes.push(`Generated developer certificates in ${dir} (not installed into the system store).`);
  return { ...read(dir), dir, trusted: caInstalled(), notes };
}
