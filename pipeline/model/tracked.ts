// Text that remembers where every character came from. A Tracked value is a list of pieces that
// together cover one contiguous range of the source: a kept piece is the source slice unchanged,
// an edited piece names the rule that turned its source slice into its text. Rules therefore can
// never lose a character silently, and clean offsets map back to source offsets.
import type { Edit, RuleCounts, Span } from "./schema.js";

export interface Piece {
  start: number;
  end: number;
  text: string;
  rule: string | null;
}

/** A change in clean-text coordinates: replace [start, end) of the current text by `text`. */
export interface Change {
  start: number;
  end: number;
  text: string;
}

export class Tracked {
  private cached: string | null = null;

  private constructor(
    readonly source: string,
    readonly pieces: readonly Piece[],
  ) {}

  static slice(source: string, start: number, end: number): Tracked {
    return new Tracked(source, start < end ? [{ start, end, text: source.slice(start, end), rule: null }] : []);
  }

  static fromPieces(source: string, pieces: readonly Piece[]): Tracked {
    return new Tracked(source, pieces);
  }

  get text(): string {
    this.cached ??= this.pieces.map((p) => p.text).join("");
    return this.cached;
  }

  /** The source range covered, or null for an empty value. */
  get span(): Span | null {
    const first = this.pieces[0];
    const last = this.pieces[this.pieces.length - 1];
    return first && last ? { start: first.start, end: last.end } : null;
  }

  /** Apply non-overlapping changes (sorted by start) made by one rule. No-op changes are skipped. */
  edit(rule: string, changes: readonly Change[], counts?: RuleCounts): Tracked {
    const real = changes.filter((c) => this.text.slice(c.start, c.end) !== c.text);
    if (real.length === 0) return this;
    const cuts: number[] = [];
    for (const c of real) cuts.push(c.start, c.end);
    const pieces = splitAt(this.pieces, cuts);
    const out: Piece[] = [];
    let pos = 0; // clean offset of pieces[i]
    let i = 0;
    let delta = 0; // how much the applied changes lengthened the text
    for (let c = 0; c < real.length; c++) {
      const { start: s, end: e, text: replacement } = real[c]!;
      if (s < pos) {
        // This change reaches into the piece the previous change produced: apply the rest on the result.
        const rest = real.slice(c).map((x) => ({ start: x.start + delta, end: x.end + delta, text: x.text }));
        return new Tracked(this.source, mergeKept([...out, ...pieces.slice(i)])).edit(rule, rest, counts);
      }
      while (i < pieces.length && pos + pieces[i]!.text.length <= s) {
        pos += pieces[i]!.text.length;
        out.push(pieces[i++]!);
      }
      // After splitAt only edited pieces can straddle s or e: they are atomic, so the change takes
      // them whole and keeps their untouched prefix/suffix inside the new text.
      const startPos = pos;
      const taken: Piece[] = [];
      while (i < pieces.length && pos < (s < e ? e : s)) {
        pos += pieces[i]!.text.length;
        taken.push(pieces[i++]!);
      }
      const covered = taken.length === 1 ? taken[0]!.text : taken.map((p) => p.text).join("");
      const text = covered.slice(0, s - startPos) + replacement + covered.slice(e - startPos);
      const first = taken[0];
      const last = taken[taken.length - 1];
      // A pure insertion sits at the source position between its neighbours.
      const at = out[out.length - 1]?.end ?? pieces[i]?.start ?? this.span?.start ?? 0;
      out.push({ start: first?.start ?? at, end: last?.end ?? at, text, rule });
      delta += replacement.length - (e - s);
      if (counts) counts[rule] = (counts[rule] ?? 0) + 1;
    }
    while (i < pieces.length) out.push(pieces[i++]!);
    return new Tracked(this.source, mergeKept(out));
  }

