// Segment stage: blocks merged from two languages are cut apart, then every block gets its
// language, the runs of other languages inside it, and its sentences. The document's languages
// are ordered by how much text each carries.
import type { Block, Stage } from "../model/work.js";
import { passageLanguages } from "./lang.js";
import { splitSentences } from "./sentences.js";
import { cutBlock, mixedCuts, RULE } from "./split-mixed.js";

/** A Chinese character carries about as much text as 3–4 letters: languages are ranked by content, not characters. */
const HAN_WEIGHT = 3.5;

interface Part {
  block: Block;
  /** Where the part starts in the block it was cut from. */
  start: number;
}

export const segment: Stage = (doc) => {
  const messages = [...doc.messages];
  // Every block becomes its parts: itself with its language and sentences, or the halves of a
  // mixed-language block (rule segment.split-mixed), each described afresh.
  const parts = new Map<Block, Part[]>();
  const blocks = doc.blocks.flatMap((block) => {
    const whole = describe(block);
    const cuts = mixedCuts(whole, whole.sentences);
    const own = cuts.length === 0 ? [{ block: whole, start: 0 }] : cutBlock(block, cuts, doc.counts).map((p) => ({ block: describe(p.block), start: p.start }));
    for (const p of own.slice(1)) {
      const span = p.block.tracked.span;
      messages.push({ stage: "segment", rule: RULE, severity: "info", message: "block cut where its language changes", span: span && { start: span.start, end: span.start } });
    }
    parts.set(block, own);
    return own.map((p) => p.block);
  });
  const mass = new Map<string, number>();
  for (const { lang, tracked } of blocks) {
    if (lang !== "und") mass.set(lang, (mass.get(lang) ?? 0) + tracked.text.length * (lang === "zh" ? HAN_WEIGHT : 1));
  }
  const languages = [...mass].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([lang]) => lang);
  // Footnote anchors and abstract links follow their block, into the part that holds them (a block
  // left whole keeps the offset as it is).
  const relocate = (block: Block, offset: number) => {
    const own = parts.get(block);
    if (!own) return { block, offset };
    if (own.length === 1) return { block: own[0]!.block, offset };
    const part = [...own].reverse().find((p) => p.start <= offset) ?? own[0]!;
    return { block: part.block, offset: Math.min(offset - part.start, part.block.tracked.text.length) };
  };
  const first = (block: Block) => parts.get(block)?.[0]?.block ?? block;
  return {
    ...doc,
    blocks,
    languages,
    messages,
    footnotes: doc.footnotes.map((f) => (f.anchor ? { ...f, anchor: relocate(f.anchor.block, f.anchor.offset) } : f)),
    abstracts: doc.abstracts.map((a) => (a.block ? { ...a, block: first(a.block) } : a)),
  };
};

/** The block with its language, language spans and sentences. */
function describe(block: Block): Block {
  const text = block.tracked.text;
  const { lang, langSpans } = passageLanguages(text);
  return { ...block, lang, langSpans, sentences: splitSentences(text, lang) };
}
