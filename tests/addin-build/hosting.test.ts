// Production hosting (deploy/): the headers each file of add-in/dist gets from the Azure Static Web Apps configuration
// and from the nginx example, read from the configs by their documented matching rules, and from a real nginx.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIST, ensureDist, freePort, temporaryCertificates } from "./helpers.js";

const DEPLOY = resolve(import.meta.dirname, "../../deploy");
const CI = process.env.CI === "true";
const YEAR = "public, max-age=31536000, immutable";
const DAY = "public, max-age=86400";

type Expected = { cache: string; cors: boolean; type: RegExp };
/** What each kind of file must carry (the policy README.md states), by dist path. */
function expected(path: string): Expected {
  if (path === "functions.json") return { cache: "no-cache", cors: true, type: /^application\/json\b/ };
  if (path === "functions.js") return { cache: "no-cache", cors: true, type: /^(text|application)\/javascript\b/ };
  if (/^assets\/[^/]+\.(js|css|map)$/.test(path)) return { cache: YEAR, cors: false, type: path.endsWith(".css") ? /^text\/css\b/ : path.endsWith(".map") ? /^application\/json\b/ : /^(text|application)\/javascript\b/ };
  if (/^assets\/[^/]+\.png$/.test(path)) return { cache: DAY, cors: false, type: /^image\/png$/ };
  if (path.endsWith(".html")) return { cache: "no-cache", cors: false, type: /^text\/html\b/ };
  if (path.endsWith(".xml")) return { cache: "no-cache", cors: false, type: /^(application|text)\/xml\b/ };
  if (path.endsWith(".json")) return { cache: "no-cache", cors: false, type: /^application\/json\b/ };
  throw new Error(`no rule for ${path}`);
}

/** Every file of dist/, as a path relative to it. */
function distFiles(): string[] {
  const walk = (dir: string, prefix: string): string[] =>
    readdirSync(join(DIST, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
  return walk(".", "");
}

const lower = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));

describe("deploy/staticwebapp.config.json (Azure Static Web Apps)", () => {
  type Route = { route: string; headers?: Record<string, string> };
  const config = JSON.parse(readFileSync(join(DEPLOY, "staticwebapp.config.json"), "utf8")) as { routes: Route[]; globalHeaders: Record<string, string>; mimeTypes: Record<string, string> };

  /** Static Web Apps' documented matching: routes in order, first match wins; `*` only at the end, optionally filtered by extension. */
  function matches(route: string, path: string): boolean {
    const m = /^(.*)\*(?:\.\{?([a-z0-9,]+)\}?)?$/.exec(route);
    if (!m) return route === path;
    if (!path.startsWith(m[1]!)) return false;
    return !m[2] || m[2].split(",").some((ext) => path.endsWith(`.${ext}`));
  }
  const headersFor = (path: string) => ({ ...lower(config.globalHeaders), ...lower(config.routes.find((r) => matches(r.route, path))?.headers ?? {}) });

  beforeAll(async () => {
    await ensureDist();
  });

  it("gives every file of the build its cache policy, and CORS to functions.json and functions.js only", () => {
    const files = distFiles().filter((f) => f !== "staticwebapp.config.json");
    expect(files).toEqual(expect.arrayContaining(["functions.js", "functions.json", "taskpane.html", "manifest.xml", "help/index.html", "assets/icon-32.png"]));
    for (const file of files) {
      const want = expected(file);
      const got = headersFor(`/${file}`);
      expect(got["cache-control"], file).toBe(want.cache);
      expect(got["access-control-allow-origin"], file).toBe(want.cors ? "*" : undefined);
      expect(got["x-content-type-options"], file).toBe("nosniff");
    }
  });

  it("serves JSON, JavaScript and XML with their content types", () => {
    const types = lower(config.mimeTypes);
    for (const [ext, path] of [[".json", "functions.json"], [".js", "functions.js"], [".xml", "manifest.xml"], [".html", "taskpane.html"], [".css", "assets/x.css"], [".map", "assets/x.js.map"], [".png", "assets/icon-16.png"]] as const) {
      expect(types[ext], ext).toMatch(expected(path).type);
    }
  });

  it("never forbids framing: Excel on the web shows the pane in a frame", () => {
    const all = JSON.stringify(config).toLowerCase();
    expect(all).not.toContain("x-frame-options");
    expect(all).not.toContain("frame-ancestors");
  });

  it("is copied to the root of dist, where Static Web Apps reads it", () => {
    expect(readFileSync(join(DIST, "staticwebapp.config.json"), "utf8")).toBe(readFileSync(join(DEPLOY, "staticwebapp.config.json"), "utf8"));
  });
});

