/// <reference types="office-js" />
// Item 7: the data feed (signed data releases).
//   a. Fetch, verify and swap the current release from a local HTTPS server (budget ≤ 100 ms, median): the add-in's
//      DataFeed in Node, over node:https trusting a throwaway developer CA, from a release folder the CLI's publishReleases
//      wrote with a throwaway key; the time from refresh() to the functions answering from the new release.
//   b. Start-up with a cached release against start-up with the bundled one (budget: no slower): the built
//      taskpane.html (the shared runtime's page, with functions.js and a stand-in CustomFunctions) in headless Chromium,
//      from navigation start to a first call answering from the release held, made as soon as it is held (registered,
//      for the bundled one; swapped in by functions.js's early restore, for a kept one): the answer tables are built on
//      a function's first call, so the time to registration alone would leave that out of the bundled figure only.
//      Fresh browser context each time, interleaved.
//   c. What each way of making =SKYNET formulas follow a new release costs on the workbook double (measured).
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { request } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { Readable } from "node:stream";
import { createHash } from "node:crypto";
import { functionsFor, loadRelease } from "@skynet-data/sdk";
import { chromium } from "playwright-core";
import { DataFeed, STORE_KEYS } from "../../../add-in/src/data-feed/feed.js";
import { memoryStore } from "../../../add-in/src/data-feed/store.js";
import { devCertificates } from "../../../add-in/scripts/dev-certs.js";
import { measureFormulasFollow } from "../../../add-in/test/bench-counts/formulas-follow.js";
import { releaseFolder, serveFolder } from "../../../add-in/test/data-feed/folder.js";
import { fileText, madeUpReleases, V1 } from "../../../add-in/test/data-feed/made-up.js";
import { emit, median, ROOT, round, verdict, type Row } from "../lib/report.js";

const FETCHES = Number(process.env.BENCH_FETCHES ?? 21);
const OPENS = Number(process.env.BENCH_OPENS ?? 9);
const CHROMIUM = process.env.BENCH_CHROMIUM ?? "/usr/bin/chromium";
const DIST = join(ROOT, "add-in/dist");
const BUDGET_MS = 100;

const R = madeUpReleases();
const bundled = loadRelease(fileText(R.bundled));
const rows: Row[] = [];
const details: Record<string, unknown> = {};

// ---- a. fetch, verify and swap over HTTPS ----
const certDir = mkdtempSync(join(tmpdir(), "skynet-bench-certs-"));
process.env.SKYNET_DEV_CERTS_DIR = certDir;
const quiet = console.log;
console.log = () => undefined;
const certs = await devCertificates({ install: false });
console.log = quiet;
const folder = await releaseFolder();
await folder.publish([R.bundled, R.r1]);
const server = await serveFolder(folder.dir, { key: certs.key, cert: certs.cert });

/** fetch over node:https, trusting the developer CA of this run (Node's own fetch trusts only the system's CAs). */
const httpsFetch = (input: string, init?: RequestInit): Promise<Response> =>
  new Promise((ok, fail) => {
    const req = request(input, { ca: certs.ca, headers: (init?.headers ?? {}) as Record<string, string>, ...(init?.signal ? { signal: init.signal } : {}) }, (res) => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(res.headers)) if (typeof v === "string") headers.set(k, v);
      ok(new Response(Readable.toWeb(res) as ReadableStream, { status: res.statusCode ?? 0, statusText: res.statusMessage ?? "", headers }));
    });
    req.on("error", fail);
    req.end();
  });

