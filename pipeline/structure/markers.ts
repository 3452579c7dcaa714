// Footnote markers: circled numbers ①…⑳ (and ㉑…㊿), bracketed numbers [1] ［1］, either one
// wrapped in <sup>…</sup>. A marker's value is its number, whatever its form.

const CIRCLED = "\\u2460-\\u2473\\u3251-\\u325F\\u32B1-\\u32BF";
const MARKER = `(?:[${CIRCLED}]|[\\[［]\\d{1,3}[\\]］]|\\d{1,3})`;

/** A marker opening a line: "① ", "<sup>②</sup> ", "[3]". Bare numbers count only inside <sup>. */
export const BODY_START = new RegExp(`^(?:<sup>\\s*(?<sup>${MARKER})\\s*</sup>|(?<plain>[${CIRCLED}]|[\\[［]\\d{1,3}[\\]］]))[\\s\\u3000]*`, "u");

/** A character BODY_START can open with: a text without one holds no marker at a line start (all in the BMP: no "u" needed). */
const MARKER_OPENING = new RegExp(`[<\\[［${CIRCLED}]`);

export function mayOpenMarker(text: string): boolean {
  return MARKER_OPENING.test(text);
}

/** Anchors in running text, for circled markers and for bracketed ones. */
const CIRCLED_ANCHOR = new RegExp(`<sup>\\s*[${CIRCLED}]\\s*</sup>|[${CIRCLED}]`, "gu");
const BRACKET_ANCHOR = /<sup>\s*[[［]?\d{1,3}[\]］]?\s*<\/sup>|[[［]\d{1,3}[\]］]/gu;

export type Style = "circled" | "bracket";

export function markerValue(marker: string): number {
  const inner = marker.replace(/<\/?sup>/g, "").trim();
  const cp = inner.codePointAt(0) ?? 0;
  if (cp >= 0x2460 && cp <= 0x2473) return cp - 0x2460 + 1;
  if (cp >= 0x3251 && cp <= 0x325f) return cp - 0x3251 + 21;
  if (cp >= 0x32b1 && cp <= 0x32bf) return cp - 0x32b1 + 36;
  const digits = /\d+/.exec(inner.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
  return digits ? Number(digits[0]) : 0;
}

export function markerStyle(marker: string): Style {
  return /[[［\d]/.test(marker.replace(/<\/?sup>/g, "")) ? "bracket" : "circled";
}

export interface Anchor {
  offset: number;
  value: number;
}

/** Every anchor of the given style in a text, in order. */
export function anchorsIn(text: string, style: Style): Anchor[] {
  const re = style === "circled" ? CIRCLED_ANCHOR : BRACKET_ANCHOR;
  return [...text.matchAll(re)].map((m) => ({ offset: m.index, value: markerValue(m[0]) }));
}

/** The marker at the start of a line, with the length to remove (marker and spaces after it). */
export function bodyMarker(line: string): { marker: string; value: number; length: number } | null {
  const m = BODY_START.exec(line);
  if (!m?.groups) return null;
  const marker = (m.groups.sup ?? m.groups.plain)!;
  return { marker: marker.replace(/[［］]/g, (c) => (c === "［" ? "[" : "]")), value: markerValue(marker), length: m[0].length };
}

/** A line that is only a marker: the runs of bare markers that precede unnumbered bodies. */
export function isBareMarker(line: string): boolean {
  const m = bodyMarker(line);
  return m !== null && m.length === line.trimEnd().length;
}

/** How a citation opens: [美]…, «…», 《…》, 曾向红、罗金:…, "StephenAris,“…", 参见…. */
export const CITATION_START =
  /^(?:[[［][\p{Script=Han}]{1,2}[\]］]|[«《“"]|\p{Script=Han}{2,4}(?:[、，,]\p{Script=Han}{2,4})*等?\s*[:：]|[\p{Lu}][\p{L}’'\u{100170}\u{1001B0}. ]{1,40}?,\s*[“"\p{Lu}«]|参见|转引自|关于)/u;
