// Fix-ups of the OOXML package ExcelJS writes, so that real Excel opens it without offering to repair it.
import JSZip from "jszip";

/** The SpreadsheetML (transitional) namespace. */
export const SML_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** The content type of a worksheet part. */
export const WORKSHEET_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/**
 * The children of `<worksheet>` in the order ECMA-376 Part 1 requires them: the sequence of CT_Worksheet in sml.xsd
 * (§18.3.1.99). ExcelJS 4.4 writes `<legacyDrawing>` (the comment boxes) after `<tableParts>`, which Excel repairs.
 */
export const WORKSHEET_CHILD_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
] as const;

const RANK = new Map<string, number>(WORKSHEET_CHILD_ORDER.map((name, i) => [name, i]));

/** XML the fix-up cannot handle safely: the export fails with this rather than write a file Excel would repair. */
export class OoxmlError extends Error {
  override readonly name = "OoxmlError";
}

interface Token {
  kind: "start" | "end" | "empty" | "text" | "other";
  from: number;
  to: number;
  /** The qualified name of a start, end or empty-element tag. */
  name?: string;
}

/** The end (exclusive) of the tag that starts at `from`, skipping quoted attribute values. */
function tagEnd(xml: string, from: number): number {
  let quote = "";
  for (let i = from + 1; i < xml.length; i++) {
    const ch = xml[i]!;
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ">") return i + 1;
  }
  throw new OoxmlError(`unterminated tag at offset ${from}`);
}

function endOf(xml: string, from: number, close: string): number {
  const at = xml.indexOf(close, from);
  if (at < 0) throw new OoxmlError(`no "${close}" after offset ${from}`);
  return at + close.length;
}

/** Splits XML into tags, text, comments, processing instructions and CDATA sections (no DTDs: OPC forbids them). */
function* tokens(xml: string): Generator<Token> {
  let i = 0;
  while (i < xml.length) {
    if (xml[i] !== "<") {
      const next = xml.indexOf("<", i);
      const to = next < 0 ? xml.length : next;
      yield { kind: "text", from: i, to };
      i = to;
    } else if (xml.startsWith("<?", i)) {
      yield { kind: "other", from: i, to: (i = endOf(xml, i, "?>")) };
    } else if (xml.startsWith("<!--", i)) {
      yield { kind: "other", from: i, to: (i = endOf(xml, i, "-->")) };
    } else if (xml.startsWith("<![CDATA[", i)) {
      yield { kind: "other", from: i, to: (i = endOf(xml, i, "]]>")) };
    } else if (xml.startsWith("<!", i)) {
      throw new OoxmlError(`unexpected markup at offset ${i}: ${xml.slice(i, i + 20)}`);
    } else {
      const to = tagEnd(xml, i);
      const name = /^<\/?([^\s/>]+)/.exec(xml.slice(i, to))?.[1];
      if (!name) throw new OoxmlError(`malformed tag at offset ${i}`);
      yield { kind: xml[i + 1] === "/" ? "end" : xml[to - 2] === "/" ? "empty" : "start", from: i, to, name };
      i = to;
    }
  }
}

const decodeAttribute = (value: string): string =>
  value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" } as Record<string, string>)[e]!,
  );

/** The attributes of a start or empty-element tag, values decoded. */
function attributesOf(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out.set(m[1]!, decodeAttribute(m[3] ?? m[4] ?? ""));
  return out;
}

/** The namespace an element name is in, given the declarations in scope (prefix "" is the default namespace). */
function elementNamespace(name: string, scope: ReadonlyMap<string, string>): string | undefined {
  const colon = name.indexOf(":");
  return scope.get(colon < 0 ? "" : name.slice(0, colon));
}

function declarations(tag: string, inherited: ReadonlyMap<string, string>): Map<string, string> {
  const scope = new Map(inherited);
  for (const [k, v] of attributesOf(tag)) {
    if (k === "xmlns") scope.set("", v);
    else if (k.startsWith("xmlns:")) scope.set(k.slice(6), v);
  }
  return scope;
}

const localName = (name: string): string => name.slice(name.indexOf(":") + 1);

/**
 * Puts the children of a worksheet part's `<worksheet>` element into the order CT_Worksheet requires, keeping the
 * order of repeated elements (`<cols>`, `<conditionalFormatting>`) and everything inside each child byte for byte.
 * Comments and processing instructions between children travel with the child after them; whitespace between
 * children is kept the same way. Returns the part unchanged when its order is already right.
 * Throws an OoxmlError for a child whose place is unknown (another namespace, Markup Compatibility, text).
 *
 * @example
 * orderWorksheetChildren('<worksheet xmlns="…/spreadsheetml/2006/main"><sheetData/><tableParts count="0"/><legacyDrawing r:id="rId1"/></worksheet>')
 * //=> '<worksheet xmlns="…/spreadsheetml/2006/main"><sheetData/><legacyDrawing r:id="rId1"/><tableParts count="0"/></worksheet>'
 */
