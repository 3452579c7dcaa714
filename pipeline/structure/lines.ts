// The source lines inside a block. Clean joins the lines of a paragraph, but the line structure still
// matters to structure: a footnote body starts a line, a title and an author line share a block when
// the layout lost the blank line between them. Every piece whose source holds a line break marks a
// line boundary, whatever rule joined it, so this works on any clean text.
import type { Tracked } from "../model/tracked.js";
import { displayWidth } from "../text/chars.js";

export interface Line {
  /** Clean offsets of the line in the block's text, without surrounding spaces. */
  start: number;
  end: number;
  text: string;
  /** Spaces before the line in the source (U+3000 counts two); -1 when the line does not start a source line. */
  indent: number;
  width: number;
  /** Text was dropped between this line and the previous one (a running head, a page number): a new page. */
  pageBreak: boolean;
}

const cache = new WeakMap<Tracked, Line[]>();
const SPACE = /\s/;

/** The lines of a block (computed once per Tracked value: several rules ask). */
export function blockLines(tracked: Tracked): Line[] {
  let lines = cache.get(tracked);
  if (!lines) {
    lines = computeLines(tracked);
    cache.set(tracked, lines);
  }
  return lines;
}

function computeLines(tracked: Tracked): Line[] {
  const text = tracked.text;
  const bounds: Array<[number, number, boolean]> = []; // [end of a line, start of the next, page break] in clean offsets
  let pos = 0;
  for (const piece of tracked.pieces) {
    if (piece.rule === null) {
      for (let i = piece.text.indexOf("\n"); i >= 0; i = piece.text.indexOf("\n", i + 1)) bounds.push([pos + i, pos + i + 1, false]);
    } else if (hasNewline(tracked.source, piece.start, piece.end)) {
      bounds.push([pos, pos + piece.text.length, hasText(tracked.source, piece.start, piece.end) && !/\S/.test(piece.text)]);
    }
    pos += piece.text.length;
  }
  const lines: Line[] = [];
  let from = 0;
  let pageBreak = false;
  for (const [end, next, dropped] of [...bounds, [text.length, text.length, false] as const]) {
    let start = from;
    let stop = end;
    while (start < stop && SPACE.test(text[start]!)) start++;
    while (stop > start && SPACE.test(text[stop - 1]!)) stop--;
    if (start < stop) {
      lines.push(new SourceLine(tracked, start, text.slice(start, stop), pageBreak));
      pageBreak = false;
    }
    pageBreak ||= dropped;
    from = next;
  }
  return lines;
}

// The source of an edited piece, looked at in place (most pieces are edited: no copy of each).
function hasNewline(source: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (source.charCodeAt(i) === 10) return true;
  return false;
}

const LEADING_SPACE = /\s*/y;

function hasText(source: string, start: number, end: number): boolean {
  LEADING_SPACE.lastIndex = start;
  LEADING_SPACE.test(source);
  return LEADING_SPACE.lastIndex < end;
}

/** A line; its indent and width are worked out when first asked for (most lines are never asked). */
class SourceLine implements Line {
  #indent: number | undefined;
  #width: number | undefined;

  constructor(
    private readonly tracked: Tracked,
    readonly start: number,
    readonly text: string,
    readonly pageBreak: boolean,
  ) {}

  get end(): number {
    return this.start + this.text.length;
  }

  get indent(): number {
    return (this.#indent ??= indentAt(this.tracked, this.start));
  }

  get width(): number {
    return (this.#width ??= displayWidth(this.text));
  }
}

/** Leading spaces of the source line holding clean offset `at`, or -1 if text precedes it on that line. */
function indentAt(tracked: Tracked, at: number): number {
  const src = tracked.source;
  let i = tracked.toSource(at) - 1;
  let indent = 0;
  for (; i >= 0 && src[i] !== "\n"; i--) {
    if (src[i] === " " || src[i] === "\t") indent++;
    else if (src[i] === "\u3000") indent += 2;
    else return -1;
  }
  return indent;
}

/** Source text other than spaces lies between two blocks: furniture was dropped there (a page break). */
export function droppedBetween(before: Tracked, after: Tracked): boolean {
  const a = before.span;
  const b = after.span;
  return a !== null && b !== null && a.end <= b.start && /\S/.test(after.source.slice(a.end, b.start));
}

/**
 * The source text a block was cleaned from. Lists separated by spaces (names, keywords) are read
 * from it: clean text joins Chinese words that the layout kept apart (慈国巍 王志平 → 慈国巍王志平).
 */
export function sourceText(tracked: Tracked): string {
  const span = tracked.span;
  return span ? tracked.source.slice(span.start, span.end) : "";
}
