// Snippets: the part of a passage around its first hit, with every hit marked. Hits are found in the
// clean text the way the index found the passage: Han literals where they occur, tokens whose term a
// phrase asks for, and the mentions of the entities the query names.
import type { LangSpan } from "../model/schema.js";
import { displayWidth } from "../text/chars.js";
import { tokens } from "./analyze.js";
import type { QueryPlan } from "./query.js";
import type { Mention } from "./records.js";

export interface Highlightable {
  text: string;
  lang: string;
  langSpans: readonly LangSpan[];
  mentions: readonly Mention[];
}

export type Range = [start: number, end: number];

export function hitRanges(p: Highlightable, plan: QueryPlan): Range[] {
  const literals = new Set<string>();
  const terms = new Set<string>();
  const entities = new Set<string>();
  for (const phrase of plan.clauses.flat(2)) {
    if (phrase.literal) literals.add(phrase.literal);
    else if (phrase.field === "entities") phrase.terms.forEach((t) => entities.add(t));
    else phrase.terms.forEach((t) => terms.add(`${phrase.field}\u0000${t}`));
  }
  const ranges: Range[] = [];
  for (const lit of literals) {
    for (let i = p.text.indexOf(lit); i >= 0; i = p.text.indexOf(lit, i + lit.length)) ranges.push([i, i + lit.length]);
  }
  for (const t of tokens(p.text, p.lang, p.langSpans)) if (terms.has(`${t.field}\u0000${t.term}`)) ranges.push([t.start, t.end]);
  for (const m of p.mentions) if (entities.has(m.entity)) ranges.push([m.start, m.end]);
  return merge(ranges);
}

function merge(ranges: Range[]): Range[] {
  const out: Range[] = [];
  for (const r of ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1])) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([...r]);
  }
  return out;
}

export interface Snippet {
  text: string;
  /** Hit ranges in the snippet text. */
  highlights: Range[];
}

/** About `width` display columns of text (a Han character is two) from shortly before the first hit. */
export function snippet(text: string, hits: readonly Range[], width = 160): Snippet {
  const first = hits[0]?.[0] ?? 0;
  let start = first;
  while (start > 0 && displayWidth(text.slice(start - 1, first)) <= width / 4) start--;
  let end = start;
  while (end < text.length && displayWidth(text.slice(start, end + 1)) <= width) end++;
  start = wordEdge(text, start, -1);
  end = wordEdge(text, end, 1);
  const prefix = start > 0 ? "…" : "";
  const body = text.slice(start, end);
  const highlights = hits
    .filter(([s, e]) => e > start && s < end)
    .map(([s, e]): Range => [Math.max(s, start) - start + prefix.length, Math.min(e, end) - start + prefix.length]);
  return { text: prefix + body + (end < text.length ? "…" : ""), highlights };
}

// Do not cut a Latin or Cyrillic word in two: move the edge to the nearest space within 20 characters.
function wordEdge(text: string, at: number, dir: -1 | 1): number {
  const inWord = (i: number) => /[\p{L}\p{N}]/u.test(text[i] ?? "") && !/\p{Script=Han}/u.test(text[i] ?? "");
  if (at <= 0 || at >= text.length || !inWord(at - 1) || !inWord(at)) return at;
  for (let i = at, n = 0; n < 20 && i > 0 && i < text.length; i += dir, n++) if (!inWord(i)) return dir < 0 ? i + 1 : i;
  return at;
}

/** The snippet with hits marked, e.g. for a terminal (ANSI) or plain text (**hit**). */
export function markSnippet(s: Snippet, open: string, close: string): string {
  let out = "";
  let pos = 0;
  for (const [a, b] of s.highlights) {
    out += s.text.slice(pos, a) + open + s.text.slice(a, b) + close;
    pos = b;
  }
  return out + s.text.slice(pos);
}
