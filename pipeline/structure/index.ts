// Structure stage: what each block is (title, heading, abstract, footnote …), the document's
// metadata, its abstracts and keywords per language, its section tree, its footnotes linked to their
// anchors and its citations parsed. Blocks are cut and labels removed only through carve.ts, so
// blocks and dropped text keep tiling the source.
import type { PassageKind } from "../model/schema.js";
import type { Block, Stage, WorkAbstract, WorkDoc, WorkFootnote, WorkReference } from "../model/work.js";
import { passageLanguage } from "../segment/lang.js";
import { splitSentences } from "../segment/sentences.js";
import { findAbstracts, leadAbstracts, type Found } from "./abstracts.js";
import { linkFootnotes } from "./anchors.js";
import { bookFront } from "./book.js";
import type { Carver } from "./carve.js";
import { parseCitations } from "./citations.js";
import { splitFields } from "./fields.js";
import { isPageNumber, splitFootnotes } from "./footnotes.js";
import { isNumberedHeading, markdownHeading, numbering, splitHeadingLines } from "./headings.js";
import { documentKind } from "./kind.js";
import { articleMetadata, type Parts } from "./metadata.js";
import { referenceText, referenceZones, splitReferences } from "./references.js";
import { buildSections, type Heading } from "./sections.js";
import { findTitles, splitTitleLines, splitTitleNames } from "./title.js";
import { joinUrls } from "./urls.js";

export const structure: Stage = (doc) => {
  const carver: Carver = { dropped: [...doc.dropped], counts: doc.counts };
  let blocks = doc.blocks.map((b) => markdownHeading(b, doc.counts));

  // Cut: title and author lines, labelled fields, references, footnote bodies.
  const split = splitFields(splitTitleLines(blocks, carver), carver);
  const fields = split.fields;
  const named = splitTitleNames(split.blocks, fields, carver);
  blocks = named.blocks;
  const kind = documentKind(doc.text, blocks.filter((b) => b.kind === "paragraph").length);
  const book = kind === "book" ? bookFront(blocks) : null;
  const kinds = new Map<Block, PassageKind>(book?.kinds ?? []);
  const zone = referenceZones(blocks, fields);
  const referenced = splitReferences(blocks, zone, carver);
  blocks = referenced.blocks;
  const skip = new Set<Block>([...kinds.keys(), ...fields.keys(), ...referenced.refs.keys()]);
  const notes = splitFootnotes(blocks, skip, carver);
  blocks = splitHeadingLines(notes.blocks, new Set([...skip, ...notes.notes.keys()]), carver);

  // Titles, authors, abstracts (the collected abstracts of an issue are cut into entries).
  const titles = findTitles(blocks, fields, skip, named.authors);
  const parts: Parts = { blocks, fields, titles, book, kinds };
  const meta = articleMetadata(doc.text, parts);
  const found = findAbstracts(blocks, fields, titles, meta.latinNames, carver);
  blocks = found.blocks;
  for (const [b, k] of found.kinds) kinds.set(b, k);
  for (const t of titles) for (const b of t.blocks) kinds.set(b, "title");
  for (const b of [...meta.authorBlocks, ...named.authors]) kinds.set(b, "author");
  for (const b of meta.frontBlocks) kinds.set(b, "front-matter");
  for (const [b, f] of fields) if (!kinds.has(b)) kinds.set(b, f.field === "authorNote" ? "author" : "front-matter");
  for (const b of notes.notes.keys()) kinds.set(b, "footnote");
  for (const b of referenced.refs.keys()) kinds.set(b, "reference");

  // Headings and sections.
  const headings = new Map<Block, Heading>();
  const repeated = repeatedHeadings(blocks);
  let lastLang = "und";
  for (const b of blocks) {
    if (kinds.has(b) || isPageNumber(b)) continue;
    const n = b.kind === "heading" ? numbering(b.tracked.text) : isNumberedHeading(b.tracked.text);
    if (!n) continue;
    if (b.kind === "heading" && repeated.has(b.tracked.text)) {
      kinds.set(b, "front-matter"); // a running head marked up as a heading
      continue;
    }
    // A numeral alone ("二") has no language of its own: it continues the part it stands in.
    const lang = passageLanguage(n.title || b.tracked.text);
    lastLang = lang === "und" ? lastLang : lang;
    headings.set(b, { ...n, lang: lastLang });
    kinds.set(b, "heading");
  }
  const kindOf = (b: Block): PassageKind => kinds.get(b) ?? (b.kind === "heading" ? "paragraph" : b.kind);
  const leads = leadAbstracts(kind === "article", blocks, kinds, titles, found.abstracts);
  for (const l of leads) for (const b of l.blocks) kinds.set(b, "abstract");
  const { sections, sectionOf } = buildSections(blocks, headings, kindOf, book !== null);

  // Final blocks: kinds and sections set, URLs broken by line ends joined in notes and references.
  const final = new Map<Block, Block>();
  for (const b of blocks) {
    const k = kindOf(b);
    const tracked = k === "footnote" || k === "reference" ? joinUrls(b.tracked, doc.counts) : b.tracked;
    // The section key comes first: a spread into a literal that adds a key after it is slow in V8.
    const block: Block = { section: null, ...b, kind: k, tracked };
    block.section = sectionOf.get(b) ?? null;
    final.set(b, block);
  }
  const to = (b: Block) => final.get(b)!;
  for (const s of sections) s.block = to(s.block);

  const footnotes: WorkFootnote[] = linkFootnotes(blocks, notes.notes, skip).map((l) => {
    const body = to(l.block);
    return {
      marker: l.note.marker,
      text: body.tracked.text,
      anchor: l.anchor ? { block: to(l.anchor.block), offset: l.anchor.offset } : null,
      block: body,
      citations: parseCitations(body.tracked.text),
    };
  });
  const references: WorkReference[] = [...referenced.refs].map(([b, r]) => {
    const text = referenceText(to(b).tracked.text);
    return { marker: r.marker, text, block: to(b), citations: parseCitations(text) };
  });
  const abstracts = [...found.abstracts, ...leads].map((a) => workAbstract(a, to));

  return {
    ...doc,
    kind,
    blocks: blocks.map(to),
    dropped: carver.dropped,
    metadata: { ...doc.metadata, ...meta.metadata, keywords: found.keywords },
    abstracts,
    sections,
    footnotes,
    references,
  } satisfies WorkDoc;
};

function workAbstract(found: Found, to: (b: Block) => Block): WorkAbstract {
  const blocks = found.blocks.map(to);
  const joiner = found.lang === "zh" ? "" : " ";
  const text = blocks.map((b) => b.tracked.text).join(joiner);
  const sentences = splitSentences(text, found.lang).map(({ start, end }) => ({ start, end, text: text.slice(start, end) }));
  return { lang: found.lang, text, block: blocks[0] ?? null, sentences };
}

/** Markdown headings printed more than once: running heads. */
function repeatedHeadings(blocks: readonly Block[]): Set<string> {
  const seen = new Map<string, number>();
  for (const b of blocks) if (b.kind === "heading") seen.set(b.tracked.text, (seen.get(b.tracked.text) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n > 1).map(([t]) => t));
}
