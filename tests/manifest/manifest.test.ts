// The offline manifest check: what Microsoft's online validator would catch (and what it misses), run in CI.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { DEV_BASE_URL, PATHS, parseBaseUrl, productionManifest } from "../../add-in/scripts/addin-build.js";
import { HOSTS, supportsSet, type HostId } from "../../add-in/src/workbook/hosts.js";
import { allNodes, at, ensureDist, parseXml, type XmlNode } from "../addin-build/helpers.js";

const source = readFileSync(PATHS.manifest, "utf8");
const root = parseXml(source);
const overrides = at(root, "VersionOverrides");
const host = overrides && at(overrides, "Hosts", "Host");
const resources = overrides && at(overrides, "Resources");

const RESOURCE_KINDS = ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"] as const;
type ResourceKind = (typeof RESOURCE_KINDS)[number];

function resourceIds(kind: ResourceKind): Map<string, string> {
  const group = resources && at(resources, kind);
  return new Map((group?.children ?? []).map((n) => [n.attrs.id ?? "", n.attrs.DefaultValue ?? ""]));
}

// Which resource table a resid may point into, by the element that carries it.
const KIND_OF_USE: Record<string, ResourceKind> = {
  "bt:Image": "bt:Images",
  SourceLocation: "bt:Urls",
  Runtime: "bt:Urls",
  FunctionFile: "bt:Urls",
  LearnMoreUrl: "bt:Urls",
  Namespace: "bt:ShortStrings",
  Label: "bt:ShortStrings",
  Title: "bt:ShortStrings",
  Description: "bt:LongStrings",
};

