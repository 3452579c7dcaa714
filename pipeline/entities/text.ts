// Text helpers shared by the recognisers: script tests, width folding, masking of URLs and markup,
// and the normalised keys and slugs that decide identity and ids.
import type { NameLang } from "./types.js";

export const HAN = "\\u3007\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
const hanChar = new RegExp(`[${HAN}]`);
const cyrChar = /[\u0400-\u04ff]/;
const latChar = /[A-Za-z\u00c0-\u024f]/;

/** Middle dots of transliterated names, including the private-use glyph some PDF exports emit (U+100170). */
export const NAME_DOTS = "·•‧・\u{100170}";

export const hasHan = (s: string): boolean => hanChar.test(s);

// Every code unit /\s/ matches, found once (in a string of all of them; lone surrogates decode to
// U+FFFD, one unit for one, which is not a space).
const everyCodeUnit = new TextDecoder("utf-16le").decode(new Uint16Array(0x10000).map((_, i) => i));
export const SPACE_CODES: ReadonlySet<number> = new Set([...everyCodeUnit.matchAll(/\s/g)].map((m) => m.index));

/** Whether a code unit is whitespace (/\s/), without making a string of it. */
export const isSpaceCode = (code: number): boolean => SPACE_CODES.has(code);

/** A set of UTF-16 code units as bits (8 KB): a test is a shift, with no hashing, and stays in the cache. */
export class CodeUnits {
  private readonly bits = new Uint32Array(0x10000 / 32);

  /** The code units a one-character pattern (a class) matches, surrogates aside. */
  static matching(pattern: string): CodeUnits {
    const units = new CodeUnits();
    const re = new RegExp(pattern, "g");
    for (let m = re.exec(everyCodeUnit); m; m = re.exec(everyCodeUnit)) if (m.index < 0xd800 || m.index > 0xdfff) units.add(m.index);
    return units;
  }

  /** Adds a code unit; NaN (charCodeAt past the end) counts as 0. */
  add(code: number): this {
    this.bits[(code & 0xffff) >>> 5]! |= 1 << (code & 31);
    return this;
  }

  addRange(from: number, to: number): this {
    for (let code = from; code <= to; code++) this.add(code);
    return this;
  }

  has(code: number): boolean {
    return ((this.bits[(code & 0xffff) >>> 5]! >>> (code & 31)) & 1) === 1;
  }
}

/**
 * The matches of a sticky pattern that matchAll of it (global) would find, left to right and
 * without overlaps, trying it only at the positions `may` accepts: a cheap test that every position
 * where a match starts passes. Matches must not be empty.
 */
export function stickyMatches(text: string, sticky: RegExp, may: (text: string, at: number) => boolean): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (let at = 0; at < text.length; at++) {
    if (!may(text, at)) continue;
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (!m) continue;
    out.push(m);
    at = m.index + m[0].length - 1;
  }
  return out;
}

/** The language a name is filed under, by its script: Han → zh, Cyrillic → ru, Latin → en. */
export function scriptLang(s: string): NameLang | null {
  if (hanChar.test(s)) return "zh";
  if (cyrChar.test(s)) return "ru";
  if (latChar.test(s)) return "en";
  return null;
}

/** Fullwidth ASCII and the ideographic space to ASCII, one code unit for one, so offsets hold. */
export function foldWidth(s: string): string {
  // Most strings have nothing to fold, and a test is cheaper than a replace that changes nothing.
  return fullwidth.test(s) ? s.replace(fullwidthAll, (c) => (c === "\u3000" ? " " : String.fromCharCode(c.charCodeAt(0) - 0xfee0))) : s;
}
const fullwidth = /[\uff01-\uff5e\u3000]/;
const fullwidthAll = new RegExp(fullwidth.source, "g");

