// Pure layout pieces of the taskpane: addresses, chunk planning, refresh diffs, sheet layout, cell display.
export * from "./address.js";
export * from "./chunks.js";
export * from "./refresh.js";
export * from "./sheet-layout.js";
export * from "./format.js";
export * from "./guard.js";
