// OCR letter errors, corrected only where a lexicon makes the reading certain: letters read for
// digits in numbers (2Ol5, l0月), confusable letters in English words (normaI leve1, contro1,
// fornlulation, eoneemed), words split (turm oil) or glued (ModelofRegionalCooperation), Roman
// numerals misread in headings (H．, HI．) and Latin letters read for a Han character (人El → 人口).
// URLs, e-mail addresses and DOIs are never touched; capitalised words not in the lexicon (names)
// are changed only when they hold a digit or a capital I inside a lower-case word.
import type { RuleCounts } from "../../model/schema.js";
import type { Tracked } from "../../model/tracked.js";
import { readConfig } from "../data.js";
import { forEachLatinRun, isPairAt } from "../chars.js";
import { byWord, frequency, isChineseWord, isKnown, isWord, knownAt } from "../lexicon.js";
import { guard } from "./protect.js";

interface OcrData {
  confusions: Array<[string, string]>;
  maxEdits: number;
  minFrequency: number;
  digitLetters: Record<string, string>;
  dateAfter: string;
  hanMisreads: Record<string, string>;
  prefixes: string[];
  split: { minFrequency: number };
  glued: { minLength: number; minPieceFrequency: number; shortPieceFrequency: number; shortPiecePenalty: number; pieceCost: number };
}

