// The output contract, defined once: TypeScript types are inferred from these schemas and the
// published JSON Schemas (output/schema/) are generated from them. Key order here is the key
// order of every emitted record, because emit passes records through these schemas.
import { z } from "zod";

export const Span = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .describe("Half-open range [start, end) in UTF-16 code units");

/** BCP 47 tag, e.g. zh, en, ru, zh-Latn, kk, und. */
export const Lang = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/);

/** A text value per language: {"zh": "…", "en": "…"}. */
export const PerLang = z.record(Lang, z.string());

export const PassageKind = z.enum([
  "title",
  "heading",
  "paragraph",
  "abstract",
  "keywords",
  "author",
  "footnote",
  "reference",
  "toc",
  "front-matter",
  "sidebar",
  "caption",
  "table",
]);

export const LangSpan = Span.extend({ lang: Lang }).describe(
  "A run of the passage's clean text in another language than the passage's own",
);

/** Index terms of a passage's text (pipeline/search/analyze.ts): space-separated, in text order. */
export const SearchTerms = z.object({
  zh: z.string().describe("Chinese words (jieba, over the whole passage) inside every Han run"),
  zhBigrams: z.string().describe("Character bigrams of every Han run (a one-character run as itself): substring recall"),
  en: z.string().describe("English Snowball stems, stopwords removed"),
  ru: z.string().describe("Russian Snowball stems (ё folded to е), stopwords removed"),
  other: z.string().describe("Lower-cased words of other languages, and numbers"),
});

export const Passage = z.object({
  id: z.string().describe("Stable id: <docId>#p<n>, n in reading order"),
  kind: PassageKind,
  lang: Lang,
  text: z.string().describe("Clean text, no line breaks"),
  span: Span.describe("Where the passage stands in the decoded source text"),
  langSpans: z.array(LangSpan),
  sentences: z.array(Span).describe("Sentence ranges in the passage's clean text"),
  section: z.string().nullable().describe("Id of the innermost section the passage belongs to (null before the first)"),
  terms: SearchTerms.describe("Index terms, computed with the document so that assembling passages.jsonl needs no tokenizer"),
});

export const Edit = z
  .object({
    rule: z.string(),
    span: Span.describe("Source range the edit replaced (empty for an insertion)"),
    before: z.string(),
    after: z.string(),
    passage: z.string().nullable().describe("Passage id, or null when the text was dropped between passages"),
  })
  .describe("One change from source to clean text, by a named rule");

export const Message = z.object({
  stage: z.string(),
  rule: z.string(),
  severity: z.enum(["info", "warning", "error"]),
  message: z.string(),
  span: Span.nullable(),
});

export const Author = z.object({
  name: PerLang,
  affiliation: PerLang.optional(),
});

