// Clean stage: cut the source into paragraph blocks and turn each into clean text, recording every
// change. Text between blocks (blank lines, indentation) is dropped by a named rule.
import type { Piece } from "../model/tracked.js";
import { Tracked } from "../model/tracked.js";
import type { Block, Stage } from "../model/work.js";
import { joinLines } from "./join-lines.js";
import { paragraphs } from "./paragraphs.js";

export const clean: Stage = (doc) => {
  const blocks: Block[] = [];
  const dropped: Piece[] = [];
  let pos = 0;
  const drop = (start: number, end: number, rule: string) => {
    if (start >= end) return;
    dropped.push({ start, end, text: "", rule });
    doc.counts[rule] = (doc.counts[rule] ?? 0) + 1;
  };
  for (const para of paragraphs(doc.text)) {
    drop(pos, para.start, "clean.layout-space");
    const tracked = joinLines(Tracked.slice(doc.text, para.start, para.end), doc.counts);
    blocks.push({ kind: "paragraph", tracked, lang: "und", langSpans: [], sentences: [] });
    pos = para.end;
  }
  drop(pos, doc.text.length, "clean.layout-space");
  return { ...doc, blocks, dropped };
};
