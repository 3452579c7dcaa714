// Moses-style parallel text per language pair: moses/<a>-<b>.<a> and moses/<a>-<b>.<b>, line n of
// one file translating line n of the other. Only sentence-sized beads with both sides are written.
import type { CorpusFile } from "../../emit/corpus.js";
import { CORPUS_PAIRS, isTranslationUnit, resolvedLinks } from "./links.js";

export function mosesFiles(pairs: readonly [string, string][] = CORPUS_PAIRS): CorpusFile[] {
  return pairs.flatMap(([a, b]) => {
    const units = (doc: Parameters<CorpusFile["lines"]>[0]) =>
      resolvedLinks(doc, (al) => al.langs[0] === a && al.langs[1] === b).filter(isTranslationUnit);
    return [
      { name: `moses/${a}-${b}.${a}`, lines: (doc) => units(doc).map((l) => l.srcText) },
      { name: `moses/${a}-${b}.${b}`, lines: (doc) => units(doc).map((l) => l.tgtText) },
    ];
  });
}
