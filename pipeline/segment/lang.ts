// Language of a passage, and the runs inside it written in another script (Dolma-style spans).
// Script decides first: it is cheap and all but certain. Only within one script is finer evidence
// needed: pinyin parsing for Latin, language-specific letters for Cyrillic, then franc's trigrams.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { projectRoot } from "../config.js";
import type { LangSpan } from "../model/schema.js";
import { francScores } from "./trigrams.js";

export type { LangSpan };

// ---- scripts

const NONE = 0; // digits, spaces, punctuation, symbols, private use: no language in them
const HAN = 1;
const LATIN = 2;
const CYRL = 3;
const OTHER = 4; // letters of scripts not modelled here (Greek, kana, Arabic…)
const MARK = 5; // combining mark: part of the letter before it

/** One Han character carries about as much text as 3–4 Latin letters. */
const HAN_WEIGHT = 3.5;

const LETTER = /\p{L}/u;

function scriptOf(cp: number): number {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ? LATIN : NONE;
  if (cp >= 0x4e00 && cp <= 0x9fff) return HAN;
  if (cp >= 0x0400 && cp <= 0x052f) return CYRL;
  if (cp >= 0xc0 && cp <= 0x24f) return cp === 0xd7 || cp === 0xf7 ? NONE : LATIN;
  if (cp >= 0x300 && cp <= 0x36f) return MARK;
  if (cp >= 0x1e00 && cp <= 0x1eff) return LATIN;
  if ((cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3ffff)) return HAN;
  if (cp === 0x3005 || cp === 0x3007) return HAN; // 々 and 〇, as in 二〇一二年
  if ((cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a)) return LATIN; // fullwidth
  if ((cp >= 0x1c80 && cp <= 0x1c8f) || (cp >= 0x2de0 && cp <= 0x2dff) || (cp >= 0xa640 && cp <= 0xa69f)) return CYRL;
  // Punctuation blocks and private use (OCR glyphs) are common in this text: skip the regex for them.
  if ((cp >= 0x2000 && cp <= 0x2bff) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xe000 && cp <= 0xf8ff)) return NONE;
  if ((cp >= 0xff00 && cp <= 0xffef) || cp >= 0xf0000) return NONE;
  return LETTER.test(String.fromCodePoint(cp)) ? OTHER : NONE;
}

function codePoint(text: string, i: number): number {
  return text.codePointAt(i) ?? 0;
}

// ---- markup and links

// Markup, links, e-mail addresses and file paths are not language. Markup is transparent; a link
// also ends any run it interrupts, since the words on either side need not belong together.
const JOIN = 1;
const BREAK = 2;

const TAG = /<\/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,300})?\/?>|&[A-Za-z]{2,8};/g;
// Link-like tokens: ASCII plus fullwidth forms and private-use glyphs, which OCR of some PDFs puts
// in place of dots, digits and hyphens inside URLs ("www\u{1001B0}fmprc", "special\uFF27interest").
const URL_TOKEN = /[!-~\uFF01-\uFF5E\uE000-\uF8FF\u{F0000}-\u{10FFFF}]+/gu;
const LINK_START = /(?:https?|ftp|file|mailto):|www[.\p{Co}]/iu;
// A slash or @ inside a token, a page suffix, or a suffix left alone by a line break in a URL.
const PATHLIKE = /[A-Za-z0-9\uFF10-\uFF19][/@](?:[A-Za-z0-9]|$)|[.\p{Co}](?:s?html?|pdf|php|aspx?)\b|^(?:s?html?|php|aspx?)$/iu;

const BARE_SUFFIX = /^(?:s?html?|php|aspx?)$/i;

/**
 * Could PATHLIKE or LINK_START match? Not without one of / @ . : or a character past ASCII, unless
 * the token is a bare page suffix. Most tokens are plain words: this saves the two regexes.
 */
function mayBeLink(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c === 0x2f || c === 0x40 || c === 0x2e || c === 0x3a || c > 0x7e) return true;
  }
  return token.length <= 5 && BARE_SUFFIX.test(token);
}

function neutralMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  for (const m of text.matchAll(TAG)) mask.fill(JOIN, m.index, m.index + m[0].length);
  for (const m of text.matchAll(URL_TOKEN)) {
    const token = m[0];
    if (!mayBeLink(token)) continue;
    const end = m.index + token.length;
    if (PATHLIKE.test(token)) mask.fill(BREAK, m.index, end);
    else {
      const at = token.search(LINK_START);
      if (at >= 0) mask.fill(BREAK, m.index + at, end);
    }
  }
  return mask;
}

// ---- configuration (fixed size, read once)

const CandidatesSchema = z.object({
  minLetters: z.number().int().nonnegative(),
  margin: z.number().min(0).max(1),
  languages: z.record(z.string().regex(/^[a-z]{3}$/), z.string().min(2)),
});

interface LangConfig {
  minLetters: number;
  margin: number;
  /** franc (ISO 639-3) code → BCP 47 tag. */
  languages: Record<string, string>;
  codes: string[];
  syllables: Set<string>;
}

let loaded: LangConfig | undefined;

function langConfig(): LangConfig {
  if (loaded) return loaded;
  const dir = join(projectRoot, "config", "lang");
  const candidates = CandidatesSchema.parse(JSON.parse(readFileSync(join(dir, "candidates.json"), "utf8")));
  const syllables = new Set(
    readFileSync(join(dir, "pinyin-syllables.txt"), "utf8")
      .split("\n")
      .flatMap((line) => line.replace(/#.*/, "").trim().split(/\s+/))
      .filter((s) => s !== ""),
  );
  loaded = { ...candidates, codes: Object.keys(candidates.languages), syllables };
  return loaded;
}

/** franc restricted to the candidates; anything but the fallback must beat it by the margin. */
function francPick(sample: string, fallback: "eng" | "rus"): string {
  const cfg = langConfig();
  const fallbackTag = cfg.languages[fallback] ?? fallback.slice(0, 2);
  const scores = francScores(sample, cfg.codes, fallback === "eng" ? "Latin" : "Cyrillic");
  const [top, topScore] = scores[0] ?? ["und", 0];
  if (top === "und" || top === fallback) return fallbackTag;
  const fallbackScore = scores.find(([code]) => code === fallback)?.[1] ?? 0;
  return topScore - fallbackScore >= cfg.margin ? (cfg.languages[top] ?? fallbackTag) : fallbackTag;
}

// ---- pinyin

// English (and a few French/German) words that happen to split into pinyin syllables. They count
// against pinyin unless they carry tone marks, so "He long ago made a change" stays English.
const FALSE_FRIENDS = new Set(
  `an he she me men man can ban fan pan tan ran hang bang gang sang tang long longer song gong
  change die lie pie tie sue due hue cue tea age ate are area era more one eye sea
  made make same game name came face pace case rise like rule pose share time huge anti
  ding ping ming bin pin sun gun run hen pen den zen you mean lean dean bone pole mole bole
  line mine dine pine nine shine sure pure cure lure guide side ride tide suite gate date late mate
  hate fate bake cake lake take sake wake fake shade fade wade bane lane mane pane sane cane wane
  dune tune rune gene shame tame lame dame seen june human taken asia asian china chinese
  nature future mature ensure guarantee enhance decade meeting defense deepen along
  de la le ne se te ce en du da que sie eine beide bei`
    .split(/\s+/)
    .filter((w) => w !== ""),
);

// Spellings common in pinyin (x, q, z, zh, uo, iu…) but rare in English words that parse as pinyin.
const PINYIN_EVIDENCE = /[xqz]|uo|iu|ao|ui|ian|uan|ai$|ei$|ou$|ng[^aeiou]/;
const TONE_MARK = /[\u0300\u0301\u0304\u030c]/; // grave, acute, macron, caron
const APOSTROPHE = /['’]/g;
const MAX_PINYIN_WORDS = 300;

/** Fewest pinyin syllables the word splits into; 0 when it does not split. */
function syllableCount(word: string, syllables: Set<string>): number {
  let total = 0;
  for (const part of word.split(APOSTROPHE)) {
    const best = new Array<number>(part.length + 1).fill(Infinity);
    best[0] = 0;
    for (let i = 0; i < part.length; i++) {
      const here = best[i] ?? Infinity;
      if (here === Infinity) continue;
      for (let len = 1; len <= 6 && i + len <= part.length; len++) {
        if (syllables.has(part.slice(i, i + len)) && here + 1 < (best[i + len] ?? Infinity)) best[i + len] = here + 1;
      }
    }
    const n = best[part.length] ?? Infinity;
    if (part === "" || n === Infinity) return 0;
    total += n;
  }
  return total;
}

/**
 * Pinyin when nearly every word (of two letters or more) splits into syllables, at least a fifth
 * show a spelling typical of pinyin (zh, x, q, uo, -ai, tone marks…), and a two-word line has a
 * word of two syllables or more (so "Xi Jinping" passes and "Li Peng" is left to the default).
 */
function isPinyin(words: string[]): boolean {
  let n = 0;
  let valid = 0;
  let evidence = 0;
  let multi = 0;
  for (const word of words.slice(0, MAX_PINYIN_WORDS)) {
    const w = pinyinWord(word);
    if (!w.counted) continue;
    n++;
    if (!w.valid) continue;
    valid++;
    if (w.evidence) evidence++;
    if (w.multi) multi++;
  }
  if (n < 2 || valid < 0.8 * n || evidence < Math.max(1, 0.2 * n)) return false;
  return n >= 3 || multi >= 1;
}

interface PinyinWord {
  /** Two letters or more: the word counts. */
  counted: boolean;
  /** Splits into syllables and is no English false friend (unless toned). */
  valid: boolean;
  /** Toned, or spelled as only pinyin is. */
  evidence: boolean;
  /** Two syllables or more. */
  multi: boolean;
}

// Words recur across passages and the parse is the costly part: remembered per word (short words only, bounded).
const MAX_MEMO_WORD = 40;
const MAX_MEMO = 50_000;
const pinyinWords = new Map<string, PinyinWord>();

function pinyinWord(word: string): PinyinWord {
  const known = pinyinWords.get(word);
  if (known) return known;
  const decomposed = word.normalize("NFD");
  const bare = decomposed.replace(/\p{M}/gu, "").toLowerCase();
  const toned = TONE_MARK.test(decomposed);
  const counted = bare.replace(APOSTROPHE, "").length >= 2;
  const count = counted ? syllableCount(bare, langConfig().syllables) : 0;
  const valid = count > 0 && (toned || !FALSE_FRIENDS.has(bare));
  const verdict: PinyinWord = {
    counted,
    valid,
    evidence: valid && (toned || PINYIN_EVIDENCE.test(bare)),
    multi: valid && count >= 2,
  };
  if (word.length <= MAX_MEMO_WORD) {
    if (pinyinWords.size >= MAX_MEMO) pinyinWords.clear();
    pinyinWords.set(word, verdict);
  }
  return verdict;
}

// ---- per-script decisions

const MAX_SAMPLE = 2048; // franc reads no further

/** Latin words (letters, combining marks, inner apostrophes) of text[start, end), ignoring masked text. */
function latinWords(text: string, start: number, end: number, mask: Uint8Array): { words: string[]; letters: number } {
  const words: string[] = [];
  let letters = 0;
  let sampled = 0;
  let from = -1;
  const close = (at: number): void => {
    if (from < 0) return;
    const word = text.slice(from, at);
    from = -1;
    if (sampled >= MAX_SAMPLE) return;
    words.push(word);
    sampled += word.length + 1;
  };
  for (let i = start; i < end; ) {
    const cp = codePoint(text, i);
    const width = cp > 0xffff ? 2 : 1;
    const script = mask[i] ? NONE : scriptOf(cp);
    if (script === LATIN) {
      letters++;
      if (from < 0) from = i;
    } else if (script === MARK && from >= 0) {
      // a combining tone mark stays inside its word
    } else if (from >= 0 && (cp === 0x27 || cp === 0x2019) && i + 1 < end && scriptOf(codePoint(text, i + 1)) === LATIN) {
      // Xi'an, China's: the apostrophe stays inside the word
    } else close(i);
    i += width;
  }
  close(end);
  return { words, letters };
}

const CAPITALISED = /^\p{Lu}/u;

function latinLanguage(text: string, start: number, end: number, mask: Uint8Array): string {
  const { words, letters } = latinWords(text, start, end, mask);
  if (isPinyin(words)) return "zh-Latn";
  if (letters < langConfig().minLetters) return "en";
  // Names and Title-Case headings ("Vladimir Imamovich Norov") give franc nothing to go on.
  if (words.every((word) => CAPITALISED.test(word))) return "en";
  return francPick(words.join(" "), "eng");
}

/** Letters as their UTF-16 codes (all of them single units). */
const codes = (letters: string): Set<number> => new Set([...letters].map((ch) => ch.charCodeAt(0)));

const KAZAKH = codes("әғқұһӘҒҚҰҺ"); // Kazakh letters that Kyrgyz lacks
const TURKIC = codes("ңөүҢӨҮ"); // Kazakh and Kyrgyz (Tatar, Mongolian too)
const UKRAINIAN = codes("єїґЄЇҐ");
const DOTTED_I = codes("іІ"); // Kazakh and Ukrainian (and Belarusian)
// Letters Russian, Kazakh and Ukrainian never use (Uzbek, Tajik, Belarusian, Serbian, Macedonian).
const OTHER_CYRILLIC = codes("ҳўҷӣӯјљњћђџѓќѕҲЎҶӢӮЈЉЊЋЂЏЃЌЅ");
const SPACE = 0x20;

function cyrillicLanguage(text: string, start: number, end: number, mask: Uint8Array): string {
  let letters = 0;
  let kazakh = 0;
  let turkic = 0;
  let ukrainian = 0;
  let dottedI = 0;
  let other = 0;
  // franc's sample: the first MAX_SAMPLE units, anything but a Cyrillic letter as a space
  const sample = new Uint16Array(Math.min(end - start, MAX_SAMPLE));
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const cyrillic = !mask[i] && scriptOf(c) === CYRL;
    if (cyrillic) {
      letters++;
      if (KAZAKH.has(c)) kazakh++;
      else if (TURKIC.has(c)) turkic++;
      else if (UKRAINIAN.has(c)) ukrainian++;
      else if (DOTTED_I.has(c)) dottedI++;
      else if (OTHER_CYRILLIC.has(c)) other++;
    }
    if (i - start < sample.length) sample[i - start] = cyrillic ? c : SPACE;
  }
  // Kazakh's or Ukrainian's own letters make up about a tenth of their text; a Kazakh or Ukrainian
  // name in Russian prose ("Қазақстан", "Київ") stays well under the share required here.
  const share = (count: number, part: number): boolean => count >= Math.max(1, part * letters);
  const franc = (): string => (letters < langConfig().minLetters ? "ru" : francPick(String.fromCharCode(...sample), "rus"));
  if (share(other, 0.01)) return franc(); // Russian never has these: let the trigrams tell which
  if (kazakh > 0 && share(kazakh + turkic + dottedI, 0.05)) return "kk";
  if (turkic > 0 && dottedI === 0 && share(turkic, 0.02)) return franc(); // Kyrgyz, not Kazakh
  if (share(ukrainian + dottedI, 0.05)) return "uk";
  return "ru";
}

// ---- passages

interface Counts {
  han: number;
  latin: number;
  cyrl: number;
  other: number;
}

function countScripts(text: string, mask: Uint8Array): Counts {
  const counts: Counts = { han: 0, latin: 0, cyrl: 0, other: 0 };
  for (let i = 0; i < text.length; ) {
    const cp = codePoint(text, i);
    if (!mask[i]) {
      const script = scriptOf(cp);
      if (script === HAN) counts.han++;
      else if (script === LATIN) counts.latin++;
      else if (script === CYRL) counts.cyrl++;
      else if (script === OTHER) counts.other++;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  return counts;
}

function mainScript(counts: Counts): number {
  const han = counts.han * HAN_WEIGHT;
  const best = Math.max(han, counts.latin, counts.cyrl, counts.other);
  if (best === 0) return NONE;
  if (han === best) return HAN;
  if (counts.latin === best) return LATIN;
  return counts.cyrl === best ? CYRL : OTHER;
}

function languageOf(text: string, mask: Uint8Array): string {
  switch (mainScript(countScripts(text, mask))) {
    case HAN:
      return "zh";
    case LATIN:
      return latinLanguage(text, 0, text.length, mask);
    case CYRL:
      return cyrillicLanguage(text, 0, text.length, mask);
    default:
      return "und"; // nothing to judge, or a script not modelled here
  }
}

/** BCP 47 tag of a whole passage: zh, en, ru, zh-Latn, kk, uk, de, fr, … or und. */
export function passageLanguage(text: string): string {
  return languageOf(text, neutralMask(text));
}

/** passageLanguage and languageSpans of a passage, sharing one scan for markup and links. */
export function passageLanguages(text: string): { lang: string; langSpans: LangSpan[] } {
  const mask = neutralMask(text);
  const lang = languageOf(text, mask);
  return { lang, langSpans: spansIn(text, lang, mask) };
}

// ---- spans

const CYRILLIC_LANGUAGES = new Set(["ru", "uk", "kk", "be", "bg", "ky", "tg", "mk", "mn"]);
const EITHER_SCRIPT = new Set(["und", "uz", "sr", "tk", "az"]);

function scriptOfTag(tag: string, text: string, mask: Uint8Array): number {
  const [lang = "", sub] = tag.split("-");
  if (sub === "Latn") return LATIN;
  if (sub === "Cyrl") return CYRL;
  if (sub === "Hans" || sub === "Hant" || sub === "Hani" || lang === "zh") return HAN;
  if (CYRILLIC_LANGUAGES.has(lang)) return CYRL;
  return EITHER_SCRIPT.has(lang) ? mainScript(countScripts(text, mask)) : LATIN;
}

const ROMAN = /^(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/i;
const UNITS = new Set(["km", "kg", "cm", "mm", "mg", "ml", "kt", "kw", "kwh", "mw", "gw", "hz", "khz", "mhz", "ghz", "kb", "mb", "gb", "tb", "ha"]);

/**
 * Maximal runs of text in another script than the passage's, each tagged with its own language.
 * A run spans spaces, digits and punctuation between its words but starts at its first letter and
 * ends at its last (an initial keeps its period: "Сысоев Е.С."); a letter of another script or a
 * link ends it. Runs without a real word (single letters, units, Roman numerals) are dropped.
 */
export function languageSpans(text: string, passageLang?: string): LangSpan[] {
  const mask = neutralMask(text);
  return spansIn(text, passageLang ?? languageOf(text, mask), mask);
}

function spansIn(text: string, passageLang: string, mask: Uint8Array): LangSpan[] {
  const main = scriptOfTag(passageLang, text, mask);
  const spans: LangSpan[] = [];
  let runScript = NONE;
  let runStart = 0;
  let runEnd = 0; // just after the run's last letter
  let real = false; // the run holds a word that is not a letter, unit or numeral
  let tokenStart = -1;
  let tokenLetters = 0;
  let lastTokenLetters = 0;

  const closeToken = (): void => {
    if (tokenStart < 0) return;
    if (!real && tokenLetters >= 2) {
      const token = text.slice(tokenStart, runEnd);
      real = !ROMAN.test(token) && !UNITS.has(token.toLowerCase());
    }
    lastTokenLetters = tokenLetters;
    tokenStart = -1;
  };
  const closeRun = (): void => {
    closeToken();
    if (runScript !== NONE && real) {
      const end = runScript !== HAN && lastTokenLetters === 1 && text[runEnd] === "." ? runEnd + 1 : runEnd;
      const lang =
        runScript === HAN ? "zh" : runScript === LATIN ? latinLanguage(text, runStart, end, mask) : cyrillicLanguage(text, runStart, end, mask);
      spans.push({ start: runStart, end, lang });
    }
    runScript = NONE;
  };

  for (let i = 0; i < text.length; ) {
    const cp = codePoint(text, i);
    const width = cp > 0xffff ? 2 : 1;
    const masked = mask[i] ?? 0;
    const script = masked ? NONE : scriptOf(cp);
    if (masked === BREAK) closeRun();
    else if (script === MARK) {
      if (tokenStart >= 0) runEnd = i + width;
    } else if (script === NONE) closeToken();
    else {
      if (script !== runScript) {
        closeRun();
        if (script !== main && script !== OTHER) {
          runScript = script;
          runStart = i;
          real = script === HAN;
        }
      }
      if (runScript === script) {
        if (tokenStart < 0) {
          tokenStart = i;
          tokenLetters = 0;
        }
        tokenLetters++;
        runEnd = i + width;
      }
    }
    i += width;
  }
  closeRun();
  return spans;
}
