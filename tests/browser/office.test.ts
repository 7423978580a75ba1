// The built add-in in headless Chromium with Microsoft's own office.js (the @microsoft/office-js copy of the CDN file,
// served for https://appsforoffice.microsoft.com/lib/1/hosted/ through page.route): function registration, the pane
// inside and outside Office, the startup setting, and the help pages.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CDN, DIST, launchChromium, missingPrerequisite, routeOnly, serveDist, type DistServer } from "./harness.js";

const SLOW = 120_000;
const missing = missingPrerequisite({ builtDist: true, officeJs: true });

type Metadata = { functions: Array<{ id: string; name: string; helpUrl: string; parameters: Array<{ name: string }> }> };

/**
 * A stand-in for office.js that answers like Excel: used only where a real Excel host would be needed to answer
 * (office.js outside Office never resolves onReady with a host). `delay` is how long Office.onReady takes.
 */
const excelStandIn = (o: { delay: number; excelApi: string; behavior?: "Load" | "None" }) => `
  window.__startupCalls = [];
  (function () {
    var behavior = ${JSON.stringify(o.behavior ?? "None")};
    var excelApi = ${JSON.stringify(o.excelApi)};
    var newer = function (a, b) { var x = a.split("."), y = b.split("."); for (var i = 0; i < 2; i++) { if (+x[i] !== +y[i]) return +x[i] > +y[i]; } return true; };
    window.Office = {
      HostType: { Excel: "Excel" },
      StartupBehavior: { load: "Load", none: "None" },
      context: { requirements: { isSetSupported: function (name, v) { v = v || "1.1";
        if (name === "ExcelApi") return newer(excelApi, v);
        return name === "SharedRuntime" && v === "1.1"; } } },
      addin: {
        getStartupBehavior: function () { return Promise.resolve(behavior); },
        setStartupBehavior: function (b) { window.__startupCalls.push(b); behavior = b; return Promise.resolve(); },
      },
      onReady: function () { return new Promise(function (r) { setTimeout(function () { r({ host: "Excel", platform: "OfficeOnline" }); }, ${o.delay}); }); },
    };
  })();`;

