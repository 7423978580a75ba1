// Help pages for the custom functions, generated at build time from the JSDoc of add-in/src/functions/functions.ts
// (the same comments functions.json comes from): description, arguments, result, examples and when each error appears.
import ts from "typescript";
import { escapeHtml } from "../src/taskpane/html.js";

/** What functions.json says about one function (the fields the pages use). */
export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: { name: string; description?: string; type?: string; dimensionality?: string; optional?: boolean; repeating?: boolean; customEnumId?: string }[];
  result?: { type?: string; dimensionality?: string };
}

/** What only the JSDoc holds: the result's words, the examples and the error rules (`@throws`). */
export interface FunctionDoc {
  functionName: string;
  id: string;
  returns: string | null;
  examples: string[];
  throws: string[];
}

/** The help page's file name for a function id: lower case, underscores as dashes (TREATIES_IN_FORCE → treaties-in-force.html). */
export const helpFileName = (id: string): string => `${id.toLowerCase().replace(/_/g, "-")}.html`;

/** The folder of dist/ that holds the help pages. */
export const HELP_DIR = "help";

const text = (comment: string | ts.NodeArray<ts.JSDocComment> | undefined): string =>
  (typeof comment === "string" ? comment : (comment ?? []).map((c) => c.text).join("")).replace(/\s+/g, " ").trim();

/** Reads the JSDoc of every `@customfunction` in a TypeScript source text. */
export function readFunctionDocs(source: string, fileName = "functions.ts"): FunctionDoc[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const docs: FunctionDoc[] = [];
  for (const node of file.statements) {
    if (!ts.isFunctionDeclaration(node) || !node.name) continue;
    const tags = ts.getJSDocTags(node);
    const marker = tags.find((t) => t.tagName.text === "customfunction");
    if (!marker) continue;
    const id = (text(marker.comment).split(" ")[0] || node.name.text).toUpperCase();
    const of = (name: string) => tags.filter((t) => t.tagName.text === name).map((t) => text(t.comment)).filter(Boolean);
    docs.push({ functionName: node.name.text, id, returns: of("returns")[0] ?? of("return")[0] ?? null, examples: of("example"), throws: of("throws") });
  }
  return docs;
}

/** One example: the formula as code, then what it gives ("=SKYNET.CAPTURES(2014) gives 680"). */
function renderExample(example: string): string {
  const m = /^(=[A-Z0-9_.]+\(.*?\))(\s+(?:gives|spills|shows|returns)\b.*)?$/s.exec(example.trim());
  if (!m) return escapeHtml(example);
  return `<code>${escapeHtml(m[1]!)}</code>${escapeHtml((m[2] ?? "").replace(/\.$/, ""))}`;
}

/** Examples in one @example line are separated by "; " before the next formula. */
export const splitExamples = (lines: readonly string[]): string[] => lines.flatMap((l) => l.split(/;\s+(?==)/)).map((e) => e.trim().replace(/\.$/, "")).filter(Boolean);

const TYPE_WORDS: Record<string, string> = { number: "number", string: "text", boolean: "TRUE or FALSE", any: "number, date or text" };

function typeWords(p: FunctionMetadata["parameters"][number], enums: Map<string, string[]>): string {
  const base = p.customEnumId && enums.has(p.customEnumId) ? `text (Excel offers ${enums.get(p.customEnumId)!.map((v) => `"${v}"`).join(", ")})` : (TYPE_WORDS[p.type ?? "any"] ?? p.type ?? "any");
  return p.dimensionality === "matrix" ? `a range of ${base}` : base;
}

const STYLE = `body{font-family:"Segoe UI",-apple-system,BlinkMacSystemFont,Roboto,Arial,sans-serif;color:#242424;line-height:1.5;max-width:46rem;margin:0 auto;padding:1rem 1.25rem 3rem}
a{color:#0f5cad}a:focus{outline:2px solid #0f5cad;outline-offset:2px}.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.25rem .5rem}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.15rem;margin:1.75rem 0 .5rem}code{font-family:Consolas,"Courier New",monospace;background:#f3f3f3;padding:0 .2em;border-radius:3px}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;border-bottom:1px solid #d1d1d1;padding:.4rem .5rem}caption{text-align:left;font-weight:600;padding:.25rem 0}
dt{font-weight:600;margin-top:.5rem}dd{margin:0 0 .5rem 1.25rem}nav{font-size:.9rem}footer{margin-top:2.5rem;font-size:.85rem;color:#616161}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the content</a>
${body}
<footer><p>Sky Net Data: figures of China's international anti-corruption cooperation, each with its source.</p></footer>
</body>
</html>
`;
}

