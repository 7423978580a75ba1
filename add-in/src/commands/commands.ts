// Shared-runtime bootstrap: keep the runtime loaded with the workbook so SKYNET.* functions calculate
// before anyone opens the pane. Safe outside Office (a plain browser preview): it never throws.

/** What `keepRuntimeLoaded` did, in words a log or a test can read. */
export type StartupOutcome = "no-office" | "not-excel" | "unsupported" | "load" | `failed: ${string}`;

type OfficeLike = Pick<typeof Office, "onReady" | "addin" | "context" | "HostType" | "StartupBehavior">;

/**
 * Asks Office to load the add-in's shared runtime whenever the workbook opens
 * (`Office.addin.setStartupBehavior(Office.StartupBehavior.load)`). Resolves, never rejects.
 * @example
 * await keepRuntimeLoaded() //=> "load" in Excel with SharedRuntime 1.1; "no-office" in a plain browser
 */
export async function keepRuntimeLoaded(office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office): Promise<StartupOutcome> {
  if (!office || typeof office.onReady !== "function") return "no-office";
  try {
    const info = await office.onReady();
    if (info.host !== office.HostType.Excel) return "not-excel";
    if (!office.context.requirements.isSetSupported("SharedRuntime", "1.1")) return "unsupported";
    await office.addin.setStartupBehavior(office.StartupBehavior.load);
    return "load";
  } catch (error) {
    return `failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}
