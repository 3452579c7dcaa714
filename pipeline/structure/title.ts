// The document title: the first markdown heading near the top, else a short opening line without
// sentence punctuation (the usual layout of a journal article's first page).
import type { Block } from "../model/work.js";

const NEAR_TOP = 12;
const MAX_TITLE = 60;
const SENTENCE = /[。！？；，,;!?]|【/;

export function findTitle(blocks: readonly Block[]): Block | null {
  const top = blocks.slice(0, NEAR_TOP);
  const heading = top.find((b) => b.kind === "heading");
  if (heading) return heading;
  const first = blocks.slice(0, 2).find((b) => b.tracked.text.length <= MAX_TITLE && !SENTENCE.test(b.tracked.text));
  return first ?? null;
}
