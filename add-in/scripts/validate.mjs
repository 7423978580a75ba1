// @ts-check
// `npm run validate`: Microsoft's manifest validator. It POSTs the manifest to validationgateway.omex.office.net,
// so it needs the network; offline, say so and point at the structural check that runs in `npm test`.
import { spawnSync } from "node:child_process";
import { ADDIN_DIR, MANIFEST, childEnv } from "./server-state.mjs";

const args = process.argv.slice(2);
const target = args.find((a) => !a.startsWith("-")) ?? MANIFEST;
const flags = args.filter((a) => a.startsWith("-"));
const run = spawnSync("office-addin-manifest", ["validate", target, ...flags], { cwd: ADDIN_DIR, env: childEnv(), shell: process.platform === "win32", encoding: "utf8" });
process.stdout.write(run.stdout ?? "");
process.stderr.write(run.stderr ?? "");
if (run.status !== 0 && /Unable to contact the manifest validation service/.test(`${run.stdout}${run.stderr}`)) {
  console.error(
    "\nMicrosoft's manifest validator is an online service and could not be reached from here." +
      "\nThe offline structural check of manifest.xml runs with `npx vitest run tests/manifest` (and in `npm test`).",
  );
}
process.exitCode = run.status ?? 1;
