// Letters per script by Unicode's Script property (what \p{Script=Han} and its kind test), counted
// in one pass. Each code point is classified once, by those very regexes, and remembered: three
// global matches per text allocated an array of every letter.

export interface LetterCounts {
  han: number;
  latin: number;
  cyrl: number;
}

type Script = keyof LetterCounts;

const SCRIPTS: ReadonlyArray<[Script, RegExp]> = [
  ["han", /^\p{Script=Han}$/u],
  ["latin", /^\p{Script=Latin}$/u],
  ["cyrl", /^\p{Script=Cyrillic}$/u],
];

// Static data, one entry per code point met: 0 unknown yet, 1 none of the three, 2 + index in SCRIPTS.
const bmp = new Uint8Array(0x10000);
const astral = new Map<number, number>();

function classOf(cp: number): number {
  let k = cp < 0x10000 ? bmp[cp]! : (astral.get(cp) ?? 0);
  if (k === 0) {
    const ch = String.fromCodePoint(cp);
    k = SCRIPTS.findIndex(([, re]) => re.test(ch)) + 2;
    if (cp < 0x10000) bmp[cp] = k;
    else astral.set(cp, k);
  }
  return k;
}

/** Letters of each script in text[start, end), counted as if sliced out: a surrogate pair cut by the end is no letter. */
export function letterCounts(text: string, start = 0, end = text.length): LetterCounts {
  const counts: LetterCounts = { han: 0, latin: 0, cyrl: 0 };
  for (let i = start; i < end; ) {
    let cp = text.codePointAt(i)!;
    if (cp > 0xffff && i + 1 >= end) cp = text.charCodeAt(i);
    i += cp > 0xffff ? 2 : 1;
    const k = classOf(cp);
    if (k > 1) counts[SCRIPTS[k - 2]![0]]++;
  }
  return counts;
}
