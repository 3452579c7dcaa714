// Markup left by the conversion to text: HTML tables and tags, markdown emphasis, links, images,
// escapes and list bullets, table-of-contents dot leaders. Markdown headings keep their `#` (the
// structure stage reads them); footnote markers in <sup> keep the marker (clean.footnote-marker).
import type { RuleCounts } from "../../model/schema.js";
import type { Tracked } from "../../model/tracked.js";

const CELL = /<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/gi;
const ROW = /<tr\b[^>]*>([\s\S]*?)<\/tr>/gi;
const TAG = /<\/?(?:b|i|u|em|strong|span|font|br|p|div|html|body|table|tbody|thead|center|small|big)\b[^>]*>/gi;
const SUPERSCRIPT: Record<string, string> = { "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "+": "⁺", "-": "⁻", "−": "⁻" };
const SUP = /<sup>\s*([^<]*?)\s*<\/sup>/gi;
const SUB = /<sub>\s*([^<]*?)\s*<\/sub>/gi;
const IMAGE = /!\[[^\]]*\]\([^)]*\)/g;
const LINK = /\[([^\]]*)\]\(([^)\s]*)\)/g;
const AUTOLINK = /<((?:https?|ftp|mailto):[^>\s]+)>/gi;
const BOLD = /(?<!\\)(\*\*|__)(?=\S)([\s\S]*?\S)(?<!\\)\1/g;
const STRAY_BOLD = /(?<!\\)\*\*/g;
const ITALIC = /(?<![\\*\w])\*(?=[^\s*])([^*\n]*?[^\s\\*])\*(?![*\w])/g;
const ESCAPE = /\\+([!-/:-@[-`{-~])/g;
const BULLET = /^[-*+]\s+/g;
const LEADER = /\s*(?:\.{3,}|…{2,}|·{3,}|_{3,})\s*/g;

/** Rule clean.html-table: an HTML table becomes one line of `| cell | cell |` rows. */
export function htmlTable(t: Tracked, counts: RuleCounts): Tracked {
  const rows = [...t.text.matchAll(ROW)].map((r) => `| ${[...r[1]!.matchAll(CELL)].map((c) => plain(c[1]!)).join(" | ")} |`);
  if (rows.length === 0) return t;
  return t.edit("clean.html-table", [{ start: 0, end: t.text.length, text: rows.join(" ") }], counts);
}

function plain(html: string): string {
  return html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
}

/**
 * Rule clean.footnote-marker for <sup>: a marker in <sup> (<sup>①</sup>, <sup>[1]</sup>, <sup>1</sup>
 * after text) becomes the plain marker; a number raised after a letter or digit is an exponent.
 */
export function sup(t: Tracked, counts: RuleCounts): Tracked {
  return t.replace(
    SUP,
    "clean.footnote-marker",
    (m) => {
      const inner = m[1]!;
      if (/^[\u2460-\u2473]$|^\[\d{1,3}\]$/u.test(inner)) return inner;
      const before = m.input[m.index - 1] ?? "";
      if (/^\d{1,3}$/.test(inner)) return /[\p{L}\d]/u.test(before) && !/\p{Script=Han}/u.test(before) ? [...inner].map((d) => SUPERSCRIPT[d]).join("") : `[${inner}]`;
      return [...inner].every((c) => SUPERSCRIPT[c]) ? [...inner].map((c) => SUPERSCRIPT[c]).join("") : inner;
    },
    counts,
  );
}

export function htmlTags(t: Tracked, counts: RuleCounts): Tracked {
  return t.replace(SUB, "clean.html-tag", (m) => m[1]!, counts).replace(TAG, "clean.html-tag", "", counts);
}

export function markdownImages(t: Tracked, counts: RuleCounts): Tracked {
  return t.replace(IMAGE, "clean.markdown-image", "", counts);
}

/** [text](url) keeps the text, and the URL when the text does not already give it; <url> keeps the URL. */
export function markdownLinks(t: Tracked, counts: RuleCounts): Tracked {
  const same = (text: string, url: string) => unescape(text) === unescape(url).replace(/^mailto:/i, "");
  return t
    .replace(LINK, "clean.markdown-link", (m) => (same(m[1]!, m[2]!) || m[2] === "" ? unescape(m[1]!) : `${m[1]} (${m[2]})`), counts)
    .replace(AUTOLINK, "clean.markdown-link", (m) => m[1]!.replace(/^mailto:/i, ""), counts);
}

function unescape(text: string): string {
  return text.replace(ESCAPE, "$1");
}

export function markdownEmphasis(t: Tracked, counts: RuleCounts): Tracked {
  return t
    .replace(BOLD, "clean.markdown-emphasis", (m) => m[2]!, counts)
    .replace(STRAY_BOLD, "clean.markdown-emphasis", "", counts)
    .replace(ITALIC, "clean.markdown-emphasis", (m) => m[1]!, counts);
}

export function markdownEscapes(t: Tracked, counts: RuleCounts): Tracked {
  return t.replace(ESCAPE, "clean.markdown-escape", (m) => m[1]!, counts);
}

export function markdownBullet(t: Tracked, counts: RuleCounts): Tracked {
  return t.replace(BULLET, "clean.markdown-list", "", counts);
}

export function tocLeaders(t: Tracked, counts: RuleCounts): Tracked {
  return t.replace(LEADER, "clean.toc-leader", " ", counts);
}
