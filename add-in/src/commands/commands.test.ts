import { describe, expect, it } from "vitest";
import { keepRuntimeLoaded } from "./commands.js";

type FakeOptions = { host?: string; shared?: boolean; fail?: string };

function fakeOffice(options: FakeOptions = {}) {
  const calls: unknown[] = [];
  const office = {
    HostType: { Excel: "Excel", Word: "Word" },
    StartupBehavior: { load: "Load", none: "None" },
    onReady: async () => ({ host: options.host ?? "Excel", platform: "PC" }),
    context: { requirements: { isSetSupported: (name: string, version: string) => (options.shared ?? true) && name === "SharedRuntime" && version === "1.1" } },
    addin: {
      setStartupBehavior: async (behavior: unknown) => {
        if (options.fail) throw new Error(options.fail);
        calls.push(behavior);
      },
    },
  };
  return { office: office as unknown as Parameters<typeof keepRuntimeLoaded>[0], calls };
}

describe("keepRuntimeLoaded", () => {
  it("sets the startup behaviour to load in Excel with SharedRuntime 1.1", async () => {
    const { office, calls } = fakeOffice();
    await expect(keepRuntimeLoaded(office)).resolves.toBe("load");
    expect(calls).toEqual(["Load"]);
  });

  it("does nothing when Office is not there (a plain browser)", async () => {
    await expect(keepRuntimeLoaded(undefined)).resolves.toBe("no-office");
  });

  it("does nothing in another host or without the shared runtime", async () => {
    const word = fakeOffice({ host: "Word" });
    await expect(keepRuntimeLoaded(word.office)).resolves.toBe("not-excel");
    const old = fakeOffice({ shared: false });
    await expect(keepRuntimeLoaded(old.office)).resolves.toBe("unsupported");
    expect([...word.calls, ...old.calls]).toEqual([]);
  });

  it("resolves with the reason instead of rejecting when Office refuses", async () => {
    const { office } = fakeOffice({ fail: "not allowed here" });
    await expect(keepRuntimeLoaded(office)).resolves.toBe("failed: not allowed here");
  });
});
