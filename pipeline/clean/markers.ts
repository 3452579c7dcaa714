// Footnote markers in every style the sources use. Clean keeps them (normalised to ① or [1]) for
// the structure stage, and starts a block at every line that opens with one.

const CIRCLED = "[\\u2460-\\u2473\\u3251-\\u325F\\u32B1-\\u32BF]";
const NUMBER = "\\d{1,3}";
/** One marker: ①, [1], <sup>①</sup>, <sup>[1]</sup>, <sup>1</sup>, $^{1}$, $\textcircled{1}$. */
export const MARKER = new RegExp(
  `(?:<sup>\\s*(?:${CIRCLED}|\\[?\\s*${NUMBER}\\s*\\]?)\\s*</sup>|${CIRCLED}|\\[${NUMBER}\\]|\\$\\s*\\^\\s*\\{?\\s*\\[?\\s*${NUMBER}\\s*\\]?\\s*\\}?\\s*\\$|\\$\\s*\\\\textcircled\\s*\\{\\s*${NUMBER}\\s*\\}\\s*\\$)`,
  "u",
);
const AT_START = new RegExp(`^${MARKER.source}`, "u");
const ONLY = new RegExp(`^(?:${MARKER.source}\\s*)+$`, "u");

/** Does the line open with a footnote marker (a footnote body or a reference)? */
export function startsWithMarker(line: string): boolean {
  return AT_START.test(line);
}

/** Is the line nothing but footnote markers (the bare marker runs of some PDF extractions)? */
export function onlyMarkers(line: string): boolean {
  return ONLY.test(line);
}
