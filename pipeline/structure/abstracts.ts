// Abstracts and keyword lists, wherever they stand. A label with its text on the same line, a label
// on a line of its own followed by the text, an abstract broken over two paragraphs. A journal's
// collected English abstracts (ABSTRACTS, then "- 01 Title**, by Author, affiliation. Text …" for
// every article of the issue) give only the entry of this article, found by its title or author.
// Articles without a labelled abstract that open with a summary paragraph, and whose translation
// opens the same way after its title, have these summaries as abstracts.
import type { PassageKind } from "../model/schema.js";
import type { Block } from "../model/work.js";
import { passageLanguage } from "../segment/lang.js";
import { sentenceTexts, splitSentences } from "../segment/sentences.js";
import { cut, dropBlock, type Carver } from "./carve.js";
import type { FieldInfo } from "./fields.js";
import { labelAtStart, labelsConfig } from "./labels.js";
import { sourceText } from "./lines.js";
import { latinName } from "./names.js";
import { scriptOf, type Title } from "./title.js";
import { stripMarkup, value } from "./text.js";

export interface Found {
  lang: string;
  blocks: Block[];
}

export interface AbstractsResult {
  blocks: Block[];
  abstracts: Found[];
  keywords: Record<string, string[]>;
  kinds: Map<Block, PassageKind>;
}

