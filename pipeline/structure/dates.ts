// Dates as printed in the sources, to ISO 8601: 2021-04-13, 2011—09—05, 2013年2月10日, 2012.04.02,
// 24.06.2016, "April 13, 2021", 13 May 2021, 03 апреля 2013, and Chinese numerals (二〇一二年九月二十五日).
import { asciiForms } from "./text.js";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

const NUMERIC = /(?<!\d)((?:19|20)\d{2})\s*[-—–‐./年]\s*(\d{1,2})\s*[-—–‐./月]\s*(\d{1,2})(?!\d)/;
const ENGLISH_MDY = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2}),?\s+((?:19|20)\d{2})\b/i;
const ENGLISH_DMY = /\b(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+((?:19|20)\d{2})\b/i;
const NUMERIC_DMY = /(?<!\d)(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?!\d)/;
const RU_MONTHS = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"];
const RUSSIAN_DMY = /(?<!\d)(\d{1,2})\s+(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\s+((?:19|20)\d{2})/iu;
const CHINESE = /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/;

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** 十 = 10, 二十五 = 25, 九 = 9. */
function chineseNumber(text: string): number {
  const ten = text.indexOf("十");
  if (ten < 0) return CN_DIGITS[text] ?? 0;
  const tens = ten === 0 ? 1 : (CN_DIGITS[text.slice(0, ten)] ?? 0);
  return tens * 10 + (CN_DIGITS[text.slice(ten + 1)] ?? 0);
}

/** The first full date in `text`, as YYYY-MM-DD, or null. */
export function parseDate(text: string): string | null {
  const t = asciiForms(text);
  const n = NUMERIC.exec(t);
  if (n) return iso(Number(n[1]), Number(n[2]), Number(n[3]));
  const mdy = ENGLISH_MDY.exec(t);
  if (mdy) return iso(Number(mdy[3]), MONTHS.indexOf(mdy[1]!.toLowerCase()) + 1, Number(mdy[2]));
  const dmy = ENGLISH_DMY.exec(t);
  if (dmy) return iso(Number(dmy[3]), MONTHS.indexOf(dmy[2]!.toLowerCase()) + 1, Number(dmy[1]));
  const dotted = NUMERIC_DMY.exec(t);
  if (dotted) return iso(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  const ru = RUSSIAN_DMY.exec(t);
  if (ru) return iso(Number(ru[3]), RU_MONTHS.findIndex((m) => ru[2]!.toLowerCase().startsWith(m)) + 1, Number(ru[1]));
  const cn = CHINESE.exec(t);
  if (cn) {
    const year = Number([...cn[1]!].map((c) => CN_DIGITS[c] ?? 0).join(""));
    return iso(year, chineseNumber(cn[2]!), chineseNumber(cn[3]!));
  }
  return null;
}
