// End-to-end: the taskpane preview calculates, in real headless Chromium, served from add-in/dist over HTTPS with
// office.js replaced by a stand-in that answers "no Office host" (a plain browser). A formula typed into the grid is
// answered by the custom functions of the built functions.js (the wrappers it publishes on SkynetFunctions, the ones
// Excel is given), spills, and shows Excel's error values with their words. Expected figures from the datasets
// (sdk/src/datasets/*/data.ts): Fox Hunt captured 680 in 2014 (Jul–Dec), 857 in 2015 (Apr–Dec), 951 in 2016; Sky Net
// returned 908 in Jan–Nov 2016 only, so 2016 has no full-year figure.
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { temporaryCertificates } from "../addin-build/helpers.js";
import { DIST, DOC_SHOTS, launchChromium, missingPrerequisite, OFFICE_NO_HOST, routeOnly, serveDist, typeInto, type DistServer } from "./harness.js";

// The README's first screenshot.
const DOC_SHOT = join(DOC_SHOTS, "preview-calculates.png");
// Waits on the page, not a timing: generous so a loaded CI machine does not time out.
const SLOW = 120_000;
const missing = missingPrerequisite({ builtDist: true });

describe.skipIf(missing !== null)(`the preview calculates, in Chromium${missing ? ` (skipped: ${missing})` : ""}`, () => {
  let server: DistServer;
  let browser: Browser;
  let page: Page;
  let certs: Awaited<ReturnType<typeof temporaryCertificates>>;

  /** A fresh page of the built preview at 800 px wide; `withoutFunctionsJs` answers 404 for functions.js. */
  const openPreview = async (withoutFunctionsJs = false): Promise<Page> => {
    const p = await browser.newPage({ viewport: { width: 800, height: 760 }, ignoreHTTPSErrors: true });
    p.setDefaultTimeout(SLOW / 2);
    const override = (url: string) => (withoutFunctionsJs && new URL(url).pathname === "/functions.js" ? { status: 404, body: "" } : undefined);
    await routeOnly(p, { office: OFFICE_NO_HOST, allowed: [server.base], override });
    await p.goto(`${server.base}/taskpane.html`);
    await p.waitForSelector("#cell-input");
    return p;
  };
  const shown = (p: Page, address: string) => p.$eval(`td[data-addr="${address}"]`, (td) => td.textContent ?? "");

  beforeAll(async () => {
    certs = await temporaryCertificates();
    server = await serveDist(DIST, certs);
    browser = await launchChromium();
    mkdirSync(dirname(DOC_SHOT), { recursive: true });
    page = await openPreview();
    // Every call of functions.js's published wrappers is recorded, so the test sees that the grid's answers are theirs.
    await page.evaluate(() => {
      const w = window as unknown as { SkynetFunctions: Record<string, (...a: unknown[]) => unknown>; skynetCalls: string[] };
      w.skynetCalls = [];
      for (const [id, fn] of Object.entries(w.SkynetFunctions)) {
        w.SkynetFunctions[id] = (...a: unknown[]) => {
          w.skynetCalls.push(`${id}(${a.map((x) => JSON.stringify(x)).join(",")})`);
          return fn(...a);
        };
      }
    });
  }, SLOW);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    certs?.cleanup();
  });

  const calls = () => page.evaluate(() => (window as unknown as { skynetCalls: string[] }).skynetCalls.splice(0));

  it("computes =SKYNET.CAPTURES(2014) as 680 through functions.js's own wrapper, and a reference to it", async () => {
    await typeInto(page, "A1", "=SKYNET.CAPTURES(2014)");
    expect(await shown(page, "A1")).toBe("680");
    expect(await calls()).toEqual(["CAPTURES(2014)"]);
    await typeInto(page, "A2", "=A1*2");
    expect(await shown(page, "A2")).toBe("1360");
    // A cell the formula reads changes: the formula follows.
    await typeInto(page, "B1", "2015");
    await typeInto(page, "B2", "=SKYNET.CAPTURES(B1)");
    expect(await shown(page, "B2")).toBe("857");
    await typeInto(page, "B1", "2016");
    expect(await shown(page, "B2")).toBe("951");
    expect(await calls()).toEqual(["CAPTURES(2015)", "CAPTURES(2016)"]);
  }, SLOW);

  it("spills a SERIES down and right", async () => {
    await typeInto(page, "C1", '=SKYNET.SERIES("fox-hunt.captured")');
    expect([await shown(page, "C1"), await shown(page, "D1"), await shown(page, "F1")]).toEqual(["Period", "Start", "Value"]);
    expect([await shown(page, "C2"), await shown(page, "F2")]).toEqual(["2014 (Jul–Dec)", "680"]);
    expect([await shown(page, "C3"), await shown(page, "F3")]).toEqual(["2015 (Apr–Dec)", "857"]);
    expect(await page.$eval('td[data-addr="F2"]', (td) => td.classList.contains("spilled"))).toBe(true);
    expect(await calls()).toEqual(['SERIES("fox-hunt.captured")']);
  }, SLOW);

  it("shows #N/A with its words in the cell's tooltip and, once selected, in the status line", async () => {
    await typeInto(page, "A4", "=SKYNET.RETURNED(2016)");
    expect(await shown(page, "A4")).toBe("#N/A");
    expect(await page.$eval('td[data-addr="A4"]', (td) => td.getAttribute("title"))).toMatch(/^#N\/A: .*908 persons for Jan–Nov 2016/);
    await page.click('td[data-addr="A4"]');
    expect(await page.textContent("#cell-status")).toMatch(/^#N\/A: no full, exact figure of sky-net\.returned for 2016\. What exists: 908 persons for Jan–Nov 2016/);
    await typeInto(page, "A5", "=SKYNET.NOPE(1)");
    expect(await shown(page, "A5")).toBe("#NAME?");
    await typeInto(page, "A6", "=1/0");
    expect(await shown(page, "A6")).toBe("#DIV/0!");
    await page.click('td[data-addr="A4"]');
    await page.screenshot({ path: DOC_SHOT });
  }, SLOW);

  it("answers #SPILL! when a cell is in the way, and the analyst's value stays", async () => {
    await typeInto(page, "A8", "mine");
    await typeInto(page, "A7", '=SKYNET.SERIES("spp.returned")');
    expect(await shown(page, "A7")).toBe("#SPILL!");
    expect(await shown(page, "A8")).toBe("mine");
    await page.click('td[data-addr="A7"]');
    expect(await page.textContent("#cell-status")).toBe("#SPILL!: The spill range isn't blank: A8 hold data.");
  }, SLOW);

  it("without functions.js on the page, a SKYNET formula answers #NAME? saying so: the answers come from functions.js", async () => {
    const bare = await openPreview(true);
    try {
      expect(await bare.evaluate(() => "SkynetFunctions" in window)).toBe(false);
      await typeInto(bare, "A1", "=SKYNET.CAPTURES(2014)");
      expect(await shown(bare, "A1")).toBe("#NAME?");
      await bare.click('td[data-addr="A1"]');
      expect(await bare.textContent("#cell-status")).toBe("#NAME?: SKYNET.CAPTURES is not available on this page: functions.js, which defines the custom functions, has not run.");
      // Excel's own functions still calculate.
      await typeInto(bare, "A2", "=SUM(1,2)*2");
      expect(await shown(bare, "A2")).toBe("6");
    } finally {
      await bare.close();
    }
  }, SLOW);
});
