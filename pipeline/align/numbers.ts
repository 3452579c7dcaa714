// Numbers as language-neutral keys: "1,990" → 1990, "三十" → 30, "thirty" → 30, "June" → 6, "шесть" → 6.
// A number matches across languages whatever script wrote it, which makes numbers and dates
// strong alignment anchors.

const ZH_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const ZH_BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };

export const ZH_NUMERAL = /[零〇一二两三四五六七八九十百千万亿]+/g;

/** Value of a Chinese numeral ("三十五" 35, "一九九〇" 1990, "两千" 2000), or null. */
export function zhNumeral(s: string): number | null {
  if ([...s].every((c) => c in ZH_DIGIT) && s.length > 1) {
    return Number([...s].map((c) => ZH_DIGIT[c]).join("")); // year style: 一九九〇
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of s) {
    if (c in ZH_DIGIT) digit = ZH_DIGIT[c]!;
    else if (c in ZH_UNIT) {
      section += (digit ?? 1) * ZH_UNIT[c]!;
      digit = null;
    } else if (c in ZH_BIG) {
      total += (section + (digit ?? 0)) * ZH_BIG[c]!;
      section = 0;
      digit = null;
    } else return null;
  }
  return total + section + (digit ?? 0);
}

const WORDS: Record<string, number> = {
  // English
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, hundred: 100, thousand: 1000, million: 1e6, billion: 1e9,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  half: 0.5, twice: 2, once: 1, dozen: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
  // Russian (nominative forms; months in the genitive, as dates write them)
  один: 1, два: 2, три: 3, четыре: 4, пять: 5, шесть: 6, семь: 7, восемь: 8, девять: 9, десять: 10,
  двадцать: 20, тридцать: 30, сорок: 40, пятьдесят: 50, сто: 100, тысяча: 1000, миллион: 1e6, миллиард: 1e9,
  января: 1, февраля: 2, марта: 3, апреля: 4, мая: 5, июня: 6, июля: 7, августа: 8,
  сентября: 9, октября: 10, ноября: 11, декабря: 12,
};

/** Value of a written-out number or month name (lower case), or null. "may" is left out: a verb. */
export function numberWord(word: string): number | null {
  return WORDS[word] ?? null;
}

/** "1,990" / "1 990" / "3.5" → canonical key text. */
export function digitsKey(s: string): string {
  const plain = s.replace(/[,\s\u00a0](?=\d{3}\b)/g, "");
  return `#${Number(plain)}`;
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

/** The number a section heading prints ("三", "（二）", "IV", "2.1"), as comparable text: "3", "2", "4", "2.1". */
export function sectionNumber(printed: string): string | null {
  const s = printed.replace(/[()（）、.．\s]+$/u, "").replace(/^[(（]/u, "").trim();
  if (/^\d+(\.\d+)*$/.test(s)) return s.split(".").map(Number).join(".");
  if (/^[ivxlc]+$/i.test(s)) {
    const values = [...s.toLowerCase()].map((c) => ROMAN[c]!);
    return String(values.reduce((sum, v, k) => sum + (v < (values[k + 1] ?? 0) ? -v : v), 0));
  }
  const zh = zhNumeral(s);
  return zh === null || s === "" ? null : String(zh);
}
