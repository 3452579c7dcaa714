// Garbage lines: glyph soup left by figures, ornaments and box borders. What OCR makes of a picture
// differs from text in its characters: ornament glyphs, doubled punctuation and Latin fragments that
// no word has (a lower-case letter followed by a capital, a lone lower-case letter against Han).
import { readConfig } from "./data.js";
import { charCount, forEachLatinRun, HAN } from "./chars.js";

const { maxScore, shortLength } = readConfig<{ garbage: { maxScore: number; shortLength: number } }>("layout.json").garbage;

export const ORNAMENT = /[●○■□▲△▼▽◆◇★☆◀▶◁▷※]/u;
const ORNAMENTS = new RegExp(ORNAMENT.source, "gu");
const DOUBLED = /([，。、；：！？,;])\1/gu;
const DOUBLED_TEST = /([，。、；：！？,;])\1/u;

const LOWER_UPPER = /\p{Ll}\p{Lu}/u;
const LOWER = /\p{Ll}/u;

function garbageScore(text: string, compact: string): number {
  const length = charCount(compact);
  if (length === 0) return Infinity;
  let odd = 2 * (compact.match(ORNAMENTS)?.length ?? 0);
  odd += compact.match(DOUBLED)?.length ?? 0;
  forEachLatinRun(text, (start, end) => {
    const run = text.slice(start, end);
    if (lowerThenUpper(run) || (run.length === 1 && LOWER.test(run) && (HAN.test(text[start - 1] ?? "") || HAN.test(text[start + 1] ?? "")))) odd++;
  });
  return odd / Math.max(1, length / 4);
}

/** Does a lower-case letter precede a capital in the run (as /\p{Ll}\p{Lu}/u)? By code for ASCII runs. */
function lowerThenUpper(run: string): boolean {
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    if (c > 0x7f) return LOWER_UPPER.test(run);
    const d = run.charCodeAt(i + 1);
    if (c >= 97 && c <= 122 && d >= 65 && d <= 90) return true;
  }
  return false;
}

/** A line with no word in it (a few symbols, a stray letter), or one that scores as soup. */
export function isGarbage(text: string): boolean {
  const compact = text.replace(/\s+/g, "");
  // A character takes at most two UTF-16 units: a longer text needs no count.
  if (compact.length <= 2 * shortLength && charCount(compact) <= shortLength) return !/\p{Script=Han}|[0-9０-９]|\p{L}{2}/u.test(compact);
  // Only ornaments, doubled marks and Latin letters can score: lines without them are text.
  if (!ORNAMENT.test(compact) && !/[a-z]/.test(compact) && !DOUBLED_TEST.test(compact)) return false;
  return garbageScore(text, compact) > maxScore;
}
