// What each source line is before lines are grouped into blocks: text, page furniture to drop
// (page numbers, running headers, garbage, markdown rules and images), or a line that always
// stands apart (headings, footnote markers, table rows, formulas, table-of-contents entries).
import { charCount, ENDS_SENTENCE, firstChar, lastChar } from "./chars.js";
import { readConfig } from "./data.js";
import { isGarbage } from "./garbage.js";
import type { Line, Wrap } from "./lines.js";
import { wrapOf } from "./lines.js";
import { onlyMarkers, startsWithMarker } from "./markers.js";

export type Role =
  | "text"
  | "page-number"
  | "running-header"
  | "garbage-line"
  | "markdown-rule"
  | "markdown-image"
  | "stray-fragment"
  | "marker"
  | "footnote"
  | "heading"
  | "field"
  | "list"
  | "toc"
  | "table"
  | "math"
  | "sidebar";

/** Roles of lines that are dropped, each by the rule clean.<role>. */
export const FURNITURE: ReadonlySet<Role> = new Set(["page-number", "running-header", "garbage-line", "markdown-rule", "markdown-image", "stray-fragment"]);

interface LayoutData {
  wrap: { full: number };
  pageNumber: string;
  runningHeader: { maxWidth: number; minGapLines: number; sandwichMaxWidth: number; patterns: string[] };
  sidebar: { borders: string; minLines: number };
  toc: string;
  fieldLabels: string[];
  listItem: string;
}

const data = readConfig<LayoutData>("layout.json");
const PAGE_NUMBER = new RegExp(data.pageNumber, "u");
const HEADER_PATTERNS = data.runningHeader.patterns.map((p) => new RegExp(p, "u"));
const TOC = new RegExp(data.toc, "u");
const FIELDS = data.fieldLabels.map((p) => new RegExp(p, "iu"));
const LIST = new RegExp(data.listItem, "u");
const HEADING = /^#{1,6}\s/;
const RULE = /^(?:-{3,}|\*{3,}|_{3,})$/;
const IMAGE = /^!\[[^\]]*\]\([^)]*\)$/;
const TABLE_OPEN = /^(?:<html>|<body>|<table)/i;
const PIPE_ROW = /^\|.*\|$/;
const BORDERS = new Set([...data.sidebar.borders]);
const PUNCTUATION = /[，。、：；！？,.:;!?]/;

function isField(text: string): boolean {
  return FIELDS.some((re) => re.test(text));
}

export function roles(lines: readonly Line[], wrap: Wrap): Role[] {
  const out = lines.map((l) => ownRole(l.text));
  markBlocks(lines, out);
  markSidebars(lines, out);
  markRunningHeaders(lines, out, wrap);
  markStrayFragments(lines, out);
  return out;
}

/** The tail of a citation: a closing title mark, an issue, pages. */
const CITATION_TAIL = /[»》]|年第\s*[0-9０-９]+\s*期|第\s*[0-9０-９~～\-—]+\s*页|pp?\.\s*[0-9０-９]/u;

/**
 * A text frame of one line holding the tail of a citation, set between two halves of a sentence:
 * the rest of a footnote from the previous page, misplaced by the extraction (…这一概念的 / 学版)»，
 * 2017年第4期，第6~13页. / 应用具有…). It is dropped so that the sentence reads on.
 */
function markStrayFragments(lines: readonly Line[], out: Role[]): void {
  for (let i = 1; i + 1 < lines.length; i++) {
    const [prev, line, next] = [lines[i - 1]!, lines[i]!, lines[i + 1]!];
    if (out[i] !== "text" || !line.frameStart || !next.frameStart || out[i - 1] !== "text" || out[i + 1] !== "text") continue;
    if (!ENDS_SENTENCE.test(prev.text) && CITATION_TAIL.test(line.text)) out[i] = "stray-fragment";
  }
}

