// Rule structure.url-join: a URL broken at a line end keeps the space the line join left
// ("http://news.mod.gov.cn/ headlines/2015-12/28/…", "c_124976364. htm"). Inside notes and
// references, a line join right after a URL that stopped on / . _ - = ? & # is removed.
import type { RuleCounts } from "../model/schema.js";
import type { Change, Tracked } from "../model/tracked.js";

const URL_TAIL = /(?:https?:\/\/|file:\/\/\/|www\.)\S*$/u;
const BREAKS_URL = /[/._\-=?&#~%\u{1001B0}]$/u;
const URL_NEXT = /^[\w/.\-%?=&#~]/u;

export function joinUrls(tracked: Tracked, counts: RuleCounts): Tracked {
  const text = tracked.text;
  const changes: Change[] = [];
  let pos = 0;
  for (const p of tracked.pieces) {
    const len = p.text.length;
    if (p.rule !== null && /^\s+$/.test(p.text) && tracked.source.slice(p.start, p.end).includes("\n")) {
      const before = text.slice(Math.max(0, pos - 300), pos);
      if (URL_TAIL.test(before) && BREAKS_URL.test(before) && URL_NEXT.test(text.slice(pos + len))) changes.push({ start: pos, end: pos + len, text: "" });
    }
    pos += len;
  }
  return tracked.edit("structure.url-join", changes, counts);
}
