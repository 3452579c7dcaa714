// Dashes: runs of three or more em dashes (———) are the two of a Chinese dash; a dash inside an
// English word is a misread hyphen (decision—making, Sino——Russian); dates and number ranges lose
// the spaces and dash forms OCR gave them (2011—09—05 → 2011-09-05, 978 - 7 - 80237 → 978-7-80237).
import type { RuleCounts } from "../../model/schema.js";
import type { Tracked } from "../../model/tracked.js";
import { guard } from "./protect.js";

const RUN = /[—―]{3,}/g;
// Each lookbehind comes after a lookahead for the first character: V8 then scans for that character
// instead of trying the lookbehind at every position (the same matches, far faster).
const IN_WORD = /(?=[—―])(?<=\p{Script=Latin}{2})(?:—|——|―)(?=\p{Script=Latin}{2})/gu;
const DATE = /(?=\d)(?<!\d)(\d{4})\s*[—–―－-]\s*(\d{1,2})\s*[—–―－-]\s*(\d{1,2})(?!\d)/g;
const SPACED = /(?=[\s-])(?<=\d)(?:\s+-\s*|-\s+)(?=\d)/g;
const HAN_HYPHEN = /(?=\s)(?<=\p{Script=Han})\s+-\s+(?=\p{Script=Han})/gu;
const MINUS_SIGN = /(?=[\s－])(?<=\d)\s*[－]\s*(?=\d)/g;

export function dashes(t: Tracked, counts: RuleCounts): Tracked {
  const inUrl = guard(t.text);
  // `marks`: a text holding none of these characters cannot match, and is not scanned.
  const skip = (re: RegExp, to: string | ((m: RegExpExecArray) => string), marks?: RegExp) => (x: Tracked) =>
    marks && !marks.test(x.text)
      ? x
      : x.replace(re, "clean.dash", (m) => (inUrl(m.index, m.index + m[0].length) ? m[0] : typeof to === "string" ? to : to(m)), counts);
  return [
    skip(RUN, "——", /[—―]/),
    skip(IN_WORD, "-", /[—―]/),
    skip(DATE, (m) => `${m[1]}-${m[2]}-${m[3]}`),
    skip(SPACED, "-", /-/),
    skip(HAN_HYPHEN, "-", /-/),
    skip(MINUS_SIGN, "-", /－/),
  ].reduce((x, f) => f(x), t);
}
