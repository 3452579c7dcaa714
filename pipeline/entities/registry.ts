// The registry as lookups: by normalised name per language, a character trie for Chinese text, one
// regex for English names and token sequences for Russian names (matched through inflection).
import { registryEntries, type RegistryEntry } from "./config.js";
import { sameRuWord } from "./stem.js";
import { foldWidth, NAME_DOTS, nameKey } from "./text.js";
import type { NameLang } from "./types.js";

export type { RegistryEntry };

export interface Match {
  start: number;
  end: number;
  entry: RegistryEntry;
}

export const byId = new Map(registryEntries.map((e) => [e.id, e]));

const byKey = new Map<string, RegistryEntry>();
for (const entry of registryEntries) {
  for (const lang of ["zh", "en", "ru"] as const) {
    for (const name of entry.names[lang] ?? []) {
      const key = `${lang}\0${nameKey(name, lang)}`;
      if (!byKey.has(key)) byKey.set(key, entry);
    }
  }
}

/** The registry entry a name stands for, if any. */
export const lookup = (name: string, lang: NameLang): RegistryEntry | undefined => byKey.get(`${lang}\0${nameKey(name, lang)}`);

// Chinese: a trie over names with spaces removed and dots and dashes unified; the text is read the
// same way (the index maps back to offsets), so 上海合作组织 matches across a stray space.
const zhFold = (c: string): string => (NAME_DOTS.includes(c) || /^[.．\u{1001B0}]$/u.test(c) ? "·" : /[—–－‐‑]/.test(c) ? "-" : foldWidth(c));

interface TrieNode {
  next: Map<string, TrieNode>;
  entry?: RegistryEntry;
}

const trie: TrieNode = { next: new Map() };
for (const entry of registryEntries) {
  for (const name of entry.names.zh ?? []) {
    let node = trie;
    for (const c of name.replace(/\s+/g, "")) {
      const k = zhFold(c);
      let child = node.next.get(k);
      if (!child) node.next.set(k, (child = { next: new Map() }));
      node = child;
    }
    node.entry ??= entry;
  }
}

const nameLayer = (e: RegistryEntry): boolean => e.type !== "WORK" && e.type !== "EVENT";

/**
 * Longest registry name starting at each position of a Chinese text; where that is a title or an
 * event (上合组织青岛峰会), also the longest plain name at the same position (上合组织).
 */
export function matchZh(text: string): Match[] {
  const chars: string[] = [];
  const at: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    const len = cp > 0xffff ? 2 : 1;
    const c = text.slice(i, i + len);
    if (!/\s/.test(c)) {
      chars.push(zhFold(c));
      at.push(i);
    }
    i += len;
  }
  const out: Match[] = [];
  for (let i = 0; i < chars.length; i++) {
    let node: TrieNode | undefined = trie;
    let best: Match | null = null;
    let bestName: Match | null = null;
    for (let j = i; j < chars.length && node; j++) {
      node = node.next.get(chars[j] ?? "");
      const last = at[j] ?? 0;
      if (!node?.entry) continue;
      const m = { start: at[i] ?? 0, end: last + (text.codePointAt(last)! > 0xffff ? 2 : 1), entry: node.entry };
      best = m;
      if (nameLayer(m.entry)) bestName = m;
    }
    if (best) out.push(best);
    if (bestName && best !== bestName) out.push(bestName);
  }
  return out;
}

// English: one alternation of every name, longest first. Spaces may be missing (OCR runs words
// together), hyphens and apostrophes vary, and a period after an abbreviation is optional.
const enNames = registryEntries
  .flatMap((entry) => (entry.names.en ?? []).map((name) => ({ name, entry })))
  .sort((a, b) => b.name.length - a.name.length || (a.name < b.name ? -1 : 1));
const enEntry = new Map(enNames.map(({ name, entry }) => [nameKey(name, "en"), entry]));
const enAlternation = (names: { name: string }[]): RegExp =>
  new RegExp(
    names
      .map(({ name }) =>
        name
          .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
          .replace(/\\\./g, "\\.?")
          .replace(/['’]/g, "['’]")
          .replace(/-/g, "[-‐‑–—]?\\s*")
          .replace(/\s+/g, "\\s*"),
      )
      .join("|"),
    "gu",
  );
const enPattern = enAlternation(enNames);
const enNamePattern = enAlternation(enNames.filter(({ entry }) => nameLayer(entry)));

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
export function matchEn(text: string, pattern: RegExp = enPattern, offset = 0): Match[] {
  const out: Match[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
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
      pattern.lastIndex = end;
    } else pattern.lastIndex = start + 1;
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
