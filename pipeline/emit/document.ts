// WorkDoc → Document record: ids in reading order, block references resolved to ids, the edit log
// assembled from every block and dropped piece. Parsing through the schema validates the record and
// fixes its key order, so equal documents are equal bytes.
import { Document, type Edit } from "../model/schema.js";
import type { Block, WorkDoc } from "../model/work.js";

export function toDocument(doc: WorkDoc): Document {
  const ids = new Map<Block, string>(doc.blocks.map((b, i) => [b, `${doc.id}#p${i + 1}`]));
  const idOf = (b: Block) => ids.get(b) ?? missing(doc.id);
  const edits: Edit[] = [
    ...doc.blocks.flatMap((b) => b.tracked.edits(idOf(b))),
    ...doc.dropped.map((p) => ({ rule: p.rule ?? "", span: { start: p.start, end: p.end }, before: doc.text.slice(p.start, p.end), after: p.text, passage: null })),
  ].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return Document.parse({
    id: doc.id,
    source: doc.source,
    kind: doc.kind,
    languages: doc.languages,
    metadata: doc.metadata,
    abstracts: doc.abstracts.map(({ block, ...a }) => ({ ...a, passage: block ? idOf(block) : null })),
    passages: doc.blocks.map((b) => ({
      id: idOf(b),
      kind: b.kind,
      lang: b.lang,
      text: b.tracked.text,
      span: b.tracked.span ?? { start: 0, end: 0 },
      langSpans: b.langSpans,
      sentences: b.sentences,
    })),
    footnotes: doc.footnotes.map((f, i) => ({
      id: `${doc.id}#fn${i + 1}`,
      marker: f.marker,
      text: f.text,
      anchor: f.anchor ? { passage: idOf(f.anchor.block), offset: f.anchor.offset } : null,
    })),
    alignments: doc.alignments,
    entities: doc.entities.map((e) => ({ ...e, mentions: e.mentions.map(({ block, ...m }) => ({ passage: idOf(block), ...m })) })),
    edits,
    messages: doc.messages,
    stats: { rules: sortKeys(doc.counts) },
  });
}

function missing(docId: string): never {
  throw new Error(`${docId}: a reference points at a block that is not in the document`);
}

export function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
