// Glosses that give a name in another script right after it: 瑟索耶夫（Сысоев Е.С.）,
// 诺罗夫（Vladimir Imamovich Norov）, 斯蒂芬·艾利斯 (StephenAris), and in citations 季北慈:Bates Gill.
// The gloss becomes a mention of the same type (if no rule found it) and is linked to the name.
import { scriptLang } from "./text.js";
import { candidate, type Candidate, type Link } from "./types.js";

const parenthesis = /^\s*[（(]\s*([^()（）]{2,60}?)\s*[)）]/u;
const colon = /^\s*[:：]\s*((?:\p{Lu}[\p{L}.'’-]*\s?){1,4}?)\s*(?=[,，])/u;
const nameShaped = /^(?:(?:\p{Lu}\.\s?)+|\p{Lu}[\p{L}'’-]*)(?:\s+(?:(?:\p{Lu}\.\s?)+|\p{Lu}[\p{L}'’-]*))*$/u;

export function glosses(text: string, mentions: Candidate[]): { added: Candidate[]; links: Link[] } {
  const added: Candidate[] = [];
  const links: Link[] = [];
  for (const m of mentions) {
    if (m.lang !== "zh" || m.type === "DATE") continue;
    const after = text.slice(m.end, m.end + 80);
    const g = parenthesis.exec(after) ?? (m.type === "PERSON" ? colon.exec(after) : null);
    const inner = g?.[1]?.trim();
    const lang = inner ? scriptLang(inner) : null;
    if (!g || !inner || !lang || lang === "zh" || !nameShaped.test(inner)) continue;
    const start = m.end + g[0].indexOf(inner);
    const span = { start, end: start + inner.length };
    const inside = mentions.filter((o) => o.lang !== "zh" && o.start >= span.start && o.end <= span.end);
    const overlapping = mentions.some((o) => o.lang !== "zh" && o.start < span.end && span.start < o.end);
    if (inside.length === 1) links.push({ a: m, b: inside[0]!, rule: "gloss" });
    else if (!overlapping) {
      added.push(candidate({ ...span, type: m.type, lang, rule: "gloss", rank: 2 }));
      links.push({ a: m, b: span, rule: "gloss" });
    }
  }
  return { added, links };
}
