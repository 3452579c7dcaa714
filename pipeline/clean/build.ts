// From a layout plan to tracked blocks and dropped pieces. Each gap between two lines of a block is
// one edited piece: the join (clean.join-lines, clean.url-join, clean.hyphen-join), or the rule of
// the page furniture inside it, which removes the furniture and joins the halves it separated.
// Text between blocks is dropped by the rule of the furniture it holds, or clean.layout-space.
import type { RuleCounts } from "../model/schema.js";
import { Tracked, type Piece } from "../model/tracked.js";
import type { PassageKind } from "../model/schema.js";
import { readConfig } from "./data.js";
import { join } from "./join.js";
import type { Line } from "./lines.js";
import type { BlockPlan, Furniture, Plan } from "./paragraphs.js";

export interface Built {
  blocks: Array<{ kind: PassageKind; tracked: Tracked }>;
  dropped: Piece[];
}

const BORDERS = readConfig<{ sidebar: { borders: string } }>("layout.json").sidebar.borders;
const LEADING_BORDER = new RegExp(`^[${escape(BORDERS)}](?:\\s+|(?=[^\\p{L}\\s]|\\p{Script=Han}))`, "u");
const TRAILING_BORDER = new RegExp(`(?:\\s+|(?<=[^\\p{L}\\s]|\\p{Script=Han}))[${escape(BORDERS)}]$`, "u");

function escape(chars: string): string {
  return chars.replace(/[\]\\^-]/g, "\\$&");
}

export function build(text: string, layout: Plan, view: (s: string) => string, counts: RuleCounts): Built {
  const dropped: Piece[] = [];
  const edit = (pieces: Piece[], start: number, end: number, out: string, rule: string) => {
    if (start >= end && out === "") return;
    pieces.push({ start, end, text: out, rule });
    counts[rule] = (counts[rule] ?? 0) + 1;
  };
  const blocks = layout.blocks.map((block) => ({ kind: block.kind, tracked: Tracked.fromPieces(text, blockPieces(text, block, view, edit)) }));
  // Dropped text: everything outside the blocks, each furniture line by its own rule.
  const furniture = [...layout.dropped].sort((x, y) => x.line.lineStart - y.line.lineStart);
  const spans = blocks.map((b) => b.tracked.span!).filter(Boolean);
  let pos = 0;
  let f = 0;
  const gap = (to: number) => {
    for (; f < furniture.length && furniture[f]!.line.lineStart < to; f++) {
      const line = furniture[f]!.line;
      edit(dropped, pos, line.lineStart, "", "clean.layout-space");
      edit(dropped, line.lineStart, line.lineEnd, "", `clean.${furniture[f]!.role}`);
      pos = line.lineEnd;
    }
    edit(dropped, pos, to, "", "clean.layout-space");
  };
  for (const span of spans) {
    gap(span.start);
    pos = span.end;
  }
  gap(text.length);
  return { blocks, dropped };
}

type Edit = (pieces: Piece[], start: number, end: number, out: string, rule: string) => void;

function blockPieces(text: string, block: BlockPlan, view: (s: string) => string, edit: Edit): Piece[] {
  const pieces: Piece[] = [];
  const sidebar = block.kind === "sidebar";
  const lines = block.lines;
  const bounds = lines.map((l) => trimBorders(text, l, sidebar));
  const [first, last] = [lines[0]!, lines[lines.length - 1]!];
  edit(pieces, first.start, bounds[0]![0], "", "clean.sidebar-border");
  bounds.forEach(([start, end], i) => {
    const next = bounds[i + 1];
    if (!next) {
      if (start < end) pieces.push({ start, end, text: text.slice(start, end), rule: null });
      return edit(pieces, end, last.end, "", "clean.sidebar-border");
    }
    // In a sidebar the gap also holds the border glyphs of both lines.
    const [a, b] = [text.slice(start, end), text.slice(next[0], lines[i + 1]!.end)];
    // Read the first line with the second's first character after it: a profile may read a glyph
    // at a line end by what follows it.
    const j = join(view(a + b).slice(0, view(a).length), view(b));
    if (start < end - j.take) pieces.push({ start, end: end - j.take, text: text.slice(start, end - j.take), rule: null });
    const furniture = block.furniture.filter((f) => f.line.index > lines[i]!.index && f.line.index < lines[i + 1]!.index);
    gapPieces(pieces, end - j.take, next[0], j.text, sidebar ? "clean.sidebar-border" : j.rule, furniture, edit);
  });
  return pieces;
}

/** The gap between two lines: one piece by the join rule, or one per furniture line inside it. */
function gapPieces(pieces: Piece[], start: number, end: number, joiner: string, rule: string, furniture: Furniture[], edit: Edit): void {
  if (furniture.length === 0) return edit(pieces, start, end, joiner, rule);
  let pos = start;
  furniture.forEach((f, k) => {
    const to = k === furniture.length - 1 ? end : f.line.lineEnd;
    edit(pieces, pos, to, k === 0 ? joiner : "", `clean.${f.role}`);
    pos = to;
  });
}

/** Content bounds of a line; in a sidebar, without the border glyphs at its ends. */
function trimBorders(text: string, line: Line, sidebar: boolean): [number, number] {
  if (!sidebar) return [line.start, line.end];
  const raw = text.slice(line.start, line.end);
  const lead = LEADING_BORDER.exec(raw)?.[0].length ?? 0;
  const rest = raw.slice(lead);
  const trail = TRAILING_BORDER.exec(rest)?.[0].length ?? 0;
  return [line.start + lead, line.end - trail];
}
