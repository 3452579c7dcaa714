// The one entry to jieba-wasm. Its dictionary is one per process (per worker thread), so the
// registry's longer Chinese names are added before the first call, whichever stage makes it:
// the words of a text are then the same in every process, whatever order documents arrive in,
// and names such as 上合组织 and 地区反恐怖机构 stay whole words.
import * as jieba from "jieba-wasm";
import { registry } from "../entities/registry.js";
import type { EntityType } from "../entities/types.js";
import type { Tracked } from "../model/tracked.js";

const posTag: Record<EntityType, string> = { PERSON: "nr", ORG: "nt", GPE: "ns", LOC: "ns", DATE: "t", WORK: "nz", EVENT: "nz" };
let ready = false;

// Two-character names are left to jieba: forcing 俄国 as a word would cut 中俄国内 as 中|俄国|内.
function ensureDictionary(): void {
  if (ready) return;
  for (const entry of registry) {
    for (const name of entry.names.zh ?? []) if (name.replace(/\s+/g, "").length >= 3) jieba.add_word(name.replace(/\s+/g, ""), null, posTag[entry.type]);
  }
  ready = true;
}

/** jieba words of a text (HMM on); they concatenate to the text. */
export function cut(text: string): string[] {
  ensureDictionary();
  return jieba.cut(text, true);
}

/** jieba words with part-of-speech tags (HMM on). */
export function tag(text: string): Array<{ word: string; tag: string }> {
  ensureDictionary();
  return jieba.tag(text, true);
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