/** The role a line has on its own. */
function ownRole(text: string): Role {
  if (HEADING.test(text)) return "heading";
  if (RULE.test(text)) return "markdown-rule";
  if (IMAGE.test(text)) return "markdown-image";
  if (onlyMarkers(text)) return "marker";
  if (startsWithMarker(text)) return "footnote";
  if (PAGE_NUMBER.test(text)) return "page-number";
  if (TABLE_OPEN.test(text) || PIPE_ROW.test(text)) return "table";
  if (text === "$$" || (text.startsWith("$$") && text.endsWith("$$"))) return "math";
  if (TOC.test(text)) return "toc";
  if (isField(text)) return "field";
  if (LIST.test(text)) return "list";
  if (isGarbage(text)) return "garbage-line";
  return "text";
}

/** Lines inside an HTML table or between $$ delimiters belong to that table or formula. */
function markBlocks(lines: readonly Line[], out: Role[]): void {
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    const closer = out[i] === "table" && /<table/i.test(text) && !/<\/table>/i.test(text) ? /<\/table>/i : out[i] === "math" && text === "$$" ? /^\$\$$/ : null;
    if (!closer) continue;
    let j = i + 1;
    while (j < lines.length && !closer.test(lines[j]!.text)) j++;
    if (j === lines.length) continue;
    for (let k = i + 1; k <= j; k++) out[k] = out[i]!;
    i = j;
  }
}

/**
 * Boxed sidebars: a run of lines each opening and closing with a border glyph (`}`, `；`, `j`, `?`,
 * `●` …) that the OCR read from the box frame. Garbage lines inside the box stay garbage.
 */
function markSidebars(lines: readonly Line[], out: Role[]): void {
  const boxed = (i: number) => {
    const t = lines[i]!.text;
    return t.length > 0 && BORDERS.has(firstChar(t)) && BORDERS.has(lastChar(t));
  };
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && (out[j] === "text" || out[j] === "garbage-line") && boxed(j)) j++;
    const text = lines.slice(i, j).filter((_, k) => out[i + k] === "text").length;
    if (text >= data.sidebar.minLines) for (let k = i; k < j; k++) if (out[k] === "text") out[k] = "sidebar";
    i = Math.max(j, i + 1);
  }
}

/**
 * Running headers: a short line that is repeated far apart in the document, that has the form of
 * a journal-issue line, or that sits between two halves of a sentence of wrapped text.
 */
function markRunningHeaders(lines: readonly Line[], out: Role[], wrap: Wrap): void {
  const { maxWidth, minGapLines, sandwichMaxWidth } = data.runningHeader;
  const key = (l: Line) => l.text.replace(/^#+\s*/, "").replace(/[\s\u3000]+/g, "");
  // A label with its value (主编：钱利华) repeats in front matter: headers hold no colon or comma.
  // The keys of candidate lines, null for the others; cheap tests first.
  const keys = lines.map((l, i) => {
    if ((out[i] !== "text" && out[i] !== "heading") || l.width > maxWidth || ENDS_SENTENCE.test(l.text) || /[：:，,、]/.test(l.text)) return null;
    const k = key(l);
    return charCount(k) >= 2 ? k : null;
  });
  const seen = new Map<string, number[]>();
  lines.forEach((l, i) => {
    const k = keys[i];
    if (!k) return;
    const at = seen.get(k);
    if (at) at.push(l.index);
    else seen.set(k, [l.index]);
  });
  lines.forEach((l, i) => {
    const k = keys[i];
    if (!k) return;
    const at = seen.get(k)!;
    const repeated = at.some((other) => Math.abs(other - l.index) >= minGapLines);
    if (repeated || HEADER_PATTERNS.some((re) => re.test(k)) || sandwiched(lines, out, i, wrap, sandwichMaxWidth)) {
      out[i] = "running-header";
    }
  });
}

/** A short label between a line cut mid-sentence at full width and the next frame's first line. */
function sandwiched(lines: readonly Line[], out: readonly Role[], i: number, wrap: Wrap, maxWidth: number): boolean {
  const line = lines[i]!;
  if (line.width > maxWidth || PUNCTUATION.test(line.text) || out[i] !== "text") return false;
  let p = i - 1;
  while (p >= 0 && out[p] === "page-number") p--;
  const prev = lines[p];
  const next = lines[i + 1];
  if (!prev || !next || out[p] !== "text" || out[i + 1] !== "text") return false;
  const w = wrapOf(prev, wrap);
  return w !== null && prev.width >= w * data.wrap.full && !ENDS_SENTENCE.test(prev.text) && next.frameStart;
}