// URLs (also when a PDF export put private-use dots in them), e-mail addresses, HTML tags and
// markdown link targets: names and dates inside them are not mentions.
const maskable = new RegExp(
  [
    "(?:https?|ftp|file):\\/\\/(?:[\\x21-\\x7e]|[\\u{F0000}-\\u{10FFFF}])+",
    "www(?:\\.|\\u{1001B0})(?:[\\x21-\\x7e]|[\\u{F0000}-\\u{10FFFF}])+",
    "[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+",
    "<\\/?[A-Za-z][^<>]{0,200}>",
    "\\]\\([^()\\s]{1,400}\\)",
  ].join("|"),
  "gu",
);

// What every maskable span contains: most paragraphs have none and skip the slower pattern.
const maskableHint = /:\/\/|www|@|<|\]\(/;

/** The text with URLs, e-mail addresses and markup blanked out; same length, so offsets hold. */
export function mask(text: string): string {
  return maskableHint.test(text) ? text.replace(maskable, (m) => " ".repeat(m.length)) : text;
}

const quotes = /["“”„‟'‘’「」『』《》«»〈〉<>*]/g;
const dots = new RegExp(`[${NAME_DOTS}．]`, "gu");
const dashes = /[—–－~～‐‑]/g;
const cnDigits: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十二 → 12, 二十 → 20, 二〇一二 → 2012: the small numerals of ordinals and dates. */
export function chineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[〇零一二两三四五六七八九十百]+$/.test(s)) return null;
  if (!/[十百]/.test(s)) return Number([...s].map((c) => cnDigits[c] ?? 0).join(""));
  let total = 0;
  let digit = 0;
  for (const c of s) {
    if (c === "百") {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (c === "十") {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = cnDigits[c] ?? 0;
  }
  return total + digit;
}

// What the Chinese key rewrites; most names have none of it and are their own key.
const zhKeyWork = new RegExp(`\\s|${quotes.source}|${dots.source}|${dashes.source}|\\(|第`, "u");

// Names recur in and across documents: the keys of short ones are remembered (a few thousand).
const keys: Record<NameLang, Map<string, string>> = { zh: new Map(), en: new Map(), ru: new Map() };
const MEMO_LENGTH = 40;
const MEMO_SIZE = 100_000;

/** The identity of a name within its language: what two spellings of one name have in common. */
export function nameKey(text: string, lang: NameLang): string {
  if (text.length > MEMO_LENGTH) return computeKey(text, lang);
  const memo = keys[lang];
  let key = memo.get(text);
  if (key === undefined) {
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(text, (key = computeKey(text, lang)));
  }
  return key;
}

function computeKey(text: string, lang: NameLang): string {
  const folded = foldWidth(text);
  if (lang === "zh") {
    if (!zhKeyWork.test(folded)) return folded;
    return folded
      .replace(/\s+/g, "")
      .replace(quotes, "")
      .replace(dots, "·")
      .replace(dashes, "-")
      .replace(/\((?:全文|节选|摘要)\)$/, "")
      .replace(/第([〇零一二两三四五六七八九十百\d]+)(次|届)/g, (m, n: string, unit: string) => {
        const value = chineseNumber(n);
        return value === null ? m : `第${value}${unit}`;
      });
  }
  const plain = folded.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/ё/g, "е");
  return lang === "en" ? plain.replace(/^the\s+/, "").replace(/[^a-z0-9]/g, "") : plain.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** A readable id fragment: lowercase words joined by hyphens (Han and Cyrillic kept as they are). */
export function slug(text: string): string {
  const folded = foldWidth(text);
  // Diacritics go from Latin letters only: й is a letter of its own.
  return (/[\u0400-\u04ff]/.test(folded) ? folded : folded.normalize("NFKD").replace(/[\u0300-\u036f]/g, ""))
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/['’]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** Split words run together by a lost space: StephenAris → Stephen Aris (a lowercase letter before a capital). */
export function splitCamel(s: string): string {
  return s.replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2");
}

/** A regex alternation of literal words, longest first. */
export const alt = (words: readonly string[]): string =>
  [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
