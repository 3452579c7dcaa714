// What the aligner sees of a sentence: its length, its tokens with lookup keys, and its punctuation.
// Keys live in one space shared by all languages, so two tokens match when their keys meet:
//   plain stems        English/Russian stems; a Chinese word carries the stems of its CC-CEDICT glosses
//   "#<n>"             numbers, whatever script wrote them (1990, 一九九〇, thirty, June)
//   "lat:<word>"       Latin-script words (acronyms and names inside Chinese or Russian text)
//   "py:<syllables>"   toneless pinyin of a Chinese word, and every capitalised Latin word (names)
//   "tr:<skeleton>"    consonant skeleton of a longer word in Latin or Cyrillic, between English and
//                      Russian: names and international words (regional / регионального)
import { cut } from "../text/jieba.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../config.js";
import { cedictText } from "../text/cedict.js";
import { Cedict } from "./cedict.js";
import { wordKeys } from "./lexicon.js";
import { digitsKey, numberWord, ZH_NUMERAL, zhNumeral } from "./numbers.js";
import { nameSkeleton } from "./translit.js";

export interface Token {
  /** The word as learned translations refer to it: a Chinese word, or an English/Russian stem. */
  form: string;
  keys: string[];
}

/** Counts of punctuation that translations keep: ? ! quotes : ; … ( . */
export type Punct = readonly number[];

export interface Features {
  /** Characters other than white space. */
  len: number;
  tokens: Token[];
  punct: Punct;
}

// Single quotes count as quotation marks only where they open or close dialogue ('Well? … in?'),
// not as apostrophes (don't).
const PUNCT_CLASSES = [
  /[?？]/g,
  /[!！]/g,
  /["“”„«»「」『』]|(?<=^|\s)['‘](?=\p{L})|(?<=[.,!?;:…—-])['’](?=\s|$)/gu,
  /[:：]/g,
  /[;；]/g,
  /…|\.\.\./g,
  /[(（]/g,
];

function punctuation(text: string): Punct {
  return PUNCT_CLASSES.map((re) => text.match(re)?.length ?? 0);
}

function nonSpaceLength(text: string): number {
  let n = 0;
  for (const ch of text) if (!/\s/.test(ch)) n++;
  return n;
}

let cedict: Cedict | null = null;
let zhStop: Set<string> | null = null;

function dictionary(): Cedict {
  const en = wordKeys("en")!;
  cedict ??= new Cedict(cedictText(), en.stem, en.isStopword);
  return cedict;
}

function zhStopwords(): Set<string> {
  zhStop ??= new Set(
    readFileSync(join(projectRoot, "config", "align", "stopwords-zh.txt"), "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#")),
  );
  return zhStop;
}

const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /^\p{Script=Latin}[\p{Script=Latin}'’-]*$/u;
const DIGITS = /^\d+(?:[.,]\d+)*$/;

/** Features of one sentence in `lang`, with keys for aligning it against `partner`. */
export function features(text: string, lang: string, partner: string): Features {
  const tokens = lang === "zh" ? zhTokens(text, partner) : alphabeticTokens(text, lang, partner !== "zh");
  return { len: nonSpaceLength(text), tokens, punct: punctuation(text) };
}

// Words repeat (Zipf), and a word's keys depend only on it and the partner language: build each once.
const tokenCache = new Map<string, Token | null>();

function cachedToken(key: string, make: () => Token | null): Token | null {
  let token = tokenCache.get(key);
  if (token === undefined) tokenCache.set(key, (token = make()));
  return token;
}

function zhTokens(text: string, partner: string): Token[] {
  const out: Token[] = [];
  for (const word of cut(text)) {
    const token = cachedToken(`zh\0${partner}\0${word}`, () => zhToken(word, partner));
    if (token) out.push(token);
  }
  return out;
}

function zhToken(word: string, partner: string): Token | null {
  const dict = dictionary();
  const keys = new Set<string>();
  if (DIGITS.test(word)) keys.add(digitsKey(word));
  else if (LATIN_WORD.test(word)) addLatin(keys, word);
  else if (!HAN.test(word) || zhStopwords().has(word)) return null;
  else {
    for (const run of word.match(ZH_NUMERAL) ?? []) {
      const value = run.length > 1 || run === word ? zhNumeral(run) : null;
      if (value !== null) keys.add(`#${value}`);
    }
    const parts = dict.has(word) ? [word] : longestMatches(word, dict);
    for (const part of parts) {
      const entry = dict.get(part);
      if (partner === "en") for (const s of entry?.stems ?? []) keys.add(s);
    }
    for (const p of pinyinOf(word, parts, dict)) keys.add(`py:${p}`);
  }
  return keys.size > 0 ? { form: word, keys: [...keys] } : null;
}

/** Greedy longest-match split of an out-of-dictionary word into dictionary words (single characters last). */
function longestMatches(word: string, dict: Cedict): string[] {
  const chars = [...word];
  const out: string[] = [];
  for (let i = 0; i < chars.length; ) {
    let len = Math.min(4, chars.length - i);
    while (len > 1 && !dict.has(chars.slice(i, i + len).join(""))) len--;
    out.push(chars.slice(i, i + len).join(""));
    i += len;
  }
  return out;
}

/** Romanisations of a word: its own readings, else its parts' first readings joined; names also as surname + given name. */
function pinyinOf(word: string, parts: string[], dict: Cedict): string[] {
  const own = dict.get(word)?.pinyin;
  if (own && own.length > 0) return own;
  const joined = parts.map((p) => dict.get(p)?.pinyin[0] ?? "").join("");
  const out = joined ? [joined] : [];
  const chars = [...word];
  if (chars.length >= 2 && chars.length <= 4) {
    const surname = dict.get(chars[0]!)?.pinyin[0];
    const given = chars
      .slice(1)
      .map((c) => dict.get(c)?.pinyin[0] ?? "")
      .join("");
    if (surname && given) out.push(surname, given);
  }
  return out;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
/** Shorter words share skeletons by chance too often to count as cognates. */
const COGNATE_LENGTH = 6;

function alphabeticTokens(text: string, lang: string, cognates: boolean): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0].replace(/['’]s$/i, "");
    const token = cachedToken(`${lang}\0${cognates}\0${raw}`, () => alphabeticToken(raw, lang, cognates));
    if (token) out.push(token);
  }
  return out;
}

function alphabeticToken(raw: string, lang: string, cognates: boolean): Token | null {
  const lower = raw.toLowerCase();
  const keys = new Set<string>();
  const n = numberWord(lower);
  if (/^\d/.test(raw)) {
    if (DIGITS.test(raw)) keys.add(digitsKey(raw));
  } else if (n !== null) keys.add(`#${n}`);
  else {
    const lexicon = wordKeys(lang);
    const stems = lexicon ? lexicon.keys(lower) : [lower];
    for (const s of stems) keys.add(s);
    if (stems.length > 0 && /\p{Script=Latin}/u.test(raw)) addLatin(keys, raw);
    if (stems.length > 0 && cognates && (lower.length >= COGNATE_LENGTH || /^\p{Lu}/u.test(raw))) keys.add(`tr:${nameSkeleton(lower)}`);
  }
  const list = [...keys];
  return list.length > 0 ? { form: list[0]!, keys: list } : null; // no keys: a function word
}

function addLatin(keys: Set<string>, word: string): void {
  const lower = word.toLowerCase();
  keys.add(`lat:${lower}`);
  if (/^\p{Lu}/u.test(word)) keys.add(`py:${lower.replace(/['’-]/g, "")}`);
}