  /** Replace every match of a global regex in the current text. */
  replace(re: RegExp, rule: string, replacement: string | ((m: RegExpExecArray) => string), counts?: RuleCounts): Tracked {
    if (!re.global) throw new Error(`rule ${rule}: regex must be global`);
    const text = this.text;
    const changes: Change[] = [];
    // The matches of text.matchAll(re), found by exec on the regex itself (its lastIndex restored
    // after): matchAll's copy of the regex costs more than the scan of a short text.
    const saved = re.lastIndex;
    try {
      for (let from = saved; ; ) {
        re.lastIndex = from;
        const m = re.exec(text);
        if (m === null) break;
        from = m[0] === "" ? advance(text, re.lastIndex, re.unicode || re.flags.includes("v")) : re.lastIndex;
        const out = typeof replacement === "string" ? replacement : replacement(m);
        // Most matches of the word rules are kept as they are: no change to record.
        if (out !== m[0]) changes.push({ start: m.index, end: m.index + m[0].length, text: out });
      }
    } finally {
      re.lastIndex = saved;
    }
    return this.edit(rule, changes, counts);
  }

  /** The part of the value between two clean offsets; cuts inside edited pieces widen to keep them whole. */
  sub(start: number, end: number): Tracked {
    const pieces = splitAt(this.pieces, [start, end]);
    const out: Piece[] = [];
    let pos = 0;
    for (const p of pieces) {
      const next = pos + p.text.length;
      if (next > start && pos < end) out.push(p);
      pos = next;
    }
    return new Tracked(this.source, out);
  }

  /**
   * Cut in two at a clean offset: every piece goes to exactly one side (an edited piece that
   * straddles the cut goes right), so the two halves still tile the source between them.
   */
  cut(offset: number): [Tracked, Tracked] {
    const pieces = splitAt(this.pieces, [offset]);
    let pos = 0;
    let i = 0;
    while (i < pieces.length && pos + pieces[i]!.text.length <= offset) pos += pieces[i++]!.text.length;
    return [new Tracked(this.source, pieces.slice(0, i)), new Tracked(this.source, pieces.slice(i))];
  }

  /** Source offset of a clean offset (an offset inside an edited piece maps to the piece's start). */
  toSource(offset: number): number {
    let pos = 0;
    for (const p of this.pieces) {
      const len = p.text.length;
      if (offset < pos + len || (offset === pos + len && p === this.pieces[this.pieces.length - 1])) {
        return p.rule === null ? p.start + (offset - pos) : offset === pos ? p.start : p.end;
      }
      pos += len;
    }
    return this.span?.end ?? 0;
  }

  /** The edits this value carries, for the audit log. */
  edits(passage: string | null): Edit[] {
    return this.pieces
      .filter((p) => p.rule !== null)
      .map((p) => ({
        rule: p.rule!,
        span: { start: p.start, end: p.end },
        before: this.source.slice(p.start, p.end),
        after: p.text,
        passage,
      }));
  }
}

/** Where a global regex goes on after an empty match at `index` (AdvanceStringIndex). */
function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const c = text.charCodeAt(index);
  const d = text.charCodeAt(index + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? index + 2 : index + 1;
}

/** Split kept pieces so that each cut offset (clean coordinates) falls on a piece boundary. */
function splitAt(pieces: readonly Piece[], cuts: readonly number[]): Piece[] {
  const sorted = sortedUnique(cuts);
  const out: Piece[] = [];
  let pos = 0;
  let c = 0;
  for (const piece of pieces) {
    const len = piece.text.length;
    let rest = piece;
    let restPos = pos;
    while (c < sorted.length && sorted[c]! <= restPos) c++;
    while (rest.rule === null && c < sorted.length && sorted[c]! < pos + len) {
      const k = sorted[c]! - restPos;
      out.push({ start: rest.start, end: rest.start + k, text: rest.text.slice(0, k), rule: null });
      rest = { start: rest.start + k, end: rest.end, text: rest.text.slice(k), rule: null };
      restPos += k;
      c++;
    }
    out.push(rest);
    pos += len;
  }
  return out;
}

function mergeKept(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const prev = out[out.length - 1];
    if (prev && prev.rule === null && p.rule === null && prev.end === p.start) {
      out[out.length - 1] = { start: prev.start, end: p.end, text: prev.text + p.text, rule: null };
    } else out.push(p);
  }
  return out;
}

/** The distinct numbers in ascending order; cuts usually come sorted, which needs no sort. */
function sortedUnique(numbers: readonly number[]): number[] {
  const out: number[] = [];
  for (const n of numbers) {
    const last = out[out.length - 1];
    if (last !== undefined && n < last) return [...new Set(numbers)].sort((a, b) => a - b);
    if (n !== last) out.push(n);
  }
  return out;
}
