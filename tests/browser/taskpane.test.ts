// End-to-end: the taskpane preview in real headless Chromium, served from add-in/dist over HTTPS (as `npm start` serves
// it, so the pane's data feed reads dist/data/ as its own data address), office.js replaced by a local stand-in.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve } from "node:path";
import { planSheet, RELEASE } from "@skynet-data/sdk";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { temporaryCertificates } from "../addin-build/helpers.js";

const ROOT = resolve(import.meta.dirname, "../..");
const DIST = resolve(ROOT, process.env.SKYNET_ADDIN_DIST ?? "add-in/dist");
const CHROMIUM = "/usr/bin/chromium";
const SHOTS = join(ROOT, "test-results");
const CI = process.env.CI === "true";
// Waits on the page, not a timing: generous so a loaded CI machine does not time out.
const SLOW = 120_000;
const SHEET = { foxHunt: planSheet("fox-hunt").sheetName, skyNet: planSheet("sky-net").sheetName, treaties: planSheet("treaties").sheetName };

const missing = !existsSync(join(DIST, "taskpane.html")) ? `${join(DIST, "taskpane.html")} is missing (run npm run build)` : !existsSync(CHROMIUM) ? `no Chromium at ${CHROMIUM} (apt-get install chromium)` : null;
if (missing && CI) throw new Error(`The browser tests must run under CI, but ${missing}.`);

// What Office.onReady answers in a plain browser: no host, so the pane runs its preview.
const OFFICE_STAND_IN = "window.Office = { onReady: function () { return Promise.resolve({ host: null, platform: null }); } };";
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".png": "image/png", ".xml": "application/xml", ".map": "application/json" };

describe.skipIf(missing !== null)(`taskpane preview in Chromium${missing ? ` (skipped: ${missing})` : ""}`, () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let base = "";
  let certs: Awaited<ReturnType<typeof temporaryCertificates>>;

  beforeAll(async () => {
    certs = await temporaryCertificates();
    server = createServer({ key: certs.key, cert: certs.cert }, (req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^([/\\])+/, "");
      const file = join(DIST, path || "taskpane.html");
      if (!file.startsWith(DIST) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    base = `https://localhost:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"] });
    // The developer CA of this test run is not in Chromium's store: its certificate errors are ignored for this page.
    page = await browser.newPage({ viewport: { width: 1500, height: 900 }, ignoreHTTPSErrors: true });
    page.setDefaultTimeout(SLOW / 2);
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("https://appsforoffice.microsoft.com/")) return route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_STAND_IN });
      if (url.startsWith(base)) return route.continue();
      return route.abort();
    });
    mkdirSync(SHOTS, { recursive: true });
    await page.goto(`${base}/taskpane.html`);
    await page.waitForSelector("fluent-checkbox[data-id]");
  }, SLOW);

  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((ok) => server?.close(ok));
    certs?.cleanup();
  });

  const openSheet = async (name: string) => {
    await page.click(`.tabs button[data-sheet="${name}"]`);
    await page.waitForSelector(`.tabs button[aria-selected="true"][data-sheet="${name}"]`);
  };
  /** The rendered texts of the grid's rows that contain every given text. */
  const rowsWith = (...texts: string[]) =>
    page.$$eval("table.grid tbody tr", (trs, want) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")).filter((cells) => want.every((w) => cells.includes(w))), texts);

  it("lists every dataset with its rows, period and sources", async () => {
    const metas = await page.$$eval("ul.datasets .meta", (els) => els.map((e) => e.textContent ?? ""));
    expect(metas.length).toBeGreaterThanOrEqual(7);
    for (const m of metas) expect(m).toMatch(/^\d+ rows · \d{4}(–\d{4})? · \d+ sources?$/);
    await page.screenshot({ path: join(SHOTS, "taskpane-1-start.png") });
  });

  it("inserts every dataset and shows the known figures in the cells", async () => {
    await page.click("#all");
    await page.click("#insert");
    await page.waitForSelector(".report h2:has-text('Insert report')");
    const statuses = await page.$$eval(".report li .status", (els) => els.map((e) => e.textContent));
    expect(statuses.length).toBeGreaterThanOrEqual(8);
    expect(new Set(statuses)).toEqual(new Set(["Inserted"]));
    await openSheet(SHEET.foxHunt);
    expect(await rowsWith("fox-hunt.captured", "2014 (Jul–Dec)", "680")).toHaveLength(1);
    await openSheet(SHEET.skyNet);
    // Sky Net 2015 is the campaign's April–December (data release 2026.11.1).
    expect(await rowsWith("sky-net.returned", "2015 (Apr–Dec)", "1,023", "2015-12-31")).toHaveLength(1);
    expect(await page.$$eval("figure.chart", (f) => f.length)).toBe(2);
    expect(await page.locator("figure.chart text", { hasText: "(partial period)" }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, "taskpane-2-inserted.png") });
    await openSheet(SHEET.treaties);
    expect(await rowsWith("treaties.extradition.in-force", "Nov 2014", "29")).toHaveLength(1);
    await openSheet("Sources");
    expect(await page.$$eval("table.grid a[href^='http']", (a) => a.length)).toBeGreaterThan(5);
    await page.screenshot({ path: join(SHOTS, "taskpane-3-sources.png") });
  }, SLOW);

  it("keeps a cell typed beside a table through a refresh and reports the changes", async () => {
    await openSheet(SHEET.skyNet);
    // Two columns right of the table's last column, on its second data row.
    const beside = await page.$eval("table.grid tbody", (tbody) => {
      const rows = [...tbody.querySelectorAll("tr")];
      const header = rows.findIndex((tr) => tr.querySelector("td.th-row"));
      const last = [...rows[header]!.querySelectorAll("td")].map((td) => td.classList.contains("th-row")).lastIndexOf(true);
      return rows[header + 2]!.querySelectorAll("td")[last + 2]!.dataset.addr!;
    });
    await page.click(`td[data-addr="${beside}"]`);
    await page.fill("#cell-input", "my own note");
    await page.press("#cell-input", "Enter");
    await expect.poll(() => page.textContent(`td[data-addr="${beside}"]`)).toBe("my own note");
    await page.click("#refresh");
    await page.waitForSelector(".report h2:has-text('Refresh report')");
    // The add-in's own data folder (dist/data) holds the bundled release: nothing new, no recalculation.
    expect(await page.textContent("#release-line")).toBe(`Release ${RELEASE.version} is the latest: no new release.`);
    const messages = await page.$$eval(".report li p", (ps) => ps.map((p) => p.textContent));
    expect(messages.length).toBeGreaterThanOrEqual(8);
    for (const m of messages) expect(m).toBe("Up to date: no rows added, removed or revised.");
    expect(await page.textContent(`td[data-addr="${beside}"]`)).toBe("my own note");
    await page.screenshot({ path: join(SHOTS, "taskpane-4-refreshed.png") });
  }, SLOW);
});
