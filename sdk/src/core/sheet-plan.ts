// Moved to sdk/src/sheet/plan.ts (presentation is not core); kept so existing imports still resolve.
export * from "../sheet/plan.js";
