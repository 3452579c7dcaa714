// Footnote bodies: found, cut out of the paragraphs they were joined to, stripped of their marker.
// Two layouts occur. Marked bodies start a line with their marker (① …, <sup>②</sup> …, [3] …).
// Unnumbered bodies follow a run of bare markers (①, ②, ③ on lines of their own): the bodies are
// the lines after the run up to the next page, cut into as many bodies as there are markers at the
// most likely boundaries (a short line ending a citation, a line opening one).
import type { Block } from "../model/work.js";
import { cut, dropBlock, dropHead, merge, type Carver } from "./carve.js";
import { blockLines, droppedBetween, type Line } from "./lines.js";
import { bodyMarker, CITATION_START, isBareMarker, markerStyle, mayOpenMarker, type Style } from "./markers.js";

export interface Note {
  marker: string;
  value: number;
  style: Style;
}

const MARKER_RULE = "structure.footnote-marker";
const PAGE_NUMBER = /^[\d０-９]{1,4}$/;
/** Text that cannot open a footnote body: the marker was an anchor wrapped to a line start. */
const CONTINUATION = /^[。，、；：,.;:）)」』”’》>\]]/u;
const CIRCLED = /[\u2460-\u2473]/u;

export function isPageNumber(block: Block): boolean {
  return PAGE_NUMBER.test(block.tracked.text.trim());
}

/** A block made only of markers: one run element of the unnumbered layout. */
function markersOnly(block: Block): number[] | null {
  const lines = blockLines(block.tracked);
  if (lines.length === 0 || !lines.every((l) => isBareMarker(l.text) || /^(?:[\u2460-\u2473]\s*)+$/u.test(l.text))) return null;
  return lines.flatMap((l) => [...l.text.matchAll(/[\u2460-\u2473]|\d+/gu)].map((m) => bodyMarkerValue(m[0])));
}

function bodyMarkerValue(m: string): number {
  return bodyMarker(m)?.value ?? Number(m);
}

/** Does this line open a footnote body? */
function bodyStart(line: Line): Note & { length: number } | null {
  const m = bodyMarker(line.text);
  if (!m) return null;
  const rest = line.text.slice(m.length);
  if (rest.trim().length < 2 || CONTINUATION.test(rest)) return null;
  // "①提高…；②加强…": an enumeration in running text, not a note.
  const next = String.fromCodePoint(0x2460 + m.value);
  if (CIRCLED.test(m.marker) && rest.includes(next)) return null;
  return { marker: m.marker, value: m.value, style: markerStyle(m.marker), length: m.length };
}

export interface Split {
  blocks: Block[];
  notes: Map<Block, Note>;
}

/**
 * Find and separate the footnote bodies of `blocks`. Blocks in `skip` (front matter, references)
 * are left alone.
 */
export function splitFootnotes(blocks: readonly Block[], skip: ReadonlySet<Block>, carver: Carver): Split {
  const out: Block[] = [];
  const notes = new Map<Block, Note>();
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    // A block with no character a marker opens with is neither a marker run nor a note body.
    if (skip.has(block) || !mayOpenMarker(block.tracked.text)) {
      out.push(block);
      continue;
    }
    const run = markersOnly(block) ? markerRun(blocks, i) : null;
    const zone = run ? zoneAfter(blocks, run.end, skip) : null;
    if (run && zone && zone.end > run.end) {
      for (const b of blocks.slice(i, run.end)) dropBlock(b, MARKER_RULE, carver);
      const { bodies, rest } = unnumberedBodies(blocks.slice(run.end, zone.end), run.values, carver);
      for (const { block: b, note } of bodies) {
        out.push(b);
        notes.set(b, note);
      }
      out.push(...rest);
      i = zone.end - 1;
      continue;
    }
    for (const part of markedBodies(block, carver)) {
      out.push(part.block);
      if (part.note) notes.set(part.block, part.note);
    }
  }
  return { blocks: out, notes };
}

/** Consecutive marker-only blocks from i: their marker values and where the run ends. */
function markerRun(blocks: readonly Block[], i: number): { values: number[]; end: number } | null {
  const values: number[] = [];
  let j = i;
  for (; j < blocks.length; j++) {
    const v = markersOnly(blocks[j]!);
    if (!v) break;
    values.push(...v);
  }
  return values.length > 0 ? { values, end: j } : null;
}

/** The blocks that hold the unnumbered bodies after a run: up to the next page, heading or run. */
function zoneAfter(blocks: readonly Block[], from: number, skip: ReadonlySet<Block>): { end: number } {
  let j = from;
  for (; j < blocks.length; j++) {
    const b = blocks[j]!;
    if (skip.has(b) || b.kind === "heading" || markersOnly(b) || isPageNumber(b)) break;
    const first = blockLines(b.tracked)[0];
    if (j > from && first && (first.indent > 0 || droppedBetween(blocks[j - 1]!.tracked, b.tracked))) break;
  }
  return { end: j };
}

interface ZoneLine {
  block: number; // index in the zone
  line: Line;
}

