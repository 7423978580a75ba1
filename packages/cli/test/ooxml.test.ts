/**
 * The exported workbook checked the way Excel reads it, not the way LibreOffice does: every XML part of the package is
 * validated against the ECMA-376 transitional XSD schemas vendored in ./ooxml-schemas (see its README for where they come
 * from), and the rules Excel enforces that no schema states are asserted on top.
 *
 * What is schema-validated, and against what:
 * - [Content_Types].xml: opc-contentTypes.xsd (ECMA-376 Part 2);
 * - every relationships part (*.rels): opc-relationships.xsd;
 * - docProps/core.xml: opc-coreProperties.xsd, with the Dublin Core schemas it imports;
 * - docProps/app.xml: shared-documentPropertiesExtended.xsd;
 * - workbook, worksheets, styles, shared strings, tables and comments: sml.xsd (SpreadsheetML);
 * - the theme: dml-main.xsd (DrawingML); DrawingML drawings, if the exporter ever writes one: dml-spreadsheetDrawing.xsd;
 * - VML drawings (the comment boxes): each shape, shape type and shape layout inside the part, against vml-main.xsd,
 *   vml-officeDrawing.xsd and vml-spreadsheetDrawing.xsd.
 *
 * Not schema-validated, and why:
 * - the root element of a VML drawing part: it is a bare `<xml>` element in no namespace, a leftover of HTML-embedded
 *   VML that no ECMA-376 schema declares, so the part as a whole has no schema; its children are validated one by one;
 * - content that Markup Compatibility (ECMA-376 Part 3) tells a consumer to ignore: attributes and elements in the
 *   namespaces a part lists in `mc:Ignorable` (ExcelJS writes x14ac:dyDescent, for one) are removed before validation,
 *   as Excel does with the namespaces it does not know. Any other `mc:` markup fails the test, since it is not handled here;
 * - the xml:space attribute of SpreadsheetML `<t>` (text) elements: sml.xsd types `<t>` as a bare string, so it admits no
 *   attribute, but Excel writes and reads xml:space="preserve" there to keep leading and trailing spaces (Microsoft's notes
 *   on the standard, [MS-OI29500] 2.1.678, "Part 1 Section 18.4.12, t (Text)"). It is removed before validation once the
 *   test has checked its value is one XML 1.0 allows ("preserve" or "default").
 * A part whose content type is not listed below fails the test: it has to be given its schema first.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { XMLBuilder, XMLParser } from "fast-xml-parser";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryPages, validateXML, type XMLFileInfo } from "xmllint-wasm";
import { fixXlsxPackage, OoxmlError, orderWorksheetChildren, partsOfType, WORKSHEET_CONTENT_TYPE } from "../src/formats/ooxml.js";
import { main } from "../src/main.js";

const quiet = { stdout: () => undefined, stderr: () => undefined };

const NS = {
  xml: "http://www.w3.org/XML/1998/namespace",
  sml: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  dml: "http://schemas.openxmlformats.org/drawingml/2006/main",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  types: "http://schemas.openxmlformats.org/package/2006/content-types",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
  core: "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
  dc: "http://purl.org/dc/elements/1.1/",
  dcterms: "http://purl.org/dc/terms/",
  app: "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
  vml: "urn:schemas-microsoft-com:vml",
  office: "urn:schemas-microsoft-com:office:office",
  excel: "urn:schemas-microsoft-com:office:excel",
  mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Schemas

const SCHEMA_DIR = fileURLToPath(new URL("./ooxml-schemas/", import.meta.url));
const T = "ooxml-schemas/ecma-376/OfficeOpenXML-XMLSchema-Transitional/";
const OPC = "ooxml-schemas/ecma-376/OpenPackagingConventions-XMLSchema/";

/** Every vendored .xsd, under the names the schemas' relative imports expect. */
function vendoredSchemas(): XMLFileInfo[] {
  const files: XMLFileInfo[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".xsd")) files.push({ fileName: `ooxml-schemas/${relative(SCHEMA_DIR, path).split("\\").join("/")}`, contents: readFileSync(path) });
    }
  };
  walk(SCHEMA_DIR);
  return files;
}

type Import = readonly [namespace: string, location: string];

// The XML namespace schema is imported first: sml.xsd reaches wml.xsd and shared-math.xsd (through the VML and
// DrawingML imports), which import the xml: namespace without a location; opc-coreProperties.xsd names the Dublin Core
// schemas by their dublincore.org URLs, which the validator cannot fetch, so the local copies are imported before it
// (a schema processor imports each namespace once and skips the later imports of it).
const XML_IMPORT: Import = [NS.xml, "ooxml-schemas/w3c/xml.xsd"];

