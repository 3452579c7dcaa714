// output/alignments.jsonl: one bead per line with its document, scope, languages, both texts and score.
import type { CorpusFile } from "../../emit/corpus.js";
import { AlignmentBead } from "../../model/schema.js";
import { resolvedLinks } from "./links.js";

export function alignmentsJsonl(): CorpusFile {
  return {
    name: "alignments.jsonl",
    lines: (doc) => resolvedLinks(doc).map((link) => JSON.stringify(AlignmentBead.parse(link))),
  };
}
