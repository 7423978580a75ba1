// End-to-end in Chromium: the by-year layout in the taskpane preview. The add-in is built here with a throwaway signing
// key (never the real one), as data-release.test.ts does, so that a local HTTPS mirror can serve made-up releases it
// accepts (add-in/test/data-feed/made-up.ts); office.js is a stand-in that names no host, so the pane runs its preview.
//   1. By year is chosen for Sky Net; the pane is pointed at the mirror and Refresh takes release 2026.12.0: the
//      dataset list is redrawn for it and keeps the tick and the layout chosen.
//   2. Insert writes Sky Net by year; the analyst types a column beside the table (words and a formula on the year).
//   3. Release 2026.12.1 is published; Refresh revises 2020 and adds 2025, keeps the analyst's column, and the report
//      gives each changed cell its reason. Screenshots at 800 and 320 px wide go to docs/screenshots.
// Expected cells written out from sdk/src/datasets/sky-net/data.ts and made-up.ts.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FolderServer, ReleaseFolder } from "../../add-in/test/data-feed/folder.js";
import { madeUpReleases, V1, V2 } from "../../add-in/test/data-feed/made-up.js";
import { DOC_SHOTS, launchChromium, missingPrerequisite, OFFICE_NO_HOST, openSheet as showSheet, routeOnly, signedAddinAndMirror, typeInto as typeIn, type DistServer, type SignedAddinAndMirror } from "./harness.js";

const SLOW = 180_000;
const SHEET = "Sky Net by year";
const missing = missingPrerequisite();