/** A parsed nginx directive: `name args… ;` or `name args… { children }`. */
type Directive = { name: string; args: string[]; children?: Directive[] };

function parseNginx(text: string): Directive[] {
  const tokens = [...text.replace(/#[^\n]*/g, "").matchAll(/"([^"]*)"|'([^']*)'|([{};])|([^\s{};"']+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]!);
  let i = 0;
  const block = (): Directive[] => {
    const out: Directive[] = [];
    while (i < tokens.length && tokens[i] !== "}") {
      const words: string[] = [];
      while (i < tokens.length && tokens[i] !== ";" && tokens[i] !== "{") words.push(tokens[i++]!);
      const d: Directive = { name: words[0]!, args: words.slice(1) };
      if (tokens[i++] === "{") {
        d.children = block();
        i++;
      }
      out.push(d);
    }
    return out;
  };
  return block();
}

describe("deploy/nginx.conf", () => {
  const server = parseNginx(readFileSync(join(DEPLOY, "nginx.conf"), "utf8")).find((d) => d.name === "server")!;
  const locations = server.children!.filter((d) => d.name === "location");

  /** nginx's documented location choice: exact match, else the longest prefix unless a regex (in order) matches. */
  function locationFor(path: string): Directive {
    const exact = locations.find((l) => l.args[0] === "=" && l.args[1] === path);
    if (exact) return exact;
    const prefixes = locations.filter((l) => l.args.length === 1 && path.startsWith(l.args[0]!)).sort((a, b) => b.args[0]!.length - a.args[0]!.length);
    const regex = locations.find((l) => (l.args[0] === "~" || l.args[0] === "~*") && new RegExp(l.args[1]!, l.args[0] === "~*" ? "i" : "").test(path));
    return regex ?? prefixes[0]!;
  }
  const headersFor = (path: string) => {
    const l = locationFor(path);
    const own = l.children!.filter((d) => d.name === "add_header");
    // add_header at one level replaces those inherited from the level above.
    const used = own.length ? own : server.children!.filter((d) => d.name === "add_header");
    return Object.fromEntries(used.map((d) => [d.args[0]!.toLowerCase(), d.args[1]!]));
  };

  beforeAll(async () => {
    await ensureDist();
  });

  it("gives every file of the build the same headers as the Static Web Apps configuration", () => {
    for (const file of distFiles().filter((f) => f !== "staticwebapp.config.json")) {
      const want = expected(file);
      const got = headersFor(`/${file}`);
      expect(got["cache-control"], file).toBe(want.cache);
      expect(got["access-control-allow-origin"], file).toBe(want.cors ? "*" : undefined);
      expect(got["x-content-type-options"], file).toBe("nosniff");
    }
  });

  it("sends every header also on errors (always) and never forbids framing", () => {
    for (const d of locations.flatMap((l) => l.children!).filter((d) => d.name === "add_header")) expect(d.args.at(-1), d.args[0]).toBe("always");
    expect(readFileSync(join(DEPLOY, "nginx.conf"), "utf8")).not.toMatch(/^\s*add_header\s+(X-Frame-Options|Content-Security-Policy)/im);
  });

  it("serves HTTPS from the build folder, as Office requires", () => {
    expect(server.children!.filter((d) => d.name === "listen").every((d) => d.args.includes("ssl"))).toBe(true);
    expect(server.children!.find((d) => d.name === "root")?.args[0]).toMatch(/\/dist$/);
  });
});

// The real thing: nginx serving add-in/dist with deploy/nginx.conf on a loopback port over HTTPS.
const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p)) ?? (spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" }).stdout.trim() || null);
if (!NGINX && CI) throw new Error("The nginx test must run under CI, but nginx is not installed (apt-get install -y nginx; .ci/run does it).");

describe.skipIf(!NGINX)(`nginx serving add-in/dist with deploy/nginx.conf${NGINX ? "" : " (skipped: nginx is not installed; apt-get install -y nginx)"}`, () => {
  let dir = "";
  let nginx: ChildProcess | undefined;
  let port = 0;
  let certs: Awaited<ReturnType<typeof temporaryCertificates>>;
  let token = "";

  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((ok, fail) => {
      const req = request({ host: "127.0.0.1", port, path, servername: "localhost", ca: certs.ca, headers: { host: "localhost", ...headers }, timeout: 20_000 }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c));
        res.on("end", () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
      });
      req.on("timeout", () => req.destroy(new Error(`timeout fetching ${path}`)));
      req.on("error", fail);
      req.end();
    });

  beforeAll(async () => {
    await ensureDist();
    certs = await temporaryCertificates();
    dir = mkdtempSync(join(tmpdir(), "skynet-nginx-"));
    // nginx's workers drop root for an unprivileged user, who may not read a clone in a private folder: they serve
    // a copy of dist/ in a folder they can read.
    chmodSync(dir, 0o755);
    cpSync(DIST, join(dir, "www"), { recursive: true });
    port = await freePort();
    writeFileSync(join(dir, "cert.pem"), certs.cert);
    writeFileSync(join(dir, "key.pem"), certs.key);
    // The example as shipped, with only what a deployer changes: the address, the certificate and the folder.
    const site = readFileSync(join(DEPLOY, "nginx.conf"), "utf8")
      .replace(/^\s*listen 443 ssl;/m, `    listen 127.0.0.1:${port} ssl;`)
      .replace(/^\s*listen \[::\]:443 ssl;\n/m, "")
      .replace(/ssl_certificate\s+\S+;/, `ssl_certificate ${join(dir, "cert.pem")};`)
      .replace(/ssl_certificate_key\s+\S+;/, `ssl_certificate_key ${join(dir, "key.pem")};`)
      .replace(/root\s+\S+;/, `root ${join(dir, "www")};`);
    writeFileSync(join(dir, "site.conf"), site);
    const temp = (name: string) => `${name}_temp_path ${join(dir, name)};`;
    writeFileSync(
      join(dir, "nginx.conf"),
      `daemon off;\nworker_processes 1;\npid ${join(dir, "nginx.pid")};\nerror_log ${join(dir, "error.log")} warn;\nevents { worker_connections 64; }\nhttp {\n` +
        `  ${existsSync("/etc/nginx/mime.types") ? "include /etc/nginx/mime.types;" : "types { text/html html; text/css css; text/xml xml; application/javascript js; application/json json; image/png png; }"}\n` +
        `  default_type application/octet-stream;\n  access_log off;\n  ${["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(temp).join("\n  ")}\n  include ${join(dir, "site.conf")};\n}\n`,
    );
    const check = spawnSync(NGINX!, ["-t", "-p", dir, "-c", join(dir, "nginx.conf")], { encoding: "utf8" });
    if (check.status !== 0) throw new Error(`nginx -t rejected deploy/nginx.conf:\n${check.stderr}`);
    nginx = spawn(NGINX!, ["-p", dir, "-c", join(dir, "nginx.conf")], { stdio: ["ignore", "ignore", "pipe"] });
    for (let i = 0; i < 100; i++) {
      try {
        await get("/taskpane.html");
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    token = /functions\.json\?v=([^"]+)"/.exec(readFileSync(join(DIST, "manifest.xml"), "utf8"))![1]!;
  }, 60_000);

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((r) => nginx!.once("exit", r));
      nginx.kill("SIGQUIT");
      await exited;
    }
    certs?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("answers functions.json and functions.js at the manifest's versioned addresses with CORS for Excel on the web", async () => {
    for (const file of ["functions.json", "functions.js"]) {
      const res = await get(`/${file}?v=${token}`, { origin: "https://excel.officeapps.live.com" });
      expect(res.status, file).toBe(200);
      expect(res.body.equals(readFileSync(join(DIST, file))), file).toBe(true);
      expect(res.headers["access-control-allow-origin"], file).toBe("*");
      expect(res.headers["cache-control"], file).toBe("no-cache");
      expect(res.headers["content-type"], file).toMatch(expected(file).type);
      expect(res.headers.etag, file).toBeTruthy();
    }
  });

  it("sends each file of the build with its cache policy and content type, and nothing that forbids framing", async () => {
    for (const file of distFiles().filter((f) => f !== "staticwebapp.config.json")) {
      const res = await get(`/${file}`);
      const want = expected(file);
      expect(res.status, file).toBe(200);
      expect(res.headers["cache-control"], file).toBe(want.cache);
      expect(res.headers["content-type"], file).toMatch(want.type);
      expect(res.headers["access-control-allow-origin"], file).toBe(want.cors ? "*" : undefined);
      expect(res.headers["x-content-type-options"], file).toBe("nosniff");
      expect(res.headers["x-frame-options"], file).toBeUndefined();
    }
  });

  it("revalidates with the ETag: an unchanged functions.json costs a 304", async () => {
    const first = await get(`/functions.json?v=${token}`);
    const again = await get(`/functions.json?v=${token}`, { "if-none-match": String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it("answers 404 for a file that is not in the build", async () => {
    const res = await get("/functions.old.js");
    expect(res.status).toBe(404);
    expect(res.headers["cache-control"]).toBe("no-cache");
  });
});