/**
 * Cut the zone's lines into bodies, one per marker at most, at the best-scoring line boundaries.
 * Lines from the first indented one (the next page) on are returned as ordinary blocks.
 */
function unnumberedBodies(zone: readonly Block[], values: number[], carver: Carver): { bodies: Array<{ block: Block; note: Note }>; rest: Block[] } {
  const lines: ZoneLine[] = [];
  const rest: Block[] = [];
  const inZone: Block[] = [];
  for (let z = 0; z < zone.length; z++) {
    const b = zone[z]!;
    const bl = blockLines(b.tracked);
    const page = bl.findIndex((l, k) => (z > 0 || k > 0) && (l.indent > 0 || l.pageBreak));
    if (page >= 0) {
      const parts = cut(b, [bl[page]!.start], carver);
      if (page > 0) {
        inZone.push(parts[0]!);
        for (const line of blockLines(parts[0]!.tracked)) lines.push({ block: inZone.length - 1, line });
        rest.push(...parts.slice(1), ...zone.slice(z + 1));
      } else rest.push(...parts, ...zone.slice(z + 1));
      break;
    }
    inZone.push(b);
    for (const line of bl) lines.push({ block: inZone.length - 1, line });
  }
  const count = Math.max(...values);
  const widest = Math.max(0, ...lines.map((l) => l.line.width));
  const scored = lines.slice(1).map((l, k) => ({ at: k + 1, score: boundaryScore(lines[k]!.line, l.line, widest) }));
  const chosen = scored
    .filter((s) => s.score >= 2)
    .sort((a, b) => b.score - a.score || a.at - b.at)
    .slice(0, count - 1)
    .map((s) => s.at)
    .sort((a, b) => a - b);
  // Cut blocks at chosen boundaries inside them, then merge pieces of one body spread over blocks.
  const starts = new Set([0, ...chosen]);
  const pieces: Array<{ block: Block; group: number }> = [];
  let group = -1;
  const byBlock = inZone.map((): Array<ZoneLine & { k: number }> => []);
  lines.forEach(({ block, line }, k) => byBlock[block]!.push({ block, line, k }));
  for (let z = 0; z < inZone.length; z++) {
    const own = byBlock[z]!;
    const cuts = own.filter((l) => starts.has(l.k) && l.k !== own[0]!.k).map((l) => l.line.start);
    const parts = cut(inZone[z]!, cuts, carver);
    parts.forEach((p, n) => {
      if (n > 0 || starts.has(own[0]!.k)) group++;
      pieces.push({ block: p, group: Math.max(group, 0) });
    });
  }
  const bodies: Array<{ block: Block; note: Note }> = [];
  for (const { block, group: g } of pieces) {
    const last = bodies[g];
    if (last) last.block = merge(last.block, block, "structure.footnote-join", carver);
    else bodies[g] = { block, note: { marker: String.fromCodePoint(0x2460 + g), value: g + 1, style: "circled" } };
  }
  return { bodies: bodies.filter(Boolean), rest };
}

/** How likely a new body starts at `next`, after `prev`: ≥ 2 means a boundary worth taking. */
function boundaryScore(prev: Line, next: Line, widest: number): number {
  let score = 0;
  if (/(?:[.。．\u{1001B0}]|页\.?|\))$/u.test(prev.text)) score += 2;
  if (prev.width < widest * 0.85) score += 2;
  if (CITATION_START.test(next.text)) score += 2;
  if (/[,，、(/\-－Ｇ]$/u.test(prev.text) || /^[\p{Ll}\d０-９,.;:)]/u.test(next.text)) score -= 3;
  if (unclosed(prev.text)) score -= 2;
  return score;
}

/** A quote or bracket opened on the line and not closed: the citation goes on. */
function unclosed(text: string): boolean {
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  return count(/[“«《(（]/gu) > count(/[”»》)）]/gu);
}

/** A block cut at its marked bodies: text before them, each body, the next page's text after them. */
function markedBodies(block: Block, carver: Carver): Array<{ block: Block; note?: Note }> {
  const lines = blockLines(block.tracked);
  const segments: Array<{ start: number; note?: Note & { length: number } }> = [];
  let open: (Note & { length: number; indent: number }) | null = null;
  for (const line of lines) {
    const note = bodyStart(line);
    if (note) {
      segments.push({ start: line.start, note });
      open = { ...note, indent: line.indent };
    } else if (open && (line.pageBreak || (open.indent >= 0 && line.indent > open.indent))) {
      // An indented line after a body at the page foot: the next page's text resumes.
      segments.push({ start: line.start });
      open = null;
    }
  }
  if (segments.length === 0) return [{ block }];
  const parts = cut(block, segments.map((s) => s.start), carver);
  const leading = segments[0]!.start > 0 ? 1 : 0;
  return parts.flatMap((part, n) => {
    const note = n < leading ? undefined : segments[n - leading]?.note;
    if (!note) return [{ block: part }];
    const body = dropHead(part, note.length, MARKER_RULE, carver);
    return body ? [{ block: { ...body, kind: "footnote" as const }, note: { marker: note.marker, value: note.value, style: note.style } }] : [];
  });
}
