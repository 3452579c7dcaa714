// Punctuation by the language around it. Chinese text gets ，。：；！？（）《》, English and Russian
// text gets , . : ; ! ? ( ). A mark that ends something takes the language of the text it ends (the
// nearest letter or Han character before it); brackets take the language around the pair; «…» around
// Chinese words are book-title marks 《…》. Points and commas between digits, the point after a
// number (1. 强调) and URLs are left alone.
import type { RuleCounts } from "../../model/schema.js";
import type { Tracked } from "../../model/tracked.js";
import { guard } from "./protect.js";

const TO_CHINESE: Record<string, string> = { ",": "，", ".": "。", "．": "。", ":": "：", ";": "；", "!": "！", "?": "？" };
const TO_ASCII: Record<string, string> = { "，": ",", "．": ".", "。": ".", "：": ":", "；": ";", "！": "!", "？": "?" };
const MARKS = /[,，.．。:：;；!！?？]/g;
const HAN = /\p{Script=Han}/u;
const CJK_PUNCT = /[，。、：；！？（）《》【】「」『』〈〉“”…—]/u;
const LETTER = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;

type Lang = "zh" | "latin" | null;

function langOf(ch: string): Lang {
  if (HAN.test(ch)) return "zh";
  if (LETTER.test(ch)) return "latin";
  return null;
}

/** Marks this rule converts: they never decide a language, so that a second pass decides as the first. */
const TRANSPARENT = /[,，.．。:：;；!！?？\s\d"'“”‘’*]/u;

/** The language of the text before `index`: the nearest Han character, letter or CJK mark (a URL is skipped). */
function leftLang(text: string, index: number, inUrl: (s: number, e: number) => boolean): Lang {
  for (let i = index - 1, seen = 0; i >= 0 && seen < 12; i--) {
    if (inUrl(i, i + 1)) {
      while (i > 0 && inUrl(i - 1, i)) i--;
      continue;
    }
    const ch = text[i]!;
    const lang = langOf(ch);
    if (lang) return lang;
    if (CJK_PUNCT.test(ch) && !TRANSPARENT.test(ch) && ch !== "—") return "zh";
    if (!TRANSPARENT.test(ch)) seen++;
  }
  return null;
}

function rightLang(text: string, index: number): Lang {
  for (let i = index + 1, seen = 0; i < text.length && seen < 12; i++) {
    const ch = text[i]!;
    const lang = langOf(ch);
    if (lang) return lang;
    if (!TRANSPARENT.test(ch)) seen++;
  }
  return null;
}

export function punctuation(t: Tracked, counts: RuleCounts): Tracked {
  // Brackets first: a full stop after a closing bracket takes the bracket's language.
  const bracketed = t.edit("clean.punctuation", brackets(t.text, guard(t.text)), counts);
  const text = bracketed.text;
  const inUrl = guard(text);
  const changes: Array<{ start: number; end: number; text: string }> = [];
  for (const m of text.matchAll(MARKS)) {
    const ch = m[0];
    const i = m.index;
    if (inUrl(i, i + 1)) continue;
    const before = text[i - 1] ?? "";
    const after = text[i + 1] ?? "";
    if (/\d/.test(before) && /\d/.test(after)) continue; // 1.5, 1,100, 08:00
    if ((ch === "." || ch === ":") && /\d/.test(before) && !HAN.test(text[i - 2] ?? "")) continue; // 1. 强调, p.474.
    if (ch === "." && (after === "." || before === ".")) continue; // ...
    const lang = embedded(text, i, leftLang(text, i, inUrl), rightLang(text, i));
    // A Chinese mark stays in a clause that holds Chinese (Web Server采用 Tomcat。).
    const to = lang === "zh" ? TO_CHINESE[ch] : lang === "latin" && !(ch in TO_ASCII && clauseHasHan(text, i)) ? TO_ASCII[ch] : undefined;
    if (to && to !== ch) changes.push({ start: i, end: i + 1, text: to });
  }
  return bracketed.edit("clean.punctuation", changes, counts);
}

/** Does the clause ending at `index` (since the last sentence end) hold a Han character? */
function clauseHasHan(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const ch = text[i]!;
    if (/[。！？!?]/.test(ch) || (ch === "." && /\s/.test(text[i + 1] ?? ""))) return false;
    if (HAN.test(ch)) return true;
  }
  return false;
}