/** Asserts that `node`'s children appear only among `order` and in that order. */
function expectOrder(node: XmlNode | undefined, order: string[]) {
  expect(node, "element missing").toBeDefined();
  const names = node!.children.map((c) => c.name);
  for (const name of names) expect(order, `<${name}> is not allowed in <${node!.name}>`).toContain(name);
  const positions = names.map((n) => order.indexOf(n));
  expect(positions, `children of <${node!.name}> out of order: ${names.join(", ")}`).toEqual([...positions].sort((a, b) => a - b));
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("manifest.xml", () => {
  it("is well-formed XML with an OfficeApp task pane root", () => {
    expect(XMLValidator.validate(source)).toBe(true);
    expect(root.name).toBe("OfficeApp");
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
  });

  it("has a GUID id and a version of one to four numeric parts", () => {
    expect(at(root, "Id")?.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    const version = at(root, "Version")?.text ?? "";
    expect(version).toMatch(/^(0|[1-9]\d{0,4})(\.(0|[1-9]\d{0,4})){0,3}$/);
    for (const part of version.split(".")) expect(Number(part)).toBeLessThanOrEqual(32767);
  });

  it("targets Excel workbooks with the ReadWriteDocument permission", () => {
    expect(at(root, "Hosts")?.children.map((h) => h.attrs.Name)).toEqual(["Workbook"]);
    expect(at(root, "Permissions")?.text).toBe("ReadWriteDocument");
    expect(host?.attrs["xsi:type"]).toBe("Workbook");
  });

  it("requires exactly the sets nothing works without: SharedRuntime 1.1 and CustomFunctionsRuntime 1.2 (CustomFunctions.Error)", () => {
    const sets = at(root, "Requirements", "Sets")?.children ?? [];
    expect(sets.map((s) => [s.name, s.attrs.Name, s.attrs.MinVersion])).toEqual([
      ["Set", "SharedRuntime", "1.1"],
      ["Set", "CustomFunctionsRuntime", "1.2"],
    ]);
    expect(at(root, "Requirements", "Methods")).toBeUndefined();
    // A Requirements element inside VersionOverrides would drop the ribbon button wherever it is unmet.
    expect(overrides && at(overrides, "Requirements")).toBeUndefined();
  });

  it("installs on exactly the kinds of Excel that Microsoft's tables give both sets", () => {
    const sets = (at(root, "Requirements", "Sets")?.children ?? []).map((s) => [s.attrs.Name!, s.attrs.MinVersion ?? "1.1"] as const);
    const installs = Object.fromEntries(Object.entries(HOSTS).map(([id, h]) => [id, sets.every(([name, v]) => supportsSet(h.sets, name, v))]));
    expect(installs).toEqual({
      web: true,
      "m365-windows-current": true,
      "m365-windows-oldest": true,
      "retail-2021-2024-oldest": true,
      "ltsc-2021": true,
      "ltsc-2024": true,
      "mac-oldest": true,
      "ltsc-2019": false,
      "ltsc-2016": false,
    } satisfies Record<HostId, boolean>);
  });

  it("resolves every resid to a resource of the right kind", () => {
    const users = allNodes(root).filter((n) => n.attrs.resid !== undefined);
    expect(users.length).toBeGreaterThan(10);
    for (const node of users) {
      const kind = KIND_OF_USE[node.name];
      expect(kind, `no rule for <${node.name} resid>`).toBeDefined();
      expect(resourceIds(kind!).has(node.attrs.resid!), `<${node.name} resid="${node.attrs.resid}"> has no ${kind} entry`).toBe(true);
    }
  });

  it("defines each resource id once, in at most 32 characters, and uses every one", () => {
    const ids = RESOURCE_KINDS.flatMap((k) => (resources && at(resources, k)?.children.map((n) => n.attrs.id ?? "")) ?? []);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length, id).toBeLessThanOrEqual(32);
    const used = new Set(allNodes(root).flatMap((n) => (n.attrs.resid ? [n.attrs.resid] : [])));
    expect(ids.filter((id) => !used.has(id))).toEqual([]);
  });

  it("names one resource for the long-lived runtime, the custom functions page and the FunctionFile", () => {
    const runtimes = at(host!, "Runtimes")?.children ?? [];
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0]?.attrs.lifetime).toBe("long");
    const functions = at(host!, "AllFormFactors")?.children.find((c) => c.attrs["xsi:type"] === "CustomFunctions");
    const page = functions && at(functions, "Page", "SourceLocation")?.attrs.resid;
    const functionFile = at(host!, "DesktopFormFactor", "FunctionFile")?.attrs.resid;
    expect(page).toBe(runtimes[0]?.attrs.resid);
    expect(functionFile).toBe(runtimes[0]?.attrs.resid);
    expect(resourceIds("bt:Urls").get(page!)).toBe(`${DEV_BASE_URL}taskpane.html`);
  });

  it("points the custom functions at functions.js and functions.json under the SKYNET namespace of at most 32 characters", () => {
    const functions = at(host!, "AllFormFactors")?.children.find((c) => c.attrs["xsi:type"] === "CustomFunctions");
    const urls = resourceIds("bt:Urls");
    expect(urls.get(at(functions!, "Script", "SourceLocation")?.attrs.resid ?? "")).toBe(`${DEV_BASE_URL}functions.js`);
    expect(urls.get(at(functions!, "Metadata", "SourceLocation")?.attrs.resid ?? "")).toBe(`${DEV_BASE_URL}functions.json`);
    const namespace = resourceIds("bt:ShortStrings").get(at(functions!, "Namespace")?.attrs.resid ?? "");
    expect(namespace).toBe("SKYNET");
    expect(namespace!.length).toBeLessThanOrEqual(32);
  });

  it("keeps short strings within 125 characters and long strings within 250", () => {
    for (const text of resourceIds("bt:ShortStrings").values()) expect(text.length, text).toBeLessThanOrEqual(125);
    for (const text of resourceIds("bt:LongStrings").values()) expect(text.length, text).toBeLessThanOrEqual(250);
    for (const [name, max] of [["DisplayName", 125], ["Description", 250]] as const) {
      expect(at(root, name)?.attrs.DefaultValue?.length).toBeLessThanOrEqual(max);
    }
  });

  it("opens the task pane from a Home tab button without a TaskpaneId (one pane per shared runtime)", () => {
    const surface = at(host!, "DesktopFormFactor")?.children.find((c) => c.attrs["xsi:type"] === "PrimaryCommandSurface");
    const tab = surface && at(surface, "OfficeTab");
    expect(tab?.attrs.id).toBe("TabHome");
    const action = allNodes(tab!).find((n) => n.name === "Action");
    expect(action?.attrs["xsi:type"]).toBe("ShowTaskpane");
    expect(action?.children.map((c) => c.name)).toEqual(["SourceLocation"]);
    expect(resourceIds("bt:Urls").get(at(action!, "SourceLocation")?.attrs.resid ?? "")).toBe(`${DEV_BASE_URL}taskpane.html`);
  });

  it("gives ribbon icons at 16, 32 and 80 px and store icons at 32 and 64 px, each a PNG of that size", () => {
    const images = resourceIds("bt:Images");
    const ribbon = allNodes(host!).filter((n) => n.name === "bt:Image");
    expect(new Set(ribbon.map((n) => n.attrs.size))).toEqual(new Set(["16", "32", "80"]));
    const expected: Array<[string, number]> = [
      ...ribbon.map((n): [string, number] => [images.get(n.attrs.resid ?? "") ?? "", Number(n.attrs.size)]),
      [at(root, "IconUrl")?.attrs.DefaultValue ?? "", 32],
      [at(root, "HighResolutionIconUrl")?.attrs.DefaultValue ?? "", 64],
    ];
    for (const [url, size] of expected) {
      expect(url.startsWith(`${DEV_BASE_URL}assets/`), url).toBe(true);
      const file = join(PATHS.assets, url.slice(`${DEV_BASE_URL}assets/`.length));
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  it("uses only https://localhost:3000/ URLs in the development manifest", () => {
    const urls = [...source.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(DEV_BASE_URL), url).toBe(true);
  });

  it("orders elements as the add-in manifest schema requires", () => {
    expectOrder(root, [
      "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
      "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions",
      "Dictionary", "VersionOverrides",
    ]);
    expectOrder(at(root, "Requirements"), ["Sets", "Methods"]);
    expectOrder(at(root, "Requirements", "Sets"), ["Set"]);
    expectOrder(overrides, ["Description", "Requirements", "Hosts", "Resources", "EquivalentAddins"]);
    expectOrder(host, ["Runtimes", "AllFormFactors", "DesktopFormFactor", "MobileFormFactor"]);
    const functions = at(host!, "AllFormFactors")?.children.find((c) => c.attrs["xsi:type"] === "CustomFunctions");
    expectOrder(functions, ["Script", "Page", "Metadata", "Namespace"]);
    expectOrder(at(host!, "DesktopFormFactor"), ["GetStarted", "FunctionFile", "ExtensionPoint"]);
    expectOrder(at(host!, "DesktopFormFactor", "GetStarted"), ["Title", "Description", "LearnMoreUrl"]);
    for (const group of allNodes(host!).filter((n) => n.name === "Group")) expectOrder(group, ["Label", "Icon", "Control"]);
    for (const control of allNodes(host!).filter((n) => n.name === "Control")) expectOrder(control, ["Label", "Supertip", "Icon", "Action"]);
    for (const action of allNodes(host!).filter((n) => n.name === "Action")) expectOrder(action, ["TaskpaneId", "SourceLocation", "Title"]);
    expectOrder(resources, [...RESOURCE_KINDS]);
  });
});

describe("parseBaseUrl", () => {
  it("defaults to https://localhost:3000/ when ADDIN_BASE_URL is unset or blank", () => {
    expect(parseBaseUrl(undefined)).toEqual({ ok: true, url: DEV_BASE_URL });
    expect(parseBaseUrl("  ")).toEqual({ ok: true, url: DEV_BASE_URL });
  });

  it("accepts an https folder URL and adds the trailing slash", () => {
    expect(parseBaseUrl("https://addin.example.org/skynet")).toEqual({ ok: true, url: "https://addin.example.org/skynet/" });
    expect(parseBaseUrl("https://addin.example.org")).toEqual({ ok: true, url: "https://addin.example.org/" });
  });

  it("rejects http, relative and query-carrying URLs with a message naming ADDIN_BASE_URL", () => {
    for (const bad of ["http://addin.example.org/", "addin.example.org", "/skynet/", "https://addin.example.org/?v=1"]) {
      const result = parseBaseUrl(bad);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/^ADDIN_BASE_URL must be .*https/);
    }
  });
});

describe("productionManifest", () => {
  it("rewrites every development URL to the base URL and leaves nothing on localhost", () => {
    const built = productionManifest(source, "https://cdn.example.org/skynet/");
    expect(built).not.toMatch(/https?:\/\/(localhost|127\.0\.0\.1)/);
    expect(built.match(/https:\/\/cdn\.example\.org\/skynet\//g)?.length).toBe(source.match(/https:\/\/localhost:3000\//g)?.length);
    expect(parseXml(built).children.map((c) => c.name)).toEqual(root.children.map((c) => c.name));
  });
});

describe("add-in/dist/manifest.xml (the built production manifest)", () => {
  let built = "";
  let base = "";
  beforeAll(async () => {
    const dist = await ensureDist();
    built = readFileSync(join(dist, "manifest.xml"), "utf8");
    const taskpane = parseXml(built).children.find((c) => c.name === "DefaultSettings")?.children[0]?.attrs.DefaultValue ?? "";
    base = taskpane.replace(/taskpane\.html$/, "");
  });

  it("is the source manifest rewritten for one https base URL, with the release's version and ?v= on the functions' two addresses", () => {
    expect(parseBaseUrl(base)).toEqual({ ok: true, url: base });
    expect(built.match(/\?v=[0-9A-Za-z.-]+"/g)).toHaveLength(2);
    const unversioned = built.replace(/\?v=[0-9A-Za-z.-]+"/g, '"').replace(/<Version>[^<]*<\/Version>/, "");
    expect(unversioned).toBe(source.split(DEV_BASE_URL).join(base).replace(/<Version>[^<]*<\/Version>/, ""));
  });

  it("names only files that exist in add-in/dist", () => {
    const urls = [...new Set([...built.matchAll(/DefaultValue="(https:[^"]+)"/g)].map((m) => m[1]!))];
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const url of urls) {
      expect(url.startsWith(base), url).toBe(true);
      const file = join(PATHS.dist, decodeURIComponent(url.slice(base.length).replace(/\?.*$/, "")));
      expect(existsSync(file), `${url} -> ${file}`).toBe(true);
    }
  });
});
