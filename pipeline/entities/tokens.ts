// Looking tokens up: offsets to tokens by binary search (jieba's tokens tile the text in order),
// instead of a map or a set with an entry per character or per token built for every block; and
// word lists a token is tested against cheaply, since every token of every block is.
import type { Token } from "./jieba.js";
import { CodeUnits } from "./text.js";

/** The index of the last token that starts at or before `pos` (0 for an empty list). */
function lastStartingBy(tokens: readonly Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tokens[mid]!.start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The token an offset falls strictly inside, if any. */
export function tokenInside(tokens: readonly Token[], pos: number): Token | undefined {
  const t = tokens[lastStartingBy(tokens, pos)];
  return t && t.start < pos && pos < t.end ? t : undefined;
}

/** The token that starts exactly at `pos`, if any. */
export function tokenStartingAt(tokens: readonly Token[], pos: number): Token | undefined {
  const t = tokens[lastStartingBy(tokens, pos)];
  return t?.start === pos ? t : undefined;
}

/** The first token start at or after `pos`, if any. */
export function nextTokenStart(tokens: readonly Token[], pos: number): number | undefined {
  const i = lastStartingBy(tokens, pos);
  const t = tokens[i];
  return t && t.start >= pos ? t.start : tokens[i + 1]?.start;
}

/**
 * Words to look tokens up in (titles, suffixes). Their first and last code units turn most tokens
 * away before their text is hashed.
 */
export class WordSet {
  private readonly words: ReadonlySet<string>;
  private readonly firsts = new CodeUnits();
  private readonly lasts = new CodeUnits();

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    for (const w of this.words) {
      this.firsts.add(w.charCodeAt(0));
      this.lasts.add(w.charCodeAt(w.length - 1));
    }
  }

  has(word: string): boolean {
    return this.firsts.has(word.charCodeAt(0)) && this.lasts.has(word.charCodeAt(word.length - 1)) && this.words.has(word);
  }
}

/** Words that end others (suffixes), looked up by a slice of the word per suffix length. */
export class Suffixes {
  private readonly words: ReadonlySet<string>;
  /** Suffix lengths, longest first. */
  private readonly lengths: number[];
  /** Their last code units: most words end otherwise and are not sliced. */
  private readonly ends = new CodeUnits();

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    this.lengths = [...new Set([...this.words].map((w) => w.length))].sort((a, b) => b - a);
    for (const w of this.words) this.ends.add(w.charCodeAt(w.length - 1));
  }

  /** The longest suffix the word ends with (the whole word too). */
  longest(word: string): string | undefined {
    if (!this.ends.has(word.charCodeAt(word.length - 1))) return undefined;
    for (const n of this.lengths) {
      if (n > word.length) continue;
      const tail = word.slice(word.length - n);
      if (this.words.has(tail)) return tail;
    }
    return undefined;
  }
}
