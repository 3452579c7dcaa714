// Punctuation by the language around it. Chinese text gets ，。：；！？（）《》, English and Russian
// text gets , . : ; ! ? ( ). A mark that ends something takes the language of the text it ends (the
// nearest letter or Han character before it); brackets take the language around the pair; «…» around
// Chinese words are book-title marks 《…》. Points and commas between digits, the point after a
// number (1. 强调) and URLs are left alone.
import type { RuleCounts } from "../../model/schema.js";
import type { Tracked } from "../../model/tracked.js";
import { unitTest } from "../chars.js";
import { guard } from "./protect.js";

const TO_CHINESE = new Map(Object.entries({ ",": "，", ".": "。", "．": "。", ":": "：", ";": "；", "!": "！", "?": "？" }));
const TO_ASCII = new Map(Object.entries({ "，": ",", "．": ".", "。": ".", "：": ":", "；": ";", "！": "!", "？": "?" }));
/** The marks this rule decides: , . : ; ! ? in both widths, and 。. */
const isMark = unitTest(/[,，.．。:：;；!！?？]/);
const LENTICULAR = /\[([^[\]【】]*\p{Script=Han}[^[\]【】]*)】|【([^[\]【】]*)\]/gu;
const GUILLEMETS = /«([^«»]*)»/g;
const BRACKET = /[()（）]/;
const HAN = /\p{Script=Han}/u;
const CJK_PUNCT = /[，。、：；！？（）《》【】「」『』〈〉“”…—]/u;
const LETTER = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;
const CHANGES_IN_CHINESE = /[,.:;!?．]/;
/** Marks this rule converts: they never decide a language, so that a second pass decides as the first. */
const TRANSPARENT = /[,，.．。:：;；!！?？\s\d"'“”‘’*]/u;
const SENTENCE_END = /[。！？!?]/;
// The walks below test text character by character (UTF-16 code units): by table, not by regex.
const isHan = unitTest(HAN);
const isLetter = unitTest(LETTER);
const isCjkPunct = unitTest(CJK_PUNCT);
const isTransparent = unitTest(TRANSPARENT);
const isSentenceEnd = unitTest(SENTENCE_END);
const isSpace = unitTest(/\s/);
const isDigit = unitTest(/\d/);
const DOT = ".".charCodeAt(0);
const EM_DASH = "—".charCodeAt(0);

type Lang = "zh" | "latin" | null;

/** Does the text hold a letter (by UTF-16 unit, as the walks read it)? A Unicode class scan is slower. */
function hasLetter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isLetter(text.charCodeAt(i))) return true;
  return false;
}

function langOf(code: number): Lang {
  if (isHan(code)) return "zh";
  if (isLetter(code)) return "latin";
  return null;
}

/** The language of the text before `index`: the nearest Han character, letter or CJK mark (a URL is skipped). */
function leftLang(text: string, index: number, inUrl: (s: number, e: number) => boolean): Lang {
  for (let i = index - 1, seen = 0; i >= 0 && seen < 12; i--) {
    if (inUrl(i, i + 1)) {
      while (i > 0 && inUrl(i - 1, i)) i--;
      continue;
    }
    const code = text.charCodeAt(i);
    const lang = langOf(code);
    if (lang) return lang;
    if (isCjkPunct(code) && !isTransparent(code) && code !== EM_DASH) return "zh";
    if (!isTransparent(code)) seen++;
  }
  return null;
}

function rightLang(text: string, index: number): Lang {
  for (let i = index + 1, seen = 0; i < text.length && seen < 12; i++) {
    const code = text.charCodeAt(i);
    const lang = langOf(code);
    if (lang) return lang;
    if (!isTransparent(code)) seen++;
  }
  return null;
}

export function punctuation(t: Tracked, counts: RuleCounts): Tracked {
  // Brackets first: a full stop after a closing bracket takes the bracket's language.
  const bracketed = t.edit("clean.punctuation", brackets(t.text, guard(t.text)), counts);
  const text = bracketed.text;
  const inUrl = guard(text);
  let clauses: Uint8Array | null = null;
  const hanClause = (i: number) => (clauses ??= clausesWithHan(text))[i] === 1;
  const changes: Array<{ start: number; end: number; text: string }> = [];
  // Without a letter no mark reads as English, and in Chinese only ASCII marks and ． change.
  const decide = CHANGES_IN_CHINESE.test(text) || hasLetter(text);
  for (let i = 0; decide && i < text.length; i++) {
    if (!isMark(text.charCodeAt(i)) || inUrl(i, i + 1)) continue;
    const ch = text[i]!;
    const before = text.charCodeAt(i - 1);
    const after = text.charCodeAt(i + 1);
    if (isDigit(before) && isDigit(after)) continue; // 1.5, 1,100, 08:00
    if ((ch === "." || ch === ":") && isDigit(before) && !isHan(text.charCodeAt(i - 2))) continue; // 1. 强调, p.474.
    if (ch === "." && (after === DOT || before === DOT)) continue; // ...
    const lang = embedded(text, i, leftLang(text, i, inUrl), rightLang(text, i));
    // A Chinese mark stays in a clause that holds Chinese (Web Server采用 Tomcat。).
    const to = lang === "zh" ? TO_CHINESE.get(ch) : lang === "latin" && !(TO_ASCII.has(ch) && hanClause(i)) ? TO_ASCII.get(ch) : undefined;
    if (to && to !== ch) changes.push({ start: i, end: i + 1, text: to });
  }
  return bracketed.edit("clean.punctuation", changes, counts);
}

/**
 * For every offset, whether the clause that ends there (since the last sentence end) holds a Han
 * character: 1 or 0. One walk for the whole text, as a text may hold many marks to decide.
 */
function clausesWithHan(text: string): Uint8Array {
  const out = new Uint8Array(text.length + 1);
  let han = 0;
  for (let i = 0; i < text.length; i++) {
    out[i] = han;
    const code = text.charCodeAt(i);
    if (isSentenceEnd(code) || (code === DOT && isSpace(text.charCodeAt(i + 1)))) han = 0;
    else if (isHan(code)) han = 1;
  }
  out[text.length] = han;
  return out;
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

const OPEN = "(".charCodeAt(0);
const WIDE_OPEN = "（".charCodeAt(0);
const CLOSE = ")".charCodeAt(0);
const WIDE_CLOSE = "）".charCodeAt(0);

/** Paired brackets and «» in the language around them. */
function brackets(text: string, inUrl: (s: number, e: number) => boolean): Array<{ start: number; end: number; text: string }> {
  // Edits must come in order of position.
  const changes: Array<{ start: number; end: number; text: string }> = [];
  const stack: number[] = [];
  const pairs: Array<[number, number]> = [];
  const any = BRACKET.test(text);
  for (let i = 0; any && i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code === OPEN || code === WIDE_OPEN) && !inUrl(i, i + 1)) stack.push(i);
    else if ((code === CLOSE || code === WIDE_CLOSE) && !inUrl(i, i + 1) && stack.length) pairs.push([stack.pop()!, i]);
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
  for (const m of text.includes("【") || text.includes("】") ? text.matchAll(LENTICULAR) : []) {
    if (m[1] !== undefined) changes.push({ start: m.index, end: m.index + 1, text: "【" });
    else changes.push({ start: m.index + m[0].length - 1, end: m.index + m[0].length, text: "】" });
  }
  for (const m of text.includes("«") ? text.matchAll(GUILLEMETS) : []) {
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