const fetchMs: number[] = [];
try {
  for (let i = 0; i < FETCHES + 3; i++) {
    const feed = new DataFeed({ bundled, publicKey: folder.keys.publicKey, defaultDataUrl: server.dataUrl, store: memoryStore(), fetch: httpsFetch });
    // The swap, as functions.js's hook does it: the functions over the new release and its history.
    let answering = bundled.release!.version;
    feed.subscribe((e) => {
      if (e.type !== "held") return;
      functionsFor(e.state.held.catalog, e.state.history);
      answering = e.state.held.version;
    });
    const t = performance.now();
    const outcome = await feed.refresh();
    const ms = performance.now() - t;
    if (outcome.kind !== "updated" || answering !== V1) throw new Error(`the refresh did not swap in ${V1}: ${outcome.message}`);
    if (i >= 3) fetchMs.push(ms);
  }
} finally {
  await server.close();
  folder.cleanup();
}
const fetchMedian = median(fetchMs);
rows.push({
  item: 7,
  measurement: `Fetch, verify and swap the current release from a local HTTPS server (Node, median of ${FETCHES})`,
  value: round(fetchMedian, 1),
  unit: "ms",
  against: { kind: "budget", text: `≤ ${BUDGET_MS} ms median`, value: BUDGET_MS, unit: "ms" },
  ratio: round(fetchMedian / BUDGET_MS),
  verdict: verdict(fetchMedian <= BUDGET_MS),
  note: `latest.json, then the ${Math.round(Buffer.byteLength(fileText(R.r1)) / 1024)} KB release: https, size, SHA-256 of the canonical body, ECDSA P-256 signature, format; kept in the store; the functions rebuilt over it (min ${round(Math.min(...fetchMs), 1)}, max ${round(Math.max(...fetchMs), 1)} ms)`,
});
details.fetchVerifySwapMs = fetchMs;

