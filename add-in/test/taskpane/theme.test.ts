import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../src/taskpane/html.js";
import { contrastRatio, paneTheme } from "../../src/taskpane/theme.js";

// Which colour sits on which, and the WCAG 2 minimum each pair needs: 4.5:1 for text, 3:1 for control edges and focus.
const TEXT_PAIRS: Array<[string, string]> = [
  ["--ink", "--bg"], ["--ink", "--warn-bg"], ["--ink", "--error-bg"], ["--ink", "--note-bg"],
  ["--muted", "--bg"], ["--muted", "--warn-bg"], ["--muted", "--error-bg"], ["--muted", "--note-bg"],
  ["--control-ink", "--control-bg"], ["--accent-ink", "--accent"], ["--link", "--bg"], ["--bad", "--bg"],
];
const EDGE_PAIRS: Array<[string, string]> = [["--focus", "--bg"], ["--control-border", "--bg"], ["--accent", "--bg"], ["--warn", "--bg"], ["--error", "--bg"], ["--ok", "--bg"]];

/** Every pair that falls short, as "a on b: ratio". */
function shortfalls(props: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [pairs, min] of [[TEXT_PAIRS, 4.5], [EDGE_PAIRS, 3]] as const) {
    for (const [fg, bg] of pairs) {
      const r = contrastRatio(props[fg]!, props[bg]!);
      if (!(r >= min)) out.push(`${fg} ${props[fg]} on ${bg} ${props[bg]}: ${r.toFixed(2)}`);
    }
  }
  return out;
}

describe("escapeHtml", () => {
  it("turns the five characters that HTML reads as markup into numeric references", () => {
    expect(escapeHtml(`Tom & "Jerry" <b>'s</b>`)).toBe("Tom &#38; &#34;Jerry&#34; &#60;b&#62;&#39;s&#60;/b&#62;");
    expect(escapeHtml("2014–2019 · 680")).toBe("2014–2019 · 680");
  });
});

describe("contrastRatio", () => {
  it("gives WCAG 2's ratios: 21 for black on white, 4.54 for #767676 on white, 1 for a colour on itself", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBe(21);
    expect(contrastRatio("#767676", "#FFFFFF")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#abc", "#aabbcc")).toBe(1);
    expect(contrastRatio("red", "#ffffff")).toBeNaN();
  });
});

describe("paneTheme", () => {
  it("uses a light Office theme's own colours and marks it light", () => {
    const t = paneTheme({ bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#262626" });
    expect(t.ok && t.dark).toBe(false);
    if (!t.ok) return;
    expect(t.properties["--bg"]).toBe("#ffffff");
    expect(t.properties["--ink"]).toBe("#000000");
    expect(t.properties["--control-ink"]).toBe("#262626");
    expect(t.properties["--accent"]).toBe("#0f6cbd");
    expect(t.properties["--accent-ink"]).toBe("#ffffff");
  });

  it("marks a dark theme dark and takes the dark accents", () => {
    const t = paneTheme({ bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#363636", controlForegroundColor: "#F0F0F0" });
    expect(t.ok && t.dark).toBe(true);
    if (!t.ok) return;
    expect(t.properties["--bg"]).toBe("#262626");
    expect(t.properties["--ink"]).toBe("#ffffff");
    expect(t.properties["--link"]).toBe("#479ef5");
  });

  it("replaces a theme's text colour that does not read on its background with white or black", () => {
    const dim = paneTheme({ bodyBackgroundColor: "#262626", bodyForegroundColor: "#5A5A5A", controlBackgroundColor: "#363636", controlForegroundColor: "#444444" });
    expect(dim.ok && [dim.properties["--ink"], dim.properties["--control-ink"]]).toEqual(["#ffffff", "#ffffff"]);
    const pale = paneTheme({ bodyBackgroundColor: "#F3F3F3", bodyForegroundColor: "#C8C8C8", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#DDDDDD" });
    expect(pale.ok && [pale.properties["--ink"], pale.properties["--control-ink"]]).toEqual(["#000000", "#000000"]);
  });

  it.each([
    ["white", "#FFFFFF", "#000000", "#FFFFFF", "#262626"],
    ["colorful", "#F3F3F3", "#262626", "#FFFFFF", "#262626"],
    ["dark gray", "#444444", "#E6E6E6", "#666666", "#FFFFFF"],
    ["dark", "#262626", "#FFFFFF", "#363636", "#F0F0F0"],
    ["black", "#000000", "#FFFFFF", "#1F1F1F", "#FFFFFF"],
    ["mid grey, low contrast", "#808080", "#909090", "#7A7A7A", "#888888"],
    ["navy", "#001f3f", "#7fdbff", "#00264d", "#7fdbff"],
  ])("keeps text at 4.5:1 and edges at 3:1 on every surface in a %s theme", (_, bg, fg, cbg, cfg) => {
    const t = paneTheme({ bodyBackgroundColor: bg, bodyForegroundColor: fg, controlBackgroundColor: cbg, controlForegroundColor: cfg });
    expect(t.ok).toBe(true);
    if (t.ok) expect(shortfalls(t.properties)).toEqual([]);
  });

  it("says why when Office gives no theme or colours that are not hex", () => {
    expect(paneTheme(undefined)).toEqual({ ok: false, reason: "Office gives no theme." });
    expect(paneTheme({ bodyBackgroundColor: "white", bodyForegroundColor: "#000000", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#000000" })).toEqual({
      ok: false,
      reason: "Office's theme colours are not all hex colours.",
    });
    expect(paneTheme({ bodyBackgroundColor: "#FFFFFF" }).ok).toBe(false);
  });
});

describe("taskpane.css palettes", () => {
  const css = readFileSync(resolve(import.meta.dirname, "../../src/taskpane/taskpane.css"), "utf8");
  const props = (block: string) => Object.fromEntries([...block.matchAll(/(--[a-z-]+):\s*(#[0-9a-f]{3,6})\s*;/gi)].map((m) => [m[1]!, m[2]!]));
  const light = props(/^:root \{([^}]*)\}/m.exec(css)![1]!);
  const dark = props(/@media \(prefers-color-scheme: dark\) \{\s*:root \{([^}]*)\}/.exec(css)![1]!);

  it("define every colour the pane uses, in the light and in the dark palette", () => {
    const names = [...new Set([...TEXT_PAIRS, ...EDGE_PAIRS].flat())].sort();
    expect(names.filter((n) => !light[n])).toEqual([]);
    expect(names.filter((n) => !dark[n])).toEqual([]);
  });

  it("keep text at 4.5:1 and edges at 3:1, light and dark", () => {
    expect(shortfalls(light)).toEqual([]);
    expect(shortfalls(dark)).toEqual([]);
  });
});
