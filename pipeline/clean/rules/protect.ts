// Text that rules must not touch: URLs, e-mail addresses and DOIs keep every character as written.
const PROTECTED =
  /(?:(?:https?|ftp|file):\/\/|www\.)[^\s"<>“”‘’《》【】（），。；、«»\p{Script=Han}]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|\b10\.\d{4,9}\/[^\s，。；、）)]+/gu;

let last: { text: string; test: (start: number, end: number) => boolean } | null = null;

/** A test for whether [start, end) of `text` overlaps a URL, e-mail address or DOI. */
export function guard(text: string): (start: number, end: number) => boolean {
  // Rules call this on the same text one after another: keep the last answer.
  if (last?.text === text) return last.test;
  const ranges: Array<[number, number]> = [];
  // Every protected form holds one of these; the pattern is slow on long runs of word characters.
  const possible = text.includes("://") || text.includes("www.") || text.includes("@") || text.includes("10.");
  for (const m of possible ? text.matchAll(PROTECTED) : []) {
    const url = m[0].replace(/[.,;:!?)\]}'"]+$/, "");
    ranges.push([m.index, m.index + url.length]);
  }
  const test = (start: number, end: number) => ranges.length > 0 && ranges.some(([s, e]) => start < e && end > s);
  last = { text, test };
  return test;
}
