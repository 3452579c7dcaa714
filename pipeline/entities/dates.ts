// Dates in Chinese, English and Russian text, with their value as the key, so 2001年6月 and
// "June of 2001" are one entity (date:2001-06). Absolute dates only: a year, a month of a year,
// a day, a range of these, a century; relative dates (同年9月, last year) and durations are not dates.
import { enRules, ruRules } from "./config.js";
import { chineseNumber, CodeUnits, hasHan, stickyMatches } from "./text.js";
import { candidate, type Candidate, type NameLang } from "./types.js";

const pad = (n: number): string => String(n).padStart(2, "0");

function iso(year: number, month?: number, day?: number): string | null {
  if (year < 1000 || year > 2199) return null;
  if (month === undefined) return String(year);
  if (month < 1 || month > 12) return null;
  if (day === undefined) return `${year}-${pad(month)}`;
  return day >= 1 && day <= 31 ? `${year}-${pad(month)}-${pad(day)}` : null;
}

const num = (s: string | undefined): number | undefined => (s === undefined ? undefined : (chineseNumber(s) ?? undefined));

const D = "\\d";
const CN_DIGITS = "〇零一二三四五六七八九十";
const CN = `[${CN_DIGITS}]`;
export const zhDate = new RegExp(
  [
    // 2013—2017年, 2014 年 4—11 月, 2001 年 6 月 15 日, 二〇一二年九月二十五日
    `(${D}{4}|${CN}{4})\\s*(?:[—–\\-~～至到]\\s*(${D}{4})\\s*)?年(?:\\s*(${D}{1,2}|${CN}{1,3})\\s*(?:[—–\\-~～至到]\\s*(${D}{1,2})\\s*)?月(?:\\s*(${D}{1,2}|${CN}{1,3})\\s*日(?:\\s*[—–\\-~～至到]\\s*(${D}{1,2})\\s*日)?)?)?(初|末|底)?`,
    // 20世纪, 21世纪初, 20世纪90年代
    `(${D}{1,2}|二十一|二十|十九)\\s*世纪(?:\\s*(${D}0)\\s*年代)?(初|末|中叶)?`,
  ].join("|"),
  // Not /u: every character of the pattern is in the BMP and nothing in it is negated, so it matches
  // the same, and a plain pattern is much faster. Sticky: tried where a date can start.
  "y",
);

// What every date of each pattern contains, looked for first: most paragraphs have no date.
const zhDateHint = /年|世纪/;
const enDateHint = /\d{4}|\d{2}(?:st|nd|rd|th)\s+century/;
// What a date starts with: a digit, a Chinese numeral, a month name. The (sticky) patterns are
// tried only there, which is faster than scanning with them.
const zhDateStart = CodeUnits.matching(`[\\d${CN_DIGITS}]`);
export const mayStartZhDate = (text: string, at: number): boolean => zhDateStart.has(text.charCodeAt(at));

function zhDates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of zhDateHint.test(text) ? stickyMatches(text, zhDate, mayStartZhDate) : []) {
    if (/[\d.]/.test(text[m.index - 1] ?? "") || /^\d/.test(text.slice(m.index + m[0].length))) continue;
    const [, y, y2, mo, mo2, d, d2, , century, decade] = m;
    let value: string | null;
    if (y) {
      const year = num(y)!;
      const start = iso(year, num(mo), num(d));
      value = y2 ? `${start}/${iso(num(y2)!)}` : mo2 ? `${start}/${iso(year, num(mo2))}` : d2 ? `${start}/${iso(year, num(mo), num(d2))}` : start;
    } else value = `${century}c${decade ? `-${decade}s` : ""}`;
    if (value && !value.includes("null")) out.push(candidate({ start: m.index, end: m.index + m[0].length, type: "DATE", lang: "zh", rule: "date.zh", rank: 2, key: value, id: `date:${value}` }));
  }
  return out;
}

