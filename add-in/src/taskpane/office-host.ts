// Whether the pane runs inside Excel or as a preview in a plain browser. Inside Office the pane never falls back to
// the preview however long Office.onReady takes; only a page with no sign of an Office host runs the preview.

/** The parts of the page office.js reads to find its host (office.js: OSF._OfficeAppFactory, _retrieveHostInfo). */
export interface PageSigns {
  search: string;
  name: string;
  sessionHostInfo: string | null;
  /** `window.external.GetHostInfo` or `agaveHost.GetHostInfo` exists (Office's desktop web views). */
  hostBridge: boolean;
}

/** Reads the signs from the live page; never throws. */
export function pageSigns(win: Window & typeof globalThis = window): PageSigns {
  let sessionHostInfo: string | null = null;
  try {
    sessionHostInfo = win.sessionStorage?.getItem("hostInfoValue") ?? null;
  } catch {
    // storage blocked: no sign
  }
  const ext = (win as unknown as { external?: { GetHostInfo?: unknown } }).external;
  const agave = (win as unknown as { agaveHost?: { GetHostInfo?: unknown } }).agaveHost;
  return { search: win.location.search, name: win.name, sessionHostInfo, hostBridge: typeof ext?.GetHostInfo === "function" || typeof agave?.GetHostInfo === "function" };
}

/**
 * Whether an Office host opened this page: office.js's own evidence (a `_host_Info` query parameter, a `hostInfo` in
 * the window name, a remembered host in session storage, or Office's host bridge).
 * @example
 * openedByOffice({ search: "?_host_Info=Excel$Win32$16.01$en-US$$$$0", name: "", sessionHostInfo: null, hostBridge: false }) //=> true
 * openedByOffice({ search: "", name: "", sessionHostInfo: null, hostBridge: false }) //=> false
 */
export function openedByOffice(signs: PageSigns): boolean {
  if (signs.hostBridge || signs.sessionHostInfo) return true;
  if (new URLSearchParams(signs.search).get("_host_Info")) return true;
  try {
    const parsed: unknown = JSON.parse(signs.name);
    return typeof parsed === "object" && parsed !== null && Boolean((parsed as { hostInfo?: unknown }).hostInfo);
  } catch {
    return false;
  }
}

export type PaneMode =
  | { mode: "office" }
  | { mode: "preview" }
  | { mode: "error"; message: string };

export interface ConnectEnv {
  office: { onReady(): Promise<{ host: unknown }> } | undefined;
  openedByOffice: boolean;
  /** Resolves after `ms` milliseconds (a timer; replaced in tests). */
  sleep: (ms: number) => Promise<void>;
  /** Shown while Excel is slow to answer; the pane keeps waiting. */
  onWaiting: (message: string) => void;
}

/** How long a page with no sign of Office waits for office.js to say "no host" before running the preview anyway. */
export const PREVIEW_GRACE_MS = 4000;
/** When the pane inside Excel first says it is waiting, and when it says Excel is unusually slow. */
export const WAITING_NOTICES_MS = [4000, 30_000] as const;

export const OFFICE_JS_MISSING =
  "Excel opened this pane, but office.js, the Office library loaded from Microsoft's servers (appsforoffice.microsoft.com), " +
  "did not load. Check the network or proxy, then close and reopen the pane.";

/**
 * Decides where the pane runs. With signs of an Office host it waits for Office.onReady as long as it takes (saying
 * so after 4 and 30 seconds), so a slow Excel never gets the preview; without them it runs the preview.
 */
export async function connect(env: ConnectEnv): Promise<PaneMode> {
  if (!env.office || typeof env.office.onReady !== "function") return env.openedByOffice ? { mode: "error", message: OFFICE_JS_MISSING } : { mode: "preview" };
  const ready = env.office.onReady().then(
    (info) => ({ host: info?.host ?? null }),
    (error: unknown) => ({ host: null, error }),
  );
  if (!env.openedByOffice) {
    const info = await Promise.race([ready, env.sleep(PREVIEW_GRACE_MS).then(() => ({ host: null }))]);
    return isExcel(info.host) ? { mode: "office" } : { mode: "preview" };
  }
  let settled = false;
  void ready.then(() => (settled = true));
  void (async () => {
    let waited = 0;
    for (const [i, at] of WAITING_NOTICES_MS.entries()) {
      await env.sleep(at - waited);
      waited = at;
      if (settled) return;
      env.onWaiting(
        i === 0
          ? "Waiting for Excel to connect the pane…"
          : "Excel has not connected the pane after 30 seconds. It may still do so; if nothing happens, close the pane and open it again from Home > Sky Net Data.",
      );
    }
  })();
  const info = await ready;
  if ("error" in info) return { mode: "error", message: `Excel could not connect the pane: ${info.error instanceof Error ? info.error.message : String(info.error)}` };
  if (isExcel(info.host)) return { mode: "office" };
  // Office's own signs say Excel opened the page: never the preview, even when office.js names no host.
  if (info.host === null) return { mode: "error", message: "This page looks as if Excel opened it, but Office named no host. Open the pane from Excel (Home > Sky Net Data), or open the page in a new browser tab for the preview." };
  return { mode: "error", message: `Sky Net Data works in Excel only; this is ${String(info.host)}.` };
}

const isExcel = (host: unknown) => typeof host === "string" && host.toLowerCase() === "excel";
