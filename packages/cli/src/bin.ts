import { main } from "./main.js";

// The process edge: arguments in, text out, exit code back to the shell.
const code = await main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
});
process.exitCode = code;
