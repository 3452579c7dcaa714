// Cutting blocks without losing a character: the parts of a block that are kept become blocks of
// their own, and every source character between them (line breaks at a cut, a label, a footnote
// marker) is recorded as dropped by a named rule, so blocks and dropped pieces still tile the source.
import type { RuleCounts } from "../model/schema.js";
import { Tracked, type Piece } from "../model/tracked.js";
import type { Block } from "../model/work.js";
import { CJK } from "../text/chars.js";

export interface Carver {
  dropped: Piece[];
  counts: RuleCounts;
}

export interface Range {
  start: number;
  end: number;
}

/**
 * Keep the given clean ranges of a block (in order, not overlapping) as blocks, trimmed of spaces;
 * everything else is dropped by `rule`. Offsets inside an edited piece move to its end, so a piece
 * is never split. Ranges left empty yield no block.
 */
export function keep(block: Block, ranges: readonly Range[], rule: string, carver: Carver): Block[] {
  const t = block.tracked;
  const text = t.text;
  const parts: Block[] = [];
  for (const r of ranges) {
    let start = snap(t, r.start);
    let end = snap(t, r.end);
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (start >= end) continue;
    parts.push({ ...block, tracked: t.sub(start, end) });
  }
  const span = t.span;
  if (!span) return parts;
  let pos = span.start;
  for (const part of parts) {
    const s = part.tracked.span!;
    drop(pos, s.start, rule, carver);
    pos = s.end;
  }
  drop(pos, span.end, rule, carver);
  return parts;
}

/** Cut a block at clean offsets; the spaces and line breaks at each cut are dropped by structure.split. */
export function cut(block: Block, offsets: readonly number[], carver: Carver): Block[] {
  const at = [...new Set(offsets)].filter((o) => o > 0 && o < block.tracked.text.length).sort((a, b) => a - b);
  if (at.length === 0) return [block];
  const bounds = [0, ...at, block.tracked.text.length];
  return keep(block, bounds.slice(1).map((end, i) => ({ start: bounds[i]!, end })), "structure.split", carver);
}

/**
 * Drop the first `length` characters of a block (a label, a marker) by `rule`; null when nothing is
 * left. When they end inside a piece another rule edited ("Key wordsFuxin" respaced as one piece),
 * they are removed by an edit instead, which keeps the rest of that piece.
 */
export function dropHead(block: Block, length: number, rule: string, carver: Carver): Block | null {
  const t = block.tracked;
  if (snap(t, length) !== length) {
    const edited = t.edit(rule, [{ start: 0, end: length, text: "" }], carver.counts);
    const lead = edited.text.length - edited.text.trimStart().length;
    const tracked = lead > 0 ? edited.edit(rule, [{ start: 0, end: lead, text: "" }], carver.counts) : edited;
    return tracked.text === "" ? null : { ...block, tracked };
  }
  return keep(block, [{ start: length, end: t.text.length }], rule, carver)[0] ?? null;
}

/**
 * Join two blocks that are one text (a footnote body broken over two paragraphs): the source between
 * them, dropped so far, becomes a join edited by `rule`: nothing between Chinese characters, else a space.
 */
export function merge(first: Block, second: Block, rule: string, carver: Carver): Block {
  const a = first.tracked.span;
  const b = second.tracked.span;
  if (!a || !b) return a ? first : second;
  const gap = carver.dropped.filter((p) => p.start >= a.end && p.end <= b.start);
  const covered = gap.reduce((n, p) => n + (p.end - p.start), 0);
  if (covered !== b.start - a.end) throw new Error(`merge: the source between blocks ${a.end}–${b.start} is not all dropped`);
  for (const p of gap) carver.dropped.splice(carver.dropped.indexOf(p), 1);
  const before = first.tracked.text.slice(-1);
  const after = second.tracked.text.charAt(0);
  const text = CJK.test(before) && CJK.test(after) ? "" : " ";
  const join = { start: a.end, end: b.start, text, rule };
  carver.counts[rule] = (carver.counts[rule] ?? 0) + 1;
  const source = first.tracked.source;
  return { ...first, tracked: Tracked.fromPieces(source, [...first.tracked.pieces, join, ...second.tracked.pieces]) };
}

/** Drop a whole block by `rule`. */
export function dropBlock(block: Block, rule: string, carver: Carver): void {
  const span = block.tracked.span;
  if (span) drop(span.start, span.end, rule, carver);
}

function drop(start: number, end: number, rule: string, carver: Carver): void {
  if (start >= end) return;
  carver.dropped.push({ start, end, text: "", rule });
  carver.counts[rule] = (carver.counts[rule] ?? 0) + 1;
}

/** The offset, moved to the end of the edited piece it falls inside, if any. */
function snap(t: Tracked, offset: number): number {
  let pos = 0;
  for (const p of t.pieces) {
    const next = pos + p.text.length;
    if (offset < next) return p.rule !== null && offset > pos ? next : offset;
    pos = next;
  }
  return offset;
}
