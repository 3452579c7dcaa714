// The registry as lookups: by normalised name per language, a character trie for Chinese text, one
// regex for English names and token sequences for Russian names (matched through inflection).
import { registryEntries, type RegistryEntry } from "./config.js";
import { sameRuWord } from "./stem.js";
import { CodeUnits, foldWidth, NAME_DOTS, nameKey, SPACE_CODES } from "./text.js";
import type { NameLang } from "./types.js";

export type { RegistryEntry };

export interface Match {
  start: number;
  end: number;
  entry: RegistryEntry;
}

export const byId = new Map(registryEntries.map((e) => [e.id, e]));

const byKey: Record<NameLang, Map<string, RegistryEntry>> = { zh: new Map(), en: new Map(), ru: new Map() };
for (const entry of registryEntries) {
  for (const lang of ["zh", "en", "ru"] as const) {
    for (const name of entry.names[lang] ?? []) {
      const key = nameKey(name, lang);
      if (!byKey[lang].has(key)) byKey[lang].set(key, entry);
    }
  }
}

/** The registry entry a name stands for, if any. */
export const lookup = (name: string, lang: NameLang): RegistryEntry | undefined => lookupKey(nameKey(name, lang), lang);

/** The registry entry of a name's key (nameKey), if any. */
export const lookupKey = (key: string, lang: NameLang): RegistryEntry | undefined => byKey[lang].get(key);

// Chinese: a trie over names with spaces removed and dots and dashes unified; the text is read the
// same way (the index maps back to offsets), so 上海合作组织 matches across a stray space.
const OTHER_DOTS = ".．\u{1001B0}";
const DASHES = "—–－‐‑";
const otherDot = new RegExp(`^[${OTHER_DOTS}]$`, "u");
const dash = new RegExp(`[${DASHES}]`);
const zhFold = (c: string): string => (NAME_DOTS.includes(c) || otherDot.test(c) ? "·" : dash.test(c) ? "-" : foldWidth(c));

// Characters are compared as code points after folding (a fold is one code point for one), with
// SPACE for whitespace, which the match skips. Only whitespace, dots, dashes and fullwidth forms
// fold to something else: those are listed once, every other code point is itself.
const SPACE = -1;
const foldsOf = new Map<number, number>();
const whitespace = [...SPACE_CODES].map((code) => String.fromCharCode(code));
const fullwidth = Array.from({ length: 0xff5e - 0xff01 + 1 }, (_, i) => String.fromCharCode(0xff01 + i));
// NAME_DOTS by code unit too: NAME_DOTS.includes takes a lone half of its astral dot for a dot.
for (const c of [...whitespace, ...fullwidth, ...NAME_DOTS, ...NAME_DOTS.split(""), ...OTHER_DOTS, ...DASHES]) {
  const cp = c.codePointAt(0)!;
  const f = /\s/.test(c) ? SPACE : zhFold(c).codePointAt(0)!;
  if (f !== cp) foldsOf.set(cp, f);
}
// The BMP code units that fold, as bits: most characters are their own fold without a look-up.
const foldsBmp = new CodeUnits();
for (const cp of foldsOf.keys()) if (cp <= 0xffff) foldsBmp.add(cp);
const folded = (cp: number): number => (cp <= 0xffff && !foldsBmp.has(cp) ? cp : (foldsOf.get(cp) ?? cp));

interface TrieNode {
  next: Map<number, TrieNode>;
  entry?: RegistryEntry;
}

const trie: TrieNode = { next: new Map() };
for (const entry of registryEntries) {
  for (const name of entry.names.zh ?? []) {
    let node = trie;
    for (const c of name.replace(/\s+/g, "")) {
      const k = zhFold(c).codePointAt(0)!;
      let child = node.next.get(k);
      if (!child) node.next.set(k, (child = { next: new Map() }));
      node = child;
    }
    node.entry ??= entry;
  }
}

// The code units a name may start with: the trie's first characters, every character that folds
// (whitespace included: it only costs a look-up) and surrogates (astral characters, lone halves).
// Only these positions are looked up.
const mayStart = new CodeUnits();
for (const k of trie.next.keys()) if (k <= 0xffff) mayStart.add(k);
for (const cp of foldsOf.keys()) if (cp <= 0xffff) mayStart.add(cp);
for (let code = 0xd800; code < 0xe000; code++) mayStart.add(code);
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;
const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

const nameLayer = (e: RegistryEntry): boolean => e.type !== "WORK" && e.type !== "EVENT";

