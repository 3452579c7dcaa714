// franc's scores, computed as franc 6 computes them — its script expressions, its trigram models,
// its distance and normalisation, so the very same numbers — but with each script's candidate
// models indexed once. franc counts a sample's trigrams in a plain object of fresh strings and looks
// each one up in every model, which made it the hottest call of the segment stage; here trigrams
// are counted in a flat hash table and looked up once for all the models.
import { francAll } from "franc";
import { data } from "franc/data.js";
import { expressions } from "franc/expressions.js";

export type Scores = Array<[string, number]>;

/** franc reads no further. */
const MAX_LENGTH = 2048;
/** franc's distance for a trigram a model lacks. */
const MAX_DIFFERENCE = 300;

/** A trigram (three UTF-16 units) as one exact number. */
function trigramKey(text: string, i: number): number {
  return (text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1)) * 0x10000 + text.charCodeAt(i + 2);
}

/**
 * Trigram keys numbered in the order they are added, found through an open-addressing hash table:
 * number keys and no fresh strings, unlike a Map or an object.
 */
class TrigramIndex {
  /** Each key in order of addition. */
  readonly keys: Float64Array;
  size = 0;
  /** Per slot, the index of its key plus one; 0: free. */
  private readonly slots: Int32Array;
  private readonly bits: number;

  /** Room for `capacity` keys (the table stays at most half full). */
  constructor(capacity: number) {
    let bits = 4;
    while (1 << bits < 2 * capacity) bits++;
    this.bits = bits;
    this.slots = new Int32Array(1 << bits);
    this.keys = new Float64Array(capacity);
  }

  /** The index of `key`, or -1. */
  find(key: number): number {
    return this.slots[this.slotOf(key)]! - 1;
  }

  /** The index of `key`, added if new. */
  add(key: number): number {
    const slot = this.slotOf(key);
    if (this.slots[slot] === 0) {
      this.keys[this.size] = key;
      this.slots[slot] = ++this.size;
    }
    return this.slots[slot]! - 1;
  }

  private slotOf(key: number): number {
    const mask = (1 << this.bits) - 1;
    const h = Math.imul((key >>> 0) ^ Math.imul((key / 0x100000000) | 0, 0x9e3779b1), 0x85ebca6b);
    let slot = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> (32 - this.bits);
    for (let at = this.slots[slot]!; at !== 0 && this.keys[at - 1] !== key; at = this.slots[slot]!) slot = (slot + 1) & mask;
    return slot;
  }
}

/** The candidates of one script in franc's model order, and each trigram of their models with its rank in each (-1: absent). */
interface ScriptModels {
  codes: string[];
  trigrams: TrigramIndex;
  /** ranks[t * codes.length + k]: rank of trigram t in the model of codes[k]. */
  ranks: Int16Array;
}

// Static data: one entry per script and candidate list (the list comes from config, read once).
const indexed = new Map<string, ScriptModels | null>();

function modelsFor(script: string, only: readonly string[]): ScriptModels | null {
  const id = `${script}:${only.join(",")}`;
  if (!indexed.has(id)) indexed.set(id, buildModels(data[script] ?? {}, only));
  return indexed.get(id)!;
}

function buildModels(languages: Record<string, string>, only: readonly string[]): ScriptModels | null {
  const codes = Object.keys(languages).filter((code) => only.includes(code));
  if (codes.length === 0) return null;
  const byKey = new Map<number, Int32Array>();
  codes.forEach((code, k) => {
    // franc's rank of a trigram is its first position in the model
    languages[code]!.split("|").forEach((trigram, rank) => {
      if (rank > 0x7fff) throw new Error(`franc model ${code}: more trigrams than 16-bit ranks hold`);
      if (trigram.length !== 3) return; // never equal to a sample's trigram
      const key = trigramKey(trigram, 0);
      let row = byKey.get(key);
      if (!row) byKey.set(key, (row = new Int32Array(codes.length).fill(-1)));
      if (row[k] === -1) row[k] = rank;
    });
  });
  const trigrams = new TrigramIndex(byKey.size);
  const ranks = new Int16Array(byKey.size * codes.length);
  for (const [key, row] of byKey) ranks.set(row, trigrams.add(key) * codes.length);
  return { codes, trigrams, ranks };
}

