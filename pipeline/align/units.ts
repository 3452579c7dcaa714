// The parallel units of a document, per scope and language, as the lists that alignment links index:
//   abstract   the sentences of the language's abstract
//   title      the title (one item)
//   keywords   the keyword list
//   authors    the author records (an author without a name in the language is an empty item)
//   section    every section of the document (global index; another language's section is an empty item)
//   body       the sentences of the language's headings and paragraphs, in reading order
// The same view reads the in-memory WorkDoc (the stage) and the emitted Document (corpus formats),
// so links made by the stage resolve to the same texts when the outputs are written.
import type { Alignment, Document } from "../model/schema.js";
import type { WorkDoc } from "../model/work.js";

export type Scope = Alignment["scope"];

export interface UnitPassage {
  kind: string;
  lang: string;
  text: string;
  sentences: readonly { start: number; end: number }[];
  /** Index of the passage's section in `sections`, or null. */
  section: number | null;
}

export interface UnitView {
  id: string;
  passages: readonly UnitPassage[];
  abstracts: readonly { lang: string; sentences: readonly { text: string }[] }[];
  title: Readonly<Record<string, string>>;
  keywords: Readonly<Record<string, readonly string[]>>;
  authors: readonly { name: Readonly<Record<string, string>> }[];
  sections: readonly { lang: string; title: string; number: string | null }[];
}

export function workView(doc: WorkDoc): UnitView {
  const sectionIndex = new Map(doc.sections.map((s, i) => [s, i]));
  return {
    id: doc.id,
    passages: doc.blocks.map((b) => ({
      kind: b.kind,
      lang: b.lang,
      text: b.tracked.text,
      sentences: b.sentences,
      section: b.section ? (sectionIndex.get(b.section) ?? null) : null,
    })),
    abstracts: doc.abstracts,
    title: doc.metadata.title,
    keywords: doc.metadata.keywords,
    authors: doc.metadata.authors,
    sections: doc.sections,
  };
}

export function documentView(doc: Document): UnitView {
  const sectionIndex = new Map(doc.sections.map((s, i) => [s.id, i]));
  return {
    id: doc.id,
    passages: doc.passages.map((p) => ({ ...p, section: p.section === null ? null : (sectionIndex.get(p.section) ?? null) })),
    abstracts: doc.abstracts,
    title: doc.metadata.title,
    keywords: doc.metadata.keywords,
    authors: doc.metadata.authors,
    sections: doc.sections,
  };
}

const BODY_KINDS = new Set(["heading", "paragraph"]);

/** A body sentence: its text and the section of its passage. */
export interface BodySentence {
  text: string;
  section: number | null;
}

export function bodySentences(view: UnitView, lang: string): BodySentence[] {
  return view.passages
    .filter((p) => p.lang === lang && BODY_KINDS.has(p.kind))
    .flatMap((p) => p.sentences.map((s) => ({ text: p.text.slice(s.start, s.end), section: p.section })));
}

/** The items of a scope in a language, as alignment links index them. */
export function unitTexts(view: UnitView, scope: Scope, lang: string): string[] {
  switch (scope) {
    case "abstract":
      return view.abstracts.find((a) => a.lang === lang)?.sentences.map((s) => s.text) ?? [];
    case "title":
      return view.title[lang] ? [view.title[lang]] : [];
    case "keywords":
      return [...(view.keywords[lang] ?? [])];
    case "authors":
      return view.authors.map((a) => a.name[lang] ?? "");
    case "section":
      return view.sections.map((s) => (s.lang === lang ? s.title : ""));
    case "body":
      return bodySentences(view, lang).map((s) => s.text);
  }
}

/** Languages in the order pairs are oriented: zh–en, zh–ru, en–ru, then others alphabetically. */
const ORDER = ["zh", "en", "ru"];

export function orderedPairs(langs: Iterable<string>): [string, string][] {
  const rank = (l: string): number => (ORDER.includes(l) ? ORDER.indexOf(l) : ORDER.length);
  const sorted = [...new Set(langs)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return sorted.flatMap((a, i) => sorted.slice(i + 1).map((b): [string, string] => [a, b]));
}
