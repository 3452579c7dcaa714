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

/** The character class a character falls in once fullwidth letters and digits are ASCII. */
export function charClass(ch: string): "han" | "cjk" | "letter" | "digit" | "space" | "other" {
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

/** Display width: wide characters (Han, CJK punctuation, fullwidth forms) count two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += CJK.test(ch) || FULLWIDTH_ALNUM.test(ch) ? 2 : 1;
  return width;
}
