// Character classes shared by the stages.

/** Han ideographs, CJK punctuation and fullwidth forms: text joined without spaces. */
export const CJK = /[\u2E80-\u2FFF\u3000-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\u{20000}-\u{3FFFF}]/u;

/** Display width of a line: wide (CJK) characters count two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += CJK.test(ch) ? 2 : 1;
  return width;
}
