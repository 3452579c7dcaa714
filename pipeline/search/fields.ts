// Index-ready fields of a passage: per-language terms (analyze.ts), the entities mentioned in it,
// where it stands (section path, footnotes anchored in it) and the document facets. Search engines
// that get Chinese wrong by default index these fields with a whitespace tokenizer.
import type { Document, Passage, SearchFields, SearchTerms, Section } from "../model/schema.js";
import type { Word } from "../text/jieba.js";
import { TEXT_FIELDS, tokens, type TextField } from "./analyze.js";

/** A passage's terms per field; `words` gives jieba's words of its whole text, when a stage has them. */
export function textFields(passage: Pick<Passage, "text" | "lang" | "langSpans">, words?: () => readonly Word[]): SearchTerms {
  const terms = Object.fromEntries(TEXT_FIELDS.map((f) => [f, [] as string[]])) as Record<TextField, string[]>;
  for (const t of tokens(passage.text, passage.lang, passage.langSpans, words)) terms[t.field].push(t.term);
  return Object.fromEntries(TEXT_FIELDS.map((f) => [f, terms[f].join(" ")])) as SearchTerms;
}

/** The terms the document carries, and the passage's place in the document. */
export function searchFields(doc: Document, passage: Passage): SearchFields {
  const ix = docIndex(doc);
  return {
    ...passage.terms,
    entities: [...(ix.entities.get(passage.id) ?? [])].sort(),
    sectionPath: sectionPath(ix.sections, passage.section),
    footnotes: ix.footnotes.get(passage.id) ?? [],
    doc: ix.facets,
  };
}

interface DocIndex {
  entities: Map<string, Set<string>>;
  footnotes: Map<string, string[]>;
  sections: Map<string, Section>;
  facets: SearchFields["doc"];
}

// Per-document lookups, built once: searchFields is called for every passage of a document.
const indexes = new WeakMap<Document, DocIndex>();

function docIndex(doc: Document): DocIndex {
  let ix = indexes.get(doc);
  if (ix) return ix;
  ix = { entities: new Map(), footnotes: new Map(), sections: new Map(doc.sections.map((s) => [s.id, s])), facets: { kind: doc.kind, title: mainTitle(doc), languages: doc.languages } };
  for (const e of doc.entities) for (const m of e.mentions) getOr(ix.entities, m.passage, () => new Set<string>()).add(e.id);
  for (const f of doc.footnotes) if (f.anchor) getOr(ix.footnotes, f.anchor.passage, () => []).push(f.id);
  indexes.set(doc, ix);
  return ix;
}

function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

function sectionPath(sections: Map<string, Section>, sectionId: string | null): string[] {
  const path: string[] = [];
  for (let s = sectionId ? sections.get(sectionId) : undefined; s; s = s.parent ? sections.get(s.parent) : undefined) path.unshift(s.title);
  return path;
}

function mainTitle(doc: Document): string {
  const title = doc.metadata.title;
  return doc.languages.map((l) => title[l]).find((t) => t !== undefined) ?? Object.values(title)[0] ?? "";
}
