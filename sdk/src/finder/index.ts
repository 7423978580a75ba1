// Finding a figure and building its formula: the pure half of the pane's search and formula builder.
export { formulaArgument, formulaFor, formulaText, type FormulaChoice } from "./formula.js";
export { searchFigures, searchSeries, type FigureHit, type SeriesHit } from "./search.js";
export { functionArguments, periodsOf, type ArgumentChoices, type ArgumentOption } from "./builder.js";
