// The finder in the pane: a search box whose results are cards (Insert formula, Insert value, Open in the builder),
// and the formula builder (a function, its arguments from the data, the answer as you choose, Insert). Native controls
// only, every one labelled; text always goes in through textContent.
import type { ArgumentChoices, CustomFunctions } from "@skynet-data/sdk";
import type { DataFeed } from "../../data-feed/feed.js";
import { describeFailure } from "../../excel/errors.js";
import type { IsSetSupported } from "../../excel/requirements.js";
import type { Runner } from "../../excel/run.js";
import type { Confirmed, InsertOutcome } from "../../excel/selection.js";
import {
  BUILDER_FUNCTIONS,
  builderAnswer,
  builderArguments,
  builderFormula,
  functionsOf,
  insertFormula,
  insertValue,
  searchCards,
  type FigureCard,
  type FinderData,
  type SeriesCard,
} from "./model.js";
import "./finder.css";

export interface FinderDeps {
  /** Runs a batch against the workbook: Excel.run in Office, the workbook double in the preview. */
  runner: Runner;
  isSetSupported: IsSetSupported;
  /** The pane's data feed: the finder answers from the release it holds and follows every swap. */
  feed: Pick<DataFeed, "state" | "subscribe">;
  /** Runs after every write (the preview redraws its grid). */
  afterChange?: () => void;
}

type Arg = string | number | null;

/** Makes an element with attributes and children (text children become text nodes, never HTML). */
function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean | undefined> = {}, ...children: (Node | string | null | undefined)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === "text") el.textContent = String(v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c !== null && c !== undefined) el.append(c);
  return el;
}