/** A schema of nothing but imports, so that one validator run can use several namespaces' schemas. */
const driverSchema = (imports: readonly Import[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">\n${[XML_IMPORT, ...imports]
    .map(([ns, at]) => `  <xsd:import namespace="${ns}" schemaLocation="${at}"/>`)
    .join("\n")}\n</xsd:schema>\n`;

interface PartKind {
  /** A short name for the test's report. */
  label: string;
  /** The root element the part must have, as {namespace}local-name. */
  root: string;
  imports: readonly Import[];
}

const SML: readonly Import[] = [[NS.sml, `${T}sml.xsd`]];

/** Every XML content type the exporter may write, with the schema its parts are validated against. */
const KINDS: Record<string, PartKind> = {
  "application/vnd.openxmlformats-package.relationships+xml": { label: "relationships", root: `{${NS.rels}}Relationships`, imports: [[NS.rels, `${OPC}opc-relationships.xsd`]] },
  "application/vnd.openxmlformats-package.core-properties+xml": {
    label: "core properties",
    root: `{${NS.core}}coreProperties`,
    imports: [
      [NS.dc, "ooxml-schemas/dcmi/dc.xsd"],
      [NS.dcterms, "ooxml-schemas/dcmi/dcterms.xsd"],
      [NS.core, `${OPC}opc-coreProperties.xsd`],
    ],
  },
  "application/vnd.openxmlformats-officedocument.extended-properties+xml": { label: "extended properties", root: `{${NS.app}}Properties`, imports: [[NS.app, `${T}shared-documentPropertiesExtended.xsd`]] },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": { label: "workbook", root: `{${NS.sml}}workbook`, imports: SML },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml": { label: "worksheet", root: `{${NS.sml}}worksheet`, imports: SML },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml": { label: "styles", root: `{${NS.sml}}styleSheet`, imports: SML },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml": { label: "shared strings", root: `{${NS.sml}}sst`, imports: SML },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml": { label: "table", root: `{${NS.sml}}table`, imports: SML },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml": { label: "comments", root: `{${NS.sml}}comments`, imports: SML },
  "application/vnd.openxmlformats-officedocument.theme+xml": { label: "theme", root: `{${NS.dml}}theme`, imports: [[NS.dml, `${T}dml-main.xsd`]] },
  "application/vnd.openxmlformats-officedocument.drawing+xml": { label: "drawing", root: `{${NS.xdr}}wsDr`, imports: [[NS.xdr, `${T}dml-spreadsheetDrawing.xsd`]] },
};

const VML_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.vmlDrawing";
const VML_IMPORTS: readonly Import[] = [
  [NS.vml, `${T}vml-main.xsd`],
  [NS.office, `${T}vml-officeDrawing.xsd`],
  [NS.excel, `${T}vml-spreadsheetDrawing.xsd`],
];
const TYPES_KIND: PartKind = { label: "content types", root: `{${NS.types}}Types`, imports: [[NS.types, `${OPC}opc-contentTypes.xsd`]] };

// ---------------------------------------------------------------------------------------------------------------
// XML trees (fast-xml-parser's ordered form: [{ tag: children, ":@": attributes }, { "#text": "..." }, ...])

type XNode = Record<string, unknown>;
type Attrs = Record<string, string>;

const treeOptions = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  commentPropName: "#comment",
  cdataPropName: "#cdata",
  suppressEmptyNode: true,
} as const;
// Raw: entities are left as written, so that a tree rebuilt for the validator keeps the part's text byte for byte.
const rawParser = new XMLParser({ ...treeOptions, processEntities: false, htmlEntities: false });
const rawBuilder = new XMLBuilder({ ...treeOptions, processEntities: false });
// Read: entities decoded, for the rule checks.
const readParser = new XMLParser({ ...treeOptions, processEntities: true, htmlEntities: false });

const tagOf = (n: XNode): string => Object.keys(n).find((k) => k !== ":@")!;
const isElement = (n: XNode): boolean => !/^[#?]/.test(tagOf(n));
const childNodes = (n: XNode): XNode[] => (n[tagOf(n)] as XNode[] | undefined) ?? [];
const attrsOf = (n: XNode): Attrs => (n[":@"] as Attrs | undefined) ?? {};
const kids = (n: XNode, tag?: string): XNode[] => childNodes(n).filter((c) => isElement(c) && (tag === undefined || tagOf(c) === tag));
const kid = (n: XNode, tag: string): XNode | undefined => kids(n, tag)[0];
const rootOf = (doc: XNode[]): XNode => {
  const roots = doc.filter(isElement);
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  return roots[0]!;
};
/** The text content of an element, skipping the subtrees named in `skip`. */
const textOf = (n: XNode, skip: readonly string[] = []): string =>
  childNodes(n)
    .map((c) => (tagOf(c) === "#text" ? String(c["#text"]) : isElement(c) && !skip.includes(tagOf(c)) ? textOf(c, skip) : ""))
    .join("");

const nsDecls = (attrs: Attrs, scope: ReadonlyMap<string, string>): Map<string, string> => {
  const here = new Map(scope);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "xmlns") here.set("", v);
    else if (k.startsWith("xmlns:")) here.set(k.slice(6), v);
  }
  return here;
};
const splitName = (name: string): [prefix: string, local: string] => {
  const at = name.indexOf(":");
  return at < 0 ? ["", name] : [name.slice(0, at), name.slice(at + 1)];
};
/** The namespace of an element name (unprefixed: the default namespace) or of an attribute name (unprefixed: none). */
function namespaceOf(name: string, scope: ReadonlyMap<string, string>, isAttribute: boolean): string {
  const [prefix] = splitName(name);
  if (prefix === "") return isAttribute ? "" : (scope.get("") ?? "");
  if (prefix === "xml") return NS.xml;
  const ns = scope.get(prefix);
  if (ns === undefined) throw new Error(`undeclared namespace prefix "${prefix}" in ${name}`);
  return ns;
}
const expandedName = (n: XNode, scope: ReadonlyMap<string, string>): string => `{${namespaceOf(tagOf(n), nsDecls(attrsOf(n), scope), false)}}${splitName(tagOf(n))[1]}`;

/**
 * Markup Compatibility processing as a consumer that knows only the ECMA-376 namespaces does it: attributes and elements
 * in the namespaces listed in mc:Ignorable (in scope) are dropped, with the mc: attributes themselves.
 */
function dropIgnorable(nodes: XNode[], scope: ReadonlyMap<string, string>, ignorable: ReadonlySet<string>): XNode[] {
  const out: XNode[] = [];
  for (const node of nodes) {
    if (!isElement(node)) {
      out.push(node);
      continue;
    }
    const tag = tagOf(node);
    const attrs = { ...attrsOf(node) };
    const here = nsDecls(attrs, scope);
    const ignore = new Set(ignorable);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "xmlns" || k.startsWith("xmlns:") || namespaceOf(k, here, true) !== NS.mc) continue;
      if (splitName(k)[1] !== "Ignorable") throw new Error(`${tag}: the markup-compatibility attribute ${k} is not handled by this test`);
      for (const prefix of v.split(/\s+/).filter(Boolean)) {
        const ns = here.get(prefix);
        if (ns === undefined) throw new Error(`${tag}: mc:Ignorable names the undeclared prefix "${prefix}"`);
        ignore.add(ns);
      }
      delete attrs[k];
    }
    const elementNs = namespaceOf(tag, here, false);
    if (elementNs === NS.mc) throw new Error(`${tag}: markup-compatibility elements are not handled by this test`);
    if (ignore.has(elementNs)) continue;
    for (const k of Object.keys(attrs)) {
      if (k === "xmlns" || k.startsWith("xmlns:")) continue;
      if (ignore.has(namespaceOf(k, here, true))) delete attrs[k];
    }
    const rebuilt: XNode = { [tag]: dropIgnorable(childNodes(node), here, ignore) };
    if (Object.keys(attrs).length) rebuilt[":@"] = attrs;
    out.push(rebuilt);
  }
  return out;
}

/** Removes xml:space from SpreadsheetML <t> elements (see the note at the top), after checking its value. */
function dropTextSpace(nodes: XNode[], scope: ReadonlyMap<string, string>): XNode[] {
  return nodes.map((node) => {
    if (!isElement(node)) return node;
    const tag = tagOf(node);
    const attrs = { ...attrsOf(node) };
    const here = nsDecls(attrs, scope);
    if (namespaceOf(tag, here, false) === NS.sml && splitName(tag)[1] === "t" && "xml:space" in attrs) {
      if (attrs["xml:space"] !== "preserve" && attrs["xml:space"] !== "default") throw new Error(`<${tag} xml:space="${attrs["xml:space"]}">: XML 1.0 allows only "preserve" or "default"`);
      delete attrs["xml:space"];
    }
    const rebuilt: XNode = { [tag]: dropTextSpace(childNodes(node), here) };
    if (Object.keys(attrs).length) rebuilt[":@"] = attrs;
    return rebuilt;
  });
}

/** A part as the validator is given it: Markup Compatibility applied, and Excel's xml:space on <t> checked and removed. */
const forValidation = (xml: string): string => rawBuilder.build(dropTextSpace(dropIgnorable(rawParser.parse(xml) as XNode[], new Map(), new Set()), new Map())) as string;

// ---------------------------------------------------------------------------------------------------------------
// The package

interface Part {
  name: string;
  contentType: string;
  xml: string;
}

/** The content type of each part, from [Content_Types].xml (an Override by part name, else the Default by extension). */
function contentTypes(typesXml: string, partNames: readonly string[]): Map<string, string> {
  const types = rootOf(readParser.parse(typesXml) as XNode[]);
  const overrides = new Map(kids(types, "Override").map((o) => [attrsOf(o).PartName!.toLowerCase(), attrsOf(o).ContentType!]));
  const defaults = new Map(kids(types, "Default").map((d) => [attrsOf(d).Extension!.toLowerCase(), attrsOf(d).ContentType!]));
  const out = new Map<string, string>();
  for (const name of partNames) {
    // The extension is what follows the last dot of the last segment ("rels" for "_rels/.rels", which path.extname misses).
    const last = name.slice(name.lastIndexOf("/") + 1);
    const extension = last.includes(".") ? last.slice(last.lastIndexOf(".") + 1).toLowerCase() : "";
    const type = overrides.get(`/${name}`.toLowerCase()) ?? defaults.get(extension);
    if (type === undefined) throw new Error(`part ${name} has no content type`);
    out.set(name, type);
  }
  return out;
}

interface Workbook {
  zip: JSZip;
  typesXml: string;
  parts: Part[];
}

async function readPackage(bytes: Uint8Array): Promise<Workbook> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
  const typesXml = await zip.file("[Content_Types].xml")!.async("string");
  const types = contentTypes(
    typesXml,
    names.filter((n) => n !== "[Content_Types].xml"),
  );
  const parts: Part[] = [];
  for (const [name, contentType] of types) parts.push({ name, contentType, xml: await zip.file(name)!.async("string") });
  return { zip, typesXml, parts };
}

interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

const relsPartOf = (part: string): string => posix.join(posix.dirname(part), "_rels", `${posix.basename(part)}.rels`);

/** The relationships of a part (or of the package, for ""), targets resolved to part names. */
function relationshipsOf(pkg: Workbook, part: string): Relationship[] {
  const rels = pkg.parts.find((p) => p.name === relsPartOf(part).replace(/^\//, ""));
  if (!rels) return [];
  return kids(rootOf(readParser.parse(rels.xml) as XNode[]), "Relationship").map((r) => {
    const a = attrsOf(r);
    const external = a.TargetMode === "External";
    const target = external ? a.Target! : a.Target!.startsWith("/") ? a.Target!.slice(1) : posix.normalize(posix.join(posix.dirname(part), a.Target!));
    return { id: a.Id!, type: a.Type!, target, external };
  });
}

const partXml = (pkg: Workbook, name: string): XNode => {
  const part = pkg.parts.find((p) => p.name === name);
  if (!part) throw new Error(`no part ${name} in the package`);
  return rootOf(readParser.parse(part.xml) as XNode[]);
};

// ---------------------------------------------------------------------------------------------------------------
// Excel's rules that no schema states

const MAX_COLUMNS = 16_384;
const MAX_ROWS = 1_048_576;

interface Range {
  c1: number;
  r1: number;
  c2: number;
  r2: number;
}

const columnNumber = (letters: string): number => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** An A1 reference or range ("B2", "A1:P56"); throws on anything else. */
function parseRange(ref: string): Range {
  const m = /^([A-Z]{1,3})([1-9][0-9]*)(?::([A-Z]{1,3})([1-9][0-9]*))?$/.exec(ref);
  if (!m) throw new Error(`"${ref}" is not an A1 range`);
  const c1 = columnNumber(m[1]!);
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { c1, r1, c2, r2 };
}

const inGrid = (r: Range): boolean => r.c1 >= 1 && r.r1 >= 1 && r.c1 <= r.c2 && r.r1 <= r.r2 && r.c2 <= MAX_COLUMNS && r.r2 <= MAX_ROWS;
const within = (inner: Range, outer: Range): boolean => inner.c1 >= outer.c1 && inner.r1 >= outer.r1 && inner.c2 <= outer.c2 && inner.r2 <= outer.r2;
const overlap = (a: Range, b: Range): boolean => a.c1 <= b.c2 && b.c1 <= a.c2 && a.r1 <= b.r2 && b.r1 <= a.r2;

/** True when `name` reads as a cell reference in A1 or R1C1 style (Excel refuses such table and defined names). */
function looksLikeCellReference(name: string): boolean {
  const a1 = /^\$?([A-Za-z]{1,3})\$?([0-9]+)$/.exec(name);
  if (a1 && columnNumber(a1[1]!) <= MAX_COLUMNS && Number(a1[2]) >= 1 && Number(a1[2]) <= MAX_ROWS) return true;
  return /^[Rr]([0-9]*)[Cc]?([0-9]*)$/.test(name) || /^[Cc][0-9]*$/.test(name);
}

/** Excel's rule for a table name or a defined name: a letter, "_" or "\" first, then letters, digits, "_", "." or "\"; at most 255. */
const isExcelName = (name: string): boolean => name.length >= 1 && name.length <= 255 && /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) && !looksLikeCellReference(name);

/** Excel's rule for a sheet name: 1 to 31 characters, none of [ ] : * ? / \, not starting or ending with ', not "History". */
const isSheetName = (name: string): boolean => name.length >= 1 && name.length <= 31 && !/[[\]:*?/\\]/.test(name) && !name.startsWith("'") && !name.endsWith("'") && name.toLowerCase() !== "history";

/** A cell's shown text as Excel reads it from the sheet XML: a shared string, an inline string or the raw value. */
function cellText(cell: XNode, sst: readonly string[]): string {
  const t = attrsOf(cell).t;
  if (t === "inlineStr") return textOf(kid(cell, "is")!, ["rPh"]);
  const v = kid(cell, "v");
  if (!v) return "";
  if (t === "s") {
    const i = Number(textOf(v));
    if (!Number.isInteger(i) || i < 0 || i >= sst.length) throw new Error(`shared-string index ${textOf(v)} out of range`);
    return sst[i]!;
  }
  return textOf(v);
}

// ---------------------------------------------------------------------------------------------------------------

describe("the rule checks reject what Excel rejects", () => {
  it("table and defined names", () => {
    for (const good of ["SkyNet_sky_net", "_hidden", "\\odd", "Table1.v2", "A", "XFE1", "R1C1x", "名称"]) expect(isExcelName(good), good).toBe(true);
    for (const bad of ["", "1st", "Sky Net", "A1", "xfd1048576", "$B$2", "R1C1", "R", "c", "R2C", "Sky-Net", ".x", "x".repeat(256)]) expect(isExcelName(bad), bad).toBe(false);
  });

  it("sheet names", () => {
    for (const good of ["Sky Net", "100 most wanted", "Chart data", "x".repeat(31), "it's"]) expect(isSheetName(good), good).toBe(true);
    for (const bad of ["", "x".repeat(32), "a[b]", "a:b", "a*b", "a?b", "a/b", "a\\b", "'quoted'", "History", "HISTORY"]) expect(isSheetName(bad), bad).toBe(false);
  });

  it("ranges", () => {
    expect(parseRange("A1:P56")).toEqual({ c1: 1, r1: 1, c2: 16, r2: 56 });
    expect(parseRange("XFD1048576")).toEqual({ c1: 16_384, r1: 1_048_576, c2: 16_384, r2: 1_048_576 });
    expect(inGrid(parseRange("XFE1"))).toBe(false);
    expect(inGrid(parseRange("A1048577"))).toBe(false);
    expect(inGrid(parseRange("B2:A1"))).toBe(false);
    expect(overlap(parseRange("A1:C3"), parseRange("C3:D4"))).toBe(true);
    expect(overlap(parseRange("A1:C3"), parseRange("D1:E3"))).toBe(false);
    expect(within(parseRange("B2:C3"), parseRange("A1:C3"))).toBe(true);
    expect(within(parseRange("B2:C4"), parseRange("A1:C3"))).toBe(false);
  });

  it("Markup Compatibility processing drops only the ignorable namespaces", () => {
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<r xmlns="urn:a" xmlns:mc="${NS.mc}" xmlns:i="urn:i" xmlns:k="urn:k" mc:Ignorable="i"><e i:x="1" k:y="2" z="&amp;"/><i:gone/><k:kept/></r>`;
    expect(forValidation(xml)).toBe(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><r xmlns="urn:a" xmlns:mc="${NS.mc}" xmlns:i="urn:i" xmlns:k="urn:k"><e k:y="2" z="&amp;"/><k:kept/></r>`);
    expect(() => forValidation(`<r xmlns:mc="${NS.mc}"><mc:AlternateContent/></r>`)).toThrow(/not handled/);
  });

  it("xml:space is taken off SpreadsheetML text elements only, and only with a value XML allows", () => {
    const sst = (space: string) => `<sst xmlns="${NS.sml}" xmlns:w="urn:w"><si><t xml:space="${space}"> a </t></si><w:t xml:space="preserve"/></sst>`;
    expect(forValidation(sst("preserve"))).toBe(`<sst xmlns="${NS.sml}" xmlns:w="urn:w"><si><t> a </t></si><w:t xml:space="preserve"/></sst>`);
    expect(() => forValidation(sst("keep"))).toThrow(/only "preserve" or "default"/);
  });
});

describe("the worksheet fix-up", () => {
  const W = `<worksheet xmlns="${NS.sml}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`;

  it("moves every child to its CT_Worksheet place, keeping repeated elements in their order and their content byte for byte", () => {
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${W}<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData><tableParts count="1"><tablePart r:id="rId3"/></tableParts><legacyDrawing r:id="rId2"/><hyperlinks><hyperlink ref="A1" r:id="rId1" tooltip="a &gt; b"/></hyperlinks><cols><col min="1" max="1" width="9"/></cols><dimension ref="A1"/><cols><col min="2" max="2" width="8"/></cols></worksheet>`;
    expect(orderWorksheetChildren(xml)).toBe(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${W}<dimension ref="A1"/><cols><col min="1" max="1" width="9"/></cols><cols><col min="2" max="2" width="8"/></cols><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData><hyperlinks><hyperlink ref="A1" r:id="rId1" tooltip="a &gt; b"/></hyperlinks><legacyDrawing r:id="rId2"/><tableParts count="1"><tablePart r:id="rId3"/></tableParts></worksheet>`,
    );
  });

  it("keeps comments and whitespace with the child after them, and a prefixed SpreadsheetML namespace works too", () => {
    const xml = `<x:worksheet xmlns:x="${NS.sml}">\n  <x:sheetData/>\n  <!-- parts -->\n  <x:tableParts count="0"/>\n  <x:legacyDrawing x:id="a>b"/>\n</x:worksheet>\n`;
    expect(orderWorksheetChildren(xml)).toBe(`<x:worksheet xmlns:x="${NS.sml}">\n  <x:sheetData/>\n  <x:legacyDrawing x:id="a>b"/>\n  <!-- parts -->\n  <x:tableParts count="0"/>\n</x:worksheet>\n`);
  });

  it("returns a worksheet already in order unchanged", () => {
    const xml = `${W}<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><legacyDrawing r:id="rId1"/><tableParts count="0"/></worksheet>`;
    expect(orderWorksheetChildren(xml)).toBe(xml);
    expect(orderWorksheetChildren(`${W.slice(0, -1)}/>`)).toBe(`${W.slice(0, -1)}/>`);
  });

  it("refuses what it cannot place, rather than write a file Excel would repair", () => {
    expect(() => orderWorksheetChildren(`${W}<sheetData/><x14:ext xmlns:x14="urn:x14"/></worksheet>`)).toThrow(OoxmlError);
    expect(() => orderWorksheetChildren(`${W}<sheetData/><mystery/></worksheet>`)).toThrow(/<mystery>/);
    expect(() => orderWorksheetChildren(`${W}text<sheetData/></worksheet>`)).toThrow(/text among/);
    expect(() => orderWorksheetChildren(`<chartsheet xmlns="${NS.sml}"/>`)).toThrow(/not a SpreadsheetML <worksheet>/);
    expect(() => orderWorksheetChildren(`${W}<sheetData>`)).toThrow(OoxmlError);
  });

  it("finds worksheet parts by content type, from Overrides and Defaults alike", () => {
    const types = `<Types xmlns="${NS.types}"><Default Extension="xml" ContentType="application/xml"/><Default Extension="sheet" ContentType="${WORKSHEET_CONTENT_TYPE}"/><Override PartName="/xl/worksheets/Sheet1.xml" ContentType="${WORKSHEET_CONTENT_TYPE}"/></Types>`;
    expect(partsOfType(types, ["xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/other.sheet", "xl/styles.xml"], WORKSHEET_CONTENT_TYPE)).toEqual(["xl/worksheets/sheet1.xml", "xl/other.sheet"]);
  });

  it("rewrites the worksheet parts of a package and leaves the other parts as they were", async () => {
    const zip = new JSZip();
    const other = `${W}<tableParts count="0"/><legacyDrawing r:id="rId1"/></worksheet>`; // not a worksheet by content type
    zip.file("[Content_Types].xml", `<Types xmlns="${NS.types}"><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${WORKSHEET_CONTENT_TYPE}"/><Default Extension="xml" ContentType="application/xml"/></Types>`);
    zip.file("xl/worksheets/sheet1.xml", `${W}<sheetData/><tableParts count="0"/><legacyDrawing r:id="rId1"/></worksheet>`);
    zip.file("xl/other.xml", other);
    const fixed = await JSZip.loadAsync(await fixXlsxPackage(await zip.generateAsync({ type: "uint8array" })));
    expect(Object.keys(fixed.files)).toEqual(["[Content_Types].xml", "xl/", "xl/worksheets/", "xl/worksheets/sheet1.xml", "xl/other.xml"]);
    expect(await fixed.file("xl/worksheets/sheet1.xml")!.async("string")).toBe(`${W}<sheetData/><legacyDrawing r:id="rId1"/><tableParts count="0"/></worksheet>`);
    expect(await fixed.file("xl/other.xml")!.async("string")).toBe(other);
  });

  it("rejects a package it cannot fix (so the export fails before anything is written)", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", `<Types xmlns="${NS.types}"><Default Extension="xml" ContentType="${WORKSHEET_CONTENT_TYPE}"/></Types>`);
    zip.file("xl/worksheets/sheet1.xml", `${W}<sheetData/><mystery/></worksheet>`);
    await expect(fixXlsxPackage(await zip.generateAsync({ type: "uint8array" }))).rejects.toThrow(OoxmlError);
    await expect(fixXlsxPackage(new Uint8Array([1, 2, 3]))).rejects.toThrow();
  });
});

