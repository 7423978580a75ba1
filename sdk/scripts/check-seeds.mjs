// check:seeds — every seed file matches the sha256 its metadata records (and the shared copy, where present).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = new URL("../../seeds/", import.meta.url).pathname;
let bad = 0;
for (const f of readdirSync(dir).filter((n) => n.endsWith(".meta.json"))) {
  const meta = JSON.parse(readFileSync(join(dir, f), "utf8"));
  const bytes = readFileSync(join(dir, meta.file));
  const hash = createHash("sha256").update(bytes).digest("hex");
  if (hash !== meta.sha256) {
    console.error(`${meta.file}: sha256 ${hash} differs from ${f} (${meta.sha256})`);
    bad++;
  }
  const shared = join(dir, "../../shared/seeds", meta.file);
  if (existsSync(shared) && !readFileSync(shared).equals(bytes)) {
    console.error(`${meta.file}: differs from the shared copy ${shared}`);
    bad++;
  }
  if (!bad) console.log(`${meta.file}: ok (${hash.slice(0, 12)}…, reference date ${meta.referenceDate})`);
}
process.exit(bad ? 1 : 0);
