// The project's sentence splitter: zh, en and ru rule sets, and script fallbacks for the rest.
// One left-to-right pass over the candidate ends a precompiled regex finds; each candidate is
// judged from a few characters around it (the token before, the word after), so the cost is
// linear in the text. What a language knows (abbreviations, quotes, starters) is data in
// config/sentences/, compiled by sentence-rules.ts.
import { rulesFor, type Rules } from "./sentence-rules.js";

/** Half-open UTF-16 offsets of one sentence, without the whitespace around it. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/** Sentences of `text` in order; `lang` is a BCP 47 tag (zh, en, ru, kk, zh-Latn, und…). */
export function splitSentences(text: string, lang: string): SentenceSpan[] {
  return toSpans(text, findEnds(text, rulesFor(lang, text)));
}

export function sentenceTexts(text: string, lang: string): string[] {
  return splitSentences(text, lang).map((s) => text.slice(s.start, s.end));
}

const SPACE = /\s/;
const UPPER = /[\p{Lu}\p{Lt}]/u;
const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const CONTENT = /[\p{L}\p{N}]/u;
const HAN = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;
const LATIN_OR_DIGIT = /[\p{Nd}\p{sc=Latin}\p{sc=Cyrillic}]/u;
const PARAGRAPH = /\n[^\S\n]*\n/;
const ALL_LOWER = /^\p{Ll}{2,}$/u;
const DOTTED = /^(?:\p{L}{1,4}\.)+\p{L}{1,4}$/u; // U.S, e.g, т.е, куб.м, Ph.D
const NUMBERISH = /^[^\p{L}]*\p{N}[^\p{L}]*$/u; // $100.00, 1026.253.553, +39045969798
const LABEL = /^(?:\d{1,3}|\p{L}|[ivxlc]{1,5}|[IVXLC]{1,5})$/u; // 1. a. iv. IV.
const HAS_LOWER = /\p{Ll}/u;
/** What no abbreviation or number contains: a token stops at punctuation, a name's middle dot, PUA glyphs. */
const TOKEN_STOP = /[\s,;，；：、·・\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uE000-\uF8FF\uD800-\uDFFF]/;
const COMMA = new Set([",", ";", ":", "，", "；", "：", "、"]);
const INLINE_SEPARATORS = new Set([",", ";", "，", "；"]);
const COLONS = new Set([":", "：", ";", "；"]);
const NUMBER_SIGNS = new Set(["№", "§", "#"]);
const MAX_TOKEN = 64;

interface Verdict {
  /** Where the sentence ends, or null when the candidate does not end one. */
  end: number | null;
  /** Where to look for the next candidate. */
  resume: number;
}

const endAt = (k: number): Verdict => ({ end: k, resume: k });
const pass = (k: number): Verdict => ({ end: null, resume: k });

/** The character (code point) at i; "" past the end. */
function charAt(text: string, i: number): string {
  const c = text.codePointAt(i);
  return c === undefined ? "" : String.fromCodePoint(c);
}

function charBefore(text: string, i: number): string {
  if (i <= 0) return "";
  const low = text.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text.charAt(i - 1);
}

/** Ideographic and fullwidth punctuation (。！？．) needs no space after it. */
const isWide = (c: string) => c.charCodeAt(0) >= 0x3000;

// ---- the pass

function findEnds(text: string, rules: Rules): number[] {
  const shields = shieldedRanges(text, rules);
  const lists = rules.listLabel ? inlineLists(text, rules.listLabel, rules) : { itemStarts: [], labelDots: new Set<number>() };
  const ends: number[] = [];
  const candidates = new RegExp(rules.candidates);
  let sentence = 0; // where the current sentence began
  let item = 0;
  let shield = 0;
  const cut = (at: number) => {
    ends.push(at);
    sentence = at;
  };
  for (let m = candidates.exec(text); m; m = candidates.exec(text)) {
    const at = m.index;
    for (; item < lists.itemStarts.length && lists.itemStarts[item]! <= at; item++) cut(lists.itemStarts[item]!);
    if (m[0].charCodeAt(0) === 10) {
      cut(at); // a blank line always ends a sentence
      sentence = candidates.lastIndex;
      continue;
    }
    while (shield < shields.length && shields[shield]!.end <= at) shield++;
    if ((shields[shield]?.start ?? Infinity) <= at || lists.labelDots.has(at)) continue;
    const verdict = rules.cjk ? judgeCjk(text, at, rules) : judge(text, at, sentence, rules);
    if (verdict.end !== null) cut(verdict.end);
    candidates.lastIndex = Math.max(verdict.resume, candidates.lastIndex);
  }
  for (; item < lists.itemStarts.length; item++) cut(lists.itemStarts[item]!);
  ends.push(text.length);
  return ends;
}

