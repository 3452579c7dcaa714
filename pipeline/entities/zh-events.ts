// Chinese events: a summit after a place (杜尚别峰会), a numbered meeting of a body
// (元首理事会第十二次会议), code names in quotes before a year or an exercise word (“东方—2014”,
// “和平使命”系列), and a name before an event word (广州亚运会).
import { zhRules } from "./config.js";
import type { Token } from "./jieba.js";
import { registry } from "./registry.js";
import { tokenStartingAt } from "./tokens.js";
import { alt, chineseNumber, foldWidth, hasHan } from "./text.js";
import { candidates, type Candidate } from "./types.js";

const cand = candidates("zh");

const ordinalMeeting = /^\s*第\s*([0-9〇零一二两三四五六七八九十百]+)\s*[次届]\s*(?:会议|峰会)/;
// What an ordinal meeting starts with (folding the width changes neither spaces nor 第), tested
// before the text after every organisation is cut and folded.
const ordinalStart = /\s*第/y;
const startsOrdinal = (text: string, at: number): boolean => {
  ordinalStart.lastIndex = at;
  return ordinalStart.test(text);
};
const quoted = /[“"「『]([^”"」』\n]{1,20})[”"」』]/gu;
const exerciseHead = new RegExp(`^\\s*(?:${alt(zhRules.exerciseHeads)})`);
const yearEnd = /^(.*?)\s*[—–\-－]*\s*([12]\d{3})$/u;
const eventSuffixes = new Set(zhRules.eventSuffixes);

export function events(text: string, tokens: Token[], names: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const n of names) {
    if ((n.type === "GPE" || n.type === "LOC") && text.startsWith("峰会", n.end)) {
      const host = names.find((o) => o.type === "ORG" && o.end === n.start && !o.weak);
      const place = n.id?.replace(/^(?:gpe|loc):/, "");
      const id = place ? { id: `event:${host?.id?.replace(/^org:/, "") ?? ""}${host?.id ? "-" : ""}summit-${place}` } : {};
      out.push(cand(host?.start ?? n.start, n.end + 2, "EVENT", "zh.summit", 2, id));
    }
    const meeting = n.type === "ORG" && startsOrdinal(text, n.end) ? ordinalMeeting.exec(foldWidth(text.slice(n.end, n.end + 16))) : null;
    const number = meeting ? chineseNumber(meeting[1] ?? "") : null;
    if (meeting && number !== null) {
      const extra = n.id ? { id: `${n.id.replace(/^org:/, "event:")}-meeting-${number}` } : { key: `${text.slice(n.start, n.end)}#${number}` };
      out.push(cand(n.start, n.end + meeting[0].length, "EVENT", "zh.meeting", 2, extra));
    }
  }
  for (const m of text.matchAll(quoted)) {
    const inner = m[1] ?? "";
    const start = m.index + 1;
    if (!hasHan(inner)) continue;
    const year = yearEnd.exec(foldWidth(inner));
    if (!year && !exerciseHead.test(text.slice(start + inner.length + 1, start + inner.length + 12))) continue;
    const series = registry.find((e) => e.series && year && e.names.zh?.includes(year[1] ?? ""));
    const id = series && year ? { id: `${series.id}-${year[2]}` } : seriesOf(inner);
    out.push(cand(start, start + inner.length, "EVENT", "zh.code-name", 3, id));
  }
  // An event word right after a name: only the words where a name ends are looked at, in order.
  const ends = [...new Set(names.filter((n) => n.type !== "DATE" && !n.weak).map((n) => n.end))].sort((a, b) => a - b);
  for (const end of ends) {
    const t = tokenStartingAt(tokens, end);
    const head = t && eventSuffixes.has(t.word) ? names.find((n) => n.end === t.start && n.type !== "DATE" && !n.weak) : undefined;
    if (t && head) out.push(cand(head.start, t.end, "EVENT", "zh.event-suffix", 1));
  }
  return out;
}

function seriesOf(name: string): Partial<Candidate> {
  const entry = registry.find((e) => e.series && e.names.zh?.includes(name));
  return entry ? { id: entry.id } : {};
}
