// jieba once per Chinese block (through text/jieba.ts): words with offsets and part-of-speech tags.
// The registry's longer Chinese names are in its dictionary, so 上合组织 and 地区反恐怖机构 stay whole.
import { tag } from "../text/jieba.js";

export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}


/** The words of a text in order; their offsets tile it (jieba keeps every character). */
export function tokenize(text: string): Token[] {
  let pos = 0;
  const out = tag(text).map(({ word, tag: t }) => {
    const token = { word, tag: t, start: pos, end: pos + word.length };
    pos = token.end;
    return token;
  });
  if (pos !== text.length) throw new Error(`jieba dropped characters: ${pos} of ${text.length}`);
  return out;
}

/** Tags of proper nouns and abbreviations; a tagger-found name is a candidate only with one of them. */
export const PROPER_TAGS = new Set(["nr", "nrfg", "nrt", "ns", "nt", "nz", "j"]);
