// The section tree. A heading's level comes from its numbering, not from its markdown `#` count
// (sources mix ## 一、 and ### 三、): numbering families rank in the order they first appear (一、
// above （一） above 1. above (1) in most Chinese papers), decimal numbers nest by their depth, named
// headings (结语, References) sit at the top. Each language part of a document (the Chinese text, its
// English translation) has its own tree, so translated sections stay apart for alignment.
import type { PassageKind } from "../model/schema.js";
import type { Block, WorkSection } from "../model/work.js";
import type { Numbering } from "./headings.js";

export interface Heading extends Numbering {
  lang: string;
}

/** Kinds that close the open sections: what stands between the parts of a document. */
const PART_BREAK = new Set<PassageKind>(["title", "abstract", "keywords", "author", "front-matter", "toc"]);

export function buildSections(
  blocks: readonly Block[],
  headings: ReadonlyMap<Block, Heading>,
  kindOf: (b: Block) => PassageKind,
  book: boolean,
): { sections: WorkSection[]; sectionOf: Map<Block, WorkSection | null> } {
  const sections: WorkSection[] = [];
  const sectionOf = new Map<Block, WorkSection | null>();
  let stack: WorkSection[] = [];
  let ranks = new Map<string, number>();
  let partLang: string | null = null;
  for (const block of blocks) {
    const h = headings.get(block);
    if (!h) {
      if (PART_BREAK.has(kindOf(block))) {
        stack = [];
        ranks = new Map();
        partLang = null;
      }
      sectionOf.set(block, stack[stack.length - 1] ?? null);
      continue;
    }
    if (partLang !== null && h.lang !== partLang) {
      stack = [];
      ranks = new Map();
    }
    partLang = h.lang;
    const level = levelOf(h, ranks, book);
    while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
    const section: WorkSection = { parent: stack[stack.length - 1] ?? null, level, number: h.number, title: h.title, lang: h.lang, block };
    sections.push(section);
    stack.push(section);
    sectionOf.set(block, section);
  }
  return { sections, sectionOf };
}

function levelOf(h: Heading, ranks: Map<string, number>, book: boolean): number {
  if (h.family === "named" || h.family === "plain") return 1;
  if (h.family === "chapter") return h.depth;
  if (!ranks.has(h.family)) ranks.set(h.family, ranks.size + (book ? 2 : 1));
  return ranks.get(h.family)! + h.depth - 1;
}