// The ordinary export (long tables), and the by-year one (datasets of figures by year, the others' long tables).
describe.each([
  { layout: "long tables", args: [] as string[], skyNet: { sheet: "Sky Net", table: "SkyNet_sky_net" } },
  { layout: "by year", args: ["--layout", "by-year"], skyNet: { sheet: "Sky Net by year", table: "SkyNet_by_year_sky_net" } },
])("the exported xlsx ($layout), part by part, against the ECMA-376 transitional schemas and Excel's rules", ({ args, skyNet }) => {
  let dir = "";
  let pkg: Workbook;
  const schemas = vendoredSchemas();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "skynet-cli-ooxml-"));
    const out = join(dir, "figures.xlsx");
    expect(await main(["export", "--format", "xlsx", "--out", out, ...args], quiet)).toBe(0);
    pkg = await readPackage(readFileSync(out));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Validates documents against the schemas the imports name; returns xmllint's errors, after checking each file was validated. */
  async function validate(files: XMLFileInfo[], imports: readonly Import[]): Promise<string[]> {
    const result = await validateXML({
      xml: files,
      schema: [{ fileName: "driver.xsd", contents: driverSchema(imports) }],
      preload: schemas,
      initialMemoryPages: 64 * memoryPages.MiB,
      maxMemoryPages: 512 * memoryPages.MiB,
    });
    const errors = result.errors.map((e) => e.rawMessage).filter((m) => m.trim() !== "");
    // xmllint reports "<file> validates" for each valid file and "<file> fails to validate" for the others: every file is one or the other.
    for (const f of files) expect(result.rawOutput, `xmllint's verdict on ${f.fileName}`).toMatch(new RegExp(`^${f.fileName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} (validates|fails to validate)$`, "m"));
    return errors;
  }

  it("every part has a content type with a schema here, and the root element that content type calls for", () => {
    const unknown = pkg.parts.filter((p) => !(p.contentType in KINDS) && p.contentType !== VML_CONTENT_TYPE).map((p) => `${p.name}: ${p.contentType}`);
    expect(unknown).toEqual([]);
    for (const p of pkg.parts) {
      if (p.contentType === VML_CONTENT_TYPE) {
        expect(tagOf(rootOf(rawParser.parse(p.xml) as XNode[])), p.name).toBe("xml");
        continue;
      }
      expect(expandedName(rootOf(rawParser.parse(p.xml) as XNode[]), new Map()), p.name).toBe(KINDS[p.contentType]!.root);
    }
    expect(expandedName(rootOf(rawParser.parse(pkg.typesXml) as XNode[]), new Map())).toBe(TYPES_KIND.root);
    // The kinds of part an export holds, written out: a validator that silently skipped one would show here.
    const labels = new Set(pkg.parts.map((p) => (p.contentType === VML_CONTENT_TYPE ? "VML drawing" : KINDS[p.contentType]!.label)));
    expect([...labels].sort()).toEqual(["VML drawing", "comments", "core properties", "extended properties", "relationships", "shared strings", "styles", "table", "theme", "workbook", "worksheet"]);
  });

  it("every XML part validates against its schema", async () => {
    const groups = new Map<PartKind, XMLFileInfo[]>([[TYPES_KIND, [{ fileName: "[Content_Types].xml", contents: forValidation(pkg.typesXml) }]]]);
    for (const p of pkg.parts) {
      const kind = KINDS[p.contentType];
      if (!kind) continue;
      groups.set(kind, [...(groups.get(kind) ?? []), { fileName: p.name, contents: forValidation(p.xml) }]);
    }
    const errors: string[] = [];
    // Kinds sharing a schema (all the SpreadsheetML parts) are validated in one run.
    const byImports = new Map<string, { imports: readonly Import[]; files: XMLFileInfo[] }>();
    for (const [kind, files] of groups) {
      const key = JSON.stringify(kind.imports);
      byImports.set(key, { imports: kind.imports, files: [...(byImports.get(key)?.files ?? []), ...files] });
    }
    for (const { imports, files } of byImports.values()) errors.push(...(await validate(files, imports)));
    expect(errors).toEqual([]);
  });

  it("every shape in every VML drawing validates against the VML schemas", async () => {
    const files: XMLFileInfo[] = [];
    for (const p of pkg.parts.filter((q) => q.contentType === VML_CONTENT_TYPE)) {
      const root = rootOf(rawParser.parse(p.xml) as XNode[]);
      const declarations = Object.fromEntries(Object.entries(attrsOf(root)).filter(([k]) => k === "xmlns" || k.startsWith("xmlns:")));
      kids(root).forEach((child, i) => {
        // Each child of the schema-less <xml> root stands alone, with the namespace declarations it inherited.
        const alone: XNode = { [tagOf(child)]: childNodes(child), ":@": { ...declarations, ...attrsOf(child) } };
        files.push({ fileName: `${p.name}.${i + 1}-${tagOf(child).replace(":", "_")}.xml`, contents: forValidation(rawBuilder.build([alone]) as string) });
      });
    }
    expect(files.length).toBeGreaterThan(0);
    expect(await validate(files, VML_IMPORTS)).toEqual([]);
  });

  it("every internal relationship points at a part of the package", () => {
    const names = new Set(pkg.parts.map((p) => p.name));
    const missing: string[] = [];
    for (const source of ["", ...pkg.parts.map((p) => p.name)])
      for (const r of relationshipsOf(pkg, source)) if (!r.external && !names.has(r.target)) missing.push(`${source || "(package)"} ${r.id} -> ${r.target}`);
    expect(missing).toEqual([]);
  });

  /** The workbook's sheets in order, each with its part, the shared strings and the tables it holds. */
  function sheetsAndTables() {
    const officeDocument = relationshipsOf(pkg, "").find((r) => r.type === "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument")!;
    const workbookPart = officeDocument.target;
    const workbook = partXml(pkg, workbookPart);
    const workbookRels = relationshipsOf(pkg, workbookPart);
    const sstRel = workbookRels.find((r) => r.type === "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings");
    const sst = sstRel ? kids(partXml(pkg, sstRel.target), "si").map((si) => textOf(si, ["rPh"])) : [];
    const sheets = kids(kid(workbook, "sheets")!, "sheet").map((s) => {
      const part = workbookRels.find((r) => r.id === attrsOf(s)["r:id"])!.target;
      const ws = partXml(pkg, part);
      const sheetRels = relationshipsOf(pkg, part);
      const tables = kids(kid(ws, "tableParts") ?? { tableParts: [] }, "tablePart").map((tp) => {
        const target = sheetRels.find((r) => r.id === attrsOf(tp)["r:id"])!.target;
        return { part: target, xml: partXml(pkg, target) };
      });
      return { name: attrsOf(s).name!, sheetId: attrsOf(s).sheetId!, part, ws, tables };
    });
    return { workbook, sst, sheets };
  }

  it("holds Sky Net in this layout: its sheet and table", () => {
    const sky = sheetsAndTables().sheets.find((s) => s.name === skyNet.sheet);
    expect(sky?.tables.map((t) => attrsOf(t.xml).displayName)).toEqual([skyNet.table]);
  });

  it("sheet names are valid and unique, and sheet ids unique", () => {
    const { sheets } = sheetsAndTables();
    expect(sheets.length).toBeGreaterThan(0);
    for (const s of sheets) expect(isSheetName(s.name), `sheet name "${s.name}"`).toBe(true);
    expect(new Set(sheets.map((s) => s.name.toLowerCase())).size).toBe(sheets.length);
    expect(new Set(sheets.map((s) => s.sheetId)).size).toBe(sheets.length);
  });

  it("table names are valid and unique, table ids unique, and no table shares a name with a defined name", () => {
    const { workbook, sheets } = sheetsAndTables();
    const tables = sheets.flatMap((s) => s.tables.map((t) => attrsOf(t.xml)));
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) {
      expect(isExcelName(t.name!), `table name "${t.name}"`).toBe(true);
      expect(isExcelName(t.displayName!), `table displayName "${t.displayName}"`).toBe(true);
    }
    expect(new Set(tables.map((t) => t.displayName!.toLowerCase())).size).toBe(tables.length);
    expect(new Set(tables.map((t) => t.name!.toLowerCase())).size).toBe(tables.length);
    expect(new Set(tables.map((t) => t.id)).size).toBe(tables.length);
    const definedNames = kids(kid(workbook, "definedNames") ?? { definedNames: [] }, "definedName").map((d) => attrsOf(d).name!.toLowerCase());
    for (const t of tables) expect(definedNames, `table "${t.displayName}"`).not.toContain(t.displayName!.toLowerCase());
  });

  it("defined names are valid, unique in their scope, and scoped to sheets that exist", () => {
    const { workbook, sheets } = sheetsAndTables();
    const seen = new Set<string>();
    for (const d of kids(kid(workbook, "definedNames") ?? { definedNames: [] }, "definedName")) {
      const { name, localSheetId } = attrsOf(d);
      expect(isExcelName(name!), `defined name "${name}"`).toBe(true);
      if (localSheetId !== undefined) expect(Number(localSheetId), `scope of "${name}"`).toBeLessThan(sheets.length);
      const key = `${localSheetId ?? "workbook"}/${name!.toLowerCase()}`;
      expect(seen.has(key), `defined name "${name}" twice in one scope`).toBe(false);
      seen.add(key);
    }
  });

  it("each table's header row holds exactly its column names, and its range lies inside its sheet, clear of the other tables", () => {
    const { sst, sheets } = sheetsAndTables();
    let checked = 0;
    for (const s of sheets) {
      const cells = new Map(kids(kid(s.ws, "sheetData")!, "row").flatMap((row) => kids(row, "c").map((c) => [attrsOf(c).r!, c] as const)));
      const dimension = parseRange(attrsOf(kid(s.ws, "dimension")!).ref!);
      const ranges: { name: string; range: Range }[] = [];
      for (const t of s.tables) {
        const a = attrsOf(t.xml);
        const range = parseRange(a.ref!);
        const where = `table ${a.displayName} (${a.ref}) on "${s.name}"`;
        expect(inGrid(range), `${where}: inside the grid`).toBe(true);
        expect(within(range, dimension), `${where}: inside the sheet's used range ${attrsOf(kid(s.ws, "dimension")!).ref}`).toBe(true);
        const autoFilter = kid(t.xml, "autoFilter");
        if (autoFilter) expect(attrsOf(autoFilter).ref, `${where}: autoFilter range`).toBe(a.ref);
        const columns = kids(kid(t.xml, "tableColumns")!, "tableColumn").map((c) => attrsOf(c).name!);
        expect(columns.length, `${where}: one column per range column`).toBe(range.c2 - range.c1 + 1);
        expect(Number(attrsOf(kid(t.xml, "tableColumns")!).count), `${where}: tableColumns count`).toBe(columns.length);
        expect(new Set(columns.map((c) => c.toLowerCase())).size, `${where}: distinct column names`).toBe(columns.length);
        if ((a.headerRowCount ?? "1") !== "0") {
          const header = columns.map((_, j) => {
            const letters = (n: number): string => (n > 26 ? letters(Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));
            const cell = cells.get(`${letters(range.c1 + j)}${range.r1}`);
            return cell ? cellText(cell, sst) : "";
          });
          expect(header, `${where}: header row`).toEqual(columns);
        }
        for (const other of ranges) expect(overlap(range, other.range), `${where} overlaps ${other.name}`).toBe(false);
        ranges.push({ name: a.displayName!, range });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("every shared-string index in every sheet is in range", () => {
    const { sst, sheets } = sheetsAndTables();
    const sstPart = pkg.parts.find((p) => p.contentType === "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml")!;
    const uniqueCount = attrsOf(partXml(pkg, sstPart.name)).uniqueCount;
    if (uniqueCount !== undefined) expect(Number(uniqueCount)).toBe(sst.length);
    const bad: string[] = [];
    let refs = 0;
    for (const s of sheets)
      for (const row of kids(kid(s.ws, "sheetData")!, "row"))
        for (const c of kids(row, "c")) {
          if (attrsOf(c).t !== "s") continue;
          refs++;
          const v = textOf(kid(c, "v")!);
          if (!/^[0-9]+$/.test(v) || Number(v) >= sst.length) bad.push(`${s.name}!${attrsOf(c).r}: ${v}`);
        }
    expect(refs).toBeGreaterThan(0);
    expect(bad).toEqual([]);
    // Excel's limit on the text of a cell ([MS-OI29500] 2.1.678 b).
    expect(sst.filter((t) => t.length > 32_767)).toEqual([]);
  });
});
