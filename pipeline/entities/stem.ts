// Russian inflection: the Snowball stemmer, and the comparison that tolerates its uneven cuts
// (Казахстан → казахста, Казахстане → казахстан): one stem extends the other by at most two letters.
import { createRequire } from "node:module";

interface Stemmer {
  stem(word: string): string;
}

const snowball = createRequire(import.meta.url)("snowball-stemmers") as { newStemmer(algorithm: string): Stemmer };
const russian = snowball.newStemmer("russian");
const cache = new Map<string, string>();

export function ruStem(word: string): string {
  const w = word.toLowerCase().replace(/ё/g, "е");
  let s = cache.get(w);
  if (s === undefined) cache.set(w, (s = russian.stem(w)));
  return s;
}

/** Two Russian words are forms of one word: equal when short, else stems within two letters of each other. */
export function sameRuWord(a: string, b: string): boolean {
  const la = a.toLowerCase().replace(/ё/g, "е");
  const lb = b.toLowerCase().replace(/ё/g, "е");
  if (la === lb) return true;
  if (Math.min(la.length, lb.length) <= 3) return false;
  const sa = ruStem(la);
  const sb = ruStem(lb);
  const [short, long] = sa.length <= sb.length ? [sa, sb] : [sb, sa];
  return short.length >= 3 && long.startsWith(short) && long.length - short.length <= 2 && Math.abs(la.length - lb.length) <= 3;
}
