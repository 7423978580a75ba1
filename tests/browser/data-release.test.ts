// End-to-end in Chromium: signed data releases fetched, verified and swapped. The add-in is built here with a throwaway
// signing key (never the real one), so it embeds that key's public half; a second local HTTPS server is a team's mirror
// serving made-up releases compiled from the real datasets (add-in/test/data-feed/made-up.ts). Microsoft's office.js
// (the @microsoft/office-js copy, served for the CDN address) loads too, so functions.js registers the real functions
// and the test can call them as Excel would; the pane runs its preview on the workbook double.
//   1. The mirror serves release 2026.12.0; the pane is pointed at it, Refresh swaps it in.
//   2. The pane inserts Sky Net; cells on Sheet1 hold =SKYNET formulas.
//   3. Release 2026.12.1 is published (a revised value, an added row, a removed row); Refresh updates the table, the
//      report lists each change with its reason, the formulas show the new answers, functions.js answers from it.
//   4. Reopened with the mirror down, the pane and the functions work from the cached 2026.12.1.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FolderServer, ReleaseFolder } from "../../add-in/test/data-feed/folder.js";
import { ADDED, madeUpReleases, REMOVED, REVISED, V1, V2 } from "../../add-in/test/data-feed/made-up.js";
import { launchChromium, missingPrerequisite, openSheet, ROOT, routeOnly, signedAddinAndMirror, typeInto, type DistServer, type SignedAddinAndMirror } from "./harness.js";

