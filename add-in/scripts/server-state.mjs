// @ts-check
// What `npm start` and `npm stop` share: where things are, the pid file of the background server, the words printed.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ADDIN_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const REPO_DIR = resolve(ADDIN_DIR, "..");
export const MANIFEST = join(REPO_DIR, "manifest.xml");

/** Desktop Excel can be sideloaded by office-addin-debugging only on Windows and macOS. */
export const CAN_SIDELOAD_DESKTOP = process.platform === "win32" || process.platform === "darwin";

/** @param {number} port */
export function stateFile(port) {
  return join(tmpdir(), `skynet-data-addin-${port}.json`);
}

/** @param {number} port */
export function logFile(port) {
  return join(tmpdir(), `skynet-data-addin-${port}.log`);
}

/** @typedef {{ pid: number, port: number, log: string, repo: string, started: string }} ServerState */

/** @param {number} port @returns {ServerState | null} */
export function readState(port) {
  const file = stateFile(port);
  if (!existsSync(file)) return null;
  try {
    const state = JSON.parse(readFileSync(file, "utf8"));
    return Number.isInteger(state?.pid) && state.pid > 0 ? state : null;
  } catch {
    return null;
  }
}

/** @param {ServerState} state */
export function writeState(state) {
  writeFileSync(stateFile(state.port), `${JSON.stringify(state, null, 2)}\n`);
}

/** @param {number} port */
export function clearState(port) {
  rmSync(stateFile(port), { force: true });
}

/** @param {number} pid */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === "EPERM";
  }
}

/** Where office-addin-dev-certs keeps the certificates (SKYNET_DEV_CERTS_DIR overrides, as in scripts/dev-certs.ts). */
export function certificateDir() {
  return process.env.SKYNET_DEV_CERTS_DIR?.trim() || join(homedir(), ".office-addin-dev-certs");
}

/** The environment for child commands: the workspace's and the repo's node_modules/.bin on PATH. */
export function childEnv() {
  const bins = [join(ADDIN_DIR, "node_modules", ".bin"), join(REPO_DIR, "node_modules", ".bin")];
  return { ...process.env, PATH: [...bins, process.env.PATH ?? ""].join(delimiter) };
}

/** The script text of `name` in add-in/package.json (for runs outside npm, where getPackageJsonScript has nothing). @param {string} name */
export function ownScript(name) {
  const pkg = JSON.parse(readFileSync(join(ADDIN_DIR, "package.json"), "utf8"));
  const script = pkg.scripts?.[name];
  if (typeof script !== "string") throw new Error(`add-in/package.json has no "${name}" script.`);
  return script;
}

/** Plain-words instructions printed once the add-in is served on this machine. @param {ServerState} state */
export function instructions(state) {
  const base = `https://localhost:${state.port}/`;
  const ca = join(certificateDir(), "ca.crt");
  const portNote =
    state.port === 3000 ? "" : `\n  Note: manifest.xml names https://localhost:3000/; with port ${state.port} Excel will not find the add-in.`;
  return `
Sky Net Data add-in is being served over HTTPS at ${base}
  (background process ${state.pid}; log: ${state.log}; stop it with: npm stop)${portNote}

Open the taskpane in a browser (outside Excel it runs its preview):
  ${base}taskpane.html

Sideload into Excel on the web (in a browser on THIS machine, which must reach localhost:${state.port}):
  1. Trust the developer certificate once, or the add-in cannot load: import
     ${ca}
     into your browser or system as a trusted certificate authority
     (or open ${base}taskpane.html and accept the warning).
  2. Open Excel on the web (https://excel.cloud.microsoft or https://www.office.com), then open or create a workbook.
  3. Home > Add-ins > More Add-ins (or Insert > Add-ins > Office Add-ins) > Upload My Add-in.
  4. Choose this file and upload it:
     ${MANIFEST}
  5. Home > Sky Net Data opens the pane; type =SKYNET. in a cell to see the functions.

Desktop Excel on Windows or macOS: run "npm start" there; it sideloads with office-addin-debugging.
`;
}
