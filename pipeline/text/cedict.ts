// CC-CEDICT (CC BY-SA 4.0, shipped in the `hanzi` package; see config/align/CEDICT-ATTRIBUTION.md):
// read once per process, shared by the clean lexicon, the aligner and the entity recogniser.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

let text: string | null = null;

/** The dictionary's lines: "<traditional> <simplified> [<pinyin>] /<gloss>/<gloss>/". */
export function cedictText(): string {
  if (text === null) {
    const raw = readFileSync(createRequire(import.meta.url).resolve("hanzi/lib/data/cedict_ts.u8.js"), "utf8");
    // The package wraps the file in a JavaScript template literal.
    text = raw.slice(raw.indexOf("`") + 1, raw.lastIndexOf("`"));
  }
  return text;
}

/** Call `fn` for every entry, in file order. indexOf is much faster than a regex over 10 MB. */
export function forEachEntry(fn: (simplified: string, pinyin: string, glosses: string) => void): void {
  const t = cedictText();
  for (let pos = 0; pos < t.length; ) {
    let end = t.indexOf("\n", pos);
    if (end < 0) end = t.length;
    const s1 = t.indexOf(" ", pos);
    const open = t.indexOf(" [", s1);
    const close = t.indexOf("] /", open);
    if (t.charCodeAt(pos) !== 35 && s1 > pos && open > 0 && close > 0 && close < end) {
      fn(t.slice(s1 + 1, open), t.slice(open + 2, close), t.slice(close + 3, t.charCodeAt(end - 1) === 13 ? end - 2 : end - 1));
    }
    pos = end + 1;
  }
}