export interface HelpInput {
  namespace: string;
  metadata: { functions: FunctionMetadata[]; enums?: { id: string; values: { stringValue?: string; numberValue?: number }[] }[] };
  docs: FunctionDoc[];
}

/** The syntax line as Excel's formula bar shows it: =SKYNET.CAPTURES(year, [agency]). */
export const syntaxOf = (namespace: string, f: FunctionMetadata): string =>
  `=${namespace}.${f.name}(${f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name) + (p.repeating ? ", …" : "")).join(", ")})`;

/** Every help page by file name under help/: one per function and index.html. */
export function helpPages(input: HelpInput): Map<string, string> {
  const enums = new Map((input.metadata.enums ?? []).map((e) => [e.id, e.values.map((v) => String(v.stringValue ?? v.numberValue))]));
  const docs = new Map(input.docs.map((d) => [d.id, d]));
  const pages = new Map<string, string>();
  const functions = [...input.metadata.functions];
  for (const f of functions) {
    const doc = docs.get(f.id);
    const qualified = `${input.namespace}.${f.name}`;
    const args = f.parameters.length
      ? `<table>
<caption>Arguments of ${escapeHtml(qualified)}</caption>
<thead><tr><th scope="col">Argument</th><th scope="col">Required</th><th scope="col">Type</th><th scope="col">What to give</th></tr></thead>
<tbody>
${f.parameters.map((p) => `<tr><th scope="row"><code>${escapeHtml(p.name)}</code></th><td>${p.optional ? "optional" : "required"}</td><td>${escapeHtml(typeWords(p, enums))}</td><td>${escapeHtml(p.description ?? "")}</td></tr>`).join("\n")}
</tbody>
</table>`
      : `<p>${escapeHtml(qualified)} takes no arguments.</p>`;
    const spills = f.result?.dimensionality === "matrix";
    const result = `<p>${escapeHtml(doc?.returns ?? (spills ? "A table that spills." : "One value."))}${spills ? " The table spills into the cells below and to the right; if any of them is occupied, Excel shows <code>#SPILL!</code>." : ""}</p>`;
    const examples = splitExamples(doc?.examples ?? []);
    const exampleList = examples.length ? `<ul>\n${examples.map((e) => `<li>${renderExample(e)}</li>`).join("\n")}\n</ul>` : `<p>No example is recorded yet.</p>`;
    const specific = (code: "#N/A" | "#VALUE!") => (doc?.throws ?? []).filter((t) => t.includes(code)).map((t) => `\n<dd>${escapeHtml(t)}</dd>`).join("");
    const argNames = f.parameters.map((p) => `<code>${escapeHtml(p.name)}</code>`);
    const errors = `<dl>
<dt><code>#N/A</code>: the question is understood, but no such figure exists</dt>
<dd>A number comes back only for a full-period, exact or approximate figure of exactly what was asked. Otherwise the message (point at the cell to read it) says what does exist, for example a figure for part of the year or a "more than" lower bound, and how to ask for it.</dd>${specific("#N/A")}
<dt><code>#VALUE!</code>: an argument is wrong</dt>
<dd>${argNames.length ? `One of ${argNames.join(", ")} is not something this function accepts (a year that is not a whole number, an unknown name, a malformed date, a range where one value is expected). The message names what is accepted.` : "This function takes no arguments, so #VALUE! only means something unexpected happened; the message says what."}</dd>${specific("#VALUE!")}
</dl>`;
    const body = `<nav aria-label="Help"><a href="index.html">All Sky Net Data functions</a></nav>
<main id="main">
<h1><code>${escapeHtml(syntaxOf(input.namespace, f))}</code></h1>
<p>${escapeHtml(f.description ?? "")}</p>
<h2>Arguments</h2>
${args}
<h2>Result</h2>
${result}
<h2>Examples</h2>
${exampleList}
<h2>Errors</h2>
${errors}
</main>`;
    pages.set(helpFileName(f.id), page(`${qualified}: Sky Net Data help`, body));
  }
  const index = `<main id="main">
<h1>Sky Net Data functions</h1>
<p>Type <code>=${escapeHtml(input.namespace)}.</code> in a cell to see them. Each page gives the arguments, the result, examples, and when the function answers <code>#N/A</code> or <code>#VALUE!</code>.</p>
<ul>
${functions.map((f) => `<li><a href="${helpFileName(f.id)}"><code>${escapeHtml(input.namespace)}.${escapeHtml(f.name)}</code></a>: ${escapeHtml(f.description ?? "")}</li>`).join("\n")}
</ul>
</main>`;
  pages.set("index.html", page("Sky Net Data functions: help", index));
  return pages;
}
