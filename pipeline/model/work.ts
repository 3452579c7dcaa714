// The in-memory document the stages pass along. It differs from the emitted Document in one way:
// passages are blocks of Tracked text and refer to each other by object, so a stage may split,
// merge or reorder blocks; ids are assigned once, in reading order, when the document is emitted.
import type { Config } from "../config.js";
import type {
  Abstract,
  Alignment,
  Citation,
  DocumentKind,
  Entity,
  LangSpan,
  Message,
  Metadata,
  PassageKind,
  RuleCounts,
  Section,
  SourceInfo,
  Span,
} from "./schema.js";
import type { Piece, Tracked } from "./tracked.js";

export interface Block {
  kind: PassageKind;
  tracked: Tracked;
  lang: string;
  langSpans: LangSpan[];
  sentences: Span[];
  /** The innermost section the block belongs to, set by the structure stage. */
  section?: WorkSection | null;
}

export interface WorkSection extends Omit<Section, "id" | "parent" | "passage"> {
  parent: WorkSection | null;
  block: Block;
}

export interface WorkFootnote {
  marker: string;
  text: string;
  anchor: { block: Block; offset: number } | null;
  /** The footnote's body passage (set by structure; optional for stages that build notes by hand). */
  block?: Block | null;
  citations?: Citation[];
}

export interface WorkReference {
  marker: string | null;
  text: string;
  block: Block;
  citations: Citation[];
}

export interface WorkMention {
  block: Block;
  start: number;
  end: number;
  text: string;
}

export interface WorkEntity extends Omit<Entity, "mentions"> {
  mentions: WorkMention[];
}

export interface WorkAbstract extends Omit<Abstract, "passage"> {
  block: Block | null;
}

export interface WorkDoc {
  id: string;
  source: SourceInfo;
  /** The decoded source text that spans index. */
  text: string;
  kind: DocumentKind;
  languages: string[];
  metadata: Metadata;
  abstracts: WorkAbstract[];
  sections: WorkSection[];
  blocks: Block[];
  /** Source text dropped between blocks, each piece by a named rule. */
  dropped: Piece[];
  footnotes: WorkFootnote[];
  references: WorkReference[];
  alignments: Alignment[];
  entities: WorkEntity[];
  messages: Message[];
  /** Edit counts per rule, including normalisations made while decoding. */
  counts: RuleCounts;
}

/** A stage: one step of the pipeline, from document to document. */
export type Stage = (doc: WorkDoc, config: Config) => WorkDoc;

export function emptyDoc(id: string, source: SourceInfo, text: string, counts: RuleCounts): WorkDoc {
  return {
    id,
    source,
    text,
    kind: "other",
    languages: [],
    metadata: {
      title: {},
      authors: [],
      keywords: {},
      clc: [],
      documentCode: null,
      articleNumber: null,
      doi: null,
      received: null,
      editors: [],
      publisher: null,
      isbn: null,
      cip: null,
      preface: null,
      toc: [],
    },
    abstracts: [],
    sections: [],
    blocks: [],
    dropped: [],
    footnotes: [],
    references: [],
    alignments: [],
    entities: [],
    messages: [],
    counts,
  };
}
