// Rule segment.split-mixed: a block that OCR or layout merged from two languages — an English
// reference glued to the Chinese footnote after it, a URL line glued to a Russian abstract —
// becomes one block per language, cut at the sentence where the script changes. Only clean
// cases are cut: each side is long enough and nearly pure in its script, so a Chinese sentence
// quoting an English title, or a name in parentheses, never splits a paragraph.
import type { RuleCounts } from "../model/schema.js";
import type { Block } from "../model/work.js";
import { letterCounts, type LetterCounts } from "./scripts.js";
import { splitSentences, type SentenceSpan } from "./sentences.js";

export const RULE = "segment.split-mixed";
// Footnotes are left whole: an explanation followed by its "See …" source is one note.
const SPLITTABLE = new Set(["paragraph", "reference", "sidebar"]);
/** Letters a side needs (a Han character counts as HAN_WEIGHT letters). */
const MIN_LETTERS = 24;
const HAN_WEIGHT = 3.5;
/** The share of a side's letters that may belong to the other side's script. */
const MAX_FOREIGN = 0.1;

type Script = keyof LetterCounts;

/** Letters of each script in text[start, end), a Han character weighing HAN_WEIGHT. */
function counts(text: string, start: number, end: number): LetterCounts {
  const c = letterCounts(text, start, end);
  c.han *= HAN_WEIGHT;
  return c;
}

/** The script with the most letters (the first of han, latin, cyrl on a tie); null without letters. */
function dominant(c: LetterCounts): Script | null {
  let best: Script = "han";
  if (c.latin > c[best]) best = "latin";
  if (c.cyrl > c[best]) best = "cyrl";
  return c[best] > 0 ? best : null;
}

interface Group {
  script: Script;
  start: number;
  counts: LetterCounts;
}

/** Clean-text offsets where `block` should be cut, in order (empty: keep it whole); `sentences` are its own when known. */
export function mixedCuts(block: Block, sentences?: readonly SentenceSpan[]): number[] {
  if (!SPLITTABLE.has(block.kind)) return [];
  const text = block.tracked.text;
  const groups: Group[] = [];
  for (const s of sentences ?? splitSentences(text, block.lang)) {
    const c = counts(text, s.start, s.end);
    const script = dominant(c);
    const last = groups[groups.length - 1];
    if (last && (script === null || script === last.script)) {
      for (const k of Object.keys(c) as Script[]) last.counts[k] += c[k];
    } else if (script) groups.push({ script, start: s.start, counts: c });
  }
  const pure = (g: Group, other: Script) => {
    const total = g.counts.han + g.counts.latin + g.counts.cyrl;
    return g.counts[g.script] >= MIN_LETTERS && g.counts[other] <= MAX_FOREIGN * total;
  };
  const cuts: number[] = [];
  for (let i = 1; i < groups.length; i++) {
    const [a, b] = [groups[i - 1]!, groups[i]!];
    if (pure(a, b.script) && pure(b, a.script)) cuts.push(b.start);
  }
  return cuts;
}

/** The block cut at `cuts`; whitespace left at a cut is removed by the rule. */
export function cutBlock(block: Block, cuts: readonly number[], counts: RuleCounts): Array<{ block: Block; start: number }> {
  const parts: Array<{ block: Block; start: number }> = [];
  let rest = block.tracked;
  let consumed = 0;
  for (const at of cuts) {
    const [left, right] = rest.cut(at - consumed);
    parts.push({ block: { ...block, tracked: left.replace(/\s+$/g, RULE, "", counts) }, start: consumed });
    consumed += left.text.length;
    rest = right;
  }
  parts.push({ block: { ...block, tracked: rest }, start: consumed });
  return parts;
}
