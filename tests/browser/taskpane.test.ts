// End-to-end: the taskpane preview in real headless Chromium, served from add-in/dist over HTTPS (as `npm start` serves
// it, so the pane's data feed reads dist/data/ as its own data address), office.js replaced by a local stand-in.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { planSheet, RELEASE } from "@skynet-data/sdk";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { temporaryCertificates } from "../addin-build/helpers.js";
import { DIST, DOC_SHOTS, launchChromium, missingPrerequisite, OFFICE_NO_HOST, ROOT, routeOnly, serveDist, type DistServer } from "./harness.js";

const SHOTS = join(ROOT, "test-results");
// Waits on the page, not a timing: generous so a loaded CI machine does not time out.
const SLOW = 120_000;
const SHEET = { foxHunt: planSheet("fox-hunt").sheetName, skyNet: planSheet("sky-net").sheetName, treaties: planSheet("treaties").sheetName };

// The screenshots the README shows (DOC_SHOTS): the pane at 320 and 800 px wide, in a light and a dark Office theme.
const missing = missingPrerequisite({ builtDist: true });

// Inside Excel, with Office's theme colours: a stand-in that answers as Excel (ExcelApi up to 1.17, SharedRuntime 1.1)
// and gives Office.context.officeTheme. Only what the pane reads at start; Insert and Refresh are not run against it.
const THEMES = {
  light: { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#262626" },
  dark: { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#363636", controlForegroundColor: "#F0F0F0" },
} as const;
const excelWithTheme = (theme: (typeof THEMES)[keyof typeof THEMES]) => `
  window.Office = {
    HostType: { Excel: "Excel" },
    StartupBehavior: { load: "Load", none: "None" },
    context: {
      officeTheme: ${JSON.stringify(theme)},
      requirements: { isSetSupported: function (name, v) { var x = String(v || "1.1").split("."); if (name === "ExcelApi") return +x[0] === 1 && +x[1] <= 17; return name === "SharedRuntime" && v === "1.1"; } },
    },
    addin: { getStartupBehavior: function () { return Promise.resolve("None"); }, setStartupBehavior: function () { return Promise.resolve(); } },
    onReady: function () { return Promise.resolve({ host: "Excel", platform: "OfficeOnline" }); },
  };`;
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;

describe.skipIf(missing !== null)(`taskpane preview in Chromium${missing ? ` (skipped: ${missing})` : ""}`, () => {
  let server: DistServer;
  let browser: Browser;
  let page: Page;
  let certs: Awaited<ReturnType<typeof temporaryCertificates>>;

  beforeAll(async () => {
    certs = await temporaryCertificates();
    server = await serveDist(DIST, certs);
    browser = await launchChromium();
    // The developer CA of this test run is not in Chromium's store: its certificate errors are ignored for this page.
    page = await browser.newPage({ viewport: { width: 1500, height: 900 }, ignoreHTTPSErrors: true });
    page.setDefaultTimeout(SLOW / 2);
    await routeOnly(page, { office: OFFICE_NO_HOST, allowed: [server.base] });
    mkdirSync(SHOTS, { recursive: true });
    mkdirSync(DOC_SHOTS, { recursive: true });
    await page.goto(`${server.base}/taskpane.html`);
    await page.waitForSelector("#insert");
  }, SLOW);

  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
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

  type Where = { theme: keyof typeof THEMES } | { preview: "light" | "dark" };
  /** A fresh page `width` px wide, not yet opened: for the pane inside Excel with an Office theme, or the preview in a light or dark browser. */
  async function freshPage(width: number, where: Where): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, ignoreHTTPSErrors: true, colorScheme: "preview" in where ? where.preview : "light" });
    contexts.push(context);
    const p = await context.newPage();
    p.setDefaultTimeout(SLOW / 2);
    await routeOnly(p, { office: "theme" in where ? excelWithTheme(THEMES[where.theme]) : OFFICE_NO_HOST, allowed: [server.base] });
    return p;
  }
  /** freshPage, opened, once the pane's script is in place. */
  async function openPane(width: number, where: Where): Promise<Page> {
    const p = await freshPage(width, where);
    await p.goto(`${server.base}/taskpane.html${"theme" in where ? "?_host_Info=Excel$Win32$16.01$en-US$$$$0" : ""}`);
    await p.waitForSelector("#insert");
    await p.waitForFunction(() => !(document.querySelector("#startup-state")?.textContent ?? "").startsWith("Checking"));
    return p;
  }
  /** Whether the page scrolls sideways: its content wider than its window. */
  const overflow = (p: Page) => p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  /** The ids (or tag names) of the elements Tab reaches, in order, from the top of the page, up to `max` presses. */
  const tabOrder = async (p: Page, max: number) => {
    await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const seen: string[] = [];
    for (let i = 0; i < max; i++) {
      await p.keyboard.press("Tab");
      seen.push(await p.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute("data-id") || document.activeElement?.tagName.toLowerCase() || ""));
    }
    return seen;
  };

  it.each([
    [320, "light"],
    [320, "dark"],
    [800, "light"],
    [800, "dark"],
  ] as const)("inside Excel at %i px in a %s Office theme: the theme's colours, no sideways scrolling", async (width, theme) => {
    const p = await openPane(width, { theme });
    expect(await p.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    const colours = await p.evaluate(() => ({ page: getComputedStyle(document.body).backgroundColor, text: getComputedStyle(document.querySelector("h1")!).color }));
    expect(colours).toEqual({ page: rgb(THEMES[theme].bodyBackgroundColor), text: rgb(THEMES[theme].bodyForegroundColor) });
    const { scroll, client } = await overflow(p);
    expect(scroll).toBeLessThanOrEqual(client);
    // Nothing in the pane reaches past its right edge (a wide control would be cut off rather than scroll).
    const wide = await p.$$eval("#pane *", (els) => els.filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 && e.getClientRects().length > 0).map((e) => e.id || e.className || e.tagName));
    expect(wide).toEqual([]);
    await p.screenshot({ path: join(DOC_SHOTS, `pane-${width}-${theme}.png`), fullPage: true });
  }, SLOW);

  it("shows the dataset list before the pane's script runs, and keeps what was ticked and chosen there when the script takes over", async () => {
    const p = await freshPage(800, { preview: "light" });
    // The pane's module is held back until the analyst has used the page's list.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await p.route(/\/assets\/taskpane-[^/]*\.js$/, async (route) => {
      await held;
      await route.fallback();
    });
    await p.goto(`${server.base}/taskpane.html`, { waitUntil: "commit" });
    await p.waitForSelector("ul.datasets input[type=checkbox][data-id='fox-hunt']");
    expect(await p.$("#insert")).toBeNull();
    expect(await p.$$eval("ul.datasets input[data-id]", (els) => els.map((e) => (e as HTMLInputElement).dataset.id))).toEqual(["sky-net", "fox-hunt", "treaties", "spp", "most-wanted", "timeline", "partners"]);
    await p.check("input[data-id='fox-hunt']");
    await p.selectOption("select[data-layout-for='sky-net']", "by-year");
    await p.focus("input[data-id='treaties']");
    release();
    await p.waitForSelector("#insert");
    expect(await p.isChecked("input[data-id='fox-hunt']")).toBe(true);
    expect(await p.isChecked("input[data-id='sky-net']")).toBe(false);
    expect(await p.inputValue("select[data-layout-for='sky-net']")).toBe("by-year");
    expect(await p.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id)).toBe("treaties");
    expect(await p.evaluate(() => (document.querySelector("#all") as HTMLInputElement).indeterminate)).toBe(true);
    await p.click("#insert");
    await p.waitForSelector(".report h2:has-text('Insert report')");
    const sheets = await p.$$eval(".tabs button[data-sheet]", (els) => els.map((e) => (e as HTMLElement).dataset.sheet));
    expect(sheets).toContain(SHEET.foxHunt);
    expect(sheets).not.toContain(SHEET.skyNet);
  }, SLOW);

  it("runs functions.js before the pane's module even when functions.js arrives last (the shared runtime's order)", async () => {
    const p = await freshPage(800, { preview: "light" });
    // What ran when: functions.js publishing its wrappers, the pane's module putting Insert in place.
    await p.addInitScript(() => {
      const w = window as unknown as { __ran: string[] };
      w.__ran = [];
      let published: unknown;
      Object.defineProperty(window, "SkynetFunctions", {
        configurable: true,
        get: () => published,
        set: (v) => {
          w.__ran.push("functions.js");
          published = v;
        },
      });
      new MutationObserver(() => {
        if (document.querySelector("#insert") && !w.__ran.includes("pane")) w.__ran.push("pane");
      }).observe(document, { childList: true, subtree: true });
    });
    // functions.js is answered only once the pane's module has been fetched.
    let moduleFetched!: () => void;
    const fetched = new Promise<void>((resolve) => (moduleFetched = resolve));
    await p.route(/\/assets\/taskpane-[^/]*\.js$/, async (route) => {
      moduleFetched();
      await route.fallback();
    });
    await p.route(/\/functions\.js(\?|$)/, async (route) => {
      await fetched;
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.fallback();
    });
    await p.goto(`${server.base}/taskpane.html`);
    await p.waitForSelector("#insert");
    expect(await p.evaluate(() => (window as unknown as { __ran: string[] }).__ran)).toEqual(["functions.js", "pane"]);
  }, SLOW);

  it("gives every control in the pane a name a screen reader reads, and labels the live regions", async () => {
    const p = await openPane(320, { theme: "dark" });
    const cdp = await p.context().newCDPSession(p);
    const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as { nodes: Array<{ ignored: boolean; role?: { value: string }; name?: { value: string } }> };
    const controls = nodes.filter((n) => !n.ignored && ["button", "checkbox", "textbox", "searchbox", "combobox", "spinbutton", "progressbar"].includes(n.role?.value ?? ""));
    expect(controls.filter((n) => n.role?.value === "checkbox").length).toBeGreaterThanOrEqual(9);
    expect(controls.filter((n) => !(n.name?.value ?? "").trim()).map((n) => n.role?.value)).toEqual([]);
    const names = controls.map((n) => n.name?.value);
    expect(names).toContain("Insert selected");
    expect(names).toContain("Refresh");
    expect(names).toContain("Select all");
    expect(await p.getAttribute("#error", "role")).toBe("alert");
    expect(await p.getAttribute("#progress-text", "aria-live")).toBe("polite");
    expect(await p.getAttribute("#report", "aria-live")).toBe("polite");
    expect(await p.getAttribute("#progress-bar", "aria-labelledby")).toBe("progress-text");
  }, SLOW);

  it("inside Excel reaches every dataset, then Insert, then Refresh by Tab, with a visible focus ring", async () => {
    const p = await openPane(320, { theme: "light" });
    const ids = await p.$$eval("ul.datasets input[data-id]", (els) => els.map((e) => (e as HTMLInputElement).dataset.id!));
    const order = await tabOrder(p, 60);
    const at = (id: string) => order.indexOf(id);
    expect(at("all")).toBeGreaterThanOrEqual(0);
    for (const id of ids) expect(at(id), id).toBeGreaterThan(at("all"));
    expect(at("insert")).toBeGreaterThan(Math.max(...ids.map(at)));
    expect(at("refresh")).toBe(at("insert") + 1);
    // Focused from the keyboard, Refresh shows a 2 px ring in the theme's focus colour.
    await p.focus("#insert");
    await p.keyboard.press("Tab");
    expect(await p.evaluate(() => document.activeElement?.id)).toBe("refresh");
    const ring = await p.$eval("#refresh", (e) => ({ style: getComputedStyle(e).outlineStyle, width: getComputedStyle(e).outlineWidth }));
    expect(ring).toEqual({ style: "solid", width: "2px" });
  }, SLOW);

  it("in the preview at 320 px, dark, inserts with the keyboard only and says in an alert when nothing is ticked", async () => {
    const p = await openPane(320, { preview: "dark" });
    expect(await p.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(31, 31, 31)");
    const { scroll, client } = await overflow(p);
    expect(scroll).toBeLessThanOrEqual(client);
    const order = await tabOrder(p, 60);
    expect(order).toContain("insert");
    // Enter on Insert with nothing ticked: an alert in words.
    await p.focus("#insert");
    await p.keyboard.press("Enter");
    expect(await p.isVisible("#error")).toBe(true);
    expect(await p.textContent("#error")).toBe("Select at least one dataset to insert.");
    // Space ticks "Select all" (and so every dataset), Enter on Insert inserts.
    await p.focus("#all");
    await p.keyboard.press("Space");
    expect(await p.$$eval("ul.datasets input[data-id]", (els) => els.every((e) => (e as HTMLInputElement).checked))).toBe(true);
    await p.focus("#insert");
    await p.keyboard.press("Enter");
    await p.waitForSelector(".report h2:has-text('Insert report')");
    expect(await p.isVisible("#error")).toBe(false);
    expect(new Set(await p.$$eval(".report li .status", (els) => els.map((e) => e.textContent)))).toEqual(new Set(["Inserted"]));
    // The button pressed has the focus back once the work is done.
    expect(await p.evaluate(() => document.activeElement?.id)).toBe("insert");
    await p.locator("#pane").screenshot({ path: join(DOC_SHOTS, "preview-320-dark.png") });
  }, SLOW);
});
