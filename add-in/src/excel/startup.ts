// The "Open Sky Net Data with this workbook" setting: Office.addin.setStartupBehavior, called only when the user asks.
// Marking a workbook makes Excel load the add-in whenever it opens, which shows colleagues without the add-in a
// message bar about a missing add-in, so it is off unless the user turns it on.

type OfficeLike = {
  addin?: Partial<Pick<typeof Office.addin, "getStartupBehavior" | "setStartupBehavior">>;
  context?: { requirements?: { isSetSupported(name: string, minVersion?: string): boolean } };
  StartupBehavior?: { load: Office.StartupBehavior; none: Office.StartupBehavior };
};

/** What the pane shows: whether the setting can be used here, and whether this workbook opens the add-in. */
export type StartupState =
  | { available: false; reason: string }
  /** `loadsWithWorkbook` is null where Excel cannot say (no getStartupBehavior). */
  | { available: true; loadsWithWorkbook: boolean | null; error?: string };

export interface StartupSetting {
  read(): Promise<StartupState>;
  /** Turns loading with the workbook on or off, then reads the state back. Resolves, never rejects. */
  set(loadWithWorkbook: boolean): Promise<StartupState>;
}

const words = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The setting over Office's API (`Office.addin.getStartupBehavior` / `setStartupBehavior`, SharedRuntime 1.1).
 * @example
 * await startupSetting(Office).read() //=> { available: true, loadsWithWorkbook: false } in a fresh workbook
 */
export function startupSetting(office: OfficeLike | undefined): StartupSetting {
  const unavailable = (): StartupState | null => {
    if (!office?.addin?.setStartupBehavior || !office.StartupBehavior) return { available: false, reason: "This setting is available when the pane runs inside Excel." };
    if (office.context?.requirements?.isSetSupported("SharedRuntime", "1.1") === false) {
      return { available: false, reason: "This version of Excel cannot open add-ins with a workbook (that needs SharedRuntime 1.1)." };
    }
    return null;
  };
  const read = async (): Promise<StartupState> => {
    const missing = unavailable();
    if (missing) return missing;
    const get = office!.addin!.getStartupBehavior;
    if (typeof get !== "function") return { available: true, loadsWithWorkbook: null };
    try {
      return { available: true, loadsWithWorkbook: (await get.call(office!.addin)) === office!.StartupBehavior!.load };
    } catch (error) {
      return { available: true, loadsWithWorkbook: null, error: `Excel could not say whether this workbook opens Sky Net Data: ${words(error)}` };
    }
  };
  return {
    read,
    async set(loadWithWorkbook) {
      const missing = unavailable();
      if (missing) return missing;
      const behavior = loadWithWorkbook ? office!.StartupBehavior!.load : office!.StartupBehavior!.none;
      try {
        await office!.addin!.setStartupBehavior!.call(office!.addin, behavior);
      } catch (error) {
        const state = await read();
        return { ...(state.available ? state : { available: true, loadsWithWorkbook: null }), error: `Excel did not change the setting: ${words(error)}` };
      }
      const state = await read();
      // Without getStartupBehavior, what was just set is the best knowledge there is.
      return state.available && state.loadsWithWorkbook === null && !state.error ? { available: true, loadsWithWorkbook: loadWithWorkbook } : state;
    },
  };
}
