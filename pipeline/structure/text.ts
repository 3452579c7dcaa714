// Value clean-up for metadata: what a field holds once its layout is gone. Passages keep their text;
// these helpers only shape the values copied into metadata (titles, names, numbers).

const WIDE = "\\p{Script=Han}\\u3000-\\u303F\\uFF01-\\uFF60“”‘’《》";
const SPACE_IN_CJK = new RegExp(`(?<=[${WIDE}])[\\s\\u3000]+(?=[${WIDE}])`, "gu");
const HAN = /\p{Script=Han}/u;

/** Remove spaces between Chinese characters (OCR and justified layout): 上海合作组织 防务 → 上海合作组织防务. */
export function compactCjk(text: string): string {
  if (!/[\s\u3000]/.test(text)) return text;
  return text.replace(SPACE_IN_CJK, (m, offset: number, all: string) => {
    const before = all[offset - 1] ?? "";
    const after = all[offset + m.length] ?? "";
    return HAN.test(before) || HAN.test(after) ? "" : m;
  });
}

/** Markdown and HTML emphasis around or inside a value: **…**, *…*, <b>…</b>. */
export function stripMarkup(text: string): string {
  return text.replace(/<\/?(?:b|i|strong|em|u)>/gi, "").replace(/\*\*|__/g, "").replace(/(^|\s)\*(\S[^*]*\S|\S)\*(?=\s|$)/g, "$1$2");
}

/** Fullwidth digits and letters to ASCII, for parsing numbers and codes (never for passage text). */
export function asciiForms(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

/** A metadata value: no markup, no spaces inside Chinese, single spaces, trimmed. */
export function value(text: string): string {
  return compactCjk(stripMarkup(text)).replace(/\s+/g, " ").trim();
}