describe.skipIf(missing !== null)(`the by-year layout in the taskpane preview${missing ? ` (skipped: ${missing})` : ""}`, () => {
  const R = madeUpReleases();
  let setup: SignedAddinAndMirror;
  let addin: DistServer;
  let folder: ReleaseFolder;
  let mirror: FolderServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    setup = await signedAddinAndMirror("skynet-addin-by-year-", [R.bundled, R.r1]);
    ({ addin, folder, mirror } = setup);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 800, height: 900 }, ignoreHTTPSErrors: true, colorScheme: "light" });
    page.setDefaultTimeout(SLOW / 3);
    await routeOnly(page, { office: OFFICE_NO_HOST, allowed: [addin.base, mirror.origin] });
    mkdirSync(DOC_SHOTS, { recursive: true });
    await page.goto(`${addin.base}/taskpane.html`);
    await page.waitForSelector("#insert");
  }, SLOW);

  afterAll(async () => {
    await browser?.close();
    await setup?.close();
  });

  const openSheet = (name: string) => showSheet(page, name);
  const typeInto = (address: string, text: string) => typeIn(page, address, text);
  const cellText = (address: string) => page.textContent(`td[data-addr="${address}"]`);
  const cells = (...addresses: string[]) => Promise.all(addresses.map(cellText));
  const layoutOf = (id: string) => page.$eval(`select[data-layout-for="${id}"]`, (s) => (s as HTMLSelectElement).value);
  const ticked = (id: string) => page.$eval(`input[type=checkbox][data-id="${id}"]`, (b) => (b as HTMLInputElement).checked);

  it("keeps the tick and the By year choice when a new release redraws the dataset list", async () => {
    await page.click('input[type=checkbox][data-id="sky-net"]');
    await page.selectOption('select[data-layout-for="sky-net"]', "by-year");
    // Datasets without figures of a calendar year offer no choice.
    expect(await page.$$eval("select[data-layout-for]", (ss) => ss.map((s) => (s as HTMLSelectElement).dataset.layoutFor))).not.toContain("timeline");
    await page.click("#data-settings summary");
    await page.fill("#data-url", mirror.dataUrl);
    await page.click("#save-settings");
    await page.click("#refresh");
    await page.waitForFunction((v) => document.querySelector("#data-version")?.textContent?.startsWith(v), V1);
    expect(await page.textContent("#release-line")).toContain(`release ${V1} (2026-12-01) is now in use.`);
    expect([await ticked("sky-net"), await layoutOf("sky-net"), await layoutOf("fox-hunt")]).toEqual([true, "by-year", "long"]);
  }, SLOW);

  it("inserts Sky Net by year: 2019 returned 2041, 2016 blank with its Jan–Nov 908 in Notes", async () => {
    await page.click("#insert");
    await page.waitForSelector(".report h2:has-text('Insert report')");
    expect(await page.$$eval(".report li[data-table] .status", (els) => els.map((e) => e.closest("li")!.getAttribute("data-table") + " " + e.textContent))).toEqual(["SkyNet_by_year_sky_net Inserted", "SkyNet_sources Inserted"]);
    await openSheet(SHEET);
    // At 800 px the charts sit under the grid, not over it: the grid is as wide as the workbook beside the pane.
    const [grid, charts] = await Promise.all(["#grid", "#charts"].map((s) => page.$eval(s, (e) => e.getBoundingClientRect().toJSON() as DOMRect)));
    expect([grid!.width, charts!.top]).toEqual([charts!.width, grid!.bottom]);
    expect(await cells("A7", "B7", "I7")).toEqual(["Year", "Sky Net fugitives returned (persons)", "Notes"]);
    expect(await cells("A12", "B12")).toEqual(["2019", "2,041"]);
    expect(await cells("A9", "B9")).toEqual(["2016", ""]);
    expect(await cellText("I9")).toContain("Sky Net fugitives returned Jan–Nov 2016: 908 (partial; cnr-2016-12-09)");
    expect(await cells("A13", "B13", "G13")).toEqual(["2020", "1,421", "28"]);
    expect(await cells("A17", "B17", "A18")).toEqual(["2024", "1,597", ""]);
  }, SLOW);

  it("after release 2026.12.1, Refresh revises 2020, adds 2025, keeps the analyst's column and gives each change its reason", async () => {
    // The analyst's column beside the table: a heading, the years since Sky Net began (a formula on the year), a remark.
    await typeInto("J7", "Years since launch");
    for (let r = 8; r <= 17; r++) await typeInto(`J${r}`, `=A${r}-2014`);
    expect(await cells("J8", "J12", "J17")).toEqual(["1", "5", "10"]);
    await typeInto("J19", "2020: ask about the revision");

    await folder.publish([R.r2]);
    await page.click("#refresh");
    await page.waitForFunction((v) => document.querySelector("#release-line")?.textContent?.startsWith(`Release ${v}`), V1);
    expect(await page.textContent("#release-line")).toContain(`Release ${V1} → ${V2}: release ${V2} (2026-12-15) is now in use.`);
    const sky = page.locator('.report li[data-table="SkyNet_by_year_sky_net"]');
    expect(await sky.locator("> p").textContent()).toBe("Refreshed: 1 row added, 0 removed, 2 values revised.");
    expect(await sky.locator("ul.changes > li").evaluateAll((lis) => lis.map((li) => li.textContent))).toEqual([
      "Added 20252026.12.1: Sky Net fugitives returned (persons): added: the 2025 total (a made-up figure for the tests)",
      "Revised 2020: Sky Net fugitives returned (persons) 1,421 → 1,444; Returned red-notice fugitives (persons) 28 → (blank)" +
        "2026.12.1: Sky Net fugitives returned (persons): value: the 2020 work report, read again, gives 1,444 (a made-up correction for the tests) " +
        "2026.12.1: Returned red-notice fugitives (persons): the page does not print it (a made-up removal for the tests)",
    ]);
    // The sheet: 2020 revised, the red-notice 28 gone from its column, 2025 added under 2024.
    await openSheet(SHEET);
    expect(await cells("A13", "B13", "G13")).toEqual(["2020", "1,444", ""]);
    expect(await cells("A17", "B17", "A18", "B18")).toEqual(["2024", "1,597", "2025", "1,555"]);
    expect(await cells("A12", "B12", "A9", "B9")).toEqual(["2019", "2,041", "2016", ""]);
    // The analyst's column and remark are where they were, the formulas still on the years.
    expect(await cells("J7", "J8", "J13", "J17", "J18", "J19")).toEqual(["Years since launch", "1", "6", "10", "", "2020: ask about the revision"]);
    await page.click('td[data-addr="J13"]');
    expect(await page.inputValue("#cell-input")).toBe("=A13-2014");
    // The choice is still By year after the list was redrawn for release 2026.12.1.
    expect(await layoutOf("sky-net")).toBe("by-year");
    // 800 px: the grid from A1 beside the pane, the pane from Sky Net's layout choice to the report.
    await page.setViewportSize({ width: 800, height: 1200 });
    await page.$eval("#grid", (g) => g.scrollTo(0, 0));
    await page.click('td[data-addr="B13"]');
    expect(await page.inputValue("#cell-input")).toBe("1444");
    await page.$eval("#pane", (p) => p.scrollTo(0, document.querySelector("#ds-h")!.getBoundingClientRect().top - p.getBoundingClientRect().top + p.scrollTop - 8));
    await page.screenshot({ path: join(DOC_SHOTS, "by-year-800.png") });
    // 320 px: the pane stacks above the workbook; the picture is the datasets with their layouts, and the report.
    await page.setViewportSize({ width: 320, height: 900 });
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll).toBeLessThanOrEqual(client);
    const clip = await page.evaluate(() => {
      const top = document.querySelector("#ds-h")!.getBoundingClientRect().top + window.scrollY - 8;
      const bottom = document.querySelector("#report")!.getBoundingClientRect().bottom + window.scrollY + 8;
      return { x: 0, y: top, width: document.documentElement.clientWidth, height: bottom - top };
    });
    await page.screenshot({ path: join(DOC_SHOTS, "by-year-320.png"), fullPage: true, clip });
  }, SLOW);
});
