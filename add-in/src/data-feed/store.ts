// Where the data feed keeps what must outlive a session: the last good release, its history, the settings and when
// the data address was last checked. OfficeRuntime.storage where the shared runtime has it (Excel keeps it per add-in
// between sessions, 10 MB), the page's localStorage otherwise (the browser preview), memory when neither works.

/** A string store with the shape of OfficeRuntime.storage: every call may be asynchronous. */
export interface FeedStore {
  /** Which storage this is, in words the pane shows ("OfficeRuntime.storage", "localStorage", "memory"). */
  readonly kind: string;
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
  /** Every key this store holds that starts with `prefix`. */
  keys(prefix: string): Promise<string[]>;
}

type OfficeRuntimeStorage = {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
  getKeys?(): Promise<string[]>;
};

/** A store in memory: nothing survives the page (tests, and the last resort). */
export function memoryStore(initial: Record<string, string> = {}): FeedStore & { readonly items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return {
    kind: "memory",
    items,
    getItem: async (key) => items.get(key) ?? null,
    setItem: async (key, value) => void items.set(key, value),
    removeItem: async (key) => void items.delete(key),
    keys: async (prefix) => [...items.keys()].filter((k) => k.startsWith(prefix)),
  };
}

/** OfficeRuntime.storage as a FeedStore. */
export function officeRuntimeStore(storage: OfficeRuntimeStorage): FeedStore {
  return {
    kind: "OfficeRuntime.storage",
    getItem: (key) => storage.getItem(key),
    setItem: (key, value) => storage.setItem(key, value),
    removeItem: (key) => storage.removeItem(key),
    keys: async (prefix) => ((await storage.getKeys?.()) ?? []).filter((k) => k.startsWith(prefix)),
  };
}

/** A Web Storage object (localStorage) as a FeedStore. */
export function webStore(storage: Storage): FeedStore {
  return {
    kind: "localStorage",
    getItem: async (key) => storage.getItem(key),
    setItem: async (key, value) => storage.setItem(key, value),
    removeItem: async (key) => storage.removeItem(key),
    keys: async (prefix) => Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((k): k is string => k !== null && k.startsWith(prefix)),
  };
}

/**
 * The store the shared runtime keeps between sessions: OfficeRuntime.storage when this runtime has it, else
 * localStorage, else memory. Never throws (a browser that blocks storage gets memory).
 */
export function runtimeStore(g: typeof globalThis = globalThis): FeedStore {
  const office = (g as { OfficeRuntime?: { storage?: Partial<OfficeRuntimeStorage> } }).OfficeRuntime?.storage;
  if (office && typeof office.getItem === "function" && typeof office.setItem === "function" && typeof office.removeItem === "function") return officeRuntimeStore(office as OfficeRuntimeStorage);
  try {
    const local = (g as { localStorage?: Storage }).localStorage;
    if (local) {
      const probe = "SkyNetData.probe";
      local.setItem(probe, "1");
      local.removeItem(probe);
      return webStore(local);
    }
  } catch {
    // storage blocked (private mode, a sandboxed frame): memory
  }
  return memoryStore();
}

/**
 * Reading only, from the store runtimeStore would give (the same choice, without its probe write): what functions.js's
 * early restore needs, kept small and never writing while the functions start. Never throws; a blocked store reads null.
 */
export function runtimeReader(g: typeof globalThis = globalThis): Pick<FeedStore, "getItem"> {
  const office = (g as { OfficeRuntime?: { storage?: Partial<OfficeRuntimeStorage> } }).OfficeRuntime?.storage;
  if (office && typeof office.getItem === "function" && typeof office.setItem === "function" && typeof office.removeItem === "function") return { getItem: (key) => office.getItem!(key) };
  return {
    getItem: async (key) => {
      try {
        return (g as { localStorage?: Storage }).localStorage?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
  };
}