describe.skipIf(missing !== null)(`the built add-in with Microsoft's office.js in Chromium${missing ? ` (skipped: ${missing})` : ""}`, () => {
  let server: DistServer;
  let browser: Browser;
  let base = "";
  let metadata: Metadata;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await serveDist(DIST);
    base = server.base;
    browser = await launchChromium();
    metadata = JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8"));
  }, SLOW);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh page whose office.js requests get Microsoft's files, or the stand-in when given; nothing else leaves the machine. */
  async function open(path: string, standIn?: string): Promise<{ page: Page; requested: string[]; errors: string[] }> {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(SLOW / 2);
    const requested: string[] = [];
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await routeOnly(page, { office: standIn ?? "npm", allowed: [base], onRequest: (url) => requested.push(url) });
    await page.goto(`${base}${path}`);
    return { page, requested, errors };
  }

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
  });

  it("registers with CustomFunctions.associate exactly the ids of the built functions.json, at the versioned address", async () => {
    // Outside Office, office.js itself defines CustomFunctions.associate and keeps what is associated in
    // CustomFunctions._association, the object Excel's custom-functions runtime is handed (CFRuntime.setCustomFunctionAssociation
    // in excel-web-16.00.js). No stub is needed to reach registration.
    const { page, requested } = await open("/taskpane.html");
    const registered = await page.waitForFunction(() => {
      const cf = (window as unknown as { CustomFunctions?: { _association?: { mappings: Record<string, unknown> } } }).CustomFunctions;
      const names = Object.keys(cf?._association?.mappings ?? {});
      return names.length ? names : null;
    });
    const ids = (await registered.jsonValue()) as string[];
    expect([...ids].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
    expect(await page.evaluate(() => Object.values((window as unknown as { CustomFunctions: { _association: { mappings: Record<string, unknown> } } }).CustomFunctions._association.mappings).every((f) => typeof f === "function"))).toBe(true);
    const token = /functions\.js\?v=([^"]+)"/.exec(readFileSync(join(DIST, "manifest.xml"), "utf8"))![1]!;
    expect(requested).toContain(`${base}/functions.js?v=${token}`);
    expect(requested).toContain(`${CDN}office.js`);
  }, SLOW);

  it("registers the same ids when office.js believes it is in Excel on the web and loads Excel's host script", async () => {
    const { page, requested } = await open("/taskpane.html?_host_Info=Excel$Web$16.00$en-US$$$$0");
    await page.waitForFunction(() => Object.keys((window as unknown as { CustomFunctions?: { _association?: { mappings: object } } }).CustomFunctions?._association?.mappings ?? {}).length > 0);
    const ids = await page.evaluate(() => Object.keys((window as unknown as { CustomFunctions: { _association: { mappings: object } } }).CustomFunctions._association.mappings));
    expect([...ids].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
    expect(requested).toContain(`${CDN}excel-web-16.00.js`);
  }, SLOW);

  it("outside Office says plainly that it is a preview, and offers the startup setting only inside Excel", async () => {
    const { page } = await open("/taskpane.html");
    await page.waitForSelector("#preview-banner");
    expect(await page.textContent("#preview-banner")).toMatch(/^Preview, not connected to Excel\. This page is open in a browser, outside Excel/);
    expect(await page.isVisible("table.grid")).toBe(true);
    expect(await page.isDisabled("#load-with-workbook")).toBe(true);
    expect(await page.textContent("#startup-state")).toBe("This setting is available when the pane runs inside Excel.");
  }, SLOW);

  it("opened by Excel, waits for it as long as it takes and never shows the preview (office.js with no host answering)", async () => {
    const { page, requested } = await open("/taskpane.html?_host_Info=Excel$Win32$16.01$en-US$$$$0");
    await page.waitForFunction(() => document.querySelector(".loading")?.textContent === "Waiting for Excel to connect the pane…", undefined, { timeout: 15_000 });
    await page.waitForTimeout(2_000);
    expect(requested).toContain(`${CDN}excel-win32-16.01.js`);
    expect(await page.$("#preview-banner")).toBeNull();
    expect(await page.$("table.grid")).toBeNull();
    // The page's own dataset list can be read and ticked meanwhile; nothing acts on a workbook before Excel answers.
    expect(await page.$$eval("ul.datasets input[type=checkbox][data-id]", (els) => els.length)).toBeGreaterThanOrEqual(7);
    expect(await page.$("#insert")).toBeNull();
    expect(await page.$("#refresh")).toBeNull();
  }, SLOW);

  it("inside Excel answering after six seconds runs against Excel, not the preview; loading with the workbook changes only on a click", async () => {
    const { page } = await open("/taskpane.html?_host_Info=Excel$Win32$16.01$en-US$$$$0", excelStandIn({ delay: 6_000, excelApi: "1.17" }));
    await page.waitForSelector("#insert", { timeout: 30_000 });
    expect(await page.$("#preview-banner")).toBeNull();
    expect(await page.$("#workbook")).toBeNull();
    await page.waitForFunction(() => !(document.querySelector("#load-with-workbook") as HTMLInputElement).disabled);
    expect(await page.isChecked("#load-with-workbook")).toBe(false);
    expect(await page.textContent("#startup-state")).toMatch(/^Off: Sky Net Data starts when you open this pane/);
    expect(await page.evaluate(() => (window as unknown as { __startupCalls: string[] }).__startupCalls)).toEqual([]);
    await page.click("#load-with-workbook");
    await page.waitForFunction(() => document.querySelector("#startup-state")?.textContent?.startsWith("On:"));
    expect(await page.isChecked("#load-with-workbook")).toBe(true);
    await page.click("#load-with-workbook");
    await page.waitForFunction(() => document.querySelector("#startup-state")?.textContent?.startsWith("Off:"));
    expect(await page.evaluate(() => (window as unknown as { __startupCalls: string[] }).__startupCalls)).toEqual(["Load", "None"]);
  }, SLOW);

  it("shows a workbook that already opens the add-in as ticked, without calling setStartupBehavior", async () => {
    const { page } = await open("/taskpane.html?_host_Info=Excel$Win32$16.01$en-US$$$$0", excelStandIn({ delay: 0, excelApi: "1.17", behavior: "Load" }));
    await page.waitForFunction(() => document.querySelector("#startup-state")?.textContent?.startsWith("On:"));
    expect(await page.isChecked("#load-with-workbook")).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __startupCalls: string[] }).__startupCalls)).toEqual([]);
  }, SLOW);

  it("in an Excel without ExcelApi 1.7 says why and offers no Insert or Refresh; without 1.13 says how refresh differs", async () => {
    const old = await open("/taskpane.html?_host_Info=Excel$Win32$16.01$en-US$$$$0", excelStandIn({ delay: 0, excelApi: "1.6" }));
    await old.page.waitForSelector("#host-too-old");
    expect(await old.page.textContent("#host-too-old")).toMatch(/too old for the Sky Net Data pane: inserting and refreshing tables needs the Excel JavaScript API 1\.7/);
    expect(await old.page.getAttribute("#insert", "disabled")).not.toBeNull();
    expect(await old.page.getAttribute("#refresh", "disabled")).not.toBeNull();
    const older = await open("/taskpane.html?_host_Info=Excel$Win32$16.01$en-US$$$$0", excelStandIn({ delay: 0, excelApi: "1.10" }));
    await older.page.waitForSelector("#host-note");
    expect(await older.page.textContent("#host-note")).toMatch(/cannot resize a table in place .* Refresh adds or removes whole table rows/);
    expect(await older.page.getAttribute("#insert", "disabled")).toBeNull();
  }, SLOW);

  it("serves a help page per function that a browser reads as accessible HTML with every parameter, linked from the index", async () => {
    const { page } = await open("/help/index.html");
    const links = await page.$$eval("main a", (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.sort()).toEqual(metadata.functions.map((f) => `${base}/help/${f.id.toLowerCase().replaceAll("_", "-")}.html`).sort());
    for (const f of metadata.functions) {
      await page.goto(`${base}/help/${f.id.toLowerCase().replaceAll("_", "-")}.html`);
      const seen = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        title: document.title,
        h1: [...document.querySelectorAll("h1")].map((h) => h.textContent),
        params: [...document.querySelectorAll("table th[scope=row]")].map((th) => th.textContent),
        caption: document.querySelector("table caption")?.textContent ?? null,
        errors: [...document.querySelectorAll("dl dt code")].map((c) => c.textContent),
        main: document.querySelectorAll("main").length,
      }));
      expect(seen.lang, f.id).toBe("en");
      expect(seen.main, f.id).toBe(1);
      expect(seen.h1, f.id).toEqual([expect.stringMatching(new RegExp(`^=SKYNET\\.${f.name}\\(`))]);
      expect(seen.params, f.id).toEqual(f.parameters.map((p) => p.name));
      if (f.parameters.length) expect(seen.caption, f.id).toBe(`Arguments of SKYNET.${f.name}`);
      expect(seen.errors, f.id).toEqual(["#N/A", "#VALUE!"]);
    }
  }, SLOW);
});
