// @ts-check
// `npm stop`: undo what `npm start` did (office-addin-debugging on Windows/macOS; the background server elsewhere).
import { spawnSync } from "node:child_process";
import { logErrorMessage, parseNumber } from "office-addin-cli";
import { ADDIN_DIR, CAN_SIDELOAD_DESKTOP, MANIFEST, childEnv, clearState, isAlive, readState, stateFile } from "./server-state.mjs";

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const port = parseNumber(process.env.npm_package_config_dev_server_port ?? process.env.PORT, "The port must be a number.") ?? 3000;
  if (CAN_SIDELOAD_DESKTOP) {
    const run = spawnSync(`office-addin-debugging stop "${MANIFEST}" desktop`, { cwd: ADDIN_DIR, env: childEnv(), shell: true, stdio: "inherit" });
    process.exitCode = run.status ?? 1;
    return;
  }
  const state = readState(port);
  if (!state) {
    console.log(`Nothing to stop: no server started by "npm start" is recorded in ${stateFile(port)}.`);
    return;
  }
  if (isAlive(state.pid)) {
    // The server runs in its own process group (detached), so the shell and Vite stop together.
    process.kill(-state.pid, "SIGTERM");
    for (let i = 0; i < 50 && isAlive(state.pid); i++) await sleep(100);
    if (isAlive(state.pid)) process.kill(-state.pid, "SIGKILL");
    console.log(`Stopped the Sky Net Data add-in server (process ${state.pid}, https://localhost:${state.port}/).`);
  } else {
    console.log(`The server recorded in ${stateFile(port)} (process ${state.pid}) had already stopped.`);
  }
  clearState(port);
}

main().catch((error) => {
  logErrorMessage(error);
  process.exitCode = 1;
});
