// The add-in's transport, pure: what to read of a workbook, and the operations and report of a load (planLoad).
// add-in/src/excel/adapter.ts reads and replays; nothing here touches Office.
export * from "./chunks.js";
export * from "./operations.js";
export * from "./plan.js";
export * from "./refresh.js";
export * from "./snapshot.js";
export * from "./stamp.js";
