// Titles of works in any language: the text inside 《…》, «…» and 〈…〉 (a title cut by a page break
// keeps its closing half: 上海公约》 at the start of a passage), and a quoted title after 题为.
import { isSpaceCode, scriptLang } from "./text.js";
import { candidate, type Candidate } from "./types.js";

const pairs: Record<string, string> = { "《": "》", "«": "»", "〈": "〉", "‹": "›" };
const closers = new Set(Object.values(pairs));
const bracket = new RegExp(`[${Object.keys(pairs).join("")}${[...closers].join("")}]`, "g");
const maxTitle = 150;

export function recogniseWorks(text: string): Candidate[] {
  const out: Candidate[] = [];
  const add = (start: number, end: number, rule: string) => {
    while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
    while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
    const lang = scriptLang(text.slice(start, end));
    if (lang && end - start >= 2 && end - start <= maxTitle) out.push(candidate({ start, end, type: "WORK", lang, rule, rank: 2 }));
  };
  const open: { char: string; at: number }[] = [];
  let seenOpener = false;
  for (const b of text.matchAll(bracket)) {
    const c = b[0];
    const i = b.index;
    if (pairs[c]) {
      open.push({ char: c, at: i });
      seenOpener = true;
    } else {
      const top = open[open.length - 1];
      if (top && pairs[top.char] === c) {
        open.pop();
        add(top.at + 1, i, "work.brackets");
      } else if (!seenOpener && !top && i <= 40) add(leadEnd(text), i, "work.continued");
    }
  }
  for (const m of text.includes("题为") ? text.matchAll(/题为\s*[“"]([^”"\n]{2,80})[”"]/gu) : []) add(m.index + m[0].indexOf(m[1] ?? "") , m.index + m[0].length - 1, "work.titled");
  return out;
}

/** Where a passage's text begins after a footnote marker: ① , [2] , 1. */
function leadEnd(text: string): number {
  return /^\s*(?:[①-⑳]|\[\d{1,3}\]|\d{1,3}[.、])?\s*/u.exec(text)?.[0].length ?? 0;
}