/** Mounts the finder and the formula builder into `container`. */
export function mountFinder(container: HTMLElement, deps: FinderDeps): void {
  const data = (): FinderData => {
    const s = deps.feed.state();
    return { catalog: s.held.catalog, dataVersion: s.held.dataVersion, history: s.history };
  };
  const memo: { key?: unknown; fns?: CustomFunctions } = {};
  const functions = () => functionsOf(data(), memo);

  container.replaceChildren();
  container.classList.add("finder");
  const status = h("p", { id: "finder-status", class: "finder-sr", role: "status", "aria-live": "polite" });
  const query = h("input", { id: "finder-query", type: "search", autocomplete: "off", spellcheck: "false", placeholder: "e.g. fugitives returned 2019", "aria-describedby": "finder-help" });
  const form = h(
    "form",
    { role: "search", "aria-label": "Find a figure", class: "finder-form" },
    h("label", { for: "finder-query", text: "Ask in plain words" }),
    h("div", { class: "finder-row" }, query, h("button", { type: "submit", class: "btn accent", text: "Search" })),
  );
  const help = h("p", { id: "finder-help", class: "hint", text: "What is counted and a year, say. Insert writes into the selected cell of the sheet, and asks before replacing anything in it." });
  const results = h("div", { id: "finder-results", class: "finder-results" });
  container.append(h("h2", { id: "finder-h", text: "Find a figure" }), form, help, status, results);

  // The builder.
  const fnSelect = h("select", { id: "builder-fn", "aria-describedby": "builder-fn-hint" });
  for (const id of BUILDER_FUNCTIONS) fnSelect.append(h("option", { value: id, text: `SKYNET.${id}` }));
  const argsBox = h("div", { id: "builder-args", class: "builder-args" });
  const formulaOut = h("output", { id: "builder-formula", class: "builder-formula", for: "builder-fn builder-args", "aria-label": "Formula" });
  const answerOut = h("div", { id: "builder-answer", class: "builder-answer", role: "status", "aria-live": "polite", "aria-atomic": "true" });
  const builderInsert = h("button", { type: "button", id: "builder-insert", class: "btn accent", text: "Insert formula" });
  const builderMessage = h("div", { id: "builder-message", class: "finder-message" });
  const builder = h(
    "section",
    { id: "builder", class: "builder", "aria-labelledby": "builder-h" },
    h("h2", { id: "builder-h", text: "Build a formula" }),
    h("label", { for: "builder-fn", class: "field", text: "Function" }),
    fnSelect,
    h("p", { id: "builder-fn-hint", class: "hint", text: "Each argument lists the values that have an answer in the data." }),
    argsBox,
    h("p", { class: "field", id: "builder-formula-label", text: "Formula" }),
    formulaOut,
    h("p", { class: "field", text: "Answer" }),
    answerOut,
    h("div", { class: "actions" }, builderInsert),
    builderMessage,
  );
  container.append(builder);

  // Search.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const runSearch = () => {
    clearTimeout(timer);
    const found = searchCards(data(), query.value);
    results.replaceChildren(...renderResults(found.figures, found.series));
    status.textContent = found.announcement;
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    runSearch();
  });
  query.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(runSearch, 250);
  });

  const renderResults = (figures: FigureCard[], series: SeriesCard[]): Node[] => {
    if (!figures.length && !series.length) return [];
    const out: Node[] = [];
    if (figures.length) {
      out.push(h("ol", { class: "fig-cards", "aria-label": "Figures found" }, ...figures.map((c, i) => figureCardView(c, i))));
    }
    if (series.length) {
      out.push(
        h("h3", { class: "finder-sub", id: "finder-series-h", text: "Whole series" }),
        h("ul", { class: "series-cards", "aria-labelledby": "finder-series-h" }, ...series.map((s, i) => seriesCardView(s, i))),
      );
    }
    return out;
  };

  const figureCardView = (c: FigureCard, i: number): HTMLElement => {
    const titleId = `fig-${i}-title`;
    const message = h("div", { class: "finder-message", id: `fig-${i}-message` });
    const source = h("dd", {});
    if (c.source.url) source.append(h("a", { href: c.source.url, target: "_blank", rel: "noreferrer", text: c.source.publisher }));
    else source.append(c.source.publisher);
    if (c.source.date) source.append(`, ${c.source.date}`);
    const name = `${c.title}, ${c.period}`;
    const buttons = h("div", { class: "card-actions" });
    if (c.formula) {
      const b = h("button", { type: "button", class: "btn", "data-act": "formula", "aria-label": `Insert formula: ${name}`, text: "Insert formula" });
      b.addEventListener("click", () => void write(() => insertFormula(deps.runner, c.formula!, options()), message, (confirmed) => insertFormula(deps.runner, c.formula!, options(confirmed))));
      buttons.append(b);
    }
    const v = h("button", { type: "button", class: "btn", "data-act": "value", "aria-label": `Insert value: ${name}`, text: "Insert value" });
    v.addEventListener("click", () => void write(() => insertValue(deps.runner, c, options()), message, (confirmed) => insertValue(deps.runner, c, options(confirmed))));
    buttons.append(v);
    if (c.call) {
      const o = h("button", { type: "button", class: "btn", "data-act": "build", "aria-label": `Open in the builder: ${name}`, text: "Open in the builder" });
      o.addEventListener("click", () => openInBuilder(c.call!.functionId, c.call!.args));
      buttons.append(o);
    }
    return h(
      "li",
      { class: "fig-card", "aria-labelledby": titleId, "data-id": c.id },
      h("h3", { id: titleId, class: "fig-title", text: c.title }),
      h("p", { class: "fig-value" }, h("span", { class: "fig-number", text: c.valueText }), ` ${c.unit}`),
      h(
        "dl",
        { class: "fig-meta" },
        h("dt", { text: "Period" }),
        h("dd", { text: c.period }),
        h("dt", { text: "Coverage" }),
        h("dd", { text: c.coverage }),
        h("dt", { text: "Qualifier" }),
        h("dd", { text: c.qualifier }),
        h("dt", { text: "Source" }),
        source,
      ),
      c.formula ? h("p", { class: "fig-formula" }, h("code", { text: c.formula })) : null,
      h("p", { class: "hint fig-formula-words", text: c.formulaWords }),
      buttons,
      message,
    );
  };

  const seriesCardView = (s: SeriesCard, i: number): HTMLElement => {
    const message = h("div", { class: "finder-message", id: `series-${i}-message` });
    const b = h("button", { type: "button", class: "btn", "aria-label": `Insert formula: the whole series ${s.title}`, text: "Insert formula" });
    b.addEventListener("click", () => void write(() => insertFormula(deps.runner, s.formula, options()), message, (confirmed) => insertFormula(deps.runner, s.formula, options(confirmed))));
    return h(
      "li",
      { class: "series-card", "data-series": s.seriesId },
      h("p", { class: "fig-title", text: s.title }),
      h("p", { class: "hint", text: `${s.dataset}: ${s.figures}. Spills a table, one row per figure with its source.` }),
      h("p", { class: "fig-formula" }, h("code", { text: s.formula })),
      h("div", { class: "card-actions" }, b),
      message,
    );
  };

  const options = (confirmed?: Confirmed) => ({ isSetSupported: deps.isSetSupported, ...(confirmed ? { confirmed } : {}) });

  /** Runs an insert; on a non-empty cell asks in the pane, and writes only on a yes for what the cell held when asked. */
  const write = async (first: () => Promise<InsertOutcome>, message: HTMLElement, again: (confirmed: Confirmed) => Promise<InsertOutcome>): Promise<void> => {
    let outcome: InsertOutcome;
    try {
      outcome = await first();
    } catch (e) {
      say(message, h("p", { class: "error", role: "alert", text: `Nothing was written. ${describeFailure(e)}` }));
      return;
    }
    show(outcome, message, again);
    deps.afterChange?.();
  };

  /** Replaces a message; when the focus was on a button inside it (Replace, Keep), it moves to the new words. */
  const say = (message: HTMLElement, ...lines: HTMLElement[]) => {
    const hadFocus = message.contains(document.activeElement);
    message.replaceChildren(...lines);
    if (hadFocus && lines[0]) {
      lines[0].tabIndex = -1;
      lines[0].focus();
    }
  };

  const show = (outcome: InsertOutcome, message: HTMLElement, again: (confirmed: Confirmed) => Promise<InsertOutcome>) => {
    if (outcome.kind === "refused") {
      say(message, h("p", { class: "error", role: "alert", text: outcome.message }));
      return;
    }
    if (outcome.kind === "written") {
      const lines = [h("p", { class: "done", role: "status", text: `Wrote ${outcome.written} in ${outcome.address}.` })];
      if (outcome.cited) lines.push(h("p", { class: outcome.cited.place === "pane" ? "host-note citation" : "hint", text: outcome.cited.message }));
      say(message, ...lines);
      return;
    }
    const questionId = `${message.id}-q`;
    const replace = h("button", { type: "button", class: "btn accent", "data-act": "replace", text: "Replace it" });
    const keep = h("button", { type: "button", class: "btn", "data-act": "keep", text: "Keep what is there" });
    const question = h("p", { id: questionId, tabindex: "-1", text: outcome.message });
    message.replaceChildren(h("div", { class: "finder-confirm", role: "group", "aria-labelledby": questionId }, question, h("div", { class: "card-actions" }, replace, keep)));
    replace.addEventListener("click", () => void write(() => again({ address: outcome.address, content: outcome.content }), message, again));
    keep.addEventListener("click", () => say(message, h("p", { role: "status", text: `Kept ${outcome.address} as it was. Select an empty cell and insert again.` })));
    question.focus();
  };

  // The builder: one control per argument, the answer computed by the functions Excel calls.
  let chosen: Arg[] = [];
  let choices: ArgumentChoices[] = [];
  const renderArgs = () => {
    const id = fnSelect.value;
    choices = builderArguments(data().catalog, id, chosen);
    chosen = choices.map((a, i) => {
      const now = chosen[i] ?? null;
      if (!a.options.length) return now;
      if (a.options.some((o) => o.value === now)) return now;
      if (a.optional) return null;
      return (a.name === "year" ? a.options[a.options.length - 1] : a.options[0])!.value;
    });
    argsBox.replaceChildren(...choices.map((a, i) => argControl(a, i)));
    if (!choices.length) argsBox.append(h("p", { class: "hint", text: "This function takes no arguments." }));
    showAnswer();
  };
  const argControl = (a: ArgumentChoices, i: number): HTMLElement => {
    const controlId = `builder-arg-${i}`;
    const hintId = `${controlId}-hint`;
    const label = h("label", { for: controlId, class: "field", text: `${a.name}${a.optional ? " (optional)" : ""}` });
    let control: HTMLSelectElement | HTMLInputElement;
    if (a.options.length) {
      const select = h("select", { id: controlId, "aria-describedby": hintId, "data-arg": a.name });
      if (a.optional) select.append(h("option", { value: "", text: `(left out: ${a.hint.replace(/^.*omitted: /, "")})` }));
      a.options.forEach((o, j) => select.append(h("option", { value: String(j), text: o.label })));
      const at = a.options.findIndex((o) => o.value === chosen[i]);
      select.value = at < 0 ? "" : String(at);
      select.addEventListener("change", () => {
        chosen[i] = select.value === "" ? null : a.options[Number(select.value)]!.value;
        // A new series changes the periods FIGURE and SOURCE offer.
        if (i === 0 && (fnSelect.value === "FIGURE" || fnSelect.value === "SOURCE")) renderArgs();
        else showAnswer();
      });
      control = select;
    } else {
      const input = h("input", { id: controlId, type: "text", autocomplete: "off", spellcheck: "false", "aria-describedby": hintId, "data-arg": a.name, placeholder: a.optional ? "left out" : "" });
      input.value = chosen[i] === null || chosen[i] === undefined ? "" : String(chosen[i]);
      input.addEventListener("input", () => {
        const t = input.value.trim();
        chosen[i] = t === "" ? null : /^[+-]?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
        showAnswer();
      });
      control = input;
    }
    return h("div", { class: "builder-arg" }, label, control, h("p", { id: hintId, class: "hint", text: a.hint }));
  };
  const showAnswer = () => {
    const id = fnSelect.value;
    const args = chosen.slice(0, choices.length);
    formulaOut.textContent = builderFormula(id, args);
    const answer = builderAnswer(functions(), id, args);
    answerOut.className = `builder-answer ${answer.kind === "error" ? "is-error" : ""}`;
    if (answer.kind === "error") answerOut.replaceChildren(h("strong", { text: answer.error }), ` ${answer.message}`);
    else if (answer.kind === "card") answerOut.replaceChildren(h("strong", { text: answer.text }), " (a data-type card: =A1.Value gives ", String(answer.value), ")");
    else if (answer.kind === "table") answerOut.replaceChildren(`Spills ${answer.text}.`);
    else answerOut.replaceChildren(h("strong", { class: "answer-value", text: answer.text }));
  };
  const openInBuilder = (functionId: string, args: readonly (string | number)[]) => {
    fnSelect.value = functionId;
    chosen = [...args];
    renderArgs();
    builder.scrollIntoView?.({ block: "nearest" });
    fnSelect.focus();
  };
  fnSelect.addEventListener("change", () => {
    chosen = [];
    renderArgs();
  });
  builderInsert.addEventListener("click", () => {
    const formula = builderFormula(fnSelect.value, chosen.slice(0, choices.length));
    void write(() => insertFormula(deps.runner, formula, options()), builderMessage, (confirmed) => insertFormula(deps.runner, formula, options(confirmed)));
  });
  fnSelect.value = "RETURNED";
  renderArgs();

  // A new release: the cards and the builder's choices and answers follow it.
  deps.feed.subscribe((e) => {
    if (e.type === "status") return;
    if (query.value.trim()) runSearch();
    renderArgs();
  });
}
