// Headings: markdown `#` lines and numbered lines — 第一章/第一节, 一、 （一） 1. 1.1 (1), I. II.
// (with OCR's H for II and HI for III) — and the few unnumbered ones every paper has (结语,
// References …). A numbered line is a heading only when it is short and is no sentence.
import type { RuleCounts } from "../model/schema.js";
import type { Block } from "../model/work.js";
import { cut, type Carver } from "./carve.js";
import { blockLines } from "./lines.js";
import { asciiForms, stripMarkup, value } from "./text.js";

const ATX = /^#{1,6}[ \t]+/g;

/** Markdown headings: the block becomes a heading and its `#` marks are removed by rule structure.markdown-heading. */
export function markdownHeading(block: Block, counts: RuleCounts): Block {
  if (!/^#{1,6}[ \t]/.test(block.tracked.text)) return block;
  const tracked = block.tracked.replace(ATX, "structure.markdown-heading", "", counts);
  return { ...block, kind: "heading", tracked };
}

export interface Numbering {
  /** Numbering family: headings of one family and depth are siblings. */
  family: "chapter" | "cn" | "cn-paren" | "decimal" | "paren" | "roman" | "named" | "plain";
  depth: number;
  number: string | null;
  title: string;
}

const CN = "一二三四五六七八九十";
const DECORATION = /^[◀▶►◄■□●◆◇★☆▲△▼▽◎○•·\s]+/u;
const SEP = "[.．、\\u{1001B0}]";
const PATTERNS: Array<{ family: Numbering["family"]; re: RegExp; depth?: (m: RegExpExecArray) => number }> = [
  { family: "chapter", re: /^(第[一二三四五六七八九十百零〇\d]+([章节篇部]))\s*/u, depth: (m) => (m[2] === "节" ? 2 : 1) },
  { family: "cn", re: new RegExp(`^([${CN}]+)\\s*[、，,．.]\\s*`, "u") },
  { family: "cn-paren", re: new RegExp(`^([(（]\\s*[${CN}]+\\s*[)）])\\s*`, "u") },
  { family: "paren", re: /^([(（]\s*\d{1,2}\s*[)）])\s*/u },
  { family: "decimal", re: new RegExp(`^(\\d{1,2}(?:${SEP}\\d{1,2}){0,3})(?:${SEP}|\\s|(?=\\p{Script=Han}))\\s*`, "u"), depth: (m) => m[1]!.split(/[.．、\u{1001B0}]/u).length },
  { family: "roman", re: /^((?:[IVXⅠ-Ⅻ]|H(?=I|\s*[.．]))+)\s*[.．、]\s*/u },
];
// Unnumbered headings every paper has (a Chinese one may be spaced out: 结 语), and a 参考文献 line.
const NAMED_HEADINGS = ["引言", "前言", "绪论", "导论", "结语", "结束语", "结论", "余论", "小结", "讨论", "致谢", "后记", "附录", "Introduction", "Conclusion", "Conclusions", "Discussion", "Acknowledgement", "Acknowledgements", "Acknowledgment", "Acknowledgments", "References", "Bibliography", "Appendix", "Литература", "Заключение", "Введение"];
const NAMED = new RegExp(`^(?:参考文献.*|${NAMED_HEADINGS.map((h) => [...h].join(/\p{Script=Han}/u.test(h) ? "\\s*" : "")).join("|")})$`, "iu");
const NAMED_LONGEST = Math.max(...NAMED_HEADINGS.map((h) => h.length));
/** More characters than the longest named heading, besides spaces, * and _. */
const LONGER_THAN_NAMED = new RegExp(`^[\\s*_]*(?:[^\\s*_][\\s*_]*){${NAMED_LONGEST + 1}}`);
const ROMAN = /^(?=[IVX])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/** The numbering of a heading text, or a plain heading; null for text no heading pattern fits. */
export function numbering(raw: string): Numbering | null {
  const text = headingText(raw);
  return numbered(text) ?? unnumbered(text);
}

function headingText(raw: string): string {
  return stripMarkup(raw).replace(DECORATION, "").trim();
}

/** A heading by one of the numbering patterns, or null. */
function numbered(text: string): Numbering | null {
  // A numeral alone ("二", or OCR's "—" for 一) numbers an untitled section.
  if (/^[一二三四五六七八九十—－]{1,3}$/u.test(text)) return { family: "cn", depth: 1, number: text.replace(/^[—－]$/u, "一"), title: "" };
  const ascii = asciiForms(text);
  for (const p of PATTERNS) {
    const m = p.re.exec(ascii);
    if (!m) continue;
    if (p.family === "roman" && !ROMAN.test(m[1]!.replace(/H/g, "II").replace(/Ⅱ/g, "II"))) continue;
    const title = value(text.slice(m[0].length));
    if (title === "" && p.family !== "chapter") continue;
    return { family: p.family, depth: p.depth?.(m) ?? 1, number: text.slice(0, m[1]!.length), title };
  }
  return null;
}

function unnumbered(text: string): Numbering {
  const title = value(text);
  return { family: NAMED.test(title) ? "named" : "plain", depth: 1, number: null, title };
}

/**
 * Could value(text) be a named heading? Not when more characters survive value() than the longest
 * has, unless it is a 参考文献 line: without tags, value() removes only spaces, * and _. This spares
 * value() on every paragraph.
 */
function mayBeNamed(text: string): boolean {
  return text.includes("参") || text.includes("<") || !LONGER_THAN_NAMED.test(text);
}

const LATIN = /[A-Za-z]/;

/**
 * Is this paragraph a numbered heading? Short, no sentence inside: 一、安全合作定位 and
 * "I．To promote … in an effective way" are; "1. 强调维护联合国权威。当今…" is a list item.
 */
export function isNumberedHeading(raw: string): Numbering | null {
  const text = headingText(raw);
  const n = numbered(text) ?? (mayBeNamed(text) ? unnumbered(text) : null);
  if (!n || n.family === "plain") return null;
  if (n.family === "named") return n;
  if (n.title === "") return null; // a numeral alone is a heading only as a markdown heading
  const latin = LATIN.test(n.title) && !/\p{Script=Han}/u.test(n.title);
  if (n.title.length > (latin ? 160 : 40)) return null;
  if (latin) return /[.!?;．]\s+\S/.test(n.title) || /[:：]$/.test(n.title) ? null : n;
  return /[。！？；：:.]/.test(n.title) ? null : n;
}

const ENDS_SENTENCE = /[。.！？!?”」』）)]$/u;

/**
 * Numbered headings joined to the paragraph around them ("…学理性思考. (二)对于中国外交的意义 “上合
 * 模式”的形成…"): a line that is a numbered heading, shorter than the text lines, after a line that
 * ends a sentence, is cut out into a block of its own.
 */
export function splitHeadingLines(blocks: readonly Block[], skip: ReadonlySet<Block>, carver: Carver): Block[] {
  return blocks.flatMap((block) => {
    if (skip.has(block) || block.kind !== "paragraph") return [block];
    const lines = blockLines(block.tracked);
    if (lines.length < 2) return [block];
    let widest: number | undefined; // only asked for when a line is a heading
    const cuts: number[] = [];
    lines.forEach((line, k) => {
      const prev = lines[k - 1];
      if (prev && !ENDS_SENTENCE.test(prev.text)) return; // the cheap test first
      if (!isNumberedHeading(line.text)) return;
      widest ??= Math.max(...lines.map((l) => l.width));
      if (line.width >= widest * 0.8) return;
      cuts.push(line.start);
      const next = lines[k + 1];
      if (next) cuts.push(next.start);
    });
    return cut(block, cuts, carver);
  });
}
