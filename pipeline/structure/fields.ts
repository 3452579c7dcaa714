// Labelled fields: a block is cut where a field label opens a line (an English abstract followed by
// "Keywords:" on the next line) and where labels run together on one line (关键词：…中图分类号：…
// 文献标识码：A). Abstract and keyword labels are removed from the text by rule structure.label, so
// the passage holds only the abstract or the keyword list; other fields keep their label.
import type { Block } from "../model/work.js";
import { cut, dropHead, type Carver } from "./carve.js";
import { inlineLabels, labelAtStart, type Field } from "./labels.js";
import { blockLines } from "./lines.js";

export interface FieldInfo {
  field: Field;
  lang: string;
  label: string;
  /** The text after the label ("" for a label standing alone, whose value is the next block). */
  value: string;
}

const STRIPPED = new Set<Field>(["abstract", "keywords"]);

export function splitFields(blocks: readonly Block[], carver: Carver): { blocks: Block[]; fields: Map<Block, FieldInfo> } {
  const out: Block[] = [];
  const fields = new Map<Block, FieldInfo>();
  for (const block of blocks) {
    for (const part of cutAtLabels(block, carver)) {
      const label = labelAtStart(part.tracked.text);
      if (!label) {
        out.push(part);
        continue;
      }
      const rest = part.tracked.text.slice(label.end);
      const value = rest.replace(/[】\]］)）*\s]+$/u, "").trim();
      const info = { field: label.field, lang: label.lang, label: label.text, value };
      if (STRIPPED.has(label.field) && value !== "") {
        const body = dropHead(part, label.end, "structure.label", carver);
        if (!body) continue;
        out.push(body);
        fields.set(body, info);
      } else {
        out.push(part);
        fields.set(part, info);
      }
    }
  }
  return { blocks: out, fields };
}

/** Cut a block before every line opened by a strong label, and inside runs of labelled fields. */
function cutAtLabels(block: Block, carver: Carver): Block[] {
  const lines = blockLines(block.tracked);
  const offsets = lines.slice(1).filter((l) => labelAtStart(l.text)?.strong).map((l) => l.start);
  const parts = cut(block, offsets, carver);
  return parts.flatMap((part) => {
    const head = labelAtStart(part.tracked.text);
    if (!head) return [part];
    const inner = inlineLabels(part.tracked.text).filter((m) => m.start >= head.end && m.field !== "abstract");
    return cut(part, inner.map((m) => m.start), carver);
  });
}
