// Character rules: invisible characters, ornaments, fullwidth letters, digits and symbols, odd spaces.
import type { Tracked } from "../../model/tracked.js";
import type { RuleCounts } from "../../model/schema.js";
import { ORNAMENT } from "../garbage.js";

const INVISIBLE = /[\u00AD\u200B-\u200F\u2060\uFEFF]/g;
const ORNAMENTS = new RegExp(`\\s*(?:${ORNAMENT.source})+\\s*`, "gu");
/** Fullwidth letters, digits and symbols; the punctuation of Chinese text (，．：；！？（）) is left to clean.punctuation. */
export const FULLWIDTH_CHAR = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF03-\uFF06\uFF0A\uFF0B\uFF0D\uFF0F\uFF1C-\uFF1E\uFF20\uFF3B-\uFF3F\uFF40\uFF5B-\uFF5E]/;
const FULLWIDTH = new RegExp(FULLWIDTH_CHAR.source, "g");
/** Thin and other fixed-width spaces grouping the digits of a number (3 000, 1 700). */
const DIGIT_GROUP = /(?<=\d)[\u2006\u2009\u202F\u00A0](?=\d{3}\b)/g;
const ODD_SPACE = /[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g;

export function invisible(t: Tracked, counts: RuleCounts): Tracked {
  return t.replace(INVISIBLE, "clean.invisible", "", counts);
}

/** Ornament glyphs (◀◀◀, ●) are not text: removed with the spaces around them, but one space kept between words. */
export function ornaments(t: Tracked, counts: RuleCounts): Tracked {
  return t.replace(ORNAMENTS, "clean.ornament", (m) => (m.index > 0 && m.index + m[0].length < m.input.length && /\s/.test(m[0]) ? " " : ""), counts);
}

export function fullwidth(t: Tracked, counts: RuleCounts): Tracked {
  return t.replace(FULLWIDTH, "clean.fullwidth", (m) => String.fromCharCode(m[0].charCodeAt(0) - 0xfee0), counts);
}

export function spaces(t: Tracked, counts: RuleCounts): Tracked {
  return t.replace(DIGIT_GROUP, "clean.digit-group", "", counts).replace(ODD_SPACE, "clean.space", " ", counts);
}
