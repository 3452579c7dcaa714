// Numbers, dates and names mentioned in a text, keyed so that the same value written in another
// language has the same key: "16" / "十六" → #16; "2001年6月" / "June 2001" / "июня 2001" → 2001-06;
// "20世纪" / "20th century" / "XX век" → C20. Names are returned as written.
import { tag } from "../../text/jieba.js";
import { digitsKey, numberWord, sectionNumber, ZH_NUMERAL, zhNumeral } from "../numbers.js";

const MONTH: Record<string, number> = {};
["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"].forEach((m, k) => (MONTH[m] = k + 1));
["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"].forEach((m, k) => (MONTH[m] = k + 1));

const EN_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const RU_MONTHS = "январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|сентябр[яь]|октябр[яь]|ноябр[яь]|декабр[яь]";

/** Date expressions: key (2001, 2001-06, 2001-06-15, C20) → text as written. */
export function datesIn(text: string, lang: string): Map<string, string> {
  const out = new Map<string, string>();
  const add = (m: RegExpMatchArray, year?: string, month?: number | null, day?: string): void => {
    if (!year) return;
    const key = [year, month ? pad(month) : null, month && day ? pad(Number(day)) : null].filter(Boolean).join("-");
    if (!out.has(key)) out.set(key, m[0].trim());
  };
  if (lang === "zh") {
    for (const m of text.matchAll(/(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?/g)) add(m, m[1], m[2] ? Number(m[2]) : null, m[3]);
    for (const m of text.matchAll(/(\d{1,2}|[一二三四五六七八九十]+)\s*世纪/g)) out.set(`C${sectionNumber(m[1]!)}`, m[0]);
  } else if (lang === "en") {
    const re = new RegExp(`(?:(\\d{1,2})\\s+)?(${EN_MONTHS})\\s+(?:(\\d{1,2}),?\\s+)?(\\d{4})|\\b(1[5-9]\\d\\d|20\\d\\d)\\b`, "g");
    for (const m of text.matchAll(re)) add(m, m[4] ?? m[5], m[2] ? MONTH[m[2].toLowerCase()] : null, m[1] ?? m[3]);
    for (const m of text.matchAll(/\b(\d{1,2})(?:st|nd|rd|th)\s+century/gi)) out.set(`C${m[1]}`, m[0]);
  } else if (lang === "ru") {
    const re = new RegExp(`(?:(\\d{1,2})\\s+)?(${RU_MONTHS})\\s+(\\d{4})|\\b(1[5-9]\\d\\d|20\\d\\d)\\b`, "giu");
    for (const m of text.matchAll(re)) add(m, m[3] ?? m[4], m[2] ? monthRu(m[2]) : null, m[1]);
    for (const m of text.matchAll(/\b(\d{1,2}|[IVX]+)\s+в(?:ек|\.)/gu)) out.set(`C${sectionNumber(m[1]!)}`, m[0]);
  }
  return out;
}

function monthRu(word: string): number | null {
  const w = word.toLowerCase();
  for (const stem of Object.keys(MONTH)) if (/[а-я]/.test(stem) && w.startsWith(stem) && (stem !== "ма" || /^ма[яй]$/.test(w))) return MONTH[stem]!;
  return null;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** Numbers written in digits (or as a Chinese numeral of two or more characters), outside dates: key (#16) → value. */
export function numbersIn(text: string, lang: string): Map<string, string> {
  let rest = text;
  for (const written of datesIn(text, lang).values()) rest = rest.split(written).join(" ");
  const out = new Map<string, string>();
  for (const m of rest.matchAll(/\d+(?:[.,]\d+)*/g)) out.set(digitsKey(m[0]), m[0]);
  if (lang === "zh") {
    for (const m of rest.matchAll(ZH_NUMERAL)) {
      const value = m[0].length > 1 ? zhNumeral(m[0]) : null;
      if (value !== null) out.set(`#${value}`, m[0]);
    }
  }
  return out;
}

/**
 * Names: in Chinese, words jieba tags as person, place, organisation or other proper noun, and
 * Latin-script words; elsewhere runs of capitalised words (not a lone sentence-initial one) and acronyms.
 */
export function namesIn(text: string, lang: string): string[] {
  if (lang === "zh") {
    return tag(text)
      .filter((t) => /^(n[rstz]|eng)/.test(t.tag) && t.word.trim().length > 1)
      .map((t) => t.word);
  }
  const out: string[] = [];
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    const words = [...sentence.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)];
    let run: RegExpMatchArray[] = [];
    const flush = (): void => {
      const first = run[0];
      const initialOnly = run.length === 1 && first?.index === words[0]?.index && !/^\p{Lu}{2,}$/u.test(first![0]);
      if (first && !initialOnly && numberWord(first[0].toLowerCase()) === null) out.push(run.map((w) => w[0]).join(" "));
      run = [];
    };
    for (const w of words) {
      const prev = run[run.length - 1];
      // A run of capitalised words stops at punctuation: "Organization (SCO)" is two names.
      if (prev && sentence.slice(prev.index! + prev[0].length, w.index).trim() !== "") flush();
      if (/^\p{Lu}/u.test(w[0])) run.push(w);
      else flush();
    }
    flush();
  }
  return out;
}

