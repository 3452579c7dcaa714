// Rebuild paragraphs from lines. PDF/OCR text breaks lines at the page width and often puts a blank
// line after every line, so blank lines alone cannot mark paragraphs: a paragraph ends where a line
// ends a sentence and the next line is indented or the line stops short of the wrap width, or where
// a short line without sentence-final punctuation (a title, a name, a heading) stands alone.
import { displayWidth } from "../text/chars.js";

export interface Line {
  start: number; // offset of the first non-space character
  end: number; // offset after the last non-space character
  indent: number; // leading spaces (U+3000 counts two)
  width: number;
  text: string;
  blankBefore: number; // blank lines between this line and the previous non-blank one
}

export interface Paragraph {
  start: number;
  end: number;
}

const SPACE = /^[ \t\u3000\u00A0]*/;
/** Sentence-final punctuation, allowing closing quotes/brackets and a trailing footnote marker. */
const ENDS_SENTENCE = /[。！？.!?:：；;…](?:[”’"'」』）)\]》]|<\/?sup>|\[\d+\]|[①-⑳])*$/;
/** Lines that are always a block of their own: markdown structure and HTML tables. */
const STANDALONE = /^(?:#{1,6}\s|-{3,}\s*$|\*{3,}\s*$|_{3,}\s*$|\||<table|!\[)/;

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let blank = 0;
  let pos = 0;
  for (const raw of text.split("\n")) {
    const lead = SPACE.exec(raw)![0];
    const body = raw.slice(lead.length).replace(/[ \t\u3000\u00A0]+$/, "");
    if (body.length === 0) blank++;
    else {
      const start = pos + lead.length;
      const indent = [...lead].reduce((n, ch) => n + (ch === "\u3000" ? 2 : ch === "\t" ? 4 : 1), 0);
      lines.push({ start, end: start + body.length, indent, width: displayWidth(body), text: body, blankBefore: blank });
      blank = 0;
    }
    pos += raw.length + 1;
  }
  return lines;
}

/**
 * The wrap width of a hard-wrapped text: the most common line width (in 4-column buckets) when at
 * least a quarter of the lines share it; null when lines are whole paragraphs.
 */
export function wrapWidth(lines: readonly Line[]): number | null {
  const buckets = new Map<number, number>();
  const long = lines.filter((l) => l.width >= 20);
  for (const l of long) buckets.set(l.width >> 2, (buckets.get(l.width >> 2) ?? 0) + 1);
  let best: [number, number] | null = null;
  for (const [bucket, n] of buckets) if (!best || n > best[1] || (n === best[1] && bucket > best[0])) best = [bucket, n];
  if (!best || best[1] < 8 || best[1] < long.length / 4) return null;
  // Lines in the neighbouring bucket are as full: take the widest of the two as the width.
  return (best[0] + 1) * 4 + ((buckets.get(best[0] + 1) ?? 0) > best[1] / 3 ? 4 : 0);
}

/** Does `next` continue the paragraph that `prev` belongs to? */
export function continues(prev: Line, next: Line, wrap: number | null): boolean {
  if (STANDALONE.test(prev.text) || STANDALONE.test(next.text)) return false;
  const full = wrap !== null && prev.width >= wrap * 0.8;
  if (ENDS_SENTENCE.test(prev.text)) return full && next.indent === 0 && next.blankBefore <= 1 && wrap !== null;
  if (wrap === null) return next.blankBefore === 0;
  return full;
}

export function paragraphs(text: string): Paragraph[] {
  const lines = splitLines(text);
  const wrap = wrapWidth(lines);
  const out: Paragraph[] = [];
  let prev: Line | undefined;
  for (const line of lines) {
    const last = out[out.length - 1];
    if (prev && last && continues(prev, line, wrap)) last.end = line.end;
    else out.push({ start: line.start, end: line.end });
    prev = line;
  }
  return out;
}
