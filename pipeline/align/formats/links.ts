// The links of a document with their texts resolved: what every corpus-level alignment format writes.
import type { Alignment, Document } from "../../model/schema.js";
import { documentView, unitTexts, type Scope } from "../units.js";

export interface ResolvedLink {
  doc: string;
  scope: Scope;
  langs: [string, string];
  src: number[];
  tgt: number[];
  /** The items of each side, joined (no space between Chinese sentences). */
  srcText: string;
  tgtText: string;
  score: number;
}

export function resolvedLinks(doc: Document, keep: (a: Alignment) => boolean = () => true): ResolvedLink[] {
  const view = documentView(doc);
  return doc.alignments.filter(keep).flatMap((alignment) => {
    const [a, b] = alignment.langs;
    const srcItems = unitTexts(view, alignment.scope, a);
    const tgtItems = unitTexts(view, alignment.scope, b);
    return alignment.links.map((link) => ({
      doc: doc.id,
      scope: alignment.scope,
      langs: alignment.langs,
      src: link.src,
      tgt: link.tgt,
      srcText: join(link.src.map((i) => srcItems[i] ?? ""), a),
      tgtText: join(link.tgt.map((j) => tgtItems[j] ?? ""), b),
      score: link.score,
    }));
  });
}

function join(items: readonly string[], lang: string): string {
  return items
    .map((t) => t.replace(/\s+/g, " ").trim())
    .join(lang === "zh" || lang === "ja" ? "" : " ");
}

/** Links that make translation units: both sides present and sentence-sized (not a section-level summary bead). */
export function isTranslationUnit(link: ResolvedLink): boolean {
  return link.src.length > 0 && link.tgt.length > 0 && link.src.length <= MAX_SIDE && link.tgt.length <= MAX_SIDE;
}

const MAX_SIDE = 4;

/** The language pairs the corpus-level parallel files are written for. */
export const CORPUS_PAIRS: readonly [string, string][] = [
  ["zh", "en"],
  ["zh", "ru"],
  ["en", "ru"],
];
