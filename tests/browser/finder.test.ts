// The pane's finder in real headless Chromium, on the built preview (add-in/dist served over HTTPS, office.js replaced
// by a stand-in that names no host): a plain-words search, Insert formula and Insert value into the clicked cell, the
// question before replacing a typed cell, the formula builder, keyboard use, and screenshots at 800 and 320 px wide.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { temporaryCertificates } from "../addin-build/helpers.js";
import { DIST, DOC_SHOTS, launchChromium, missingPrerequisite, OFFICE_NO_HOST, routeOnly, serveDist, type DistServer } from "./harness.js";

// Waits on the page, not a timing: generous so a loaded machine does not time out.
const SLOW = 120_000;
const missing = missingPrerequisite({ builtDist: true });

/** A cell of the preview's workbook as the model holds it (the double behind the grid). */
interface CellSeen {
  value: unknown;
  formula: string | null;
  note: string | null;
}

describe.skipIf(missing !== null)(`the finder in the taskpane preview${missing ? ` (skipped: ${missing})` : ""}`, () => {
  let server: DistServer;
  let browser: Browser;
  let page: Page;
  let certs: Awaited<ReturnType<typeof temporaryCertificates>>;

  beforeAll(async () => {
    certs = await temporaryCertificates();
    server = await serveDist(DIST, certs);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 800, height: 900 }, ignoreHTTPSErrors: true, colorScheme: "light" });
    page.setDefaultTimeout(SLOW / 2);
    await routeOnly(page, { office: OFFICE_NO_HOST, allowed: [server.base] });
    mkdirSync(DOC_SHOTS, { recursive: true });
    await page.goto(`${server.base}/taskpane.html`);
    await page.waitForSelector("#finder-query");
  }, SLOW);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    certs?.cleanup();
  });

  const cell = (address: string) =>
    page.evaluate((a): CellSeen => {
      const wb = (globalThis as unknown as { skynetPreview: { workbook: any } }).skynetPreview.workbook;
      const sheet = wb.sheet("Sheet1");
      const col = a.charCodeAt(0) - 65;
      const row = Number(a.slice(1)) - 1;
      const c = wb.cell(sheet, row, col);
      return { value: c?.value ?? null, formula: c?.formula ?? null, note: wb.noteAt("Sheet1", a) ?? null };
    }, address);
  const firstCard = () => page.locator(".fig-card").first();
  const search = async (words: string) => {
    await page.fill("#finder-query", words);
    await page.press("#finder-query", "Enter");
    await page.waitForSelector(".fig-card");
  };

  it("finds Sky Net's 2019 returns from plain words and shows value, unit, period, coverage, qualifier and source", async () => {
    expect(await page.getAttribute("form.finder-form", "role")).toBe("search");
    expect(await page.textContent("label[for=finder-query]")).toBe("Ask in plain words");
    await search("fugitives returned 2019");
    const card = firstCard();
    expect(await card.locator(".fig-title").textContent()).toBe("Sky Net fugitives returned");
    expect(await card.locator(".fig-value").textContent()).toBe("2,041 persons");
    expect(await card.locator(".fig-meta dd").allTextContents()).toEqual(["2019", "full period", "exact", "The Japan Times, carrying Bloomberg, 2022-01-19"]);
    expect(await card.locator(".fig-meta a").getAttribute("href")).toBe("https://japantimes.co.jp/news/2022/01/19/asia-pacific/china-finds-fugitives");
    expect(await card.locator(".fig-formula code").textContent()).toBe("=SKYNET.RETURNED(2019)");
    await expect.poll(() => page.textContent("#finder-status")).toMatch(/^\d+ figures found\. First: Sky Net fugitives returned, 2019, 2,041 persons\.$/);
    expect(await page.getAttribute("#finder-status", "aria-live")).toBe("polite");
  }, SLOW);

  it("inserts =SKYNET.RETURNED(2019) into the clicked cell, which calculates 2041", async () => {
    await page.click('td[data-addr="B2"]');
    await firstCard().locator("button[data-act=formula]").click();
    await expect.poll(() => firstCard().locator(".finder-message .done").textContent()).toBe("Wrote =SKYNET.RETURNED(2019) in Sheet1!B2.");
    expect(await cell("B2")).toEqual({ value: 2041, formula: "=SKYNET.RETURNED(2019)", note: null });
    await page.screenshot({ path: join(DOC_SHOTS, "finder-800.png") });
  }, SLOW);

  it("inserts the value 2041 with a note naming the source", async () => {
    await page.click('td[data-addr="C2"]');
    await firstCard().locator("button[data-act=value]").click();
    await expect.poll(() => firstCard().locator(".finder-message .done").textContent()).toBe("Wrote 2041 in Sheet1!C2.");
    const c = await cell("C2");
    expect([c.value, c.formula]).toEqual([2041, null]);
    expect(c.note).toMatch(/^Sky Net fugitives returned \(sky-net\.returned\), 2019: 2,041 persons; full period, exact\. Source: The Japan Times, carrying Bloomberg, 2022-01-19, /);
    expect(c.note).toContain("https://japantimes.co.jp/news/2022/01/19/asia-pacific/china-finds-fugitives");
  }, SLOW);

  it("asks before replacing a cell the analyst typed, keeps it on No and replaces it only on Yes", async () => {
    await page.click('td[data-addr="D2"]');
    await page.fill("#cell-input", "my own estimate");
    await page.press("#cell-input", "Enter");
    await page.click('td[data-addr="D2"]');
    await firstCard().locator("button[data-act=formula]").click();
    const confirm = firstCard().locator(".finder-confirm");
    await confirm.waitFor();
    expect(await confirm.locator("p").textContent()).toBe('Sheet1!D2 is not empty: it holds "my own estimate". Replace it?');
    // The question takes the focus, so a keyboard or screen-reader user meets it first.
    expect(await page.evaluate(() => document.activeElement?.closest(".finder-confirm") !== null)).toBe(true);
    await confirm.locator("button[data-act=keep]").click();
    expect(await cell("D2")).toEqual({ value: "my own estimate", formula: null, note: null });
    // The Keep button is gone: the focus is on the words that replaced it, not lost to the page.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Kept Sheet1!D2 as it was. Select an empty cell and insert again.");
    await firstCard().locator("button[data-act=formula]").click();
    await confirm.locator("button[data-act=replace]").click();
    await expect.poll(() => cell("D2")).toEqual({ value: 2041, formula: "=SKYNET.RETURNED(2019)", note: null });
  }, SLOW);

  it("opens the card in the builder, whose answer equals the card's value, and shows #N/A with its words", async () => {
    await firstCard().locator("button[data-act=build]").click();
    expect(await page.inputValue("#builder-fn")).toBe("RETURNED");
    expect(await page.textContent("#builder-formula")).toBe("=SKYNET.RETURNED(2019)");
    expect(await page.textContent("#builder-answer .answer-value")).toBe(await firstCard().locator(".fig-number").textContent());
    expect(await page.textContent("label[for=builder-arg-0]")).toBe("year");
    await page.selectOption("#builder-arg-0", { label: "2016" });
    await expect.poll(() => page.textContent("#builder-answer")).toMatch(/^#N\/A no full, exact figure of sky-net\.returned for 2016\. What exists: 908 persons for Jan–Nov 2016/);
    await page.selectOption("#builder-arg-0", { label: "2019" });
    await page.click('td[data-addr="E2"]');
    await page.click("#builder-insert");
    await expect.poll(() => cell("E2")).toEqual({ value: 2041, formula: "=SKYNET.RETURNED(2019)", note: null });
  }, SLOW);

  it("works from the keyboard alone: type the question, Tab to Insert formula, Enter", async () => {
    await page.click('td[data-addr="F2"]');
    await page.focus("#finder-query");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("how many came back in 2019");
    await page.keyboard.press("Enter");
    await page.waitForSelector(".fig-card");
    let reached = false;
    for (let i = 0; i < 12 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => document.activeElement?.matches(".fig-card:first-child button[data-act=formula]") ?? false);
    }
    expect(reached).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Insert formula: Sky Net fugitives returned, 2019");
    await page.keyboard.press("Enter");
    await expect.poll(() => cell("F2")).toEqual({ value: 2041, formula: "=SKYNET.RETURNED(2019)", note: null });
  }, SLOW);

  it("fits a 320 px pane: nothing scrolls sideways", async () => {
    await page.setViewportSize({ width: 320, height: 900 });
    await search("fugitives returned 2019");
    const overflow = await page.evaluate(() => {
      const finder = document.querySelector<HTMLElement>(".finder")!;
      const wide = [...finder.querySelectorAll<HTMLElement>("*")].filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map((el) => el.tagName + "." + el.className);
      return { scrollWidth: finder.scrollWidth, clientWidth: finder.clientWidth, page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth, wide };
    });
    expect(overflow.wide).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
    expect(overflow.page).toBeLessThanOrEqual(overflow.viewport);
    await page.evaluate(() => {
      document.getElementById("finder-h")!.scrollIntoView({ block: "start" });
      window.scrollBy(0, -10);
    });
    await page.screenshot({ path: join(DOC_SHOTS, "finder-320.png") });
  }, SLOW);
});
