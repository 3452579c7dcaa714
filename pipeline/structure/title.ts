// Titles, one per language. A title is a short line with no sentence in it that stands where titles
// stand: before the author line (阳军; Ян Цзюнь; *By Xu Tao*), a few lines before an abstract, at the
// top of the document. A title broken over two lines is joined. A document that prints its title
// only in the running head (试析 “…”的内涵与价值 on every other page) takes it from there.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../config.js";
import type { Block } from "../model/work.js";
import { passageLanguage } from "../segment/lang.js";
import { letterCounts } from "../segment/scripts.js";
import { authorLine } from "./authors.js";
import { cut, type Carver } from "./carve.js";
import type { FieldInfo } from "./fields.js";
import { isNumberedHeading } from "./headings.js";
import { blockLines, sourceText } from "./lines.js";
import { isLatinNameLine } from "./names.js";
import { CITATION_START } from "./markers.js";
import { asciiForms, stripMarkup, value } from "./text.js";

export interface Title {
  lang: string;
  text: string;
  blocks: Block[];
}

const HAN = /\p{Script=Han}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const ISSUE = /\d{4}\s*年\s*第\s*\d+\s*期|^第\s*\d+\s*卷|Vol\.|No\./u;

export function scriptOf(text: string): "han" | "cyrillic" | "latin" | "none" {
  const { han, cyrl: cyr, latin: lat } = letterCounts(text);
  if (han * 3 >= Math.max(cyr, lat) && han > 0) return "han";
  if (cyr === 0 && lat === 0) return "none";
  return cyr >= lat ? "cyrillic" : "latin";
}