const data = readConfig<OcrData>("ocr.json");
// The word patterns test their first character before looking behind it: V8 then scans for that
// character instead of trying the lookbehind at every position (the same matches, far faster).
const NUMBER_TOKEN = /(?=[\dlIOo])(?<![A-Za-z\d])[\dlIOo]*\d[\dlIOo]*(?![A-Za-z\d])/gu;
const DATE_AFTER = new RegExp(`^${data.dateAfter}`, "u");
const WORD_TOKEN = /[A-Za-z|](?<![\p{L}\d|'’-][A-Za-z|])[A-Za-z01|]*(?![\p{L}\d|'’-])/gu;
const WORD = /[A-Za-z](?<![\p{L}\d'’-][A-Za-z])[A-Za-z]*(?![\p{L}\d'’-])/gu;
const LETTERS = /[A-Za-z](?<!\p{L}[A-Za-z])[A-Za-z]{3,}(?!\p{L})/gu;
const POSSESSIVE = /(?<=\p{L}[’']s)(?=\p{Lu}\p{Ll})/gu;
const FUNCTION_WORD = /^(?:a|an|and|as|at|by|for|from|in|into|of|on|or|the|to|with|within|between|among)$/i;
const TRAILING_FUNCTION_WORD = /^(\p{L}{4,}?)(and|of|the|into|for|with|within|from|between|among)$/u;
const HAN = /\p{Script=Han}/u;
const MISREAD = new RegExp(`(?<=\\p{Script=Han})(?:${Object.keys(data.hanMisreads).join("|")})(?=\\p{Script=Han})`, "gu");
const ROMAN = /^(?:H|HI|IH|Hl|lH|Il|lI|ll|lll|IIl|lII)(?=[.．]\s*\p{Lu})/u;

/** Rule clean.ocr-digit: l, I, O, o inside a number are 1 and 0 (2Ol5, 3210O4; l0月 before a date unit). */
export function ocrDigits(t: Tracked, counts: RuleCounts): Tracked {
  const inUrl = guard(t.text);
  return t.replace(
    NUMBER_TOKEN,
    "clean.ocr-digit",
    (m) => {
      const token = m[0];
      if (!/[lIOo]/.test(token) || inUrl(m.index, m.index + token.length)) return token;
      const digits = token.replace(/\D/g, "").length;
      const dated = DATE_AFTER.test(m.input.slice(m.index + token.length));
      if (digits < 2 && !dated) return token;
      return [...token].map((c) => data.digitLetters[c] ?? c).join("");
    },
    counts,
  );
}

/** All readings of a token under the confusion pairs, with at most `maxEdits` substitutions. */
function readings(token: string): Set<string> {
  const out = new Set<string>();
  const walk = (prefix: string, rest: string, edits: number) => {
    if (out.size > 5000) return;
    if (rest === "") {
      out.add(prefix);
      return;
    }
    walk(prefix + rest[0], rest.slice(1), edits);
    if (edits >= data.maxEdits) return;
    for (const [from, to] of data.confusions) if (rest.startsWith(from)) walk(prefix + to, rest.slice(from.length), edits + 1);
  };
  walk("", token, 0);
  for (const r of out) if (r.toLowerCase() === token.toLowerCase()) out.delete(r);
  return out;
}

/** The neighbouring tokens of an offset are English words: the token sits in English text. */
function inEnglish(text: string, start: number, end: number): boolean {
  const before = /([A-Za-z]+)[^A-Za-z\p{Script=Han}]{1,12}$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1];
  const after = /^[^A-Za-z\p{Script=Han}]{1,12}([A-Za-z]+)/u.exec(text.slice(end, end + 40))?.[1];
  return [before, after].some((w) => w !== undefined && w.length >= 2 && isWord(w));
}

/**
 * Rule clean.ocr-word: a token that is no word but whose confusable letters read as one (normaI,
 * leve1, fornlulation, eoneemed), and a short capitalised token in lower-case prose whose every letter
 * is a confusion of a far more frequent word (force OD the issue → on).
 */
export function ocrWords(t: Tracked, counts: RuleCounts): Tracked {
  const inUrl = guard(t.text);
  return t.replace(
    WORD_TOKEN,
    "clean.ocr-word",
    (m) => {
      const token = m[0];
      if (neverRead(token)) return token;
      const end = m.index + token.length;
      const capitals = twoCapitals(token) && /[a-z]\s$/.test(m.input.slice(Math.max(0, m.index - 2), m.index)) && /^\s[a-z]/.test(m.input.slice(end, end + 2));
      const broken = isBroken(token);
      if ((!capitals && !broken) || (broken && isKnown(token)) || inUrl(m.index, end) || !inEnglish(m.input, m.index, end)) return token;
      return capitals ? wholeMisread(token) : brokenRepair(token);
    },
    counts,
  );
}

const twoCapitals = (token: string) => token.length === 2 && /^\p{Lu}+$/u.test(token);
const isBroken = (token: string) => /[01|]/.test(token) || /\p{Ll}I/u.test(token) || /^[a-z]+$/.test(token);
/** A token the rule keeps wherever it stands: a known word, or no candidate for either repair. */
const neverRead = byWord((token) => token.length < 2 || (!twoCapitals(token) && (!isBroken(token) || isKnown(token))));

/** The reading of a broken token: its most frequent reading, in the token's case; or the token. */
const brokenRepair = byWord((token) => {
  const best = bestReading(token, () => true);
  if (!best || frequency(best) < data.minFrequency) return token;
  const capital = /^\p{Lu}\p{Ll}/u.test(token) || (/^\p{Lu}/u.test(token) && token.length > 2 && !/^\p{Lu}+$/u.test(token));
  return capital ? best[0]!.toUpperCase() + best.slice(1).toLowerCase() : best.toLowerCase();
});

/** The most frequent reading (lower case) allowed by `accept`, or null when none or two tie. */
function bestReading(token: string, accept: (reading: string) => boolean): string | null {
  let best = "";
  let bestCount = 0;
  let tie = false;
  for (const r of readings(token)) {
    if (/[01|]/.test(r) || !accept(r)) continue;
    const n = frequency(r);
    if (n > bestCount) [best, bestCount, tie] = [r.toLowerCase(), n, false];
    else if (n === bestCount && n > 0 && r.toLowerCase() !== best) tie = true;
  }
  return best && !tie ? best : null;
}

/** A two-capital token every letter of which was misread from a far more frequent word. */
function wholeMisread(token: string): string {
  const best = bestReading(token, (r) => [...r].every((c, i) => c !== token[i]));
  return best && frequency(best) >= 100 * Math.max(1, frequency(token)) ? best : token;
}

/** A word of the lexicon frequent enough to trust as a repair (single letters other than a and I are not). */
function trusted(word: string, min: number): boolean {
  return isWord(word) && frequency(word) >= min;
}

const word = knownAt(data.split.minFrequency);
const SPACE = 0x20;

/** Rule clean.split-word: two fragments that make one word (turm oil, infl uence, Af ghanistan, Th e). */
export function splitWords(t: Tracked, counts: RuleCounts): Tracked {
  const text = t.text;
  const inUrl = guard(text);
  const changes: Array<{ start: number; end: number; text: string }> = [];
  let a: RegExpExecArray | null = null;
  for (const b of text.matchAll(WORD)) {
    const end = b.index + b[0].length;
    const first = b[0].charCodeAt(0);
    // A lone first letter is a unit or an initial (600 m in), not half a word.
    if (!a || b.index !== a.index + a[0].length + 1 || text.charCodeAt(b.index - 1) !== SPACE || first < 97 || first > 122 || a[0].length < 2) {
      a = b;
      continue;
    }
    if (inUrl(a.index, end) || (word(a[0]) && word(b[0])) || !trusted(a[0] + b[0], data.split.minFrequency)) {
      a = b;
      continue;
    }
    changes.push({ start: a.index, end, text: a[0] + b[0] });
    a = null; // the second fragment starts no pair
  }
  return t.edit("clean.split-word", changes, counts);
}

/**
 * Rule clean.glued-word: words run together. In text whose words are mostly run together (mean
 * word length 8 or more) and in camel-case runs (ModelofRegionalCooperation), every part that is no
 * word is split into frequent words; in ordinary prose only into two words of five letters or more,
 * or a word and a function word (smallsubsistence, Universityof). A closed compound whose first part
 * is a prefix (counterterrorism, nontraditional) is left whole.
 */
export function gluedWords(t: Tracked, counts: RuleCounts): Tracked {
  const glued = runTogether(t.text);
  const inUrl = guard(t.text);
  const out = glued ? t.replace(POSSESSIVE, "clean.glued-word", (m) => (inUrl(m.index, m.index) ? "" : " "), counts) : t;
  const inUrlNow = guard(out.text);
  const split = glued ? splitRunTogether : splitInProse;
  return out.replace(
    LETTERS,
    "clean.glued-word",
    (m) => {
      const token = m[0];
      if (isKnown(token) || inUrlNow(m.index, m.index + token.length)) return token;
      return split(token);
    },
    counts,
  );
}

/** A token that is no word, split: in text run together every part that is no word; in prose only into two words. */
function splitToken(token: string, glued: boolean): string {
  const parts = camelParts(token);
  if (parts.length === 1 && !glued) return twoWords(token) ?? token;
  return parts.map((part) => (isKnown(part) ? part : splitPart(part))).join(" ");
}

const splitRunTogether = byWord((token) => splitToken(token, true));
const splitInProse = byWord((token) => splitToken(token, false));

/**
 * Is the text's Latin mostly run together: four or more words (runs of two or more Latin letters)
 * whose mean length (in UTF-16 units) is 8 or more?
 */
function runTogether(text: string): boolean {
  let words = 0;
  let units = 0;
  forEachLatinRun(text, (start, end) => {
    if (end - start < 2 || (end - start === 2 && isPairAt(text, start))) return; // one letter
    words++;
    units += end - start;
  });
  return words >= 4 && units / words >= 8;
}

/**
 * A part of a run-together token: a lower-case run splits into frequent words; a capitalised one is
 * a name or a word the lexicon may lack, so only function words run onto its end come off
 * (Mostafaand → Mostafa and, Whya → Why a).
 */
function splitPart(part: string): string {
  if (/^\p{Ll}/u.test(part)) return segment(part) ?? part;
  const tail = segment(part)?.split(" ");
  if (tail && isKnown(tail[0]!) && tail.slice(1).every((w) => FUNCTION_WORD.test(w))) return tail.join(" ");
  return peel(part) ?? part;
}

/** Function words run onto the end of a part of four letters or more (Challengesoran → Challenges or an). */
function peel(part: string): string | null {
  const m = TRAILING_FUNCTION_WORD.exec(part);
  if (!m) return null;
  return `${peel(m[1]!) ?? m[1]} ${m[2]}`;
}

/** A split of a prose token into two words, as ordinary prose allows (smallsubsistence, Universityof). */
function twoWords(token: string): string | null {
  const lower = /^\p{Ll}+$/u.test(token);
  if (token.length < data.glued.minLength || !/^\p{L}\p{Ll}+$/u.test(token)) return null;
  const split = segment(token);
  const pieces = split?.split(" ") ?? [];
  if (pieces.length !== 2) return null;
  const [a, b] = pieces as [string, string];
  // A capitalised token may be a name (Saferworld): only a function word comes off it (Universityof).
  const ok = (lower && a.length >= 5 && b.length >= 5) || (FUNCTION_WORD.test(a) && b.length >= 4) || (FUNCTION_WORD.test(b) && a.length >= 4);
  return ok ? split : null;
}

/** Cut at a lower-case letter followed by a capital, when the part before is a word or 3+ letters. */
function camelParts(token: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let i = 1; i < token.length; i++) {
    if (!/\p{Ll}/u.test(token[i - 1]!) || !/\p{Lu}/u.test(token[i]!)) continue;
    const part = token.slice(from, i);
    if (part.length >= 3 || isWord(part)) {
      parts.push(part);
      from = i;
    }
  }
  parts.push(token.slice(from));
  return parts;
}

