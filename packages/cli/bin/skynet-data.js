#!/usr/bin/env node
// Launcher kept in git so npm can link the command at install time, before `npm run build` has written dist/.
import { existsSync } from "node:fs";

const entry = new URL("../dist/bin.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("skynet-data: the CLI is not built yet. Run `npm run build -w @skynet-data/sdk -w @skynet-data/cli` (or `npm run build`) from the repository root first.\n");
  process.exit(1);
}
await import(entry.href);
