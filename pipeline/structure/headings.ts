// Markdown headings (`# Title`, `## 一、…`): the block becomes a heading and its `#` marks are
// removed by rule structure.markdown-heading.
import type { RuleCounts } from "../model/schema.js";
import type { Block } from "../model/work.js";

const ATX = /^#{1,6}[ \t]+/g;

export function markdownHeading(block: Block, counts: RuleCounts): Block {
  if (!/^#{1,6}[ \t]/.test(block.tracked.text)) return block;
  const tracked = block.tracked.replace(ATX, "structure.markdown-heading", "", counts);
  return { ...block, kind: "heading", tracked };
}