/** The most likely split of a lower-case run into frequent words, or null when there is none. */
function segment(part: string): string | null {
  const word = part.toLowerCase();
  const best: Array<{ cost: number; cut: number } | null> = [{ cost: 0, cut: 0 }];
  for (let end = 1; end <= word.length; end++) {
    best[end] = null;
    for (let start = Math.max(0, end - 20); start < end; start++) {
      const prev = best[start];
      const piece = word.slice(start, end);
      if (!prev || !trusted(piece, data.glued.minPieceFrequency) || (piece.length === 1 && piece !== "a")) continue;
      // Short pieces are where false splits come from: only function words and very common words.
      if (piece.length <= 3 && !FUNCTION_WORD.test(piece) && frequency(piece) < data.glued.shortPieceFrequency) continue;
      const short = piece.length <= 3 && !FUNCTION_WORD.test(piece) ? data.glued.shortPiecePenalty : 0;
      const cost = prev.cost + data.glued.pieceCost + short - Math.log(frequency(piece));
      if (!best[end] || cost < best[end]!.cost) best[end] = { cost, cut: start };
    }
  }
  if (!best[word.length]) return null;
  const pieces: string[] = [];
  for (let end = word.length; end > 0; end = best[end]!.cut) pieces.unshift(part.slice(best[end]!.cut, end));
  // A closed compound (counterterrorism, nontraditional) is a word, not two.
  if (pieces.length < 2 || data.prefixes.includes(pieces[0]!.toLowerCase())) return null;
  return pieces.join(" ");
}

