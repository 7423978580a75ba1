// @ts-check
// `npm start`: on Windows and macOS sideload into desktop Excel with office-addin-debugging (it runs the
// dev-server script itself); elsewhere build, serve dist/ over HTTPS in the background, and say how to sideload.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";
import { request } from "node:https";
import { join } from "node:path";
import { getPackageJsonScript, logErrorMessage, parseNumber } from "office-addin-cli";
import {
  ADDIN_DIR, CAN_SIDELOAD_DESKTOP, MANIFEST, certificateDir, childEnv, clearState, instructions, isAlive, logFile,
  ownScript, readState, writeState,
} from "./server-state.mjs";

/** @param {string} name */
async function script(name) {
  return (await getPackageJsonScript(name)) ?? ownScript(name);
}

/** One HTTPS probe of the taskpane page, trusting the developer CA. @param {number} port @returns {Promise<boolean>} */
function probe(port) {
  const caPath = join(certificateDir(), "ca.crt");
  if (!existsSync(caPath)) return Promise.resolve(false);
  const ca = readFileSync(caPath);
  return new Promise((done) => {
    const req = request({ host: "localhost", port, path: "/taskpane.html", ca, timeout: 2000 }, (res) => {
      res.resume();
      done(res.statusCode === 200);
    });
    req.on("error", () => done(false));
    req.on("timeout", () => req.destroy());
    req.end();
  });
}

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const port = parseNumber(process.env.npm_package_config_dev_server_port ?? process.env.PORT, "The port must be a number.") ?? 3000;
  if (CAN_SIDELOAD_DESKTOP) {
    const run = spawnSync(`office-addin-debugging start "${MANIFEST}" desktop --app excel`, { cwd: ADDIN_DIR, env: childEnv(), shell: true, stdio: "inherit" });
    process.exitCode = run.status ?? 1;
    return;
  }
  const running = readState(port);
  if (running && isAlive(running.pid)) {
    console.log(`Already running (process ${running.pid}).`);
    console.log(instructions(running));
    return;
  }
  clearState(port);
  const build = spawnSync(await script("build"), { cwd: ADDIN_DIR, env: childEnv(), shell: true, stdio: "inherit" });
  if (build.status !== 0) throw new Error("The add-in build failed (see above); nothing was started.");

  const log = logFile(port);
  const out = openSync(log, "w");
  const child = spawn(await script("serve"), {
    cwd: ADDIN_DIR,
    env: { ...childEnv(), npm_package_config_dev_server_port: String(port) },
    shell: true,
    detached: true,
    stdio: ["ignore", out, out],
  });
  closeSync(out);
  if (child.pid === undefined) throw new Error("Could not start the HTTPS server.");
  const state = { pid: child.pid, port, log, repo: ADDIN_DIR, started: new Date().toISOString() };
  writeState(state);
  let exited = false;
  child.on("exit", () => (exited = true));
  child.unref();

  for (let i = 0; i < 120 && !exited; i++) {
    if (await probe(port)) {
      console.log(readFileSync(log, "utf8").split("\n").filter((l) => l.includes("[skynet-addin]")).join("\n"));
      console.log(instructions(state));
      return;
    }
    await sleep(500);
  }
  clearState(port);
  if (!exited) process.kill(-child.pid, "SIGTERM");
  throw new Error(`The HTTPS server did not answer on https://localhost:${port}/taskpane.html. Its log (${log}):\n${readFileSync(log, "utf8")}`);
}

main().catch((error) => {
  logErrorMessage(error);
  process.exitCode = 1;
});
