// Segment stage: the language of every block, runs of other languages inside it, and its sentences.
// The document's languages are ordered by how much text each carries.
import type { Block, Stage } from "../model/work.js";
import { languageSpans, passageLanguage } from "./lang.js";
import { splitSentences } from "./sentences.js";

export const segment: Stage = (doc) => {
  const mass = new Map<string, number>();
  const blocks = doc.blocks.map((block): Block => {
    const text = block.tracked.text;
    const lang = passageLanguage(text);
    if (lang !== "und") mass.set(lang, (mass.get(lang) ?? 0) + text.length);
    return { ...block, lang, langSpans: languageSpans(text, lang), sentences: splitSentences(text, lang) };
  });
  const languages = [...mass].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([lang]) => lang);
  return { ...doc, blocks, languages };
};
