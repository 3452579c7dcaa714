// Structure stage: what each block is (title, heading, paragraph …) and the document's metadata.
import type { Stage } from "../model/work.js";
import { passageLanguage } from "../segment/lang.js";
import { markdownHeading } from "./headings.js";
import { documentKind } from "./kind.js";
import { findTitle } from "./title.js";

export const structure: Stage = (doc) => {
  const blocks = doc.blocks.map((b) => markdownHeading(b, doc.counts));
  const found = findTitle(blocks);
  const title: Record<string, string> = {};
  if (found) {
    blocks[blocks.indexOf(found)] = { ...found, kind: "title" };
    title[passageLanguage(found.tracked.text)] = found.tracked.text;
  }
  const kind = documentKind(doc.text, blocks.filter((b) => b.kind === "paragraph").length);
  return { ...doc, kind, blocks, metadata: { ...doc.metadata, title } };
};
