// Personal names from author, editor and contributor lines.
import { stripMarkup } from "./text.js";

const HAN_NAME = /^\p{Script=Han}{2,4}$/u;
const SINGLE_HAN = /^\p{Script=Han}$/u;
const UPPER = /\p{Lu}/u;

/**
 * Chinese names in a list: "慈国巍 王志平", "靳会新 刘阳", "何信崇、王晓光". Justified lists pad a
 * two-character name to three columns ("王 飞 李 涛"), and 编　辑　毛　悦 spaces every character:
 * single characters in a row pair up into names.
 */
export function chineseNames(text: string): string[] {
  const tokens = stripMarkup(text)
    .replace(/[\d¹²³⁴⁵⁶⁷⁸⁹⁰*∗]/g, " ")
    .split(/[\s\u3000,，、;；:：()（）]+/)
    .filter((t) => t !== "");
  const names: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (SINGLE_HAN.test(t) && next !== undefined && SINGLE_HAN.test(next)) {
      names.push(t + next);
      i++;
    } else if (HAN_NAME.test(t)) names.push(t);
  }
  return names;
}

/** A romanised or Cyrillic name line: "*By Xu Tao*" → "Xu Tao"; OCR's "Ouyang W ei" → "Ouyang Wei". */
export function latinName(text: string): string {
  return stripMarkup(text)
    .replace(/^\s*\*?\s*(?:by|от)\s+/i, "")
    .replace(/[*,，.;；]+\s*$/, "")
    .replace(/\b(\p{Lu})\s(\p{Ll}{2,})\b/gu, "$1$2")
    .replace(/\s+/g, " ")
    .trim();
}

/** A line that is only a personal name in Latin or Cyrillic script: 2–3 capitalised words. */
export function isLatinNameLine(text: string): boolean {
  // A name opens with a capital that latinName() keeps; and latinName() removes only spaces, markup,
  // a trailing [*,.;] run and a leading "by": a line with more other characters is too long.
  if (!UPPER.test(text)) return false;
  if (!text.includes("<") && text.replace(/[\s*_,，.;；]+/g, "").length - 2 > 40) return false;
  const name = latinName(text);
  return /^(?:\p{Lu}[\p{Ll}'’-]*\.?\s+){1,2}\p{Lu}[\p{L}'’-]*$/u.test(name) && name.length <= 40;
}
