// The corpus-level alignment outputs, as corpus files the build assembles from the documents:
// alignments.jsonl, tmx/<pair>.tmx, moses/<pair>.<lang>, abstract-comparison.jsonl and .md.
import type { CorpusFile } from "../../emit/corpus.js";
import { abstractComparisonFiles } from "./comparison.js";
import { alignmentsJsonl } from "./jsonl.js";
import { mosesFiles } from "./moses.js";
import { tmxFiles } from "./tmx.js";

/** A fresh set (TMX and the comparison keep state across documents): call once per assembly. */
export function alignmentCorpusFiles(): CorpusFile[] {
  return [alignmentsJsonl(), ...tmxFiles(), ...mosesFiles(), ...abstractComparisonFiles()];
}
