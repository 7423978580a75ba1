import { describe, expect, it } from "vitest";
import { startupSetting } from "./startup.js";

type Fake = { behavior?: "Load" | "None"; shared?: boolean; noGetter?: boolean; failSet?: string; failGet?: string };

/** Office with the SharedRuntime 1.1 startup API, recording every setStartupBehavior call. */
function fakeOffice(options: Fake = {}) {
  const calls: string[] = [];
  let behavior = options.behavior ?? "None";
  const addin: Record<string, unknown> = {
    setStartupBehavior: async (b: "Load" | "None") => {
      if (options.failSet) throw new Error(options.failSet);
      calls.push(b);
      behavior = b;
    },
  };
  if (!options.noGetter) {
    addin.getStartupBehavior = async () => {
      if (options.failGet) throw new Error(options.failGet);
      return behavior;
    };
  }
  const office = {
    StartupBehavior: { load: "Load", none: "None" },
    context: { requirements: { isSetSupported: (name: string, v = "1.1") => (options.shared ?? true) && name === "SharedRuntime" && v === "1.1" } },
    addin,
  };
  return { office: office as unknown as Parameters<typeof startupSetting>[0], calls };
}

describe("startupSetting", () => {
  it("reads the workbook's state without changing it", async () => {
    const off = fakeOffice();
    await expect(startupSetting(off.office).read()).resolves.toEqual({ available: true, loadsWithWorkbook: false });
    const on = fakeOffice({ behavior: "Load" });
    await expect(startupSetting(on.office).read()).resolves.toEqual({ available: true, loadsWithWorkbook: true });
    expect([...off.calls, ...on.calls]).toEqual([]);
  });

  it("calls setStartupBehavior(load) or (none) once per change the user makes", async () => {
    const { office, calls } = fakeOffice();
    const setting = startupSetting(office);
    await expect(setting.set(true)).resolves.toEqual({ available: true, loadsWithWorkbook: true });
    await expect(setting.set(false)).resolves.toEqual({ available: true, loadsWithWorkbook: false });
    expect(calls).toEqual(["Load", "None"]);
  });

  it("reports what it set where Excel has no getStartupBehavior, and unknown before that", async () => {
    const { office } = fakeOffice({ noGetter: true });
    const setting = startupSetting(office);
    await expect(setting.read()).resolves.toEqual({ available: true, loadsWithWorkbook: null });
    await expect(setting.set(true)).resolves.toEqual({ available: true, loadsWithWorkbook: true });
  });

  it("is unavailable outside Excel and without SharedRuntime 1.1, and says why", async () => {
    await expect(startupSetting(undefined).read()).resolves.toEqual({ available: false, reason: "This setting is available when the pane runs inside Excel." });
    const old = fakeOffice({ shared: false });
    await expect(startupSetting(old.office).set(true)).resolves.toEqual({ available: false, reason: expect.stringContaining("SharedRuntime 1.1") });
    expect(old.calls).toEqual([]);
  });

  it("resolves with Excel's words instead of rejecting when Excel refuses", async () => {
    const { office } = fakeOffice({ failSet: "not allowed in this workbook" });
    await expect(startupSetting(office).set(true)).resolves.toEqual({ available: true, loadsWithWorkbook: false, error: "Excel did not change the setting: not allowed in this workbook" });
    const unreadable = fakeOffice({ failGet: "busy" });
    await expect(startupSetting(unreadable.office).read()).resolves.toEqual({ available: true, loadsWithWorkbook: null, error: "Excel could not say whether this workbook opens Sky Net Data: busy" });
  });
});
