// The pane follows Office's theme: the four colours Office.context.officeTheme gives (every Excel platform that runs
// the add-in; no requirement set) become the pane's CSS custom properties, with text that keeps its contrast however
// dark or light the theme. Without Office (the browser preview) taskpane.css follows prefers-color-scheme instead.

/** The part of Office.OfficeTheme the pane reads. */
export interface OfficeThemeColors {
  bodyBackgroundColor?: unknown;
  bodyForegroundColor?: unknown;
  controlBackgroundColor?: unknown;
  controlForegroundColor?: unknown;
}

export type PaneTheme = { ok: true; dark: boolean; properties: Record<string, string> } | { ok: false; reason: string };

type Rgb = [number, number, number];

/** WCAG 2.x: 4.5:1 for text, 3:1 for the edges of controls and the focus ring. */
export const MIN_TEXT_CONTRAST = 4.5;
export const MIN_EDGE_CONTRAST = 3;

const parseHex = (value: unknown): Rgb | null => {
  if (typeof value !== "string") return null;
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(value.trim());
  if (!m) return null;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join("") : m[1]!;
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
};
const toHex = (c: Rgb) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;
const luminance = ([r, g, b]: Rgb) => {
  const lin = (v: number) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};
const ratio = (a: Rgb, b: Rgb) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
};
const mix = (a: Rgb, b: Rgb, towardB: number): Rgb => a.map((v, i) => v + (b[i]! - v) * towardB) as Rgb;
const BLACK: Rgb = [0, 0, 0];
const WHITE: Rgb = [255, 255, 255];

/**
 * The contrast ratio of two colours as WCAG 2 defines it (1 to 21), or NaN when either is not a hex colour.
 * @example
 * contrastRatio("#ffffff", "#000000") //=> 21
 */
export function contrastRatio(a: string, b: string): number {
  const x = parseHex(a);
  const y = parseHex(b);
  return x && y ? ratio(x, y) : NaN;
}

// The theme's own text colour when it reads on its background, else black or white, whichever reads better.
const readable = (fg: Rgb, bg: Rgb): Rgb => (ratio(fg, bg) >= MIN_TEXT_CONTRAST ? fg : ratio(BLACK, bg) >= ratio(WHITE, bg) ? BLACK : WHITE);
// The colour nearest `from` on the way to `fg` that has `min` contrast on every surface (fg itself is the last resort).
const softest = (fg: Rgb, from: Rgb, surfaces: Rgb[], min: number, start: number): Rgb => {
  for (let t = start; t < 1; t += 0.02) {
    const c = mix(from, fg, t);
    if (surfaces.every((s) => ratio(c, s) >= min)) return c;
  }
  return fg;
};
// A background tinted with a hue, as strong as it can be while the text on it keeps its contrast.
const tint = (bg: Rgb, ink: Rgb, hue: Rgb, strength: number): Rgb => {
  for (let t = strength; t > 0; t -= 0.02) {
    const c = mix(bg, hue, t);
    if (ratio(ink, c) >= MIN_TEXT_CONTRAST + 1) return c;
  }
  return bg;
};

// Hues of the pane (Fluent's brand blue, Excel's green, warning orange, error red), for a light and a dark background;
// each is checked against the theme's own background below.
const HUES = {
  light: { accent: [15, 108, 189], link: [15, 108, 189], ok: [33, 115, 70], warn: [188, 75, 9], error: [197, 15, 31] },
  dark: { accent: [71, 158, 245], link: [71, 158, 245], ok: [84, 176, 122], warn: [247, 99, 12], error: [220, 98, 109] },
} satisfies Record<string, Record<string, Rgb>>;

/**
 * The pane's CSS custom properties for an Office theme, or why the theme cannot be used (then the stylesheet's own
 * light or dark palette applies). Text is at least 4.5:1 on every surface it sits on, control edges and the focus ring
 * 3:1 on the background.
 * @example
 * paneTheme({ bodyBackgroundColor: "#262626", bodyForegroundColor: "#ffffff", controlBackgroundColor: "#363636", controlForegroundColor: "#ffffff" }).ok //=> true
 * paneTheme(undefined) //=> { ok: false, reason: "Office gives no theme." }
 */
export function paneTheme(theme: OfficeThemeColors | null | undefined): PaneTheme {
  if (!theme) return { ok: false, reason: "Office gives no theme." };
  const bg = parseHex(theme.bodyBackgroundColor);
  const fg = parseHex(theme.bodyForegroundColor);
  const cbg = parseHex(theme.controlBackgroundColor);
  const cfg = parseHex(theme.controlForegroundColor);
  if (!bg || !fg || !cbg || !cfg) return { ok: false, reason: "Office's theme colours are not all hex colours." };
  const dark = luminance(bg) < 0.18;
  const hue = dark ? HUES.dark : HUES.light;
  const ink = readable(fg, bg);
  const edge = (c: Rgb) => (ratio(c, bg) >= MIN_EDGE_CONTRAST ? c : ink);
  const warnBg = tint(bg, ink, hue.warn, dark ? 0.22 : 0.14);
  const errorBg = tint(bg, ink, hue.error, dark ? 0.22 : 0.12);
  const noteBg = tint(bg, ink, hue.accent, dark ? 0.3 : 0.09);
  const accent = edge(hue.accent);
  const surfaces = [bg, warnBg, errorBg, noteBg];
  return {
    ok: true,
    dark,
    properties: {
      "--bg": toHex(bg),
      "--ink": toHex(ink),
      "--control-bg": toHex(cbg),
      "--control-ink": toHex(readable(cfg, cbg)),
      "--muted": toHex(softest(ink, bg, surfaces, MIN_TEXT_CONTRAST, 0.55)),
      "--line": toHex(mix(bg, ink, dark ? 0.22 : 0.14)),
      "--control-border": toHex(softest(ink, bg, [bg, cbg], MIN_EDGE_CONTRAST, 0.3)),
      "--accent": toHex(accent),
      "--accent-ink": toHex(ratio(WHITE, accent) >= ratio(BLACK, accent) ? WHITE : BLACK),
      "--link": toHex(ratio(hue.link, bg) >= MIN_TEXT_CONTRAST ? hue.link : ink),
      "--focus": toHex(edge(hue.link)),
      "--ok": toHex(edge(hue.ok)),
      "--warn": toHex(edge(hue.warn)),
      "--error": toHex(edge(hue.error)),
      "--bad": toHex(softest(ink, hue.error, surfaces, MIN_TEXT_CONTRAST, 0)),
      "--warn-bg": toHex(warnBg),
      "--error-bg": toHex(errorBg),
      "--note-bg": toHex(noteBg),
    },
  };
}

/** Sets the theme's properties on `root` (the page's <html>) and marks it light or dark; false when Office gave none. */
export function applyOfficeTheme(root: HTMLElement, theme: OfficeThemeColors | null | undefined): boolean {
  const t = paneTheme(theme);
  if (!t.ok) return false;
  for (const [name, value] of Object.entries(t.properties)) root.style.setProperty(name, value);
  root.style.setProperty("color-scheme", t.dark ? "dark" : "light");
  root.dataset.theme = t.dark ? "dark" : "light";
  return true;
}