const monthNames = enRules.months.map((m) => m.replace(".", "\\.?"));
const monthIndex = (name: string): number => {
  const k = name.slice(0, 3).toLowerCase();
  return enRules.months.findIndex((m) => m.slice(0, 3).toLowerCase() === k) % 12 + 1;
};
const MONTH = `(${monthNames.join("|")})`;
export const enDate = new RegExp(
  [
    // 25 May 2021 · April 13, 2021 · June of 2001 · May 2001 · January 23-25, 2010
    `(?:(\\d{1,2})\\s*)?${MONTH}(?:\\s*(\\d{1,2})(?:\\s*[-–—]\\s*\\d{1,2})?)?\\s*,?\\s*(?:of\\s+)?(\\d{4})(?!\\d)`,
    // the 20th century, the 1990s
    `(\\d{2})(?:st|nd|rd|th)\\s+century|(\\d{3}0)s(?!\\w)`,
    // a bare year (1996, 2010) that is not part of a number, an identifier or a count
    `(?<![\\p{L}\\d.\\/\\-–—:#])(1[89]\\d{2}|20\\d{2})(?![\\d.\\/\\-–—]\\d|\\p{L})`,
  ].join("|"),
  "uy",
);
const enDateStart = CodeUnits.matching("\\d");
for (const month of enRules.months) enDateStart.add(month.charCodeAt(0));
export const mayStartEnDate = (text: string, at: number): boolean => enDateStart.has(text.charCodeAt(at));
const notYear = new RegExp(`^\\s*(?:${enRules.bareYearExclusions.join("|")})\\b`, "i");

function latinDates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of enDateHint.test(text) ? stickyMatches(text, enDate, mayStartEnDate) : []) {
    const [, day, month, day2, year, century, decade, bare] = m;
    const end = m.index + m[0].length;
    let value: string | null = null;
    if (month && year) value = iso(Number(year), monthIndex(month), day ?? day2 ? Number(day ?? day2) : undefined);
    else if (century) value = `${century}c`;
    else if (decade) value = `${decade}s`;
    const lang = month ? "en" : scriptBefore(text, m.index);
    if (bare && lang !== "zh" && !notYear.test(text.slice(end))) value = bare;
    if (value && lang !== "zh") out.push(candidate({ start: m.index, end, type: "DATE", lang, rule: `date.${lang}`, rank: 2, key: value, id: `date:${value}` }));
  }
  return out;
}

/**
 * The script of the nearest letter before a position: a year is read in that language. A bare year
 * after Chinese is left to the Chinese rules, which want 年 (东方—2014 is a code name, not a date).
 */
function scriptBefore(text: string, at: number): NameLang {
  const before = text.slice(Math.max(0, at - 60), at).match(lastLetter)?.[0] ?? "";
  if (hasHan(before) || (!before && hasHan(text))) return "zh";
  return /[\u0400-\u04ff]/.test(before) ? "ru" : "en";
}
const lastLetter = /\p{L}(?=[^\p{L}]*$)/u;

const ruMonth = `(${ruRules.months.map((m) => `${m}[а-я]*`).join("|")})`;
const ruDate = new RegExp(
  [`(\\d{1,2})\\s+${ruMonth}\\s+(\\d{4})(?:\\s*(?:года|г\\.))?`, `(\\d{2})\\.(\\d{2})\\.(\\d{4})(?!\\d)`, `(\\d{4})\\s+(?:года|году|г\\.)`].join("|"),
  "gu",
);

function ruDates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(ruDate)) {
    const [, d1, mon, y1, d2, m2, y2, y3] = m;
    const month = mon ? ruRules.months.findIndex((p) => mon.startsWith(p) && (p !== "ма" || /^ма[йяе]$/.test(mon))) + 1 : undefined;
    const value = y1 ? iso(Number(y1), month, Number(d1)) : y2 ? iso(Number(y2), Number(m2), Number(d2)) : iso(Number(y3));
    if (value) out.push(candidate({ start: m.index, end: m.index + m[0].length, type: "DATE", lang: "ru", rule: "date.ru", rank: 3, key: value, id: `date:${value}` }));
  }
  return out;
}

/** Dates in a block's text, its width folded (foldWidth: fullwidth digits, ２０１８年６月１０日, read as ASCII). */
export function recogniseDates(text: string): Candidate[] {
  return [...zhDates(text), ...latinDates(text), ...(/[\u0400-\u04ff]/.test(text) ? ruDates(text) : [])];
}
