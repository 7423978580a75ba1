// Item 6: time from opening the taskpane preview (add-in/dist served locally, office.js intercepted) in headless
// Chromium to a usable dataset list; and the time Chromium takes to evaluate functions.js.
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";
import { emit, median, ROOT, round, type Row } from "../lib/report.js";

const CHROMIUM = process.env.BENCH_CHROMIUM ?? "/usr/bin/chromium";
const OPENS = Number(process.env.BENCH_OPENS ?? 5);
const EVALS = Number(process.env.BENCH_EVALS ?? 7);
const DIST = join(ROOT, "add-in/dist");
// Ready: the dataset checkboxes exist and Fluent UI has upgraded them (the custom element is defined), so they can be ticked.
const READY = "ul.datasets fluent-checkbox[data-id]:defined";

if (!existsSync(CHROMIUM)) {
  emit([{ item: 6, measurement: "Taskpane ready in headless Chromium", value: null, unit: "ms", verdict: "skipped", note: `no Chromium at ${CHROMIUM} (apt-get install chromium)` }]);
  process.exit(0);
}

// What Office.onReady answers in a plain browser: no host, so the pane runs its preview (as in tests/browser).
const OFFICE_STAND_IN = "window.Office = { onReady: function () { return Promise.resolve({ host: null, platform: null }); } };";
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".png": "image/png", ".map": "application/json" };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^([/\\])+/, "");
  const file = join(DIST, path || "taskpane.html");
  if (!file.startsWith(DIST) || !existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
});
await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"] });

const ready: number[] = [];
const dcl: number[] = [];
try {
  for (let i = 0; i < OPENS + 1; i++) {
    // A fresh context each time: empty HTTP cache, as when Excel opens the pane for the first time in a session.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("https://appsforoffice.microsoft.com/")) return route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_STAND_IN });
      return url.startsWith(base) ? route.continue() : route.abort();
    });
    await page.addInitScript((selector) => {
      const w = window as unknown as { __ready?: number };
      const check = () => {
        if (w.__ready === undefined && document.querySelector(selector)) w.__ready = performance.now();
      };
      new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
      customElements.whenDefined("fluent-checkbox").then(check, () => undefined);
    }, READY);
    await page.goto(`${base}/taskpane.html`);
    await page.waitForSelector(READY);
    const t = await page.evaluate(() => ({ ready: (window as unknown as { __ready?: number }).__ready ?? performance.now(), dcl: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).domContentLoadedEventEnd }));
    if (i > 0) {
      ready.push(t.ready);
      dcl.push(t.dcl);
    }
    await context.close();
  }

  // functions.js evaluated by V8 in the page: indirect eval = compile + run, a fresh page each time, source made unique.
  const source = readFileSync(join(DIST, "functions.js"), "utf8");
  const evals: number[] = [];
  const context = await browser.newContext();
  for (let i = 0; i < EVALS + 1; i++) {
    const page = await context.newPage();
    await page.goto("about:blank");
    const ms = await page.evaluate((src) => {
      (window as unknown as { CustomFunctions: unknown }).CustomFunctions = { Error, ErrorCode: {}, associate: () => undefined };
      const t = performance.now();
      (0, eval)(src);
      return performance.now() - t;
    }, `${source}\n// ${i} ${Math.random()}`);
    if (i > 0) evals.push(ms);
    await page.close();
  }
  await context.close();

  const rows: Row[] = [
    {
      item: 6,
      measurement: `Taskpane ready: open preview → usable dataset list (median of ${OPENS})`,
      value: round(median(ready), 0),
      unit: "ms",
      verdict: "measured",
      note: `from navigation start to "${READY}"; DOMContentLoaded at ${round(median(dcl), 0)} ms; fresh browser context (cold HTTP cache) each time, served from 127.0.0.1`,
    },
    { item: 6, measurement: `Start-up: evaluate functions.js in Chromium (median of ${EVALS})`, value: round(median(evals), 1), unit: "ms", verdict: "measured", note: "indirect eval (compile + run) in a fresh page" },
  ];
  emit(rows, { readyMs: ready, domContentLoadedMs: dcl, chromiumEvalMs: evals, version: browser.version() });
} finally {
  await browser.close();
  server.close();
}