/**
 * A few Latin letters inside a Chinese sentence (a unit, an abbreviation: 38.23 mg·kg⁻¹，显著) do not
 * make the mark after them English: with Chinese after the mark and before the Latin run, it is Chinese.
 */
function embedded(text: string, index: number, left: Lang, right: Lang): Lang {
  if (left !== "latin" || right !== "zh") return left ?? right;
  const before = text.slice(Math.max(0, index - 24), index);
  return /\p{Script=Han}(?:(?![。！？]|[.!?]\s)[^\p{Script=Han}]){0,20}$/u.test(before) && !/[\p{Script=Latin}\p{Script=Cyrillic}]{5,}[^\p{Script=Han}]*$/u.test(before) ? "zh" : "latin";
}

/** Paired brackets and «» in the language around them. */
function brackets(text: string, inUrl: (s: number, e: number) => boolean): Array<{ start: number; end: number; text: string }> {
  // Edits must come in order of position.
  const changes: Array<{ start: number; end: number; text: string }> = [];
  const stack: number[] = [];
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if ((ch === "(" || ch === "（") && !inUrl(i, i + 1)) stack.push(i);
    else if ((ch === ")" || ch === "）") && !inUrl(i, i + 1) && stack.length) pairs.push([stack.pop()!, i]);
  }
  for (const [open, close] of pairs) {
    const [left, right] = outsideLang(text, open, close);
    const han = HAN.test(text.slice(open, close));
    const lang = left === "zh" || (left === null && right === "zh") || (han && (right === "zh" || (left === null && right === null))) ? "zh" : "latin";
    const [o, c] = lang === "zh" ? ["（", "）"] : ["(", ")"];
    if (text[open] !== o) changes.push({ start: open, end: open + 1, text: o });
    if (text[close] !== c) changes.push({ start: close, end: close + 1, text: c });
  }
  // An OCR square bracket paired with a lenticular one: [收稿日期：…】 → 【…】.
  for (const m of text.matchAll(/\[([^[\]【】]*\p{Script=Han}[^[\]【】]*)】|【([^[\]【】]*)\]/gu)) {
    if (m[1] !== undefined) changes.push({ start: m.index, end: m.index + 1, text: "【" });
    else changes.push({ start: m.index + m[0].length - 1, end: m.index + m[0].length, text: "】" });
  }
  for (const m of text.matchAll(/«([^«»]*)»/g)) {
    if (HAN.test(m[1]!)) changes.push({ start: m.index, end: m.index + 1, text: "《" }, { start: m.index + m[0].length - 1, end: m.index + m[0].length, text: "》" });
  }
  return changes.sort((a, b) => a.start - b.start);
}

/** The language on each side of a bracket pair: the characters just before and just after it. */
function outsideLang(text: string, open: number, close: number): [Lang, Lang] {
  // Marks converted after the brackets (： ，) are looked through, so both passes see the same sides.
  const before = /([^\s,，.．。:：;；!！?？])[\s,，.．。:：;；!！?？]*$/u.exec(text.slice(Math.max(0, open - 6), open))?.[1] ?? "";
  const after = /^[\s,，.．。:：;；!！?？]*([^\s,，.．。:：;；!！?？])/u.exec(text.slice(close + 1, close + 7))?.[1] ?? "";
  const side = (ch: string): Lang => (HAN.test(ch) || CJK_PUNCT.test(ch) ? "zh" : /[\p{L}\d]/u.test(ch) ? "latin" : null);
  return [side(before), side(after)];
}
