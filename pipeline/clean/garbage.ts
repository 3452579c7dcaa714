// Garbage lines: glyph soup left by figures, ornaments and box borders. What OCR makes of a picture
// differs from text in its characters: ornament glyphs, doubled punctuation and Latin fragments that
// no word has (a lower-case letter followed by a capital, a lone lower-case letter against Han).
import { readConfig } from "./data.js";
import { HAN } from "./chars.js";

const { maxScore, shortLength } = readConfig<{ garbage: { maxScore: number; shortLength: number } }>("layout.json").garbage;

export const ORNAMENT = /[●○■□▲△▼▽◆◇★☆◀▶◁▷※]/u;
const DOUBLED = /([，。、；：！？,;])\1/gu;
const DOUBLED_TEST = /([，。、；：！？,;])\1/u;
const LATIN_RUN = /\p{Script=Latin}+/gu;

function garbageScore(text: string): number {
  const compact = text.replace(/\s+/g, "");
  const length = [...compact].length;
  if (length === 0) return Infinity;
  let odd = 0;
  for (const ch of compact) if (ORNAMENT.test(ch)) odd += 2;
  odd += compact.match(DOUBLED)?.length ?? 0;
  for (const m of text.matchAll(LATIN_RUN)) {
    const run = m[0];
    const before = text[m.index - 1] ?? "";
    const after = text[m.index + run.length] ?? "";
    if (/\p{Ll}\p{Lu}/u.test(run) || (run.length === 1 && /\p{Ll}/u.test(run) && (HAN.test(before) || HAN.test(after)))) odd++;
  }
  return odd / Math.max(1, length / 4);
}

/** A line with no word in it (a few symbols, a stray letter), or one that scores as soup. */
export function isGarbage(text: string): boolean {
  const compact = text.replace(/\s+/g, "");
  if ([...compact].length <= shortLength) return !/\p{Script=Han}|[0-9０-９]|\p{L}{2}/u.test(compact);
  // Only ornaments, doubled marks and Latin letters can score: lines without them are text.
  if (!ORNAMENT.test(compact) && !/[a-z]/.test(compact) && !DOUBLED_TEST.test(compact)) return false;
  return garbageScore(text) > maxScore;
}