const TERMINAL = /[。.!?！？…”"»)）]$/u;
const ENTRY = /^(?:[-*•]\s*)?(?<page>\d{1,3})\s+(?<title>.+?)\**\s*,\s*by\s+(?<name>[^,]+?)\s*,\s*(?<rest>.+)$/su;

const CYRILLIC_LANGS = new Set(["ru", "uk", "kk", "be", "bg", "ky", "mn"]);

/** The label's language when the text is in its script (franc misreads short lists: "DDGS; swine" is no French); else the text's. */
function langOf(text: string, label: string): string {
  const script = label === "zh" ? "han" : CYRILLIC_LANGS.has(label) ? "cyrillic" : "latin";
  if (label !== "und" && scriptOf(text) === script) return label;
  const lang = passageLanguage(text);
  return lang === "und" ? label : lang;
}

export function findAbstracts(
  blocks: readonly Block[],
  fields: ReadonlyMap<Block, FieldInfo>,
  titles: readonly Title[],
  authorNames: readonly string[],
  carver: Carver,
): AbstractsResult {
  const out: Block[] = [];
  const abstracts: Found[] = [];
  const keywords: Record<string, string[]> = {};
  const kinds = new Map<Block, PassageKind>();
  const collected = new Set(labelsConfig().collected.map((c) => c.toLowerCase()));
  const add = (lang: string, group: Block[]) => {
    for (const b of group) kinds.set(b, "abstract");
    if (!abstracts.some((a) => a.lang === lang)) abstracts.push({ lang, blocks: group });
  };
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const field = fields.get(block);
    if (!field || (field.field !== "abstract" && field.field !== "keywords")) {
      out.push(block);
      continue;
    }
    let first = block;
    if (field.value === "") {
      // A label alone: the collected abstracts of an issue, or a label whose text is the next block.
      const next = blocks[i + 1];
      if (field.field === "abstract" && collected.has(value(field.label).replace(/[#*\s]+/g, " ").trim().toLowerCase()) && next && ENTRY.test(next.tracked.text)) {
        kinds.set(block, "front-matter");
        out.push(block);
        let j = i + 1;
        for (; j < blocks.length && ENTRY.test(blocks[j]!.tracked.text); j++) {
          const entry = collectedEntry(blocks[j]!, titles, authorNames, carver);
          for (const [b, kind] of entry.kinds) kinds.set(b, kind);
          out.push(...entry.blocks);
          if (entry.abstract) add("en", [entry.abstract]);
        }
        i = j - 1;
        continue;
      }
      if (!next || fields.has(next) || next.kind === "heading" || next.kind === "footnote") {
        out.push(block);
        continue;
      }
      dropBlock(block, "structure.label", carver);
      first = next;
      i++;
    }
    const group = [first];
    if (field.field === "abstract") {
      // An abstract broken over paragraphs: continue while the text has not ended a sentence.
      while (i + 1 < blocks.length && !TERMINAL.test(group[group.length - 1]!.tracked.text.trim())) {
        const next = blocks[i + 1]!;
        if (fields.has(next) || next.kind !== "paragraph" || scriptOf(next.tracked.text) !== scriptOf(first.tracked.text)) break;
        group.push(next);
        i++;
      }
      out.push(...group);
      add(langOf(group.map((b) => b.tracked.text).join(" "), field.lang), group);
    } else {
      out.push(first);
      kinds.set(first, "keywords");
      const lang = langOf(first.tracked.text, field.lang);
      const source = sourceText(first.tracked);
      keywords[lang] ??= splitKeywords(source.slice(labelAtStart(source)?.end ?? 0));
    }
  }
  return { blocks: out, abstracts, keywords, kinds };
}

/**
 * One entry of a collected abstracts block. The entry of this article (its title or its author
 * matches) is cut after the by-line's first sentence; the rest is this article's abstract.
 */
function collectedEntry(
  block: Block,
  titles: readonly Title[],
  authorNames: readonly string[],
  carver: Carver,
): { blocks: Block[]; kinds: Map<Block, PassageKind>; abstract: Block | null } {
  const m = ENTRY.exec(block.tracked.text)!;
  const g = m.groups!;
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  const title = norm(g.title!);
  const mine =
    titles.some((t) => t.lang === "en" && norm(t.text) === title) ||
    authorNames.some((n) => norm(n) === norm(latinName(g.name!)));
  if (!mine) return { blocks: [block], kinds: new Map([[block, "front-matter"]]), abstract: null };
  const restStart = block.tracked.text.length - g.rest!.length;
  const byline = splitSentences(g.rest!, "en")[0];
  if (!byline) return { blocks: [block], kinds: new Map([[block, "front-matter"]]), abstract: null };
  const [head, body] = cut(block, [restStart + byline.end], carver);
  const kinds = new Map<Block, PassageKind>([[head!, "front-matter"]]);
  if (body) kinds.set(body, "abstract");
  return { blocks: body ? [head!, body] : [head!], kinds, abstract: body ?? null };
}

/** Keywords split on semicolons, else commas or 、, else spaces between Chinese words. */
export function splitKeywords(text: string): string[] {
  const t = stripMarkup(text).replace(/\s+/g, " ").trim().replace(/[。.]$/u, "");
  const parts = /[;；]/.test(t) ? t.split(/\s*[;；]\s*/) : /[,，、]/.test(t) ? t.split(/\s*[,，、]\s*/) : /\p{Script=Han}/u.test(t) ? t.split(/\s+/) : [t];
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

/**
 * Summaries standing for abstracts: the paragraph that opens the main text (before any heading)
 * when no abstract in its language was found and the document has a title in another language;
 * and the paragraph after a translated title and author line.
 */
export function leadAbstracts(
  article: boolean,
  blocks: readonly Block[],
  kinds: ReadonlyMap<Block, PassageKind>,
  titles: readonly Title[],
  found: readonly Found[],
): Found[] {
  const leads: Found[] = [];
  if (!article) return leads;
  const has = (lang: string) => found.some((f) => f.lang === lang) || leads.some((f) => f.lang === lang);
  const kindOf = (b: Block) => kinds.get(b) ?? b.kind;
  if (titles.length === 0) return leads;
  const lead = (from: number): Block | null => {
    for (let i = from; i < blocks.length; i++) {
      const b = blocks[i]!;
      const kind = kindOf(b);
      if (kind === "title" || kind === "author" || kind === "front-matter") continue;
      if (kind !== "paragraph") return null;
      const n = b.tracked.text.length;
      return n >= 40 && n <= 1500 && sentenceTexts(b.tracked.text, passageLanguage(b.tracked.text)).length >= 2 ? b : null;
    }
    return null;
  };
  const opening = lead(0);
  if (opening) {
    const lang = passageLanguage(opening.tracked.text);
    if (!has(lang) && titles.some((t) => t.lang !== lang)) leads.push({ lang, blocks: [opening] });
  }
  for (const t of titles) {
    if (has(t.lang)) continue;
    const after = blocks.indexOf(t.blocks[t.blocks.length - 1]!);
    const b = after >= 0 ? lead(after + 1) : null;
    if (b && passageLanguage(b.tracked.text) === t.lang && b !== opening) leads.push({ lang: t.lang, blocks: [b] });
  }
  return leads;
}
