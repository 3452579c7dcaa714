// A book's front matter: cover and title page, the CIP record (图书在版编目(CIP)数据), the colophon
// (书名, 主编, 责任编辑, 出版发行, 标准书号 …), the editorial board, the preface with its author and
// date, and the table of contents. Everything before the body's first heading is front matter.
import type { Cip, Editor, PassageKind, TocEntry } from "../model/schema.js";
import type { Block } from "../model/work.js";
import { passageLanguage } from "../segment/lang.js";
import { parseDate } from "./dates.js";
import { labelsConfig, labelSource } from "./labels.js";
import { sourceText } from "./lines.js";
import { chineseNames } from "./names.js";
import { asciiForms, compactCjk, stripMarkup, value } from "./text.js";

export interface BookFront {
  title: string | null;
  /** The title romanised on the cover (SHANGHAI HEZUO ZUZHI …), as pinyin. */
  pinyinTitle: string | null;
  editors: Editor[];
  contributors: string[];
  publisher: string | null;
  isbn: string | null;
  cip: Cip | null;
  preface: { author: string | null; date: string | null } | null;
  toc: TocEntry[];
  kinds: Map<Block, PassageKind>;
  /** Index of the first body block (the first heading after the front matter and contents). */
  bodyStart: number;
}

const ISBN = /ISBN[\s:：]*((?:97[89][\s-]*)?(?:\d[\s-]*){9}[\dXx])/;
const CIP_HEAD = /图书在版编目\s*[(（]?\s*CIP\s*[)）]?\s*数据/;
const CIP_NUMBER = /CIP\s*数据核字\s*([(（]\s*\d{4}\s*[)）]\s*第\s*\d+\s*号)/;
const CIP_CLASS = /IV\s*[.．]\s*((?:[\u2460-\u2473]\s*[A-Z][\d.\-/:=+()A-Z]*\s*)+)/;
const PUBLISHER = /[\p{Script=Han}]{2,20}(?:出版社|出版公司|书局|印书馆)/u;
const TITLE_FIELD = /^\**\s*书\s*名\s*\**\s*[:：]\s*\**\s*(.+)$/u;
const PUBLISHER_FIELD = /^\**\s*出\s*版\s*(?:发\s*行|者)?\s*\**\s*[:：]\s*\**\s*(.+)$/u;
const PREFACE = /^(?:#+\s*)?(?:序|序\s*言|前\s*言|自\s*序|代\s*序|Preface|Foreword)$/i;
const TOC_HEAD = /^(?:目\s*录|目\s*次|Contents?)(?:\s+(?:CONTENTS?|目\s*录))?$/i;
const TOC_ENTRY = /(?<title>[^.…]+?)\s*(?:\.{2,}|…{1,}|·{3,})\s*[(（]?\s*(?<page>\d{1,4})\s*[)）]?/gu;
const TOC_LEADER = /(?:\.{2,}|…+|·{3,})\s*[(（]?\s*\d{1,4}\s*[)）]?/u;
const TOC_LABEL = /^(第[一二三四五六七八九十百\d]+[章节篇部编])\s*/u;

let editorRes: Array<{ role: Editor["role"]; re: RegExp }> | null = null;

/** The editor labels of labels.json as patterns (compiled once). */
function editorPatterns(): Array<{ role: Editor["role"]; re: RegExp }> {
  const cfg = labelsConfig().editors;
  const roles = ["deputy", "chief", "responsible", "editor"] as const;
  editorRes ??= roles.flatMap((role) =>
    cfg[role].map((label) => ({
      role,
      re: new RegExp(`^\\**\\s*[(（]?\\s*${labelSource(label)}(?=[\\s\\u3000:：*]|$)\\s*\\**\\s*[:：]?\\s*\\**\\s*(?<names>.*?)[)）]?$`, "u"),
    })),
  );
  return editorRes;
}

/**
 * Editors named on a line: 主 编 钱利华, **责任编辑:** 朱奎玉, （责任编辑 靳会新 刘阳）, (编　辑　毛　悦).
 * The rest of the line must be names only, so 编辑部地址：… is no editor line.
 */
export function editorsOn(line: string): Editor[] {
  for (const { role, re } of editorPatterns()) {
    const m = re.exec(line.trim());
    if (!m?.groups) continue;
    const names = chineseNames(m.groups.names!);
    const rest = m.groups.names!.replace(/[\s\u3000,，、;；]/g, "");
    return names.length > 0 && names.join("") === rest ? names.map((name) => ({ name, role })) : [];
  }
  return [];
}

export function isbnOf(text: string): string | null {
  const m = ISBN.exec(asciiForms(text));
  return m ? m[1]!.replace(/[\s-]+/g, "-").replace(/-$/, "") : null;
}

export function bookFront(blocks: readonly Block[]): BookFront {
  const front: BookFront = { title: null, pinyinTitle: null, editors: [], contributors: [], publisher: null, isbn: null, cip: null, preface: null, toc: [], kinds: new Map(), bodyStart: 0 };
  const contributorLabel = new RegExp(`^(?:${labelsConfig().contributors.map(labelSource).join("|")})\\s*[:：]\\s*`, "u");
  let tocStart = -1;
  let prefaceStart = -1;
  let cipLines: string[] | null = null;
  let inContributors = false;
  let i = 0;
  for (; i < blocks.length; i++) {
    const block = blocks[i]!;
    const text = block.tracked.text.trim();
    const source = sourceText(block.tracked);
    if (PREFACE.test(stripMarkup(text).replace(/\s/g, "")) && prefaceStart < 0) {
      prefaceStart = i;
      front.kinds.set(block, "heading");
      continue;
    }
    if (TOC_HEAD.test(text) || (tocStart >= 0 && TOC_LEADER.test(source))) {
      if (tocStart < 0) tocStart = i;
      front.kinds.set(block, "toc");
      continue;
    }
    if (tocStart >= 0 || (block.kind === "heading" && (prefaceStart >= 0 || front.isbn !== null))) break;
    if (prefaceStart >= 0) continue;
    front.kinds.set(block, "front-matter");
    // Lines as printed: the names in 慈国巍 王志平 are apart only in the source.
    for (const line of source.split("\n")) {
      const plain = stripMarkup(line).trim();
      if (plain === "") continue;
      if (CIP_HEAD.test(plain)) cipLines = [];
      if (cipLines) {
        cipLines.push(line);
        if (CIP_NUMBER.test(plain)) {
          front.cip = cipOf(cipLines);
          cipLines = null;
        }
      }
      const editors = editorsOn(plain);
      if (editors.length > 0) inContributors = false;
      for (const e of editors) if (!front.editors.some((x) => x.name === e.name && x.role === e.role)) front.editors.push(e);
      const contributors = contributorLabel.exec(plain);
      if (contributors) inContributors = true;
      else if (editors.length > 0 || /[:：]/.test(plain)) inContributors = false;
      if (inContributors) front.contributors.push(...chineseNames(plain.slice(contributors?.[0].length ?? 0)));
      const title = TITLE_FIELD.exec(plain)?.[1];
      if (title) front.title ??= value(title);
      const pub = PUBLISHER_FIELD.exec(plain)?.[1];
      if (pub) front.publisher ??= PUBLISHER.exec(pub)?.[0] ?? null;
      front.isbn ??= isbnOf(plain);
    }
    front.publisher ??= PUBLISHER.test(text) && text.length <= 20 ? PUBLISHER.exec(text)![0] : null;
  }
  front.bodyStart = i;
  // The title on the cover, and the romanised title printed under it.
  const cover = front.title ? blocks.slice(0, i).findIndex((b) => value(b.tracked.text) === front.title) : -1;
  const under = blocks[cover + 1];
  if (cover >= 0 && under) {
    front.kinds.set(blocks[cover]!, "title");
    if (passageLanguage(under.tracked.text) === "zh-Latn") {
      front.pinyinTitle = value(under.tracked.text);
      front.kinds.set(under, "title");
    }
  }
  if (prefaceStart >= 0) front.preface = prefaceOf(blocks.slice(prefaceStart + 1, tocStart >= 0 ? tocStart : i), front.kinds);
  if (tocStart >= 0) front.toc = tocOf(blocks.slice(tocStart, i));
  return front;
}

function cipOf(lines: string[]): Cip {
  const text = value(lines.map((l) => stripMarkup(l)).join(" "));
  const cls = CIP_CLASS.exec(asciiForms(lines.join(" ")));
  const number = CIP_NUMBER.exec(asciiForms(lines.join(" ")));
  return {
    text,
    classification: cls ? [...cls[1]!.matchAll(/[\u2460-\u2473]\s*([A-Z][\d.\-/:=+()A-Z]*)/gu)].map((m) => m[1]!) : [],
    number: number ? number[1]!.replace(/\s+/g, "").replace(/（/g, "(").replace(/）/g, ")") : null,
  };
}

/** The preface's signature: its last short lines, a name and a date. */
function prefaceOf(blocks: readonly Block[], kinds: Map<Block, PassageKind>): { author: string | null; date: string | null } {
  let author: string | null = null;
  let date: string | null = null;
  for (const block of blocks.slice(-3)) {
    const text = block.tracked.text.trim();
    const d = text.length <= 20 ? parseDate(text) : null;
    if (d) {
      date = d;
      kinds.set(block, "front-matter");
    } else if (/^\p{Script=Han}{2,4}$/u.test(compactCjk(text))) {
      author = compactCjk(text);
      kinds.set(block, "author");
    }
  }
  return { author, date };
}

function tocOf(blocks: readonly Block[]): TocEntry[] {
  const text = stripMarkup(blocks.map((b) => sourceText(b.tracked)).join(" ")).replace(TOC_HEAD_PREFIX, "");
  const entries: TocEntry[] = [];
  for (const m of text.matchAll(TOC_ENTRY)) {
    const raw = m.groups!.title!.replace(/\s+/g, " ").trim();
    const label = TOC_LABEL.exec(raw);
    const title = compactCjk(label ? raw.slice(label[0].length) : raw);
    if (title === "") continue;
    const level = label && /节$/.test(label[1]!) ? 2 : 1;
    entries.push({ level, label: label ? label[1]! : null, title, page: Number(m.groups!.page) });
  }
  return entries;
}

const TOC_HEAD_PREFIX = /^\s*(?:目\s*录|目\s*次|Contents?)(?:\s+(?:CONTENTS?|目\s*录))?\s*/i;