/** ISO 8601 calendar date, YYYY-MM-DD. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const Editor = z.object({
  name: z.string(),
  role: z.enum(["chief", "deputy", "responsible", "editor"]).describe("主编, 副主编, 责任编辑, 编辑"),
});

export const Cip = z
  .object({
    text: z.string(),
    classification: z.array(z.string()).describe("Classification numbers of the CIP record (IV. ①D814.1 ②D815.5)"),
    number: z.string().nullable().describe("CIP data number, e.g. (2013)第029234号"),
  })
  .describe("Chinese Cataloguing-in-Publication record of a book");

export const TocEntry = z.object({
  level: z.number().int().positive(),
  label: z.string().nullable().describe("Chapter or section label, e.g. 第一章"),
  title: z.string(),
  page: z.number().int().nonnegative().nullable(),
});

export const Metadata = z.object({
  title: PerLang,
  authors: z.array(Author),
  keywords: z.record(Lang, z.array(z.string())),
  clc: z.array(z.string()).describe("Chinese Library Classification numbers (中图分类号)"),
  documentCode: z.string().nullable().describe("文献标识码"),
  articleNumber: z.string().nullable().describe("文章编号"),
  doi: z.string().nullable(),
  received: IsoDate.nullable(),
  editors: z.array(Editor),
  publisher: z.string().nullable(),
  isbn: z.string().nullable(),
  cip: Cip.nullable(),
  preface: z.object({ author: z.string().nullable(), date: IsoDate.nullable() }).nullable(),
  toc: z.array(TocEntry),
  script: z.enum(["Hans", "Hant"]).optional().describe("Script of the source's Chinese text; Hant is converted to Simplified (clean.traditional)"),
});

export const Citation = z
  .object({
    text: z.string(),
    lang: Lang,
    authors: z.array(z.string()),
    title: z.string().nullable(),
    container: z.string().nullable().describe("Journal, collection, newspaper or web site holding the work"),
    publisher: z.string().nullable(),
    place: z.string().nullable(),
    year: z.number().int().nullable(),
    volume: z.string().nullable(),
    issue: z.string().nullable(),
    pages: z.string().nullable(),
    url: z.string().nullable(),
    date: IsoDate.nullable().describe("Publication or access date when the citation gives a full date"),
    rest: z.string().describe("What the parser did not assign to a field"),
  })
  .describe("One cited work, parsed from a footnote or reference");

export const Section = z.object({
  id: z.string().describe("<docId>#s<n>, n in reading order"),
  parent: z.string().nullable(),
  level: z.number().int().positive(),
  number: z.string().nullable().describe("The heading's numbering as printed: 一、 （二） 1.2 II."),
  title: z.string(),
  lang: Lang,
  passage: z.string().describe("The heading passage"),
});

export const Abstract = z.object({
  lang: Lang,
  text: z.string(),
  passage: z.string().nullable(),
  sentences: z.array(Span.extend({ text: z.string() })),
});

export const Footnote = z.object({
  id: z.string(),
  marker: z.string(),
  text: z.string(),
  anchor: z.object({ passage: z.string(), offset: z.number().int().nonnegative() }).nullable(),
  passage: z.string().nullable().describe("The footnote body passage"),
  citations: z.array(Citation),
});

export const Reference = z.object({
  id: z.string().describe("<docId>#r<n>"),
  marker: z.string().nullable(),
  text: z.string(),
  passage: z.string(),
  citations: z.array(Citation),
});

export const AlignmentScope = z.enum(["abstract", "title", "keywords", "section", "body", "authors"]);

export const Alignment = z.object({
  scope: AlignmentScope,
  langs: z.tuple([Lang, Lang]),
  links: z.array(
    z.object({
      src: z.array(z.number().int().nonnegative()),
      tgt: z.array(z.number().int().nonnegative()),
      score: z.number().min(0).max(1),
    }),
  ),
});

const Count = z.number().int().nonnegative();
const PerLangList = z.record(Lang, z.array(z.string()));

const ComparisonSide = z.object({
  lang: Lang,
  sentences: Count,
  chars: Count.describe("Characters other than white space"),
  words: Count,
  unaligned: z.array(z.object({ index: Count, text: z.string() })).describe("Sentences with no counterpart"),
});

/** How two aligned abstracts of a document compare (pipeline/align/formats/comparison.ts). */
export const AbstractPair = z.object({
  langs: z.tuple([Lang, Lang]),
  sides: z.tuple([ComparisonSide, ComparisonSide]),
  lengthRatio: z.number().describe("Target characters per source character"),
  beads: z.record(z.string(), Count).describe("Bead shapes and how often each occurs (\"1-1\": 4)"),
  onlyIn: z.object({ numbers: PerLangList, dates: PerLangList, names: PerLangList }).describe("Values present on one side only, per language"),
  keywords: z
    .record(Lang, z.object({ total: Count, inAbstract: Count, translated: Count }))
    .describe("Per language with keywords: how many, how many its own abstract uses, how many the other abstract translates"),
});

/** One line of output/abstract-comparison.jsonl: a pair with the corpus norm for its languages. */
export const AbstractComparison = z
  .object({ doc: z.string() })
  .extend(AbstractPair.shape)
  .extend({
    corpusRatio: z.number().describe("The mean length ratio of this language pair over the corpus's abstracts"),
    relativeLength: z.number().describe("lengthRatio / corpusRatio: above 1 the target is longer than usual for the pair"),
  });

export const EntityType = z.enum(["PERSON", "ORG", "GPE", "LOC", "DATE", "WORK", "EVENT"]);

export const Entity = z.object({
  id: z.string(),
  type: EntityType,
  names: z.record(Lang, z.array(z.string())),
  mentions: z.array(
    z.object({ passage: z.string(), start: z.number().int(), end: z.number().int(), text: z.string() }),
  ),
});

/** One line of output/entities.jsonl: an entity across the corpus, with its mention counts and documents. */
export const EntityRecord = z.object({
  id: z.string(),
  type: EntityType,
  names: z.record(Lang, z.array(z.string())).describe("Names per language, the most frequent first"),
  mentions: z.number().int().positive(),
  mentionsByLang: z.record(Lang, z.number().int().positive()),
  docs: z.array(z.object({ id: z.string(), mentions: z.number().int().positive() })),
});
export type EntityRecord = z.infer<typeof EntityRecord>;

export const Encoding = z.enum(["utf-8", "utf-16le", "utf-16be", "gb18030", "big5", "windows-1251", "koi8-r"]);

export const SourceInfo = z.object({
  path: z.string().describe("Path relative to the sources root, POSIX separators"),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  encoding: Encoding,
  bom: z.boolean(),
  lineEndings: z.enum(["lf", "crlf", "cr", "mixed", "none"]),
  bytes: z.number().int().nonnegative(),
  chars: z.number().int().nonnegative().describe("Length of the decoded text that spans index"),
});

export const DocumentKind = z.enum(["article", "book", "other"]);

/** Per-rule edit counts: how many times each named rule changed or removed text. */
export const RuleCounts = z.record(z.string(), z.number().int().nonnegative());

export const Document = z.object({
  id: z.string(),
  source: SourceInfo,
  kind: DocumentKind,
  languages: z.array(Lang).describe("Languages present, main language first"),
  metadata: Metadata,
  abstracts: z.array(Abstract),
  sections: z.array(Section).describe("Section tree in reading order, linked by parent ids"),
  passages: z.array(Passage),
  footnotes: z.array(Footnote),
  references: z.array(Reference),
  alignments: z.array(Alignment),
  abstractComparisons: z.array(AbstractPair).describe("Every aligned pair of abstracts, compared"),
  entities: z.array(Entity),
  edits: z.array(Edit),
  messages: z.array(Message),
  stats: z.object({ rules: RuleCounts }),
});

