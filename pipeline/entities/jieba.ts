// jieba words of a text (through text/jieba.ts), with offsets and part-of-speech tags. The registry's
// longer Chinese names are in its dictionary, so 上合组织 and 地区反恐怖机构 stay whole.
export { words as tokenize, type Word as Token } from "../text/jieba.js";

/** Tags of proper nouns and abbreviations; a tagger-found name is a candidate only with one of them. */
export const PROPER_TAGS = new Set(["nr", "nrfg", "nrt", "ns", "nt", "nz", "j"]);