/** A line that could be a title: short, no sentence, no link, not a numbered section heading. */
export function titleLike(block: Block): boolean {
  if (block.tracked.text.length > 400) return false;
  const text = value(block.tracked.text);
  if (text === "" || /https?:|www\.|@/.test(text) || /^[\d\s０-９]+$/u.test(text)) return false;
  if (block.kind === "footnote" || ISSUE.test(asciiForms(text))) return false;
  if (block.kind !== "heading" && isNumberedHeading(text)) return false;
  if (HAN.test(text) && scriptOf(text) === "han") return text.length <= 80 && !/[。！？；]|[，,:：]$/u.test(text);
  if (!LATIN.test(text) && !CYRILLIC.test(text)) return false;
  return text.length <= 250 && /^[\p{Lu}\d“"«(]/u.test(text) && !/[.!?;]\s+\p{Lu}|[,:;.]$/u.test(text);
}

const MAX_LINES = 3;
const BEFORE_ABSTRACT = 10;

export function findTitles(
  blocks: readonly Block[],
  fields: ReadonlyMap<Block, FieldInfo>,
  skip: ReadonlySet<Block>,
  authorLists: ReadonlySet<Block>,
): Title[] {
  const found: Title[] = [];
  const skipAsAuthor = (b: Block) => authorLists.has(b) || authorLine(b.tracked.text) !== null;
  const taken = new Set<Block>();
  const usable = (b: Block | undefined): b is Block => b !== undefined && !fields.has(b) && !skip.has(b) && !taken.has(b) && titleLike(b);
  const add = (group: Block[]) => {
    const text = joinTitle(group);
    const lang = passageLanguage(text);
    if (lang === "und" || found.some((t) => t.lang === lang)) return;
    found.push({ lang, text, blocks: group });
    for (const b of group) taken.add(b);
  };
  const before = (i: number, script: string): Block[] => {
    const group: Block[] = [];
    for (let j = i - 1; j >= 0 && group.length < MAX_LINES; j--) {
      const b = blocks[j];
      if (!usable(b) || scriptOf(b.tracked.text) !== script || authorLine(b.tracked.text)) break;
      group.unshift(b);
    }
    return group;
  };
  blocks.forEach((block, i) => {
    // The lines right above an author line in the same script.
    const author = fields.has(block) ? null : authorLine(sourceText(block.tracked));
    if (author) {
      const group = before(i, author.lang === "zh" ? "han" : scriptOf(block.tracked.text));
      if (group.length > 0) add(group);
    }
    // The nearest heading, or title-like line, a few blocks above an abstract or keyword label.
    const field = fields.get(block);
    if (field && (field.field === "abstract" || field.field === "keywords")) {
      const window: Array<{ b: Block; j: number }> = [];
      for (let j = i - 1; j >= Math.max(0, i - BEFORE_ABSTRACT); j--) {
        const b = blocks[j]!;
        if (fields.has(b) && (fields.get(b)!.field === "abstract" || fields.get(b)!.field === "keywords")) break;
        if (b.kind === "footnote" || b.tracked.text.length > 300) break;
        window.push({ b, j });
      }
      const heading = window.find(({ b, j }) => usable(b) && (b.kind === "heading" || j === 0))?.b;
      const line = window.find(({ b }) => usable(b) && !skipAsAuthor(b) && /^[\p{Lu}\p{Script=Han}]/u.test(value(b.tracked.text)))?.b;
      const title = heading ?? line;
      if (title) add([title]);
    }
  });
  // The first heading of the document.
  const first = blocks.slice(0, 4).find((b) => b.kind === "heading" && usable(b));
  if (first) add([first]);
  return found;
}

/** The title of a document that prints it only in its running head: a short line seen on several pages. */
export function runningHeadTitle(text: string): string | null {
  const counts = new Map<string, number>();
  for (const raw of text.split("\n")) {
    // value() only removes characters: a line too short, with 。，； or without Han stays so.
    if (raw.length < 6 || /[。，；]/.test(raw) || !HAN.test(raw)) continue;
    const line = value(raw);
    if (line.length >= 6 && line.length <= 60) counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  // Only a line seen twice can win: the costlier tests wait for those.
  const best = [...counts].filter(([line, n]) => n >= 2 && !ISSUE.test(asciiForms(line)) && !CITATION_START.test(line)).sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : null;
}

/**
 * A translated title and its author line that lost the blank lines around them and were joined to
 * the text above ("… ● Policy Proposals for … Cooperation Ouyang W ei"): cut them out, so that the
 * title and the author line are blocks of their own.
 */
export function splitTitleLines(blocks: readonly Block[], carver: Carver): Block[] {
  return blocks.flatMap((block, i) => {
    const lines = blockLines(block.tracked);
    const last = lines[lines.length - 1];
    if (lines.length < 2 || !last) return [block];
    // The author line closes this block, or stands alone as the next one.
    const own = isLatinNameLine(last.text);
    const next = blocks[i + 1];
    if (!own && !(next && blockLines(next.tracked).length === 1 && isLatinNameLine(next.tracked.text))) return [block];
    const end = own ? lines.length - 1 : lines.length;
    let first = end;
    while (first > 0 && end - first < MAX_LINES && latinTitleLine(lines[first - 1]!.text)) first--;
    if (first === end || first === 0) return own && first === 0 ? cut(block, [last.start], carver) : [block];
    return cut(block, own ? [lines[first]!.start, last.start] : [lines[first]!.start], carver);
  });
}

function latinTitleLine(text: string): boolean {
  const t = value(text);
  const script = scriptOf(t);
  return script !== "han" && script !== "none" && /^[\p{Lu}\d]/u.test(t) && !/[.,;:!?。，]$/u.test(t) && t.length <= 120;
}

function joinTitle(group: readonly Block[]): string {
  return value(
    group
      .map((b) => stripMarkup(b.tracked.text).trim())
      .reduce((acc, t) => (acc === "" ? t : HAN.test(acc.slice(-1)) && HAN.test(t[0] ?? "") ? acc + t : `${acc} ${t}`), ""),
  );
}

let surnames: Set<string> | null = null;
function surnameSet(): Set<string> {
  surnames ??= new Set(
    readFileSync(join(projectRoot, "config", "structure", "surnames.txt"), "utf8")
      .split("\n")
      .filter((l) => !l.startsWith("#"))
      .flatMap((l) => l.split(/\s+/))
      .filter((s) => s !== ""),
  );
  return surnames;
}

const NAME_MARK = "[\\d¹²³⁴⁵⁶⁷⁸⁹」ˡ*∗]";
const HAN_NAME_AT = new RegExp(`^\\p{Script=Han}(?:\\s?\\p{Script=Han}){1,2}\\s*${NAME_MARK}`, "u");
const LATIN_NAMES = /\s(?=\p{Lu}{2,}[\s-]\p{Lu}\p{Ll}+\S*\s+\p{Lu}{2,}[\s-]\p{Lu}\p{Ll})/u;

/**
 * Where the author list starts on a line that holds a title and its authors: 干酒糟…的应用杨 灿1 唐小
 * 武²… (a common surname opening a name followed by an affiliation mark), "… Swine Production YANG
 * Canil TANG Xiaowu² …" (two SURNAME Given names in a row). -1 when there is none.
 */
export function namesStart(text: string): number {
  const latin = LATIN_NAMES.exec(text);
  if (latin && latin.index >= 10 && scriptOf(text.slice(0, latin.index)) === "latin") return latin.index + 1;
  const names = surnameSet();
  for (let i = 6; i < Math.min(text.length, 100); i++) {
    const two = text.slice(i, i + 2);
    const surname = names.has(two) ? two : names.has(text[i]!) ? text[i]! : null;
    if (!surname || !HAN_NAME_AT.test(text.slice(i))) continue;
    const title = text.slice(0, i);
    if (scriptOf(title) === "han" && !/[\d(（)）]/u.test(title)) return i;
  }
  return -1;
}

/** Cut the author list off a title line near the top of the document or above an abstract; the lists cut off are returned too. */
export function splitTitleNames(blocks: readonly Block[], fields: ReadonlyMap<Block, FieldInfo>, carver: Carver): { blocks: Block[]; authors: Set<Block> } {
  const near = new Set<number>([0, 1, 2]);
  blocks.forEach((b, i) => {
    const f = fields.get(b);
    if (f && (f.field === "abstract" || f.field === "keywords")) for (let j = i - 1; j >= Math.max(0, i - 3); j--) near.add(j);
  });
  const authors = new Set<Block>();
  const out = blocks.flatMap((block, i) => {
    if (!near.has(i) || fields.has(block)) return [block];
    const first = blockLines(block.tracked)[0];
    const at = first ? namesStart(first.text) : -1;
    if (at <= 0) return [block];
    const parts = cut(block, [first!.start + at], carver);
    if (parts[1]) authors.add(parts[1]);
    return parts;
  });
  return { blocks: out, authors };
}
