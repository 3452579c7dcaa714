// Entities stage: mentions of people, organisations, places, dates, works and events in Chinese,
// English and Russian text, each entity with one id across languages (config/entities/registry.json
// for the known ones, an id from type and name for the others). Each block is read by every
// recogniser (each only matches its own script), overlaps are resolved, glosses add the names they
// give, and the mentions of the whole document are then linked into entities.
import type { Stage } from "../model/work.js";
import { passageWords } from "../text/jieba.js";
import { recogniseDates } from "./dates.js";
import { recogniseEn } from "./en.js";
import { glosses } from "./gloss.js";
import type { Token } from "./jieba.js";
import { linkMentions, type BlockMentions } from "./link.js";
import { resolve } from "./resolve.js";
import { recogniseRu } from "./ru.js";
import { foldWidth, mask } from "./text.js";
import { recogniseWorks } from "./works.js";
import { recogniseZh } from "./zh.js";

export const entities: Stage = (doc) => {
  // A block's jieba words are shared with the search terms emit computes (passageWords memo).
  const found: BlockMentions[] = doc.blocks.map((block) => ({ block, ...findMentions(block.tracked.text, () => passageWords(block.tracked)) }));
  return { ...doc, entities: linkMentions(found) };
};

/**
 * Resolved mentions of one text and the links between them (glosses, acronym definitions).
 * `wordsOfText` gives the text's jieba words when they are already known.
 */
export function findMentions(text: string, wordsOfText?: () => Token[]): Omit<BlockMentions, "block"> {
  const masked = mask(text);
  // Fullwidth letters and digits read as ASCII (same offsets), for the Latin and date patterns.
  const folded = foldWidth(masked);
  const en = recogniseEn(folded);
  const candidates = [...recogniseZh(masked, masked === text ? wordsOfText : undefined), ...en.candidates, ...recogniseRu(masked), ...recogniseDates(folded), ...recogniseWorks(masked)];
  const mentions = resolve(candidates, text);
  const glossed = glosses(masked, mentions);
  // Resolved mentions resolve to themselves: only names that glosses add need a second pass.
  const all = glossed.added.length ? resolve([...mentions, ...glossed.added], text) : mentions;
  return { mentions: all, links: [...en.links, ...glossed.links] };
}