const SLOW = 180_000;
const SHOTS = join(ROOT, "test-results");
const missing = missingPrerequisite({ officeJs: true });

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe.skipIf(missing !== null)(`signed data releases in Chromium${missing ? ` (skipped: ${missing})` : ""}`, () => {
  const R = madeUpReleases();
  let setup: SignedAddinAndMirror;
  let addin: DistServer;
  let folder: ReleaseFolder;
  let mirror: FolderServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    // The add-in, built with a throwaway key (its dist/data signed with it, its public half embedded), and the team's
    // mirror: release 2026.12.0 (following the bundled 2026.11.1), signed with the same key.
    setup = await signedAddinAndMirror("skynet-addin-e2e-", [R.bundled, R.r1]);
    ({ addin, folder, mirror } = setup);
    browser = await launchChromium();
    // One browser profile for the whole story: what the pane keeps (localStorage) survives closing the page.
    context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1500, height: 900 } });
    mkdirSync(SHOTS, { recursive: true });
  }, SLOW);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await setup?.close();
  });

  /** Opens the pane in the shared profile: office.js from the npm copy, the add-in and the mirror on this machine, nothing else. */
  async function openPane(): Promise<Page> {
    const page = await context.newPage();
    page.setDefaultTimeout(SLOW / 3);
    await routeOnly(page, { office: "npm", allowed: [addin.base, mirror.origin] });
    await page.goto(`${addin.base}/taskpane.html`);
    await page.waitForSelector("#insert");
    return page;
  }
  const cellText = (page: Page, address: string) => page.textContent(`td[data-addr="${address}"]`);
  const rowsWith = (page: Page, ...texts: string[]) =>
    page.$$eval("table.grid tbody tr", (trs, want) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")).filter((cells) => want.every((w) => cells.includes(w))), texts);
  /** What functions.js's registered function answers, called as Excel calls it (an error comes back as its code and words). */
  const callRegistered = (page: Page, id: string, ...args: unknown[]) =>
    page.evaluate(
      ([name, a]) => {
        const fn = (window as unknown as { CustomFunctions: { _association: { mappings: Record<string, (...x: unknown[]) => unknown> } } }).CustomFunctions._association.mappings[name as string]!;
        try {
          return { value: fn(...(a as unknown[])) };
        } catch (e) {
          return { error: (e as { code?: string }).code ?? String(e), message: (e as Error).message };
        }
      },
      [id, args] as const,
    );
  const dataVersion = (page: Page) => page.textContent("#data-version");

  let page: Page;

  it("points the pane at the team's mirror and takes release 2026.12.0 from it", async () => {
    page = await openPane();
    // The start-up check read the add-in's own data/ (the bundled 2026.11.1: nothing newer).
    await page.waitForFunction(() => /^Checked /.test(document.querySelector("#data-check")?.textContent ?? ""));
    expect(await dataVersion(page)).toBe(`2026.11.1+${R.bundled.hash.slice(0, 8)}`);
    await page.click("#data-settings summary");
    await page.fill("#data-url", "http://example.org/data/");
    await page.click("#save-settings");
    expect(await page.textContent("#settings-message")).toMatch(/^The data address must start with https:\/\//);
    await page.fill("#data-url", mirror.dataUrl);
    await page.click("#save-settings");
    expect(await page.textContent("#settings-message")).toBe(`Saved. Refresh reads ${mirror.dataUrl}.`);
    await page.click("#refresh");
    await page.waitForSelector(".report h2:has-text('Refresh report')");
    expect(await page.textContent("#release-line")).toBe(
      `Release 2026.11.1 → ${V1}: release ${V1} (2026-12-01) is now in use. Every =SKYNET formula in the workbook was recalculated (a full calculation), so each now shows its answer from release ${V1}. This workbook has no Sky Net Data tables to refresh.`,
    );
    expect(await dataVersion(page)).toBe(`${V1}+${R.r1.hash.slice(0, 8)}`);
    expect(await page.textContent("#data-held")).toBe(`Answering from release ${V1} (downloaded ${new Date().toISOString().slice(0, 10)} from ${mirror.dataUrl}), dated 2026-12-01.`);
  }, SLOW);

  it("inserts Sky Net and calculates =SKYNET formulas from release 2026.12.0, in the preview and in functions.js", async () => {
    await page.click('input[type=checkbox][data-id="sky-net"]');
    await page.click("#insert");
    await page.waitForSelector(".report h2:has-text('Insert report')");
    await openSheet(page, "Sheet1");
    await typeInto(page, "A1", `=SKYNET.RETURNED(${REVISED.year})`);
    await typeInto(page, "A2", `=SKYNET.RETURNED(${ADDED.year})`);
    await typeInto(page, "C1", `=SKYNET.REVISIONS("${REVISED.series}", ${REVISED.year})`);
    expect(await cellText(page, "A1")).toBe("1421");
    expect(await cellText(page, "A2")).toBe("#N/A");
    expect(await page.getAttribute('td[data-addr="A2"]', "title")).toMatch(/^#N\/A: no figure of sky-net\.returned for 2025/);
    expect([await cellText(page, "C1"), await cellText(page, "C2"), await cellText(page, "E2"), await cellText(page, "C3")]).toEqual(["Release", "2026.11.1", "1421", ""]);
    expect(await callRegistered(page, "RETURNED", REVISED.year, null)).toEqual({ value: REVISED.before });
    await page.screenshot({ path: join(SHOTS, "data-release-1-release-1.png") });
  }, SLOW);

  it("after release 2026.12.1 is published, Refresh updates the table, explains each change with its reason, and the formulas follow", async () => {
    await folder.publish([R.r2]);
    await page.click("#refresh");
    await page.waitForFunction((v) => document.querySelector("#release-line")?.textContent?.startsWith(`Release ${v}`), V1);
    expect(await page.textContent("#release-line")).toBe(
      `Release ${V1} → ${V2}: release ${V2} (2026-12-15) is now in use. Every =SKYNET formula in the workbook was recalculated (a full calculation), so each now shows its answer from release ${V2}.`,
    );
    const sky = page.locator('.report li[data-table="SkyNet_sky_net"]');
    expect(await sky.locator("> p").textContent()).toBe("Refreshed: 1 row added, 1 removed, 1 value revised.");
    const items = await sky.locator("ul.changes > li").evaluateAll((lis) => lis.map((li) => li.textContent));
    expect(items).toEqual([`Added sky-net.returned, 2025${V2}: ${ADDED.reason}`, `Removed sky-net.red-notice-returned, 2020${V2}: ${REMOVED.reason}`, `Revised sky-net.returned, 2020: Value 1,421 → 1,444${V2}: ${REVISED.reason}`]);
    expect(await page.textContent("#stamp")).toMatch(new RegExp(`^Workbook stamp: data version ${esc(V2)}\\+${R.r2.hash.slice(0, 8)} \\(was ${esc(V1)}\\+${R.r1.hash.slice(0, 8)}\\), loaded `));
    // The formulas show release 2026.12.1's answers without anyone typing: the refresh's full calculation.
    await openSheet(page, "Sheet1");
    expect(await cellText(page, "A1")).toBe(String(REVISED.after));
    expect(await cellText(page, "A2")).toBe(String(ADDED.value));
    expect([await cellText(page, "C3"), await cellText(page, "E3"), await cellText(page, "J3")]).toEqual([V2, String(REVISED.after), REVISED.reason]);
    // The table holds the new rows.
    await openSheet(page, "Sky Net");
    expect(await rowsWith(page, "sky-net.returned", "2020", "1,444")).toHaveLength(1);
    expect(await rowsWith(page, "sky-net.returned", "2025", "1,555")).toHaveLength(1);
    expect(await rowsWith(page, "sky-net.red-notice-returned", "2020", "28")).toHaveLength(0);
    // functions.js, the shared runtime's functions, answers from release 2026.12.1 too.
    expect(await callRegistered(page, "RETURNED", REVISED.year, null)).toEqual({ value: REVISED.after });
    expect(await callRegistered(page, "RETURNED", ADDED.year, null)).toEqual({ value: ADDED.value });
    const revisions = (await callRegistered(page, "REVISIONS", REVISED.series, REVISED.year)) as { value: unknown[][] };
    expect(revisions.value.map((r) => [r[0], r[2], r[7]])).toEqual([["Release", "Value", "Reason"], ["2026.11.1", REVISED.before, ""], [V2, REVISED.after, REVISED.reason]]);
    await page.screenshot({ path: join(SHOTS, "data-release-2-refreshed.png") });
    await page.close();
  }, SLOW);

  it("reopened with the mirror down, the pane and the functions work from the cached release 2026.12.1", async () => {
    await mirror.close();
    page = await openPane();
    await page.waitForFunction((v) => document.querySelector("#data-version")?.textContent?.startsWith(v), V2);
    expect(await page.textContent("#data-held")).toBe(`Answering from release ${V2} (kept for offline use, downloaded ${new Date().toISOString().slice(0, 10)} from ${mirror.dataUrl}), dated 2026-12-15.`);
    expect(await callRegistered(page, "RETURNED", REVISED.year, null)).toEqual({ value: REVISED.after });
    expect(await callRegistered(page, "RETURNED", ADDED.year, null)).toEqual({ value: ADDED.value });
    await openSheet(page, "Sheet1");
    await typeInto(page, "A1", `=SKYNET.RETURNED(${REVISED.year})`);
    expect(await cellText(page, "A1")).toBe(String(REVISED.after));
    await page.click('input[type=checkbox][data-id="sky-net"]');
    await page.click("#insert");
    await page.waitForSelector(".report h2:has-text('Insert report')");
    expect(await rowsWith(page, "sky-net.returned", "2025", "1,555")).toHaveLength(1);
    // Refresh says the mirror cannot be reached, and changes nothing.
    const before = await page.$$eval("table.grid td", (tds) => tds.map((td) => td.textContent).join("|"));
    await page.click("#refresh");
    await page.waitForSelector("#error:not([hidden])");
    expect(await page.textContent("#error")).toMatch(
      new RegExp(`^Refresh stopped: cannot reach ${esc(mirror.dataUrl)}latest\\.json: .* Nothing in the workbook was changed; the functions and the pane keep answering from release ${esc(V2)} \\(kept for offline use, downloaded \\d{4}-\\d{2}-\\d{2} from ${esc(mirror.dataUrl)}\\)\\.$`),
    );
    expect(await page.$$eval("table.grid td", (tds) => tds.map((td) => td.textContent).join("|"))).toBe(before);
    expect(await dataVersion(page)).toBe(`${V2}+${R.r2.hash.slice(0, 8)}`);
    await page.screenshot({ path: join(SHOTS, "data-release-3-offline.png") });
  }, SLOW);
});