/**
 * Longest registry name starting at each position of a Chinese text; where that is a title or an
 * event (上合组织青岛峰会), also the longest plain name at the same position (上合组织).
 */
export function matchZh(text: string): Match[] {
  const out: Match[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // The text is read by code points: the second half of a pair starts nothing.
    if (!mayStart.has(code) || (isLowSurrogate(code) && isHighSurrogate(text.charCodeAt(i - 1)))) continue;
    const cp = text.codePointAt(i)!;
    const node = trie.next.get(folded(cp));
    if (node) namesFrom(text, i, i + (cp > 0xffff ? 2 : 1), node, out);
  }
  return out;
}

/** The names that start at `start`, whose first character (ending at `end`) leads to `node`. */
function namesFrom(text: string, start: number, end: number, node: TrieNode, out: Match[]): void {
  let best: Match | null = null;
  let bestName: Match | null = null;
  for (let at: TrieNode | undefined = node; at; ) {
    if (at.entry) {
      best = { start, end, entry: at.entry };
      if (nameLayer(at.entry)) bestName = best;
    }
    // The next character that is not a space.
    let c = SPACE;
    while (c === SPACE && end < text.length) {
      const cp = text.codePointAt(end)!;
      c = folded(cp);
      end += cp > 0xffff ? 2 : 1;
    }
    at = c === SPACE ? undefined : at.next.get(c);
  }
  if (best) out.push(best);
  if (bestName && best !== bestName) out.push(bestName);
}

// English: an alternation of the names, longest first. Spaces may be missing (OCR runs words
// together), hyphens and apostrophes vary, and a period after an abbreviation is optional. The
// names are grouped by their first character, one sticky alternation each, so a position tries
// only the names that can start there (what one alternation of all of them finds, much faster).
const enNames = registryEntries
  .flatMap((entry) => (entry.names.en ?? []).map((name) => ({ name, entry })))
  .sort((a, b) => b.name.length - a.name.length || (a.name < b.name ? -1 : 1));