/** Trimmed, non-empty spans between the ends; a piece with no letter or digit joins the one before. */
function toSpans(text: string, ends: number[]): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let from = 0;
  for (const end of ends) {
    if (end <= from) continue;
    let s = from;
    let e = end;
    while (s < e && SPACE.test(text[s]!)) s++;
    while (e > s && SPACE.test(text[e - 1]!)) e--;
    from = end;
    if (e === s) continue;
    const last = spans[spans.length - 1];
    if (last && !CONTENT.test(text.slice(s, e)) && !PARAGRAPH.test(text.slice(last.end, s))) last.end = e;
    else spans.push({ start: s, end: e });
  }
  return spans;
}

// ---- shielded text: links, e-mail addresses, and the inside of protected pairs

interface Range {
  start: number;
  end: number;
}

function shieldedRanges(text: string, rules: Rules): Range[] {
  const ranges = [...pairRanges(text, rules), ...linkRanges(text)].sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

function pairRanges(text: string, rules: Rules): Range[] {
  const ranges: Range[] = [];
  for (const { open, close: closer, maxLength } of rules.protect) {
    let close = -1; // the nearest closer after the opener, reused while it is still ahead
    for (let i = text.indexOf(open); i !== -1; i = text.indexOf(open, i + 1)) {
      if (close <= i) close = text.indexOf(closer, i + 1);
      if (close === -1) break;
      if (close - i > maxLength || PARAGRAPH.test(text.slice(i, close))) continue;
      ranges.push({ start: i + 1, end: close });
      i = close;
    }
  }
  return ranges;
}

const LINK_START = /:\/\/|www\./g;
const SCHEME = /[A-Za-z0-9+.-]/;
const LINK_STOP = /[\s<>"'«»“”‘’()[\]\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20]/;
const LINK_TAIL = /[.,;:!?*]/;
const MAIL_LOCAL = /[A-Za-z0-9._%+-]/;
const MAIL_DOMAIN = /[A-Za-z0-9.-]/;

function linkRanges(text: string): Range[] {
  const ranges: Range[] = [];
  for (const m of text.matchAll(LINK_START)) {
    if (m.index < (ranges[ranges.length - 1]?.end ?? 0)) continue; // the www. of http://www.
    let start = m.index;
    if (m[0] === "://") while (start > 0 && SCHEME.test(text[start - 1]!)) start--;
    let end = m.index + m[0].length;
    while (end < text.length && !LINK_STOP.test(text[end]!)) end++;
    while (end > start && LINK_TAIL.test(text[end - 1]!)) end--;
    ranges.push({ start, end });
  }
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    let start = at;
    while (start > 0 && MAIL_LOCAL.test(text[start - 1]!)) start--;
    let end = at + 1;
    while (end < text.length && MAIL_DOMAIN.test(text[end]!)) end++;
    while (end > at + 1 && text[end - 1] === ".") end--;
    if (start < at && text.slice(at, end).includes(".")) ranges.push({ start, end });
  }
  return ranges;
}

// ---- inline lists: "1. The first item 2. The second item", "a. … b. … c. …", "• 9. … • 10. …"

interface Label {
  start: number;
  dot: number;
  value: number;
  end: number;
}

interface Lists {
  /** Where an item of a list begins inside running text: a forced sentence start. */
  itemStarts: number[];
  /** Periods of list labels, which never end a sentence. */
  labelDots: Set<number>;
}

function inlineLists(text: string, labelRe: RegExp, rules: Rules): Lists {
  const lists: Lists = { itemStarts: [], labelDots: new Set() };
  const chains = new Map<string, Label[]>(); // one running chain per label style: "1.", "a)", …
  const close = (chain: Label[]) => {
    if (chain.length < 2 || !opensItem(text, chain[0]!.start, rules)) return;
    chain.forEach((label, k) => {
      if (label.dot >= 0) lists.labelDots.add(label.dot);
      // "Вот список: 1. мороженое, 2. мясо" lists items inside one sentence
      if (k > 0 && !INLINE_SEPARATORS.has(visibleBefore(text, label.start))) lists.itemStarts.push(label.start);
    });
  };
  for (const m of text.matchAll(labelRe)) {
    const name = m[1]!;
    const style = m[2]!;
    const alpha = !DIGIT.test(name);
    const label: Label = {
      start: m.index,
      dot: style.startsWith(".") ? m.index + m[0].length - style.length : -1,
      value: alpha ? name.charCodeAt(0) - 96 : Number(name),
      end: m.index + m[0].length,
    };
    const key = (alpha ? "a" : "1") + style;
    const chain = chains.get(key);
    const last = chain?.[chain.length - 1];
    if (chain && last && label.value === last.value + 1 && !PARAGRAPH.test(text.slice(last.end, label.start))) {
      chain.push(label);
    } else {
      if (chain) close(chain);
      // a lettered list starts at a.; a numbered one anywhere ("• 9. … • 10. …")
      if (!alpha || label.value === 1) chains.set(key, [label]);
      else chains.delete(key);
    }
  }
  for (const chain of chains.values()) close(chain);
  lists.itemStarts.sort((a, b) => a - b);
  return lists;
}

function visibleBefore(text: string, i: number): string {
  let p = i;
  while (p > 0 && SPACE.test(text[p - 1]!)) p--;
  return charBefore(text, p);
}

/** A list starts a paragraph, or follows a colon or the end of a sentence. */
function opensItem(text: string, i: number, rules: Rules): boolean {
  const c = visibleBefore(text, i);
  return c === "" || COLONS.has(c) || rules.terminators.has(c) || rules.periods.has(c) || rules.closers.has(c);
}

// ---- what surrounds a candidate

/** Past the end's own run: more enders, closing quotes and brackets, a glued footnote marker. */
function clusterEnd(text: string, from: number, rules: Rules): number {
  let j = from;
  for (;;) {
    const c = charAt(text, j);
    if (c === "") return j;
    if (rules.closers.has(c) || rules.terminators.has(c) || rules.periods.has(c) || rules.ellipses.has(c)) {
      j += c.length;
      continue;
    }
    rules.citation.lastIndex = j;
    const m = rules.citation.exec(text);
    if (m === null || m[0].length === 0) return j;
    j += m[0].length;
  }
}

interface Ahead {
  /** End of text or a blank line: the sentence ends whatever came before. */
  stop: boolean;
  /** Whitespace between the end and what follows. */
  gap: boolean;
  /** The first visible character. */
  first: string;
  /** A dash came first: the author's words after direct speech. */
  dashed: boolean;
  /** The first character after any dash and opening quotes or brackets. */
  lead: string;
  /** The letters from lead on. */
  word: string;
  /** The word is a single letter followed by a period: an initial. */
  initial: boolean;
}

function lookAhead(text: string, k: number, rules: Rules): Ahead {
  let p = k;
  let newlines = 0;
  while (p < text.length && SPACE.test(text[p]!)) if (text[p++] === "\n") newlines++;
  const first = charAt(text, p);
  let q = p;
  const dashed = rules.dashes.has(first);
  if (dashed) while (q < text.length && (rules.dashes.has(text[q]!) || SPACE.test(text[q]!))) q++;
  while (q < text.length && rules.openers.has(text[q]!)) q++;
  let w = q;
  while (w < text.length && w - q < 40 && LETTER.test(text[w]!)) w++;
  return {
    stop: p >= text.length || newlines >= 2,
    gap: p > k,
    first,
    dashed,
    lead: charAt(text, q),
    word: text.slice(q, w),
    initial: w - q === 1 && rules.periods.has(charAt(text, w)),
  };
}

interface Token {
  start: number;
  text: string;
}

/** The run before i up to a space, comma or Han character, without quotes, brackets and bullets. */
function tokenBefore(text: string, i: number, rules: Rules): Token {
  let s = i;
  while (s > 0 && i - s < MAX_TOKEN && !TOKEN_STOP.test(text[s - 1]!) && !HAN.test(text[s - 1]!)) s--;
  let e = i;
  while (s < e && (rules.openers.has(text[s]!) || rules.bullets.has(text[s]!))) s++;
  while (e > s && rules.closers.has(text[e - 1]!)) e--;
  return { start: s, text: text.slice(s, e) };
}

type Kind = "word" | "number" | "prepositive" | "numeric" | "ambiguous";

function classify(token: string, rules: Rules): Kind {
  if (token.includes("@") || token.includes("://") || /^www\./i.test(token)) return "word";
  if (token.length === 1 && UPPER.test(token)) return "ambiguous"; // an initial, or the pronoun I
  const lower = token.toLowerCase();
  if (rules.prepositive.has(lower)) return "prepositive";
  if (rules.numeric.has(lower)) return "numeric";
  if (rules.ambiguous.has(lower) || DOTTED.test(token) || (token.length === 1 && LETTER.test(token))) return "ambiguous";
  return NUMBERISH.test(token) ? "number" : "word";
}

/** Only whitespace, bullets and openers stand between the sentence start and i. */
function startsSentence(text: string, sentence: number, i: number, rules: Rules): boolean {
  let p = sentence;
  while (p < i && (SPACE.test(text[p]!) || rules.bullets.has(text[p]!) || rules.openers.has(text[p]!))) p++;
  return p === i;
}

/** Words of the current sentence before i, counted up to max. */
function wordsBefore(text: string, sentence: number, i: number, max: number): number {
  let words = 0;
  let inWord = false;
  for (let p = i - 1; p >= sentence && words < max; p--) {
    const space = SPACE.test(text[p]!);
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

// ---- alphabetic scripts

function judge(text: string, at: number, sentence: number, rules: Rules): Verdict {
  const c = charAt(text, at);
  if (rules.periods.has(c)) {
    const run = dotRun(text, at, rules);
    return run.count >= 3 ? judgeEllipsis(text, at, run, rules) : judgePeriod(text, at, run.end, sentence, rules);
  }
  if (rules.ellipses.has(c)) return judgeEllipsis(text, at, { count: 3, spaced: false, end: at + c.length }, rules);
  return judgeStrong(text, c, clusterEnd(text, at + c.length, rules), rules);
}

interface DotRun {
  count: number;
  /** Dots separated by single spaces: ". . ." */
  spaced: boolean;
  end: number;
}

function dotRun(text: string, at: number, rules: Rules): DotRun {
  const run: DotRun = { count: 0, spaced: false, end: at };
  for (;;) {
    const c = charAt(text, run.end);
    if (rules.periods.has(c)) {
      run.count++;
      run.end += c.length;
    } else if (text[run.end] === " " && text[run.end + 1] === ".") {
      run.spaced = true;
      run.end++;
    } else {
      return run;
    }
  }
}

/** "...", "…", ". . .", "....": an ellipsis ends a sentence only before a capital. */
function judgeEllipsis(text: string, at: number, run: DotRun, rules: Rules): Verdict {
  const k = clusterEnd(text, run.end, rules);
  const next = lookAhead(text, k, rules);
  if (next.stop) return endAt(k);
  const capital = next.gap && UPPER.test(next.lead);
  if (run.count >= 4 && run.spaced && text[at + 1] === " " && !SPACE.test(charBefore(text, at) || " ")) {
    // "compounds. . . . The practice": the period ends the sentence, the ellipsis opens the next
    return capital ? endAt(at + 1) : pass(k);
  }
  if (run.count === 3 && run.spaced) return pass(k); // ". . ." marks an omission inside a sentence
  return capital ? endAt(k) : pass(k);
}

/** !, ?, 。 and their runs. */
function judgeStrong(text: string, c: string, k: number, rules: Rules): Verdict {
  const next = lookAhead(text, k, rules);
  if (next.stop) return endAt(k);
  if (COMMA.has(next.first)) return pass(k);
  if (!next.gap) return isWide(c) || (next.first !== next.lead && UPPER.test(next.lead)) ? endAt(k) : pass(k);
  if (LOWER.test(next.lead)) return rules.breakBeforeLowercase.has(c) && !next.dashed ? endAt(k) : pass(k);
  return endAt(k);
}

function judgePeriod(text: string, at: number, coreEnd: number, sentence: number, rules: Rules): Verdict {
  const k = clusterEnd(text, coreEnd, rules);
  for (let j = coreEnd; j < k; j++) if (rules.terminators.has(text[j]!)) return judgeStrong(text, text[j]!, k, rules); // "дол.!"
  const next = lookAhead(text, k, rules);
  if (next.stop) return endAt(k);
  // the common cases first, before looking at the token: 3.5, e.g.x, "co. at", "etc., and"
  if (next.gap ? COMMA.has(next.first) || LOWER.test(next.lead) : !UPPER.test(next.lead)) return pass(k);
  const token = tokenBefore(text, at, rules);
  if (LABEL.test(token.text) && startsSentence(text, sentence, token.start, rules)) return pass(k); // "1. The first item"
  const kind = classify(token.text, rules);
  if (!next.gap) return gluedEnd(text, at, token, kind, next) ? endAt(k) : pass(k);
  if (kind === "prepositive") return pass(k);
  if (DIGIT.test(next.lead) || NUMBER_SIGNS.has(next.lead)) return kind === "word" || kind === "number" ? endAt(k) : pass(k);
  if (kind === "ambiguous") {
    // "Co. It closed", "the U.S. How": an ambiguous abbreviation ends a sentence before a typical first word
    const starts = !next.initial && rules.starters.has(next.word);
    return starts && wordsBefore(text, sentence, at, rules.minWords) >= rules.minWords ? endAt(k) : pass(k);
  }
  return endAt(k);
}

/** A period with no space after it: "stability．Over", "жағдайы.XVIII", "9006.«В Казахстане". */
function gluedEnd(text: string, at: number, token: Token, kind: Kind, next: Ahead): boolean {
  if (kind !== "word" && kind !== "number") return false;
  if (next.first !== next.lead) return true; // an opening quote or bracket in between
  // an all-capital token is an acronym or a Roman numeral ("IV．China"), not the end of a sentence
  return kind === "word" && (isWide(charAt(text, at)) ? HAS_LOWER.test(token.text) : ALL_LOWER.test(token.text));
}

// ---- Han script

function judgeCjk(text: string, at: number, rules: Rules): Verdict {
  const c = charAt(text, at);
  const after = at + c.length;
  if (rules.ellipses.has(c)) {
    let end = after;
    while (rules.ellipses.has(text[end] ?? "")) end++;
    return end - at >= rules.ellipsisMinRun ? cjkEnd(text, end, rules) : pass(end);
  }
  if (isWide(c) && !rules.periods.has(c)) return cjkEnd(text, after, rules); // 。！？
  if (rules.periods.has(charAt(text, after))) {
    // a run of periods is a dot leader or an ellipsis, not an end
    let end = after;
    while (rules.periods.has(charAt(text, end))) end += charAt(text, end).length;
    return pass(end);
  }
  const before = charBefore(text, at);
  if (before === "" || SPACE.test(before) || DIGIT.test(before)) return pass(after); // 2013.2, 1. 强调
  if (LETTER.test(before) && !HAN.test(before)) {
    // after a Latin or Cyrillic word (not an initial or abbreviation) only when Chinese follows
    const k = clusterEnd(text, after, rules);
    let p = k;
    while (p < text.length && SPACE.test(text[p]!)) p++;
    if (p < text.length && !HAN.test(charAt(text, p))) return pass(k);
    const kind = rules.periods.has(c) ? classify(tokenBefore(text, at, rules).text, rules) : "word";
    return kind === "word" || kind === "number" ? endAt(k) : pass(k);
  }
  // after a Han character or a closer: 日.http://… goes on, 期限.SeeAlexander… starts a sentence
  const k = clusterEnd(text, after, rules);
  const next = charAt(text, k);
  return LATIN_OR_DIGIT.test(next) && !UPPER.test(next) ? pass(k) : cjkEnd(text, k, rules);
}

/** The end of a Chinese sentence, with its closers and marker, unless a comma follows. */
function cjkEnd(text: string, from: number, rules: Rules): Verdict {
  const k = clusterEnd(text, from, rules);
  let p = k;
  while (p < text.length && SPACE.test(text[p]!)) p++;
  return COMMA.has(text[p] ?? "") ? pass(k) : endAt(k);
}