// ---- b. start-up with a cached release vs the bundled one, in Chromium ----
if (!existsSync(CHROMIUM) || !existsSync(join(DIST, "taskpane.html"))) {
  rows.push({ item: 7, measurement: "Start-up with a cached release vs the bundled one (Chromium)", value: null, unit: "ms", verdict: "skipped", note: !existsSync(CHROMIUM) ? `no Chromium at ${CHROMIUM}` : "add-in/dist is not built" });
} else {
  const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".png": "image/png", ".map": "application/json" };
  const web = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^([/\\])+/, "");
    if (path === "blank.html") return void res.writeHead(200, { "Content-Type": "text/html" }).end("<!doctype html><title>blank</title>");
    const file = join(DIST, path || "taskpane.html");
    if (!file.startsWith(DIST) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise<void>((ok) => web.listen(0, "127.0.0.1", ok));
  const base = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
  // Office.onReady answers "no host" (the preview), and a stand-in CustomFunctions lets functions.js register and hook in.
  const STAND_IN = "window.Office = { onReady: function () { return Promise.resolve({ host: null, platform: null }); } };";
  const text = fileText(R.r1);
  const now = new Date().toISOString();
  // What the feed keeps after downloading 2026.12.0, and a check a moment ago (so start-up does not check again).
  const kept: Record<string, string> = {
    [STORE_KEYS.cache]: JSON.stringify({
      held: { version: V1, hash: R.r1.hash, downloadedAt: now, url: `${base}/data/releases/${V1}.json`, pinned: false },
      releases: [{ version: V1, hash: R.r1.hash, downloadedAt: now, url: `${base}/data/releases/${V1}.json`, digest: createHash("sha256").update(text).digest("hex") }],
    }),
    [STORE_KEYS.release(V1)]: text,
  };
  const checked = { [STORE_KEYS.lastCheck]: JSON.stringify({ at: now, ok: true, message: "bench" }) };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"] });
  const samples: Record<"bundled" | "cached", number[]> = { bundled: [], cached: [] };
  try {
    for (let i = 0; i < OPENS + 1; i++) {
      for (const variant of (i % 2 ? ["cached", "bundled"] : ["bundled", "cached"]) as ("bundled" | "cached")[]) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.route("**/*", (route) => {
          const url = route.request().url();
          if (url.startsWith("https://appsforoffice.microsoft.com/")) return route.fulfill({ status: 200, contentType: "text/javascript", body: STAND_IN });
          return url.startsWith(base) ? route.continue() : route.abort();
        });
        await page.goto(`${base}/blank.html`);
        await page.evaluate((items) => Object.entries(items).forEach(([k, v]) => localStorage.setItem(k, v)), variant === "cached" ? { ...kept, ...checked } : checked);
        await page.addInitScript((cached) => {
          // When the functions first answer from the release held: a first call of a registered function, made as
          // soon as that release is held (registered, for the bundled release; swapped in by functions.js's early
          // restore, for a kept one) and timed when it returns. The answer tables are built on a function's first
          // call, so registration alone is not answering.
          const w = window as unknown as Record<string, unknown>;
          const registered: Record<string, (...args: unknown[]) => unknown> = {};
          const firstAnswer = () => {
            try {
              (registered.CAPTURES as (year: number) => number)(2014);
            } catch {
              // #N/A or #VALUE! is an answer too
            }
            w.__answeredAt = performance.now();
          };
          w.CustomFunctions = {
            associate: (id: string, fn: (...args: unknown[]) => unknown) => {
              registered[id] = fn;
              if (id === "REVISIONS" && !cached) queueMicrotask(firstAnswer);
            },
            Error,
            ErrorCode: {},
          };
          let early: Promise<{ version: string } | null> | undefined;
          Object.defineProperty(w, "skynetEarlyRestore", {
            configurable: true,
            get: () => early,
            set: (p: Promise<{ version: string } | null>) => {
              early = p;
              void p.then((r) => {
                if (r && cached) firstAnswer();
                w.__earlyAt = performance.now();
                w.__earlyVersion = r?.version ?? null;
              });
            },
          });
        }, variant === "cached");
        await page.goto(`${base}/taskpane.html`);
        await page.waitForFunction(() => (window as unknown as { __earlyAt?: number; __answeredAt?: number }).__earlyAt !== undefined && (window as unknown as { __answeredAt?: number }).__answeredAt !== undefined);
        const got = await page.evaluate(() => {
          const w = window as unknown as { __answeredAt: number; __earlyVersion: string | null };
          return { at: w.__answeredAt, version: w.__earlyVersion ?? "bundled" };
        });
        const want = variant === "cached" ? V1 : "bundled";
        if (got.version !== want) throw new Error(`start-up (${variant}) answers from ${got.version}, not ${want}`);
        if (i > 0) samples[variant].push(got.at);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    web.close();
  }
  const b = median(samples.bundled);
  const c = median(samples.cached);
  rows.push({
    item: 7,
    measurement: `Start-up with a cached release: navigation to the first answer from it (Chromium, median of ${OPENS})`,
    value: round(c, 0),
    unit: "ms",
    against: { kind: "baseline", text: `no slower than with the bundled one: ${round(b, 0)} ms`, value: round(b, 0), unit: "ms" },
    ratio: round(c / b),
    verdict: verdict(c <= b),
    note: `the shared runtime's page (taskpane.html) in a fresh browser context each time, the two interleaved; the time a first call (CAPTURES(2014)) returns, made as soon as the release is held: bundled, when functions.js has registered the functions; cached, when functions.js's early restore has read the kept ${V1} back from localStorage and swapped it in (its SHA-256 is checked right after). Both include reading the release and building the function's answer table, which happen on a function's first call`,
  });
  details.startupMs = samples;
}
rmSync(certDir, { recursive: true, force: true });

// ---- c. formulas follow a new release: each way's cost on the workbook double ----
const size = { skynet: 500, ordinary: 5_000, values: 10_000 };
const R0 = loadRelease(readFileSync(join(ROOT, "sdk/src/releases/2026.11.0.json"), "utf8"));
const follow = await measureFormulasFollow(R0, bundled, size);
for (const w of follow.ways) {
  rows.push({
    item: 7,
    measurement: `Formulas follow, ${w.way}: ${w.syncs} sync${w.syncs === 1 ? "" : "s"}, bytes read (workbook of ${follow.cells.toLocaleString("en-US")} cells)`,
    value: w.responseBytes,
    unit: "bytes",
    verdict: "measured",
    note: `${w.requestBytes.toLocaleString("en-US")} bytes sent; ${w.formulasCalculated.toLocaleString("en-US")} formulas calculated, ${w.functionCalls} custom-function calls; every =SKYNET cell ${w.follows ? "shows the new release" : "keeps the old answer"}`,
  });
}
details.formulasFollow = { size, ...follow };

emit(rows, details);