export function orderWorksheetChildren(xml: string): string {
  let depth = 0;
  let scope = new Map<string, string>();
  let rootSeen = false;
  let pending = -1; // start of the comments/whitespace waiting for the next child
  let child: { from: number; name: string } | null = null;
  const children: { from: number; to: number; name: string }[] = [];

  for (const t of tokens(xml)) {
    if (depth === 0) {
      if (t.kind === "start" || t.kind === "empty") {
        if (rootSeen) throw new OoxmlError("more than one root element");
        rootSeen = true;
        scope = declarations(xml.slice(t.from, t.to), scope);
        if (localName(t.name!) !== "worksheet" || elementNamespace(t.name!, scope) !== SML_NS) throw new OoxmlError(`the root element is <${t.name}>, not a SpreadsheetML <worksheet>`);
        if (t.kind === "empty") return xml;
        depth = 1;
      } else if (t.kind === "text" && xml.slice(t.from, t.to).trim() !== "") {
        throw new OoxmlError("text outside the root element");
      }
      continue;
    }
    if (depth === 1) {
      if (t.kind === "end") {
        depth = 0; // </worksheet>; what is pending stays before it
        continue;
      }
      if (t.kind === "text" || t.kind === "other") {
        if (t.kind === "text" && xml.slice(t.from, t.to).trim() !== "") throw new OoxmlError("text among the children of <worksheet>");
        if (xml.startsWith("<![CDATA[", t.from)) throw new OoxmlError("a CDATA section among the children of <worksheet>");
        if (pending < 0) pending = t.from;
        continue;
      }
      const ns = elementNamespace(t.name!, declarations(xml.slice(t.from, t.to), scope));
      if (ns !== SML_NS || !RANK.has(localName(t.name!))) throw new OoxmlError(`<worksheet> holds <${t.name}>${ns !== SML_NS ? ` (namespace ${ns ?? "none"})` : ""}, whose place in CT_Worksheet this fix-up does not know`);
      const from = pending >= 0 ? pending : t.from;
      pending = -1;
      if (t.kind === "empty") children.push({ from, to: t.to, name: localName(t.name!) });
      else {
        child = { from, name: localName(t.name!) };
        depth = 2;
      }
      continue;
    }
    if (t.kind === "start") depth++;
    else if (t.kind === "end" && --depth === 1) {
      children.push({ from: child!.from, to: t.to, name: child!.name });
      child = null;
    }
  }
  if (!rootSeen || depth !== 0) throw new OoxmlError("the worksheet XML ends before </worksheet>");

  const ordered = children.map((c, i) => ({ ...c, i })).sort((a, b) => RANK.get(a.name)! - RANK.get(b.name)! || a.i - b.i);
  if (ordered.every((c, i) => c.i === i)) return xml;
  return xml.slice(0, children[0]!.from) + ordered.map((c) => xml.slice(c.from, c.to)).join("") + xml.slice(children[children.length - 1]!.to);
}

/** The names of the parts whose content type is `contentType`, from [Content_Types].xml (Overrides, then Defaults by extension). */
export function partsOfType(contentTypesXml: string, partNames: readonly string[], contentType: string): string[] {
  const overrides = new Map<string, string>();
  const defaults = new Map<string, string>();
  for (const t of tokens(contentTypesXml)) {
    if (t.kind !== "start" && t.kind !== "empty") continue;
    const a = attributesOf(contentTypesXml.slice(t.from, t.to));
    if (localName(t.name!) === "Override" && a.has("PartName")) overrides.set(a.get("PartName")!.toLowerCase(), a.get("ContentType") ?? "");
    if (localName(t.name!) === "Default" && a.has("Extension")) defaults.set(a.get("Extension")!.toLowerCase(), a.get("ContentType") ?? "");
  }
  return partNames.filter((name) => {
    const last = name.slice(name.lastIndexOf("/") + 1);
    const extension = last.includes(".") ? last.slice(last.lastIndexOf(".") + 1).toLowerCase() : "";
    return (overrides.get(`/${name}`.toLowerCase()) ?? defaults.get(extension)) === contentType;
  });
}

/**
 * Rewrites an xlsx package so that every worksheet part's children follow the schema order (see WORKSHEET_CHILD_ORDER).
 * Parts already in order, and every other part, are left as they are.
 */
export async function fixXlsxPackage(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const types = zip.file("[Content_Types].xml");
  if (!types) throw new OoxmlError("the package has no [Content_Types].xml");
  const names = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
  let changed = false;
  for (const name of partsOfType(await types.async("string"), names, WORKSHEET_CONTENT_TYPE)) {
    const entry = zip.file(name)!;
    const xml = await entry.async("string");
    const fixed = orderWorksheetChildren(xml);
    if (fixed === xml) continue;
    zip.file(name, fixed, { date: entry.date, createFolders: false });
    changed = true;
  }
  if (!changed) return bytes;
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
