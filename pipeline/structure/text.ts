// Value clean-up for metadata: what a field holds once its layout is gone. Passages keep their text;
// these helpers only shape the values copied into metadata (titles, names, numbers).

const WIDE = "\\p{Script=Han}\\u3000-\\u303F\\uFF01-\\uFF60“”‘’《》";
const SPACE_IN_CJK = new RegExp(`(?<=[${WIDE}])[\\s\\u3000]+(?=[${WIDE}])`, "gu");
const HAN = /\p{Script=Han}/u;
// Where SPACE_IN_CJK can match at all: a space right after a wide character. Every wide character
// is U+2018 or above (an astral one ends in a surrogate), so this cheaper test never misses one.
const SPACE_AFTER_WIDE = /[\u2018-\uFFFF]\s/;

/** Remove spaces between Chinese characters (OCR and justified layout): 上海合作组织 防务 → 上海合作组织防务. */
export function compactCjk(text: string): string {
  if (!SPACE_AFTER_WIDE.test(text)) return text;
  return text.replace(SPACE_IN_CJK, (m, offset: number, all: string) => {
    const before = all[offset - 1] ?? "";
    const after = all[offset + m.length] ?? "";
    return HAN.test(before) || HAN.test(after) ? "" : m;
  });
}

const TAG = /<\/?(?:b|i|strong|em|u)>/gi;
const STRONG = /\*\*|__/g;
const EMPHASIS = /(^|\s)\*(\S[^*]*\S|\S)\*(?=\s|$)/g;

/** Markdown and HTML emphasis around or inside a value: **…**, *…*, <b>…</b>. */
export function stripMarkup(text: string): string {
  // Most text has no markup: each pattern needs its first character, which is quick to look for.
  const tagless = text.includes("<") ? text.replace(TAG, "") : text;
  const stars = tagless.includes("*");
  const plain = stars || tagless.includes("_") ? tagless.replace(STRONG, "") : tagless;
  return stars ? plain.replace(EMPHASIS, "$1$2") : plain;
}

/** Fullwidth digits and letters to ASCII, for parsing numbers and codes (never for passage text). */
export function asciiForms(text: string): string {
  // One pass, copying the runs between replaced characters (a callback per character is slow on Chinese text).
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) {
      out += text.slice(from, i) + String.fromCharCode(c === 0x3000 ? 0x20 : c - 0xfee0);
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

// Runs of spaces that are not already one plain space (those need no replacing).
const SPACE_RUNS = /\s{2,}|[^\S ]/g;

/** A metadata value: no markup, no spaces inside Chinese, single spaces, trimmed. */
export function value(text: string): string {
  return compactCjk(stripMarkup(text)).replace(SPACE_RUNS, " ").trim();
}
