// output/alignments.jsonl: one bead per line with its document, scope, languages, both texts and score.
import type { CorpusFile } from "../../emit/corpus.js";
import type { AlignmentBead } from "../../model/schema.js";
import { resolvedLinks } from "./links.js";

export function alignmentsJsonl(): CorpusFile {
  return {
    name: "alignments.jsonl",
    // A resolved link has the bead's fields in the schema's order.
    lines: (doc) => resolvedLinks(doc).map((link) => JSON.stringify(link satisfies AlignmentBead)),
  };
}
