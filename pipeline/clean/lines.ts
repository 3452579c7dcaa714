// Source lines with the measures the layout rules need. PDF/OCR text breaks lines at the column
// width, often puts a blank line after every line, and marks the start of a new text frame (a new
// page or column) with one leading space; markdown text has whole paragraphs on one line.
import { readConfig } from "./data.js";
import { countWide, displayWidth, WIDE_CHARS } from "./chars.js";

export interface Line {
  /** Line number, from 0. */
  index: number;
  /** Offsets of the raw line (without its line break). */
  lineStart: number;
  lineEnd: number;
  /** Offsets of the content, without surrounding spaces. */
  start: number;
  end: number;
  /** The content as read through the source's profiles (offsets are into the source, not into this). */
  text: string;
  /** Leading spaces in columns (U+3000 counts two, a tab four). */
  indent: number;
  /** Exactly one leading ASCII space: a new text frame starts here. */
  frameStart: boolean;
  /** Two or more trailing spaces: a markdown hard line break. */
  hardBreak: boolean;
  width: number;
  /** Full-width characters (Han, CJK punctuation, fullwidth forms) take at least half its width. */
  wide: boolean;
  /** Blank lines between this line and the previous content line. */
  blankBefore: number;
}

/** The width of a full line of hard-wrapped text, per class of line (wide CJK lines, narrow Latin lines). */
export interface Wrap {
  wide: number | null;
  narrow: number | null;
}

const settings = readConfig<{ wrap: { minLines: number; unwrappedShare: number } }>("layout.json").wrap;

/** Spaces around a line's content: space, tab, ideographic and no-break space. */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0;
}

/** Where the content of a line starts and ends, without its leading and trailing spaces. */
function contentBounds(line: string): [number, number] {
  let start = 0;
  while (start < line.length && isSpace(line.charCodeAt(start))) start++;
  let end = line.length;
  while (end > start && isSpace(line.charCodeAt(end - 1))) end--;
  return [start, end];
}

/** The lines of a text; `view` is how line contents are read (profile glyphs resolved). */
export function splitLines(text: string, view: (s: string) => string = (s) => s): Line[] {
  const lines: Line[] = [];
  let blank = 0;
  let pos = 0;
  let index = 0;
  for (const raw of text.split("\n")) {
    const [from, to] = contentBounds(raw);
    const lead = raw.slice(0, from);
    const trail = raw.slice(to);
    const rawBody = raw.slice(from, to);
    if (rawBody.length === 0) blank++;
    else {
      const start = pos + lead.length;
      const body = view(rawBody);
      let indent = 0;
      for (const ch of lead) indent += ch === "\u3000" ? 2 : ch === "\t" ? 4 : 1;
      const [wideChars, others, lone] = countWide(body);
      const width = 2 * wideChars + others;
      // Without its wide characters, two lone surrogates of a line may meet as one character.
      const narrow = lone ? displayWidth(body.replace(WIDE_CHARS, "")) : others;
      lines.push({
        index,
        lineStart: pos,
        lineEnd: pos + raw.length,
        start,
        end: start + rawBody.length,
        text: body,
        indent,
        frameStart: lead === " ",
        hardBreak: trail.length >= 2 && !trail.includes("\u3000"),
        width,
        wide: narrow * 2 <= width,
        blankBefore: blank,
      });
      blank = 0;
    }
    pos += raw.length + 1;
    index++;
  }
  return lines;
}

/**
 * The width of a full line in one class of lines: the median width around the most common width
 * (4-column buckets), when enough lines share it; null when lines are whole paragraphs (many lines
 * far wider than that).
 */
function classWrap(lines: readonly Line[]): number | null {
  const long = lines.filter((l) => l.width >= 20);
  const buckets = new Map<number, number>();
  for (const l of long) buckets.set(l.width >> 2, (buckets.get(l.width >> 2) ?? 0) + 1);
  let best: [number, number] | null = null;
  for (const [bucket, n] of buckets) if (!best || n > best[1] || (n === best[1] && bucket > best[0])) best = [bucket, n];
  if (!best || best[1] < settings.minLines || best[1] < long.length / 4) return null;
  const near = long.map((l) => l.width).filter((w) => w >= best[0] * 4 - 4 && w < best[0] * 4 + 8).sort((a, b) => a - b);
  const full = near[near.length >> 1]!;
  const wider = long.filter((l) => l.width > full * 1.5).length;
  return wider > long.length * settings.unwrappedShare ? null : full;
}

export function wrapWidths(lines: readonly Line[]): Wrap {
  return { wide: classWrap(lines.filter((l) => l.wide)), narrow: classWrap(lines.filter((l) => !l.wide)) };
}

export function wrapOf(line: Line, wrap: Wrap): number | null {
  return line.wide ? wrap.wide : wrap.narrow;
}
