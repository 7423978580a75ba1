import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { connect, OFFICE_JS_MISSING, openedByOffice, type ConnectEnv, type PageSigns } from "../../src/taskpane/office-host.js";

const plain: PageSigns = { search: "", name: "", sessionHostInfo: null, hostBridge: false };

describe("openedByOffice", () => {
  it("reads the signs office.js itself reads: _host_Info, the window name, session storage, the host bridge", () => {
    expect(openedByOffice({ ...plain, search: "?_host_Info=Excel$Win32$16.01$en-US$$$$0" })).toBe(true);
    expect(openedByOffice({ ...plain, search: "?et=&_host_Info=Excel|Web|16.00|en-US|abc|" })).toBe(true);
    expect(openedByOffice({ ...plain, name: JSON.stringify({ hostInfo: "Excel$Mac$16.00$en-US" }) })).toBe(true);
    expect(openedByOffice({ ...plain, sessionHostInfo: "Excel$Web$16.00$en-US" })).toBe(true);
    expect(openedByOffice({ ...plain, hostBridge: true })).toBe(true);
  });

  it("finds none in a plain browser tab", () => {
    expect(openedByOffice(plain)).toBe(false);
    expect(openedByOffice({ ...plain, search: "?v=1&host=Excel", name: "preview" })).toBe(false);
    expect(openedByOffice({ ...plain, name: JSON.stringify({ other: 1 }) })).toBe(false);
  });
});

describe("connect", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const env = (office: ConnectEnv["office"], inOffice: boolean) => {
    const notices: string[] = [];
    const e: ConnectEnv = { office, openedByOffice: inOffice, sleep: (ms) => new Promise((r) => setTimeout(r, ms)), onWaiting: (m) => notices.push(m) };
    return { e, notices };
  };
  const answering = (host: unknown, afterMs: number) => ({ onReady: () => new Promise<{ host: unknown }>((r) => setTimeout(() => r({ host }), afterMs)) });
  const silent = { onReady: () => new Promise<{ host: unknown }>(() => undefined) };

  it("runs the preview in a plain browser, with or without office.js", async () => {
    await expect(connect(env(undefined, false).e)).resolves.toEqual({ mode: "preview" });
    const quick = connect(env(answering(null, 40), false).e);
    await vi.advanceTimersByTimeAsync(40);
    await expect(quick).resolves.toEqual({ mode: "preview" });
  });

  it("runs the preview when office.js never answers on a page Office did not open", async () => {
    let done = false;
    const result = connect(env(silent, false).e).finally(() => (done = true));
    await vi.advanceTimersByTimeAsync(3_999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual({ mode: "preview" });
  });

  it("waits for a slow Excel as long as it takes, never falling back to the preview, and says it is waiting", async () => {
    const { e, notices } = env(answering("Excel", 12_000), true);
    let outcome: unknown = "pending";
    void connect(e).then((r) => (outcome = r));
    await vi.advanceTimersByTimeAsync(4_000);
    expect(outcome).toBe("pending");
    expect(notices).toEqual(["Waiting for Excel to connect the pane…"]);
    await vi.advanceTimersByTimeAsync(8_000);
    expect(outcome).toEqual({ mode: "office" });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(notices).toHaveLength(1);
  });

  it("keeps waiting when Excel never answers, and after 30 seconds says how to recover", async () => {
    const { e, notices } = env(silent, true);
    let outcome: unknown = "pending";
    void connect(e).then((r) => (outcome = r));
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(outcome).toBe("pending");
    expect(notices).toEqual(["Waiting for Excel to connect the pane…", expect.stringMatching(/^Excel has not connected the pane after 30 seconds\. .*close the pane and open it again/)]);
  });

  it("says office.js did not load when Office opened the page without it, instead of showing the preview", async () => {
    await expect(connect(env(undefined, true).e)).resolves.toEqual({ mode: "error", message: OFFICE_JS_MISSING });
  });

  it("refuses other Office applications and a host-less answer on a page Office opened", async () => {
    const word = connect(env(answering("Word", 10), true).e);
    await vi.advanceTimersByTimeAsync(10);
    await expect(word).resolves.toEqual({ mode: "error", message: "Sky Net Data works in Excel only; this is Word." });
    const none = connect(env(answering(null, 10), true).e);
    await vi.advanceTimersByTimeAsync(10);
    await expect(none).resolves.toMatchObject({ mode: "error", message: expect.stringContaining("Office named no host") });
  });
});
