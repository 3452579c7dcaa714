// Author lines and author notes. An author line is a line of names only: 阳军, 许涛, *By Xu Tao*,
// Ян Цзюнь. Notes give affiliations: 【作者简介】许涛，山西大学…; (The author is a Professor from …).
import { parseDate } from "./dates.js";
import { chineseNames, isLatinNameLine, latinName } from "./names.js";
import { stripMarkup, value } from "./text.js";

export interface AuthorLine {
  lang: "zh" | "latin";
  names: string[];
}

/** The names of a line that holds nothing else, or null. */
export function authorLine(text: string): AuthorLine | null {
  const plain = stripMarkup(text).trim();
  if (plain.length === 0 || plain.length > 60) return null;
  if (/\p{Script=Han}/u.test(plain)) {
    const names = chineseNames(plain);
    const rest = plain.replace(/[\s\u3000,，、;；\d¹²³⁴⁵⁶⁷⁸⁹⁰*∗]/gu, "");
    return names.length > 0 && names.length <= 8 && names.join("") === rest ? { lang: "zh", names } : null;
  }
  return isLatinNameLine(plain) ? { lang: "latin", names: [latinName(plain)] } : null;
}

export interface Note {
  name: string | null;
  affiliation: string;
  received: string | null;
}

const ZH_NOTE = /^(?<name>\p{Script=Han}{2,4})[，,\s](?<rest>.+)$/u;
const EN_NOTE = /^[(（]?\s*The authors? (?:is|are)\s+(?<rest>.+?)\s*[)）]?\s*$/isu;
const RECEIVED = /\s*This (?:article|paper) was received (?:on )?(?<date>[^.]+)\.?/i;

/** A Chinese author note (the value of 【作者简介】): 许涛，山西大学国际关系学院特聘教授，…。 */
export function zhAuthorNote(text: string): Note | null {
  const m = ZH_NOTE.exec(value(text));
  return m?.groups ? { name: m.groups.name!, affiliation: m.groups.rest!.replace(/[。.]$/u, "").trim(), received: null } : null;
}

/** An English author note: (The author is Guest Professor at …. This article was received on April 13, 2021.) */
export function enAuthorNote(text: string): Note | null {
  // Without markup to remove, value() leaves "author" where it was: no need to make it.
  if (!/author/i.test(text) && !/[*_<]/.test(text)) return null;
  const m = EN_NOTE.exec(value(text));
  if (!m?.groups) return null;
  const received = RECEIVED.exec(m.groups.rest!);
  const affiliation = m.groups.rest!.replace(RECEIVED, "").replace(/[.\s]+$/u, "").trim();
  return { name: null, affiliation, received: received ? parseDate(received.groups!.date!) : null };
}
