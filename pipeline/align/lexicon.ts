// Word keys per language: a word becomes the stems it can be looked up by. English and Russian use
// the Snowball stemmers; English irregular forms also yield their base ("went" → go), so text and
// CC-CEDICT glosses ("to go") meet. Function words (config/align/stopwords-*.txt) yield nothing.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import snowball from "snowball-stemmers";
import { projectRoot } from "../config.js";

export type Stemmer = (word: string) => string;

export interface WordKeys {
  /** Lower-cased word → its lookup stems, empty for a function word. */
  keys(word: string): readonly string[];
  stem: Stemmer;
  isStopword(word: string): boolean;
}

const configDir = join(projectRoot, "config", "align");

function lines(file: string): string[] {
  return readFileSync(join(configDir, file), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
}

/** A stemmer that remembers; English starts from the precomputed table of CC-CEDICT gloss words. */
function cachedStemmer(algorithm: string): Stemmer {
  const stemmer = snowball.newStemmer(algorithm);
  const cache = new Map<string, string>();
  if (algorithm === "english") {
    for (const line of lines("stems-en.tsv")) {
      const tab = line.indexOf("\t");
      if (tab < 0) cache.set(line, line);
      else cache.set(line.slice(0, tab), line.slice(tab + 1));
    }
  }
  return (word) => {
    let s = cache.get(word);
    if (s === undefined) cache.set(word, (s = stemmer.stem(word)));
    return s;
  };
}

function makeKeys(algorithm: string, stopFile: string, irregular: Map<string, string>): WordKeys {
  const stem = cachedStemmer(algorithm);
  const stop = new Set(lines(stopFile));
  const cache = new Map<string, string[]>();
  const isStopword = (w: string): boolean => stop.has(w);
  return {
    stem,
    isStopword,
    keys(word) {
      let k = cache.get(word);
      if (k === undefined) {
        const base = irregular.get(word);
        k = isStopword(word) ? [] : base && stem(base) !== stem(word) ? [stem(word), stem(base)] : [stem(word)];
        cache.set(word, k);
      }
      return k;
    },
  };
}

const memo = new Map<string, WordKeys>();

/** Word keys for English ("en") or Russian ("ru"); other languages get none (null). */
export function wordKeys(lang: string): WordKeys | null {
  if (lang !== "en" && lang !== "ru") return null;
  let k = memo.get(lang);
  if (!k) {
    const irregular =
      lang === "en" ? new Map(lines("irregular-en.tsv").map((l) => l.split("\t") as [string, string])) : new Map<string, string>();
    k = makeKeys(lang === "en" ? "english" : "russian", `stopwords-${lang}.txt`, irregular);
    memo.set(lang, k);
  }
  return k;
}
