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
let dictionary: Dictionary | null = null;

/** The registry's Chinese names added to the dictionary, with their tags, in registry order. */
export function registryWords(): Array<[string, string]> {
  // Two-character names are left to jieba: forcing 俄国 as a word would cut 中俄国内 as 中|俄国|内.
  return registry.flatMap((entry) =>
    (entry.names.zh ?? []).map((name) => name.replace(/\s+/g, "")).filter((name) => name.length >= 3).map((name): [string, string] => [name, posTag[entry.type]]),
  );
}

function ready(): Dictionary {
  if (dictionary) return dictionary;
  const dict = new Dictionary();
  for (const [word, tag] of registryWords()) dict.addWord(word, tag);
  return (dictionary = dict);
}

/**
 * jieba's default dictionary ("word freq tag" lines sorted by code point) and a segmenter over it.
 * @node-rs/jieba can load dictionary lines but not suggest a frequency, so jieba-rs's add_word
 * (frequency just high enough to keep the word whole, suggest_freq) is done here; and its tagger
 * builds an object per word across the native boundary, so tags are looked up here too (a cut
 * plus these lookups takes half the time of its tag).
 */
export class Dictionary {
  private readonly native: Jieba;
  /** Added words not yet loaded into the native dictionary: one load per word costs 0.4 ms, one for many about the same. */
  private pending: Array<{ word: string; line: string }> = [];
  private readonly text: string;
  private readonly lineStarts: number[] = [];
  private readonly added = new Map<string, { freq: number; tag: string }>();
  private readonly tags = new Map<string, string>(); // word → tag, memo
  private total = 0;

  constructor() {
    const bytes = readFileSync(createRequire(import.meta.url).resolve("@node-rs/jieba/dict.txt"));
    this.native = Jieba.withDict(bytes);
    this.text = bytes.toString("utf8");
    for (let pos = 0; pos < this.text.length; ) {
      let end = this.text.indexOf("\n", pos);
      if (end < 0) end = this.text.length;
      this.lineStarts.push(pos);
      this.total += this.lineFreq(pos);
      pos = end + 1;
    }
  }

  /** Add a word (jieba-rs's add_word with no frequency): a known word keeps its tag. Returns the frequency given. */
  addWord(word: string, tag: string): number {
    const freq = this.suggestFreq(word);
    this.total += freq - (this.freq(word) ?? 0);
    this.added.set(word, { freq, tag: this.dictTag(word) ?? tag });
    this.tags.delete(word);
    this.pending.push({ word, line: `${word} ${freq} ${tag}\n` });
    return freq;
  }

  /** The segmenter, with every added word loaded. */
  get jieba(): Jieba {
    this.flush();
    return this.native;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.native.loadDict(Buffer.from(this.pending.map((p) => p.line).join("")));
    this.pending = [];
  }

  /** jieba-rs's tag of a word from a cut: its dictionary tag, else x (no ASCII letter or digit), m (ASCII digits only) or eng. */
  tagOf(word: string): string {
    let t = this.tags.get(word);
    if (t === undefined) this.tags.set(word, (t = this.dictTag(word) ?? guessTag(word)));
    return t;
  }

  /** jieba-rs's suggest_freq, operation for operation (the same floating-point results). */
  private suggestFreq(word: string): number {
    // The cut sees only words inside the word; those still pending are loaded first. (Pending words
    // elsewhere change the native total by a few parts in a million, which no suggested frequency
    // of the registry's names depends on: tests/jieba.test.ts checks every one.)
    if (this.pending.some((p) => word.includes(p.word))) this.flush();
    const logTotal = Math.log(this.total);
    const logFreq = this.native.cut(word, false).reduce((sum, w) => sum + Math.log(this.freq(w) ?? 1) - logTotal, 0);
    return Math.max(Math.floor(Math.exp(logFreq + logTotal)) + 1, this.freq(word) ?? 1);
  }

  private freq(word: string): number | undefined {
    const added = this.added.get(word);
    if (added) return added.freq;
    const line = this.line(word);
    return line === undefined ? undefined : this.lineFreq(line);
  }

  private dictTag(word: string): string | undefined {
    const added = this.added.get(word);
    if (added) return added.tag;
    const line = this.line(word);
    if (line === undefined) return undefined;
    const tagStart = this.text.indexOf(" ", this.text.indexOf(" ", line) + 1) + 1;
    const end = this.text.indexOf("\n", tagStart);
    return this.text.slice(tagStart, end < 0 ? this.text.length : end);
  }

  /** Where the word's line starts: a binary search over the sorted lines (no code point above U+FFFF, so UTF-16 order is code point order). */
  private line(word: string): number | undefined {
    let lo = 0;
    let hi = this.lineStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = this.lineStarts[mid]!;
      const entry = this.text.slice(start, this.text.indexOf(" ", start));
      if (entry === word) return start;
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

function guessTag(word: string): string {
  const letters = word.match(/[A-Za-z0-9]/g)?.length ?? 0;
  const digits = word.match(/[0-9]/g)?.length ?? 0;
  return letters === 0 ? "x" : letters === digits ? "m" : "eng";
}

/** jieba words of a text (HMM on); they concatenate to the text. */
export function cut(text: string): string[] {
  return ready().jieba.cut(text, true);
}

/** jieba words with part-of-speech tags (HMM on). */
export function tag(text: string): Array<{ word: string; tag: string }> {
  const dict = ready();
  return dict.jieba.cut(text, true).map((word) => ({ word, tag: dict.tagOf(word) }));
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
  const dict = ready();
  let pos = 0;
  const out = dict.jieba.cut(text, true).map((word) => ({ word, tag: dict.tagOf(word), start: pos, end: (pos += word.length) }));
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
