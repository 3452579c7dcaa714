// Rule clean.join-lines: a line break inside a paragraph (with the spaces around it and any blank
// lines) becomes nothing between CJK characters and one space elsewhere.
import type { RuleCounts } from "../model/schema.js";
import type { Tracked } from "../model/tracked.js";
import { CJK } from "../text/chars.js";

const BREAK = /[ \t\u3000\u00A0]*\n[\s\u3000]*/g;

export function joinLines(text: Tracked, counts: RuleCounts): Tracked {
  return text.replace(BREAK, "clean.join-lines", (m) => {
    const before = m.input.slice(0, m.index).slice(-1);
    const after = m.input.charAt(m.index + m[0].length);
    return CJK.test(before) && CJK.test(after) ? "" : " ";
  }, counts);
}
