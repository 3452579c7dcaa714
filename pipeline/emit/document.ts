// WorkDoc → Document record: ids in reading order, block references resolved to ids, the edit log
// assembled from every block and dropped piece. Keys are written in the schema's order, so equal
// documents are equal bytes; the schema is checked on every output file by `corpus check` and the
// tests (parsing here cost 4% of a build).
import { compareAbstracts } from "../align/formats/comparison.js";
import type { Document, Edit } from "../model/schema.js";
import type { Tracked } from "../model/tracked.js";
import type { Block, WorkDoc, WorkSection } from "../model/work.js";
import { textFields } from "../search/fields.js";
import { passageWords } from "../text/jieba.js";

export function toDocument(doc: WorkDoc): Document {
  const ids = new Map<Block, string>(doc.blocks.map((b, i) => [b, `${doc.id}#p${i + 1}`]));
  // Later stages copy blocks ({...block, lang}); a reference made earlier still finds its block
  // through the Tracked text, which copies share.
  const byText = new Map<Tracked, string>(doc.blocks.map((b, i) => [b.tracked, `${doc.id}#p${i + 1}`]));
  // A block a later stage cut in parts is found by where it starts in the source: its first part.
  const bySource = (b: Block) => {
    const at = b.tracked.span?.start;
    const i = at === undefined ? -1 : doc.blocks.findIndex((p) => p.tracked.span !== null && p.tracked.span.start <= at && at < p.tracked.span.end);
    return i >= 0 ? `${doc.id}#p${i + 1}` : undefined;
  };
  const idOf = (b: Block) => ids.get(b) ?? byText.get(b.tracked) ?? bySource(b) ?? missing(doc.id);
  const sectionIds = new Map<WorkSection, string>(doc.sections.map((s, i) => [s, `${doc.id}#s${i + 1}`]));
  const sectionOf = (s: WorkSection | null | undefined) => (s ? (sectionIds.get(s) ?? missing(doc.id)) : null);
  const edits: Edit[] = [
    ...doc.blocks.flatMap((b) => b.tracked.edits(idOf(b))),
    ...doc.dropped.map((p) => ({ rule: p.rule ?? "", span: { start: p.start, end: p.end }, before: doc.text.slice(p.start, p.end), after: p.text, passage: null })),
  ].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const document: Document = {
    id: doc.id,
    source: doc.source,
    kind: doc.kind,
    languages: doc.languages,
    metadata: doc.metadata,
    abstracts: doc.abstracts.map(({ block, lang, text, sentences }) => ({ lang, text, passage: block ? idOf(block) : null, sentences })),
    sections: doc.sections.map(({ block, parent, ...s }, i) => ({ id: `${doc.id}#s${i + 1}`, parent: sectionOf(parent), ...s, passage: idOf(block) })),
    passages: doc.blocks.map((b) => ({
      id: idOf(b),
      kind: b.kind,
      lang: b.lang,
      text: b.tracked.text,
      span: b.tracked.span ?? { start: 0, end: 0 },
      langSpans: b.langSpans,
      sentences: b.sentences,
      section: sectionOf(b.section),
      terms: textFields({ text: b.tracked.text, lang: b.lang, langSpans: b.langSpans }, () => passageWords(b.tracked)),
    })),
    footnotes: doc.footnotes.map((f, i) => ({
      id: `${doc.id}#fn${i + 1}`,
      marker: f.marker,
      text: f.text,
      anchor: f.anchor ? { passage: idOf(f.anchor.block), offset: f.anchor.offset } : null,
      passage: f.block ? idOf(f.block) : null,
      citations: f.citations ?? [],
    })),
    references: doc.references.map((r, i) => ({
      id: `${doc.id}#r${i + 1}`,
      marker: r.marker,
      text: r.text,
      passage: idOf(r.block),
      citations: r.citations,
    })),
    alignments: doc.alignments,
    abstractComparisons: [],
    entities: doc.entities.map((e) => ({ ...e, mentions: e.mentions.map(({ block, ...m }) => ({ passage: idOf(block), ...m })) })),
    edits,
    messages: doc.messages,
    stats: { rules: sortKeys(doc.counts) },
  };
  // The comparison reads the record itself (passage ids, alignments), so it is filled in last.
  document.abstractComparisons = compareAbstracts(document);
  return document;
}

function missing(docId: string): never {
  throw new Error(`${docId}: a reference points at a block that is not in the document`);
}

export function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
