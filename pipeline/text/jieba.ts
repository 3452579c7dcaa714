// The one entry to jieba, through @node-rs/jieba (jieba-rs compiled natively: the same dictionary
// and cuts as jieba-wasm, about twice as fast to tag). The dictionary is one per process (per worker
// thread), so the registry's longer Chinese names are added before the first call, whichever stage
// makes it: the words of a text are then the same in every process, whatever order documents
// arrive in, and names such as 上合组织 and 地区反恐怖机构 stay whole words.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Jieba } from "@node-rs/jieba";
import { registry } from "../entities/registry.js";
import type { EntityType } from "../entities/types.js";
import type { Tracked } from "../model/tracked.js";

const posTag: Record<EntityType, string> = { PERSON: "nr", ORG: "nt", GPE: "ns", LOC: "ns", DATE: "t", WORK: "nz", EVENT: "nz" };
let jieba: Jieba | null = null;

// Two-character names are left to jieba: forcing 俄国 as a word would cut 中俄国内 as 中|俄国|内.
function ready(): Jieba {
  if (jieba) return jieba;
  const dict = new Dictionary();
  for (const entry of registry) {
    for (const name of entry.names.zh ?? []) if (name.replace(/\s+/g, "").length >= 3) dict.addWord(name.replace(/\s+/g, ""), posTag[entry.type]);
  }
  return (jieba = dict.jieba);
}

/**
 * jieba's default dictionary ("word freq tag" lines sorted by code point) and a segmenter over it.
 * @node-rs/jieba can load dictionary lines but not suggest a frequency, so jieba-rs's add_word
 * (frequency just high enough to keep the word whole, suggest_freq) is done here.
 */
export class Dictionary {
  readonly jieba: Jieba;
  private readonly text: string;
  private readonly lineStarts: number[] = [];
  private readonly added = new Map<string, number>();
  private total = 0;

  constructor() {
    const bytes = readFileSync(createRequire(import.meta.url).resolve("@node-rs/jieba/dict.txt"));
    this.jieba = Jieba.withDict(bytes);
    this.text = bytes.toString("utf8");
    for (let pos = 0; pos < this.text.length; ) {
      let end = this.text.indexOf("\n", pos);
      if (end < 0) end = this.text.length;
      this.lineStarts.push(pos);
      this.total += this.lineFreq(pos);
      pos = end + 1;
    }
  }

  /** Add a word (jieba-rs's add_word with no frequency); returns the frequency it was given. */
  addWord(word: string, tag: string): number {
    const freq = this.suggestFreq(word);
    this.total += freq - (this.freq(word) ?? 0);
    this.added.set(word, freq);
    this.jieba.loadDict(Buffer.from(`${word} ${freq} ${tag}\n`));
    return freq;
  }

  /** jieba-rs's suggest_freq, operation for operation (the same floating-point results). */
  private suggestFreq(word: string): number {
    const logTotal = Math.log(this.total);
    const logFreq = this.jieba.cut(word, false).reduce((sum, w) => sum + Math.log(this.freq(w) ?? 1) - logTotal, 0);
    return Math.max(Math.floor(Math.exp(logFreq + logTotal)) + 1, this.freq(word) ?? 1);
  }

  private freq(word: string): number | undefined {
    const added = this.added.get(word);
    if (added !== undefined) return added;
    // Binary search over the sorted lines (no code point above U+FFFF: UTF-16 order is code point order).
    let lo = 0;
    let hi = this.lineStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = this.lineStarts[mid]!;
      const entry = this.text.slice(start, this.text.indexOf(" ", start));
      if (entry === word) return this.lineFreq(start);
      if (entry < word) lo = mid + 1;
      else hi = mid;
    }
    return undefined;
  }

  private lineFreq(start: number): number {
    let n = 0;
    for (let i = this.text.indexOf(" ", start) + 1, c = this.text.charCodeAt(i); c >= 48 && c <= 57; c = this.text.charCodeAt(++i)) n = n * 10 + c - 48;
    return n;
  }
}

/** jieba words of a text (HMM on); they concatenate to the text. */
export function cut(text: string): string[] {
  return ready().cut(text, true);
}

/** jieba words with part-of-speech tags (HMM on). */
export function tag(text: string): Array<{ word: string; tag: string }> {
  return ready().tag(text, true);
}

/** A jieba word with its tag and its offsets in the text it was cut from. */
export interface Word {
  word: string;
  tag: string;
  start: number;
  end: number;
}

/** The tagged words of a text in order; their offsets tile it (jieba keeps every character). */
export function words(text: string): Word[] {
  let pos = 0;
  const out = tag(text).map(({ word, tag: t }) => {
    const w = { word, tag: t, start: pos, end: pos + word.length };
    pos = w.end;
    return w;
  });
  if (pos !== text.length) throw new Error(`jieba dropped characters: ${pos} of ${text.length}`);
  return out;
}

// jieba is the costliest step of a build: a passage's text is tagged once, for the entity
// recogniser and the search terms alike. Tracked texts are immutable, so the object is the key.
const tagged = new WeakMap<Tracked, Word[]>();

/** The words of a block's text, tagged on first request. */
export function passageWords(text: Tracked): Word[] {
  let out = tagged.get(text);
  if (!out) tagged.set(text, (out = words(text.text)));
  return out;
}