/** franc's choice of script. */
function topScript(value: string, expected: string): string | undefined {
  return onlyScript(value, expected) ? expected : mostMatched(value);
}

// Static data: per script, a test for one of its characters and one for any other script's.
const scriptTests = new Map<string, { own: RegExp; others: RegExp }>();

/**
 * The value holds a character of `script` and none where another script's expression matches:
 * every other count is 0 and this one is not, so franc's top script is `script`, found in one
 * scan instead of thirty counts.
 */
function onlyScript(value: string, script: string): boolean {
  let tests = scriptTests.get(script);
  if (!tests) {
    const own = expressions[script];
    if (!own) return false;
    const others = Object.entries(expressions).filter(([name]) => name !== script).map(([, re]) => re.source);
    tests = { own: new RegExp(own.source), others: new RegExp(others.join("|")) };
    scriptTests.set(script, tests);
  }
  return tests.own.test(value) && !tests.others.test(value);
}

/** The expression with the most matches, the first on a tie: franc's own way. */
function mostMatched(value: string): string | undefined {
  let topCount = -1;
  let top: string | undefined;
  for (const [script, expression] of Object.entries(expressions)) {
    const count = (value.match(expression)?.length ?? 0) / value.length || 0;
    if (count > topCount) {
      topCount = count;
      top = script;
    }
  }
  return top;
}

// What trigram-utils replaces with a space before counting: ASCII punctuation and digits, then runs of spaces.
const PUNCTUATION = /[\u0021-\u0040]+/g;
const SPACES = /\s+/g;

/**
 * franc's distance of the sample to each model: per distinct trigram of the sample (cleaned and
 * padded as trigram-utils does), how far its count is from its rank in the model, or the maximum.
 */
function distances(value: string, models: ScriptModels): Float64Array {
  const padded = ` ${value.replace(PUNCTUATION, " ").replace(SPACES, " ").trim().toLowerCase()} `;
  const n = Math.max(0, padded.length - 2);
  const trigrams = new TrigramIndex(n);
  const counts = new Int32Array(n);
  for (let i = 0; i < n; i++) counts[trigrams.add(trigramKey(padded, i))]!++;
  const k = models.codes.length;
  const sums = new Float64Array(k);
  for (let t = 0; t < trigrams.size; t++) {
    const row = models.trigrams.find(trigrams.keys[t]!);
    for (let m = 0; m < k; m++) {
      const rank = row < 0 ? -1 : models.ranks[row * k + m]!;
      sums[m]! += rank < 0 ? MAX_DIFFERENCE : Math.abs(counts[t]! - rank - 1);
    }
  }
  return sums;
}

/** `francAll(text, { only, minLength: 1 })`: candidate languages with scores, best first; `expected` is the script the text is written in, if known. */
export function francScores(text: string, only: readonly string[], expected: string): Scores {
  const value = text.slice(0, MAX_LENGTH);
  const script = value === "" ? undefined : topScript(value, expected);
  const models = script === undefined ? null : modelsFor(script, only);
  // No models for the script (or no text): franc's own answer, und or the script's single language.
  if (!models) return francAll(text, { only: [...only], minLength: 1 });
  const sums = distances(value, models);
  const sorted = models.codes.map((code, k): [string, number] => [code, sums[k]!]).sort((a, b) => a[1] - b[1]);
  const min = sorted[0]![1];
  const max = value.length * MAX_DIFFERENCE - min;
  return sorted.map(([code, d]) => [code, 1 - (d - min) / max || 0]);
}
