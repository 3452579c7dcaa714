// Segment stage: blocks merged from two languages are cut apart, then every block gets its
// language, the runs of other languages inside it, and its sentences. The document's languages
// are ordered by how much text each carries.
import type { Block, Stage, WorkDoc } from "../model/work.js";
import { languageSpans, passageLanguage } from "./lang.js";
import { splitSentences } from "./sentences.js";
import { cutBlock, mixedCuts, RULE } from "./split-mixed.js";

/** A Chinese character carries about as much text as 3–4 letters: languages are ranked by content, not characters. */
const HAN_WEIGHT = 3.5;

export const segment: Stage = (doc) => {
  const split = splitMixed(doc);
  const mass = new Map<string, number>();
  const blocks = split.blocks.map((block): Block => {
    const text = block.tracked.text;
    const lang = passageLanguage(text);
    if (lang !== "und") mass.set(lang, (mass.get(lang) ?? 0) + text.length * (lang === "zh" ? HAN_WEIGHT : 1));
    return { ...block, lang, langSpans: languageSpans(text, lang), sentences: splitSentences(text, lang) };
  });
  // Later references (footnote anchors, abstracts) follow their block into the new array.
  const final = new Map(split.blocks.map((b, i) => [b, blocks[i]!]));
  const languages = [...mass].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([lang]) => lang);
  return {
    ...split,
    blocks,
    languages,
    footnotes: split.footnotes.map((f) => (f.anchor ? { ...f, anchor: { ...f.anchor, block: final.get(f.anchor.block)! } } : f)),
    abstracts: split.abstracts.map((a) => (a.block ? { ...a, block: final.get(a.block)! } : a)),
  };
};

/** Cut mixed-language blocks (rule segment.split-mixed), moving footnote anchors and abstract links with them. */
function splitMixed(doc: WorkDoc): WorkDoc {
  const moved = new Map<Block, Array<{ block: Block; start: number }>>();
  const messages = [...doc.messages];
  const blocks = doc.blocks.flatMap((block) => {
    const cuts = mixedCuts({ ...block, lang: passageLanguage(block.tracked.text) });
    if (cuts.length === 0) return [block];
    const parts = cutBlock(block, cuts, doc.counts);
    moved.set(block, parts);
    for (const p of parts.slice(1)) {
      const span = p.block.tracked.span;
      messages.push({ stage: "segment", rule: RULE, severity: "info", message: "block cut where its language changes", span: span && { start: span.start, end: span.start } });
    }
    return parts.map((p) => p.block);
  });
  if (moved.size === 0) return doc;
  const relocate = (block: Block, offset: number) => {
    const parts = moved.get(block);
    if (!parts) return { block, offset };
    const part = [...parts].reverse().find((p) => p.start <= offset) ?? parts[0]!;
    return { block: part.block, offset: Math.min(offset - part.start, part.block.tracked.text.length) };
  };
  return {
    ...doc,
    blocks,
    messages,
    footnotes: doc.footnotes.map((f) => (f.anchor ? { ...f, anchor: relocate(f.anchor.block, f.anchor.offset) } : f)),
    abstracts: doc.abstracts.map((a) => (a.block && moved.has(a.block) ? { ...a, block: moved.get(a.block)![0]!.block } : a)),
  };
}
