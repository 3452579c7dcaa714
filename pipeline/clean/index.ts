// Clean stage: cut the source into blocks (paragraphs, sidebars, tables, table-of-contents entries)
// with page furniture dropped, then turn each block into clean text by named rules. Every change is
// a tracked edit with its rule, so every source character is kept, changed or removed by a rule.
import type { Block, Stage } from "../model/work.js";
import { build } from "./build.js";
import { plan } from "./paragraphs.js";
import { cleanText, documentContext } from "./rules/index.js";

export const clean: Stage = (doc) => {
  const context = documentContext(doc.text);
  const built = build(doc.text, plan(doc.text, context.view), context.view, doc.counts);
  const blocks: Block[] = [];
  const dropped = [...built.dropped];
  for (const { kind, tracked } of built.blocks) {
    const text = cleanText(tracked, kind, context, doc.counts);
    // A block the rules emptied (markup or ornaments only) is no passage: its source is dropped.
    if (text.text === "" && text.span) {
      dropped.push({ ...text.span, text: "", rule: "clean.empty-block" });
      doc.counts["clean.empty-block"] = (doc.counts["clean.empty-block"] ?? 0) + 1;
    } else blocks.push({ kind, tracked: text, lang: "und", langSpans: [], sentences: [] });
  }
  dropped.sort((a, b) => a.start - b.start);
  const metadata = context.script ? { ...doc.metadata, script: context.script } : doc.metadata;
  return { ...doc, metadata, blocks, dropped, messages: [...doc.messages, ...context.messages] };
};
