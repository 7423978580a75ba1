// The pane's finder: search a figure in plain words and insert its formula or value; build any formula.
export { mountFinder, type FinderDeps } from "./view.js";
