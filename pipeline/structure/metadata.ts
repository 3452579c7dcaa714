// The document's metadata from what the other modules found: titles per language, authors (names
// per language paired by position, affiliations from author notes), the fields (CLC, document code,
// article number, DOI, received date), editors, and a book's front matter.
import type { Author, Editor, Metadata, PassageKind } from "../model/schema.js";
import type { Block } from "../model/work.js";
import { authorLine, enAuthorNote, zhAuthorNote } from "./authors.js";
import { editorsOn, type BookFront } from "./book.js";
import { parseDate } from "./dates.js";
import type { FieldInfo } from "./fields.js";
import { sourceText } from "./lines.js";
import { runningHeadTitle, type Title } from "./title.js";
import { asciiForms, stripMarkup, value } from "./text.js";

export interface Parts {
  blocks: readonly Block[];
  fields: ReadonlyMap<Block, FieldInfo>;
  titles: readonly Title[];
  book: BookFront | null;
  kinds: ReadonlyMap<Block, PassageKind>;
}

export type FoundMetadata = Omit<Metadata, "keywords">;

const DOI = /\bDOI\s*[:：]?\s*(10\.\d{4,9}\/\s?[^\s，。；;,]+)/iu;
const CLC = /^[A-Z][A-Z\d.\-/:=+()]*$/u;
const FRONT_WINDOW = 12;

export function articleMetadata(
  text: string,
  { blocks, fields, titles, book, kinds }: Parts,
): { metadata: FoundMetadata; latinNames: string[]; authorBlocks: Set<Block>; frontBlocks: Set<Block> } {
  const authorBlocks = new Set<Block>();
  const frontBlocks = new Set<Block>();
  const title: Record<string, string> = {};
  for (const t of titles) title[t.lang] = t.text;
  if (book?.title) title.zh = book.title;
  if (book?.pinyinTitle) title["zh-Latn"] = book.pinyinTitle;
  if (!title.zh && !book) {
    const running = runningHeadTitle(text);
    if (running) title.zh = running;
  }

  // Author lines right after each title.
  const names: Record<string, string[]> = {};
  for (const t of titles) {
    const next = blocks[blocks.indexOf(t.blocks[t.blocks.length - 1]!) + 1];
    const line = next && !fields.has(next) ? authorLine(sourceText(next.tracked)) : null;
    if (!line || !next) continue;
    authorBlocks.add(next);
    names[line.lang === "zh" ? "zh" : t.lang] ??= line.names;
  }
  const authors: Author[] = [];
  const counts = Object.values(names).map((n) => n.length);
  const n = Math.max(0, ...counts);
  const paired = counts.every((c) => c === n);
  for (const [lang, list] of Object.entries(names)) {
    list.forEach((name, i) => {
      const k = paired ? i : authors.length;
      authors[k] ??= { name: {} };
      authors[k]!.name[lang] = name;
    });
  }
  if (book) for (const name of book.contributors) authors.push({ name: { zh: name } });

  // Fields and notes.
  const metadata: FoundMetadata = {
    title,
    authors,
    clc: [],
    documentCode: null,
    articleNumber: null,
    doi: null,
    received: null,
    editors: [...(book?.editors ?? [])],
    publisher: book?.publisher ?? null,
    isbn: book?.isbn ?? null,
    cip: book?.cip ?? null,
    preface: book?.preface ?? null,
    toc: book?.toc ?? [],
  };
  for (const f of fields.values()) {
    const v = asciiForms(value(f.value));
    if (f.field === "clc" && metadata.clc.length === 0) metadata.clc = v.split(/[\s;；,，]+/).filter((c) => CLC.test(c));
    if (f.field === "documentCode" && v !== "") metadata.documentCode ??= v.replace(/[.。]$/, "");
    if (f.field === "articleNumber" && v !== "") metadata.articleNumber ??= v.replace(/\s+/g, "");
    if (f.field === "doi") metadata.doi ??= DOI.exec(`DOI:${v}`)?.[1]?.replace(/\s+/g, "") ?? null;
    if (f.field === "received") metadata.received ??= parseDate(v);
    if (f.field === "authorNote") {
      const note = zhAuthorNote(f.value);
      if (note) affiliate(authors, note.name, "zh", note.affiliation);
    }
  }
  for (const block of blocks) {
    const t = block.tracked.text;
    const note = t.length < 600 ? enAuthorNote(t) : null;
    if (note) {
      authorBlocks.add(block);
      if (authors.length === 1) affiliate(authors, null, "en", note.affiliation);
      metadata.received ??= note.received;
    }
    if (!kinds.has(block) && t.length <= 40) {
      const editors = editorsOn(stripMarkup(sourceText(block.tracked)).replace(/\s*\n\s*/g, " "));
      if (editors.length > 0) frontBlocks.add(block);
      for (const e of editors) addEditor(metadata.editors, e);
    }
  }
  if (!metadata.doi) {
    for (const b of blocks.slice(0, FRONT_WINDOW)) {
      const m = DOI.exec(b.tracked.text);
      if (m) {
        metadata.doi = m[1]!.replace(/\s+/g, "");
        break;
      }
    }
  }
  return { metadata, latinNames: Object.entries(names).flatMap(([l, v]) => (l === "zh" ? [] : v)), authorBlocks, frontBlocks };
}

function affiliate(authors: Author[], name: string | null, lang: string, affiliation: string): void {
  let author = name ? authors.find((a) => a.name.zh === name) : authors.length === 1 ? authors[0] : undefined;
  if (!author && name) {
    author = { name: { zh: name } };
    authors.push(author);
  }
  if (!author) return;
  author.affiliation ??= {};
  author.affiliation[lang] ??= affiliation;
}

function addEditor(editors: Editor[], e: Editor): void {
  if (!editors.some((x) => x.name === e.name && x.role === e.role)) editors.push(e);
}