const enEntry = new Map(enNames.map(({ name, entry }) => [nameKey(name, "en"), entry]));
const namePattern = (name: string): string =>
  name
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replace(/\\\./g, "\\.?")
    .replace(/['’]/g, "['’]")
    .replace(/-/g, "[-‐‑–—]?\\s*")
    .replace(/\s+/g, "\\s*");

/** The code units a name's pattern can start with; its first character must be required. */
function firstCodes(name: string): number[] {
  if (/^['’]/.test(name)) return ["'".charCodeAt(0), "’".charCodeAt(0)];
  if (/^[\s.-]/.test(name)) throw new Error(`registry: an English name starts with a space, period or hyphen: "${name}"`);
  return [name.charCodeAt(0)];
}

/**
 * The code units a name's pattern can go on with after its first one: null for any (a period,
 * hyphen or space there is optional, and the name may be a single character).
 */
function secondCodes(name: string): number[] | null {
  const c = name[1];
  if (c === undefined || /[\s.-]/.test(c)) return null;
  return /['’]/.test(c) ? ["'".charCodeAt(0), "’".charCodeAt(0)] : [name.charCodeAt(1)];
}

/** The names that start with one code unit: a sticky alternation, and what may follow that unit. */
interface EnGroup {
  re: RegExp;
  seconds: number[] | null;
}
interface EnPattern {
  byFirst: Map<number, EnGroup>;
  starts: CodeUnits;
}
function enAlternation(names: { name: string }[]): EnPattern {
  const groups = new Map<number, string[]>();
  for (const { name } of names) for (const code of firstCodes(name)) groups.set(code, [...(groups.get(code) ?? []), name]);
  const starts = new CodeUnits();
  const byFirst = new Map<number, EnGroup>();
  for (const [code, group] of groups) {
    starts.add(code);
    const seconds = group.map(secondCodes);
    const next = seconds.includes(null) ? null : [...new Set(seconds.flatMap((codes) => codes ?? []))];
    byFirst.set(code, { re: new RegExp(group.map(namePattern).join("|"), "uy"), seconds: next });
  }
  return { byFirst, starts };
}
const enPattern = enAlternation(enNames);
const enNamePattern = enAlternation(enNames.filter(({ entry }) => nameLayer(entry)));

/** The leftmost name at or after `from`. */
function nextName(text: string, pattern: EnPattern, from: number): RegExpExecArray | null {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!pattern.starts.has(code)) continue;
    const { re, seconds } = pattern.byFirst.get(code)!;
    if (seconds && !seconds.includes(text.charCodeAt(i + 1))) continue;
    re.lastIndex = i;
    const m = re.exec(text);
    if (m) return m;
  }
  return null;
}

const isAcronym = (s: string): boolean => /^[\p{Lu}\d.&]+$/u.test(s.replace(/\s/g, ""));
const glue = /^(?:and|of|the|in|as|for|to|with|between|within|on|at|from|by|an?)/;

/** Whether text[end…] may follow a name: a non-letter, or (in text whose spaces were lost) a capital or a function word. */
function endsWell(text: string, end: number, squashed: boolean, acronym: boolean): boolean {
  const next = text[end] ?? "";
  if (!/\p{L}|\d/u.test(next)) return true;
  if (acronym) return false;
  if (/\p{Lu}/u.test(next)) return true;
  if (!squashed) return false;
  let rest = text.slice(end, end + 40);
  for (let m = glue.exec(rest); m; m = glue.exec(rest)) {
    rest = rest.slice(m[0].length);
    if (!/^\p{Ll}/u.test(rest)) return true;
  }
  return false;
}

/**
 * Registry names in Latin-script text, with word boundaries (or camel-case joins in squashed text);
 * inside a title or an event (the CICA summit in Shanghai) the plain names too.
 */
export function matchEn(text: string, pattern: EnPattern = enPattern, offset = 0): Match[] {
  const out: Match[] = [];
  let from = 0;
  for (let m = nextName(text, pattern, from); m; m = nextName(text, pattern, from)) {
    const start = m.index;
    const end = start + m[0].length;
    const entry = enEntry.get(nameKey(m[0], "en"));
    const acronym = isAcronym(m[0]);
    const prev = text[start - 1] ?? "";
    const prevLetter = /\p{L}|\d/u.test(prev);
    const camel = /\p{Ll}/u.test(prev) && /^\p{Lu}\p{Ll}/u.test(m[0]);
    const squashed = prevLetter || (!/\s/.test(m[0]) && /\p{Ll}\p{Lu}/u.test(m[0]));
    if (entry && (!prevLetter || (camel && !acronym)) && endsWell(text, end, squashed, acronym)) {
      out.push({ start: start + offset, end: end + offset, entry });
      if (!nameLayer(entry)) out.push(...matchEn(text.slice(start, end), enNamePattern, start + offset));
      from = end;
    } else from = start + 1;
  }
  return out;
}

// Russian: names as word sequences; a word matches through inflection, an acronym only as written.
interface RuName {
  words: string[];
  entry: RegistryEntry;
}
// Indexed by the first two letters of the first word, which inflection leaves alone.
const ruIndex = new Map<string, RuName[]>();
for (const name of registryEntries
  .flatMap((entry) => (entry.names.ru ?? []).map((n) => ({ words: n.split(/\s+/), entry })))
  .sort((a, b) => b.words.length - a.words.length)) {
  const k = name.words[0]!.slice(0, 2).toLowerCase();
  ruIndex.set(k, [...(ruIndex.get(k) ?? []), name]);
}

const sameWord = (nameWord: string, textWord: string): boolean =>
  /^[\p{Lu}\d]+$/u.test(nameWord) ? nameWord === textWord : nameWord.includes(".") ? nameWord === textWord : sameRuWord(nameWord, textWord);

export interface Word {
  text: string;
  start: number;
  end: number;
}

/** Letter words with their offsets (initials keep their period: Е.С.). */
export function words(text: string): Word[] {
  return [...text.matchAll(/(?:\p{Lu}\.\s?){1,3}|[\p{L}\d]+(?:-[\p{L}\d]+)*/gu)].map((m) => ({ text: m[0].trim(), start: m.index, end: m.index + m[0].trim().length }));
}

/** Registry names in Cyrillic text, longest first at each word; words must be separated by spaces only. */
export function matchRu(text: string): Match[] {
  const ws = words(text);
  const out: Match[] = [];
  for (let i = 0; i < ws.length; i++) {
    for (const { words: nameWords, entry } of ruIndex.get(ws[i]!.text.slice(0, 2).toLowerCase()) ?? []) {
      if (i + nameWords.length > ws.length) continue;
      let ok = true;
      for (let k = 0; k < nameWords.length && ok; k++) {
        const w = ws[i + k]!;
        ok = sameWord(nameWords[k]!, w.text) && (k === 0 || /^\s+$/.test(text.slice(ws[i + k - 1]!.end, w.start)));
      }
      if (ok) {
        out.push({ start: ws[i]!.start, end: ws[i + nameWords.length - 1]!.end, entry });
        break;
      }
    }
  }
  return out;
}

export const registry = registryEntries;