/** Rule clean.roman-numeral: H． / HI． opening a heading are the numerals II and III. */
export function romanNumerals(t: Tracked, counts: RuleCounts): Tracked {
  return t.replace(new RegExp(ROMAN.source, "gu"), "clean.roman-numeral", (m) => m[0].replace(/H/g, "II").replace(/l/g, "I"), counts);
}

/** Rule clean.ocr-han: Latin letters read for a Han character, where the dictionary confirms the word (人El → 人口). */
export function ocrHan(t: Tracked, counts: RuleCounts): Tracked {
  return t.replace(
    MISREAD,
    "clean.ocr-han",
    (m) => {
      const han = data.hanMisreads[m[0]]!;
      const before = m.input[m.index - 1] ?? "";
      const after = m.input[m.index + m[0].length] ?? "";
      return HAN.test(before) && (isChineseWord(before + han) || isChineseWord(han + after)) ? han : m[0];
    },
    counts,
  );
}

const HEADING_DASH = /^(#{1,6}\s+|)[—―－](?=\s*$|、)/gu;

/** Rule clean.ocr-numeral: a dash read for the numeral 一 where a heading number stands (## —, —、). */
export function headingNumerals(t: Tracked, counts: RuleCounts): Tracked {
  return t.replace(HEADING_DASH, "clean.ocr-numeral", (m) => `${m[1]}一`, counts);
}
