// Character classes of the clean stage. Fullwidth Latin letters and digits count as Latin and
// digits here, since they are folded to ASCII: only the class of what a character will become
// matters when deciding how to join or space text.

export const HAN = /\p{Script=Han}/u;
/** Han and the punctuation and symbols of Chinese text, set full width (circled footnote markers too). */
export const CJK = /[\p{Script=Han}\u2460-\u2473\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65\u2014\u2026\u201C\u201D\u2018\u2019\u00B7\u2E80-\u2FFF\uFE30-\uFE4F]/u;
export const LETTER = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;

const DIGIT = /[0-9０-９]/;
/** Sentence-final punctuation, allowing closing quotes/brackets, markup and a trailing footnote marker. */
export const ENDS_SENTENCE =
  /[。！？.!?:：；;…．](?:[”’"'」』）)\]》»】]|\*+|<\/(?:sup|b|strong)>|<sup>[^<]*<\/sup>|\[\d+\]|[①-⑳])*$/;

const FULLWIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/;

type CharClass = "han" | "cjk" | "letter" | "digit" | "space" | "other";
const classes = new Map<string, CharClass>();

/** The character class a character falls in once fullwidth letters and digits are ASCII. */
export function charClass(ch: string): CharClass {
  // Asked for the characters at every line end: answers are kept per character.
  let known = classes.get(ch);
  if (known === undefined) {
    known = classOf(ch);
    if (ch.length <= 2) classes.set(ch, known);
  }
  return known;
}

function classOf(ch: string): CharClass {
  if (ch === "") return "other";
  if (/\s/.test(ch)) return "space";
  if (DIGIT.test(ch)) return "digit";
  if (FULLWIDTH_ALNUM.test(ch) || LETTER.test(ch)) return "letter";
  if (HAN.test(ch)) return "han";
  if (CJK.test(ch)) return "cjk";
  return "other";
}

/** Is this character set full width in Chinese text (Han, CJK punctuation, fullwidth forms)? */
export function isWide(ch: string): boolean {
  const c = charClass(ch);
  return c === "han" || c === "cjk";
}

const WIDE_CHAR = new RegExp(`${CJK.source}|${FULLWIDTH_ALNUM.source}`, "u");
export const WIDE_CHARS = new RegExp(WIDE_CHAR.source, "gu");
const isWideUnit = unitTest(WIDE_CHAR);

/**
 * How many characters (code points) of a text are wide (Han, CJK punctuation, fullwidth forms: two
 * columns of display width), how many are not, and whether one of them is a lone surrogate.
 */
export function countWide(text: string): [wide: number, other: number, lone: boolean] {
  let wide = 0;
  let other = 0;
  let lone = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && isPairAt(text, i);
    const yes = pair ? WIDE_CHAR.test(text.slice(i, i + 2)) : isWideUnit(code);
    if (pair) i++;
    else if (code >= 0xd800 && code <= 0xdfff) lone = true;
    if (yes) wide++;
    else other++;
  }
  return [wide, other, lone];
}

/** Display width: wide characters count two columns. */
export function displayWidth(text: string): number {
  const [wide, other] = countWide(text);
  return 2 * wide + other;
}

const LATIN = /\p{Script=Latin}/u;
const isLatinUnit = unitTest(LATIN);

/**
 * Call `fn` with the bounds of every run of Latin-script characters, as /\p{Script=Latin}+/gu finds
 * them: a walk by table, as a Unicode class scans slowly through Chinese text.
 */
export function forEachLatinRun(text: string, fn: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && isPairAt(text, i);
    const latin = i < text.length && (pair ? LATIN.test(text.slice(i, i + 2)) : isLatinUnit(code));
    if (latin && start < 0) start = i;
    else if (!latin && start >= 0) {
      fn(start, i);
      start = -1;
    }
    if (pair) i++;
  }
}

/** How many characters (code points) `[...text]` gives, without building the array. */
export function charCount(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    if (isPairAt(text, i)) {
      n--;
      i++;
    }
  }
  return n;
}

/** The first character (code point) of a non-empty text, as `[...text][0]`. */
export function firstChar(text: string): string {
  return isPairAt(text, 0) ? text.slice(0, 2) : text.slice(0, 1);
}

/** The last character (code point) of a non-empty text, as `[...text].pop()`. */
export function lastChar(text: string): string {
  return text.length >= 2 && isPairAt(text, text.length - 2) ? text.slice(-2) : text.slice(-1);
}

/** Does a surrogate pair (one character outside the BMP) start at text[i]? */
export function isPairAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return false;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

/**
 * A test of one UTF-16 code unit against a one-character pattern (not global), answered from a table
 * filled on first use: rules that walk a text character by character call it on every step.
 */
export function unitTest(re: RegExp): (code: number) => boolean {
  const table = new Uint8Array(0x10000); // 0 not asked yet, 1 no, 2 yes
  return (code) => {
    if (!(code >= 0)) return false; // NaN: past either end of the text
    let answer = table[code]!;
    if (answer === 0) table[code] = answer = re.test(String.fromCharCode(code)) ? 2 : 1;
    return answer === 2;
  };
}