/** Index-ready forms of a passage (pipeline/search/fields.ts): its terms and where it stands. */
export const SearchFields = SearchTerms.extend({
  entities: z.array(z.string()).describe("Ids of the entities mentioned in the passage, sorted"),
  sectionPath: z.array(z.string()).describe("Titles of the enclosing sections, outermost first"),
  footnotes: z.array(z.string()).describe("Ids of the footnotes anchored in the passage"),
  doc: z
    .object({ kind: DocumentKind, title: z.string().describe("Title in the main language, or \"\""), languages: z.array(Lang) })
    .describe("Document facets"),
});

/** One line of output/passages.jsonl: a passage with its document id and index-ready fields, the unit a search index ingests. */
export const PassageRecord = z.object({ docId: z.string() }).extend(Passage.omit({ terms: true }).shape).extend({ search: SearchFields });

export const SourceStatus = z.object({
  path: z.string(),
  docId: z.string().nullable(),
  sha256: z.string().nullable(),
  encoding: Encoding.nullable(),
  bytes: z.number().int().nonnegative(),
  status: z.enum(["ok", "rejected", "failed"]).describe("rejected: unusable input; failed: a pipeline error on this source"),
  reason: z.string().nullable(),
  passages: z.number().int().nonnegative(),
  rules: RuleCounts,
});

export const Shard = z.object({ index: z.number().int().nonnegative(), count: z.number().int().positive() });

export const Manifest = z.object({
  tool: z.object({ name: z.string(), version: z.string() }),
  configHash: z.string(),
  pipelineHash: z.string().describe("Hash of the pipeline code and locked dependencies; with configHash, decides reuse"),
  shard: Shard.nullable().describe("The subset this output holds, or null for the whole corpus"),
  sources: z.array(SourceStatus),
  totals: z.object({
    sources: z.number().int(),
    built: z.number().int(),
    rejected: z.number().int().describe("Sources rejected or failed"),
    passages: z.number().int(),
    bytes: z.number().int(),
    rules: RuleCounts,
  }),
  run: z
    .object({
      totalMs: z.number(),
      stagesMs: z.record(z.string(), z.number()),
      processed: z.number().int(),
      reused: z.number().int().describe("Sources whose previous document was kept (incremental build)"),
    })
    .describe("How this run went: the only part of the output that differs between runs that build the same corpus"),
});

export type Span = z.infer<typeof Span>;
export type LangSpan = z.infer<typeof LangSpan>;
export type PassageKind = z.infer<typeof PassageKind>;
export type Passage = z.infer<typeof Passage>;
export type Edit = z.infer<typeof Edit>;
export type Message = z.infer<typeof Message>;
export type Metadata = z.infer<typeof Metadata>;
export type Abstract = z.infer<typeof Abstract>;
export type Footnote = z.infer<typeof Footnote>;
export type Citation = z.infer<typeof Citation>;
export type Section = z.infer<typeof Section>;
export type Editor = z.infer<typeof Editor>;
export type TocEntry = z.infer<typeof TocEntry>;
export type Cip = z.infer<typeof Cip>;
export type Author = z.infer<typeof Author>;
export type Alignment = z.infer<typeof Alignment>;
export type Entity = z.infer<typeof Entity>;
export type Encoding = z.infer<typeof Encoding>;
export type SourceInfo = z.infer<typeof SourceInfo>;
export type DocumentKind = z.infer<typeof DocumentKind>;
export type RuleCounts = z.infer<typeof RuleCounts>;
export type Document = z.infer<typeof Document>;
export type PassageRecord = z.infer<typeof PassageRecord>;
export type SearchFields = z.infer<typeof SearchFields>;
export type SearchTerms = z.infer<typeof SearchTerms>;
export type AbstractPair = z.infer<typeof AbstractPair>;
export type AbstractComparison = z.infer<typeof AbstractComparison>;
export type SourceStatus = z.infer<typeof SourceStatus>;
export type Manifest = z.infer<typeof Manifest>;
export type Shard = z.infer<typeof Shard>;

/** One line of output/alignments.jsonl: a link with both sides' texts resolved. */
export const AlignmentBead = z.object({
  doc: z.string(),
  scope: AlignmentScope,
  langs: z.tuple([Lang, Lang]),
  src: z.array(z.number().int().nonnegative()),
  tgt: z.array(z.number().int().nonnegative()),
  srcText: z.string(),
  tgtText: z.string(),
  score: z.number().min(0).max(1),
});
export type AlignmentBead = z.infer<typeof AlignmentBead>;

/** The schemas published to output/schema/<name>.schema.json. */
export const publishedSchemas = {
  document: Document,
  passage: PassageRecord,
  manifest: Manifest,
  entity: EntityRecord,
  alignment: AlignmentBead,
  "abstract-comparison": AbstractComparison,
} as const;
