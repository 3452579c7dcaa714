// How two lines of one block are joined: Chinese without a space, English and Russian with one; a
// URL or e-mail address broken across lines without a space; a hyphenated line end without the
// hyphen only when the two halves make a word of the lexicon.
import { charClass, firstChar, isWide, lastChar } from "./chars.js";
import { frequency } from "./lexicon.js";

export interface Join {
  /** Characters at the end of the first line that the join removes (a hyphen). */
  take: number;
  text: string;
  rule: string;
}

const URL_END = /(?:(?:https?|ftp|file):\/\/|www[.\u{1001B0}]|[\w.+-]+@)[^\s]*$/u;
const URL_CUT = /(?::\/\/|[/.\-_=&?#%:\u{1001B0}])$/u;
const WORD_BEFORE_HYPHEN = /(\p{L}+)[-‐\u00AD]$/u;
const WORD_AFTER = /^\p{L}+/u;

/** Does line `a` end in the middle of a URL or e-mail address that line `b` goes on with? */
export function urlBreak(a: string, b: string): boolean {
  const last = a.slice(a.lastIndexOf(" ") + 1);
  return URL_CUT.test(last) && URL_END.test(last) && /^[^\s\p{Script=Han}]/u.test(b);
}

export function join(a: string, b: string): Join {
  if (urlBreak(a, b)) return { take: 0, text: "", rule: "clean.url-join" };
  const hyphen = /[-‐\u00AD]$/.test(a) ? WORD_BEFORE_HYPHEN.exec(a.slice(-40)) : null;
  const next = hyphen ? WORD_AFTER.exec(b) : null;
  if (hyphen && next) {
    const word = hyphen[1]! + next[0];
    return frequency(word) >= 2 ? { take: 1, text: "", rule: "clean.hyphen-join" } : { take: 0, text: "", rule: "clean.join-lines" };
  }
  // A number range or hyphenated number cut at the line end (350-/362, 第81~/83页).
  if (/[-‐~～–—]$/.test(a) && charClass(b[0] ?? "") === "digit") return { take: 0, text: "", rule: "clean.join-lines" };
  const last = a === "" ? "" : lastChar(a);
  const first = b === "" ? "" : firstChar(b);
  return { take: 0, text: isWide(last) || isWide(first) ? "" : " ", rule: "clean.join-lines" };
}
