// The sheet contract: a dataset's (or the Sources) sheet plan and where its pieces go. Adapters only render it.
export * from "./plan.js";
export * from "./layout.js";
export * from "./by-year.js";
