// Russian mentions: registry names through inflection (в Казахстане → Казахстан), people with
// initials (Сысоев Е.С., Е.С. Сысоев) or a known first name (Мария Яновская), organisations that
// start with a head noun (Комитета по делам религий), and bare acronyms the registry supports.
import { ruRules } from "./config.js";
import { matchRu, words } from "./registry.js";
import { ruStem } from "./stem.js";
import { candidates, type Candidate } from "./types.js";

const cand = candidates("ru");

const SURNAME = "[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?";
const INITIALS = "[А-ЯЁ]\\.\\s?(?:[А-ЯЁ]\\.)?";
const initialsAfter = new RegExp(`(?<![\\p{L}])${SURNAME}\\s+${INITIALS}`, "gu");
const initialsBefore = new RegExp(`(?<![\\p{L}.])${INITIALS}\\s?${SURNAME}`, "gu");
const givenNames = new Set(ruRules.givenNames.map(ruStem));
const orgHeads = ruRules.orgHeads;

export function recogniseRu(text: string): Candidate[] {
  if (!/[\u0400-\u04ff]{2}/.test(text)) return [];
  const out: Candidate[] = matchRu(text).map(({ start, end, entry }) => cand(start, end, entry.type, "ru.registry", 3, { id: entry.id }));
  for (const re of [initialsAfter, initialsBefore]) {
    for (const m of text.matchAll(re)) out.push(cand(m.index, m.index + m[0].trimEnd().length, "PERSON", "ru.initials", 2));
  }
  const ws = words(text).filter((w) => /^[\u0400-\u04ff]/.test(w.text));
  ws.forEach((w, i) => {
    const next = ws[i + 1];
    const gap = next ? text.slice(w.end, next.start) : "";
    // Мария Яновская: a known first name, then a capitalised word.
    const stem = ruStem(w.text);
    if (next && /^\s+$/.test(gap) && givenNames.has(stem) && /^[А-ЯЁ][а-яё]+$/.test(next.text)) out.push(cand(w.start, next.end, "PERSON", "ru.given-name", 2));
    // Комитета по делам религий: a capitalised head noun and the lowercase words after it, to punctuation.
    if (/^[А-ЯЁ][а-яё]/.test(w.text) && orgHeads.some((h) => stem.startsWith(h))) {
      let end = w.end;
      for (let k = i + 1; k < ws.length && k <= i + 4; k++) {
        const between = text.slice(ws[k - 1]!.end, ws[k]!.start);
        if (!/^\s+$/.test(between) || !/^[а-яё]/.test(ws[k]!.text)) break;
        end = ws[k]!.end;
      }
      if (end > w.end) out.push(cand(w.start, end, "ORG", "ru.org-head", 1));
    }
    // Bare acronyms (МВД, РАН): weak, like their English counterparts.
    if (/^[А-ЯЁ]{2,6}$/.test(w.text)) out.push(cand(w.start, w.end, "ORG", "ru.acronym", 0, { weak: true }));
  });
  return out;
}
