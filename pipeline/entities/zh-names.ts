// The shape of Chinese person names: a known surname and one or two given characters (许涛, 欧阳维),
// or a transliteration, with middle dots between its parts (胡曼·佩马尼) or a typical ending (卡里莫夫).
import { zhRules } from "./config.js";
import { HAN, NAME_DOTS } from "./text.js";

const surnames = new Set(zhRules.surnames);
const compound = new Set(zhRules.compoundSurnames);
const translit = new Set(zhRules.transliteration);

/** 许涛, 欧阳维, 季北慈: a surname and one or two more characters. */
const hanWord = new RegExp(`^[${HAN}]{2,4}$`, "u");

export function isHanName(s: string): boolean {
  if (!hanWord.test(s)) return false;
  if (compound.has(s.slice(0, 2))) return s.length >= 3;
  return surnames.has(s[0] ?? "") && s.length <= 3;
}

export const isTransliteration = (s: string): boolean => s.length > 0 && [...s].every((c) => translit.has(c));

/** Dotted transliterated names: 胡曼·佩马尼, 小约瑟夫·S·奈, 塔尼亚·A. 博泽尔 (every part transliterated or an initial). */
export const dottedName = new RegExp(
  `小?[${HAN}]{1,7}(?:\\s?[${NAME_DOTS}]\\s?(?:[A-Z](?:[.．\\u{1001B0}]\\s?(?=[${HAN}]))?|[${HAN}]{1,7}))+`,
  "gu",
);

// Parts are separated by a middle dot, or by the period after an initial.
const separator = new RegExp(`\\s?[${NAME_DOTS}]\\s?|(?<=[A-Z])[.．\\u{1001B0}]\\s?`, "gu");

/** The parts of a dotted name with their offsets. */
export function nameParts(s: string): { text: string; start: number }[] {
  const parts: { text: string; start: number }[] = [];
  let at = 0;
  for (const m of s.matchAll(separator)) {
    parts.push({ text: s.slice(at, m.index), start: at });
    at = m.index + m[0].length;
  }
  parts.push({ text: s.slice(at), start: at });
  return parts;
}

export function isDottedName(s: string): boolean {
  const parts = nameParts(s.replace(/^小/, "")).map((p) => p.text);
  return parts.length >= 2 && parts.every((p) => /^[A-Z]$/.test(p) || isTransliteration(p)) && parts.some((p) => p.length >= 2);
}

/** 卡里莫夫, 纳扎尔巴耶夫: a transliteration with a Slavic name ending. */
export const isSlavicName = (s: string): boolean =>
  s.length >= 3 && s.length <= 8 && isTransliteration(s) && zhRules.personEndings.some((e) => s.endsWith(e));
