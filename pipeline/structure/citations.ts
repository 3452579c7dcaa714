// Citations in footnotes and references, parsed into fields. The styles of the sources: Chinese
// (作者：《题名》，载《刊名》2007年第18期，第92页; 题名 in «» in some journals), English (Author,
// “Title,” Journal, Vol. 61, No. 3, 2009, p. 474 / Author, Title (Place: Publisher, 2013), p. 7),
// Russian (Автор, «Заглавие», 03 апреля 2013, URL; …, С. 75-90) and GB/T 7714 reference lists
// (作者.题名[J].刊名,2009,07:1282-1288). What no field took stays in `rest`.
import type { Citation } from "../model/schema.js";
import { passageLanguage } from "../segment/lang.js";
import { parseDate } from "./dates.js";
import { asciiForms } from "./text.js";
import { scriptOf } from "./title.js";

const URL = /(?:https?:\/\/|file:\/\/\/|www\.)[^\s，。；;、）)»》«]+[^\s，。；;、）)»》«.,]/giu;
const WWW = /www\./i;
const DATE_FORMS = [
  String.raw`\d{4}\s*年\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?)?\s*(?:版)?`,
  String.raw`\d{4}[-—.]\d{1,2}[-—.]\d{1,2}`,
  String.raw`\d{1,2}\.\d{1,2}\.\d{4}`,
  String.raw`\d{1,2}\s+\p{L}+\s+\d{4}`,
  String.raw`\p{L}+\.?\s+\d{1,2},\s+\d{4}`,
  String.raw`(?<=[,，(]\s*)\d{4}(?=\s*[,，.)]|$)`,
];
/** A date in any form, at one position. */
const DATE_AT = new RegExp(DATE_FORMS.join("|"), "uy");
/** The same, searching; a form that opens with a word is tried only where a word starts. */
const DATE_AHEAD = new RegExp(DATE_FORMS.map((f) => (f.startsWith(String.raw`\p{L}`) ? String.raw`(?<!\p{L})` + f : f)).join("|"), "gu");
const PRESS = /出版社|出版公司|书局|印书馆/;
const PUBLISHER = /[\p{Script=Han}]{2,20}(?:出版社|出版公司|书局|印书馆)/u;
const PLACE_PUBLISHER = /(?<![\p{Script=Han}])(?<place>\p{Script=Han}{2,3})\s*[,，:：]\s*(?<publisher>\p{Script=Han}{2,20}(?:出版社|出版公司|书局|印书馆))/u;
const EN_PLACE_PUBLISHER = /\((?<place>[\p{Lu}][\p{L} ]+?)\s*:\s*(?<publisher>[^,()]+?),\s*(?:19|20)\d{2}\)/u;
const SITE = /[\p{Script=Han}·]{2,16}(?:网站|网|社|报|电视台|通讯社)$/u;
const YEAR = /(?<![\d.])((?:19|20)\d{2})(?!\d)/;
const ZH_ISSUE = /第\s*(\d+)\s*期/u;
const ZH_VOLUME = /第\s*(\d+)\s*卷/u;
const ZH_PAGES = /第\s*(\d+(?:\s*[~～\-—–、]\s*\d+)?)\s*页/u;
const VOLUME = /\b(?:Vol|Т|Том)\.?\s*(\d+)/iu;
const ISSUE = /\b(?:No|Issue)\.?\s*(\d+)|№\s*(\d+)/iu;
const PAGES = /(?<![\p{L}])(?:pp?|С|с)\.\s*(\d+(?:\s*[-–—~]\s*\d+)?)/u;
const GBT = /^(?<authors>[^[\]《«“]{1,120}?)\.\s*(?<title>[^[\]]+?)\s*\[(?<type>[A-Z]{1,2}(?:\/OL)?)\]\s*[./]?\s*(?<rest>.*)$/u;
const INTRO = /^(?:.*?(?:参见|参阅|转引自|引自)|\s*(?:See|Cf\.)\s+)/iu;
const NATIONALITY = /[[［(（][\p{Script=Han}]{1,2}[\]］)）]\s*/gu;
const ROLE = /(?:主编|编著|等著|编|著|译|等)$/u;
/** Title quotes by language: Chinese uses “” for quotations, never for titles. */
const QUOTES: Record<string, [string, string]> = { zh: ["《«", "》»"], ru: ["«“\"", "»”\""], en: ["“\"«《", "”\"»》"] };

const SEE = /\s*(?:See\s|参见)/uy;
/** What splitCitations looks at: title quotes and brackets, semicolons, periods. */
const MARKS = /[《«（(》»）)；;.。]/g;

/** Cut a note into the works it cites: on semicolons outside titles and brackets, and before "See …" / "参见…" after a sentence. */
export function splitCitations(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (const { 0: ch, index: i } of text.matchAll(MARKS)) {
    if ("《«（(".includes(ch)) depth++;
    else if ("》»）)".includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === "；" || ch === ";")) {
      parts.push(text.slice(from, i));
      from = i + 1;
    } else if (depth === 0 && (ch === "." || ch === "。") && seeAt(text, i + 1)) {
      parts.push(text.slice(from, i + 1));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

function seeAt(text: string, at: number): boolean {
  SEE.lastIndex = at;
  return SEE.test(text);
}

/** The first title-quoted span for the language, as [start, end) of the inner text. */
function firstQuoted(text: string, lang: string): [number, number] | null {
  const [open, close] = QUOTES[lang] ?? QUOTES.en!;
  for (let i = 0; i < text.length; i++) {
    const k = open.indexOf(text[i]!);
    if (k < 0) continue;
    const end = close[k]!;
    let depth = 0;
    for (let j = i + 1; j < text.length; j++) {
      if (text[j] === text[i] && end !== text[i]) depth++;
      else if (text[j] === end) {
        if (depth === 0) return [i + 1, j];
        depth--;
      }
    }
  }
  return null;
}

/** Names before the title: the last sentence's, after 参见 / See, without [美] and 主编. */
function authorsOf(text: string): string[] {
  const last = text.split(/[。；;]/u).pop() ?? "";
  const t = last.replace(INTRO, "").replace(NATIONALITY, "").replace(/[:：,，.\s]+$/u, "").trim();
  if (t === "" || t.length > 60) return [];
  return t
    .split(/\s*(?:[、，;；]|,\s*(?=\p{Lu})|\s+and\s+|\s+и\s+)\s*/u)
    .map((a) => a.replace(ROLE, "").trim())
    .filter((a) => a !== "" && a.length <= 40);
}

function blank(text: string, lang: string): Citation {
  return { text, lang, authors: [], title: null, container: null, publisher: null, place: null, year: null, volume: null, issue: null, pages: null, url: null, date: null, rest: "" };
}

/** Parse one cited work. */
export function parseCitation(raw: string): Citation {
  const text = raw.trim();
  // Script decides for Chinese (most notes); the trigram model only for Latin and Cyrillic text.
  const c = blank(text, scriptOf(text) === "han" ? "zh" : passageLanguage(text));
  // `rest` starts as the text; every field found is cut out of it.
  let rest = text;
  const took = (part: string | null | undefined) => {
    if (part) rest = rest.replace(part, " ");
  };
  // URL tries every position (case-insensitive): only where "://" or "www." says a link may be.
  const urls = rest.includes("://") || WWW.test(rest) ? (rest.match(URL) ?? []) : [];
  if (urls[0]) c.url = urls[0].replace(/\s+/g, "");
  for (const u of urls) took(u);
  const gbt = /\[[A-Z]{1,2}(?:\/OL)?\]/.test(rest) ? GBT.exec(rest) : null;
  if (gbt?.groups) return gbtCitation(c, gbt.groups);

  const quoted = firstQuoted(rest, c.lang);
  if (quoted) {
    const [s, e] = quoted;
    const before = rest.slice(0, s - 1);
    let after = rest.slice(e + 1);
    c.title = rest.slice(s, e).replace(/[,，]\s*$/u, "").trim();
    c.authors = authorsOf(before);
    const inner = firstQuoted(after, c.lang);
    if (inner && /^\s*[,，]?\s*(?:载|in)?\s*$/iu.test(after.slice(0, inner[0] - 1))) {
      c.container = after.slice(inner[0], inner[1]).trim();
      after = after.slice(inner[1] + 1);
    } else {
      const site = /^\s*[,，]?\s*(?:载\s*)?(?<c>[^,，()（）\d]{2,60}?)\s*(?=[,，]|\d{4}|$)/u.exec(after)?.groups?.c?.trim();
      if (site && (SITE.test(site) || /^\p{Lu}/u.test(site)) && !PUBLISHER.test(site) && !/^(?:pp?|Vol|No)\b/.test(site)) {
        c.container = site;
        after = after.replace(site, " ");
      }
    }
    // An explanation before the title (no names found in it) stays in `rest`.
    rest = `${c.authors.length > 0 || before.trim() === "" ? "" : before} ${after}`;
  } else if (c.lang !== "zh") {
    // An English book without quotes: Author, Title (Place: Publisher, Year), p. N.
    const book = /^(?<authors>[^,]{2,60}),\s*(?<title>[^(]{3,200}?)\s*\(/u.exec(rest);
    if (book?.groups) {
      c.authors = authorsOf(book.groups.authors!);
      c.title = book.groups.title!.trim();
      took(`${book.groups.authors},`);
      took(book.groups.title);
    }
  }
  const enPub = EN_PLACE_PUBLISHER.exec(rest);
  // The publisher patterns try up to 20 Han characters at every one: only where a press is named.
  const press = PRESS.test(rest);
  const pp = press ? PLACE_PUBLISHER.exec(rest) : null;
  if (enPub?.groups) {
    c.place = enPub.groups.place!.trim();
    c.publisher = enPub.groups.publisher!.trim();
    took(`${enPub.groups.place}`);
    took(enPub.groups.publisher);
  } else if (pp?.groups && !/[译编著等]$/u.test(pp.groups.place!)) {
    c.place = pp.groups.place!;
    c.publisher = pp.groups.publisher!;
    took(c.place);
    took(c.publisher);
  } else {
    c.publisher = press ? (PUBLISHER.exec(rest)?.[0] ?? null) : null;
    took(c.publisher);
  }
  numbers(c, rest, (part) => took(part));
  c.rest = leftover(rest);
  return c;
}

/** Year, date, volume, issue and pages, wherever they stand. */
function numbers(c: Citation, rest: string, took: (part: string) => void): void {
  const a = asciiForms(rest);
  c.date = parseDate(a);
  const issue = ZH_ISSUE.exec(a) ?? ISSUE.exec(a);
  if (issue) {
    c.issue = issue[1] ?? issue[2] ?? null;
    took(rest.slice(issue.index, issue.index + issue[0].length));
  }
  const volume = ZH_VOLUME.exec(a) ?? VOLUME.exec(a);
  if (volume) {
    c.volume = volume[1]!;
    took(rest.slice(volume.index, volume.index + volume[0].length));
  }
  const pages = ZH_PAGES.exec(a) ?? PAGES.exec(a);
  if (pages) {
    c.pages = pages[1]!.replace(/\s+/g, "").replace(/[~～—–、]/gu, "-");
    took(rest.slice(pages.index, pages.index + pages[0].length));
  }
  const year = YEAR.exec(a);
  c.year = year ? Number(year[1]) : null;
  for (const d of dateTexts(a)) if (YEAR.test(d[0])) took(rest.slice(d.index, d.index + d[0].length));
}

/**
 * The dates of a text, in order, as a global search for DATE_AT would find them. A date opening
 * with a word that matches inside a word matches from the word's start too, which comes first, so
 * the search tries such dates only at word starts (retrying every letter of a long Chinese run was
 * quadratic); where the search resumes inside a word, right after a date, DATE_AT tries there.
 */
function* dateTexts(text: string): Generator<RegExpExecArray> {
  let at = 0;
  for (;;) {
    DATE_AT.lastIndex = at;
    let m = DATE_AT.exec(text);
    if (!m) {
      DATE_AHEAD.lastIndex = at;
      m = DATE_AHEAD.exec(text);
    }
    if (!m) return;
    yield m;
    at = m.index + m[0].length;
  }
}

/** What is left once fields are cut out, without stray punctuation; "" when nothing but that is left. */
function leftover(rest: string): string {
  const t = rest.replace(/\s+/g, " ").replace(/^[\s,，.。:：;；、]+|[\s,，:：;；、]+$/gu, "").trim();
  return /[\p{L}\p{N}]/u.test(t) ? t : "";
}

function gbtCitation(c: Citation, g: Record<string, string | undefined>): Citation {
  c.authors = g.authors!.split(/\s*[,，、]\s*/).filter((a) => a !== "" && !/^(?:et al\.?|等)$/i.test(a));
  c.title = g.title!.trim();
  const r = g.rest!;
  const container = /^([^,，.:：\d][^,，:：]*?)\s*[,，]/u.exec(r);
  if (g.type === "J" && container) c.container = container[1]!.trim();
  const pp = PLACE_PUBLISHER.exec(r) ?? /^(?<place>[^:：,，]{2,20})[:：]\s*(?<publisher>[^,，]{2,40})/u.exec(r);
  if (g.type === "M" && pp?.groups) {
    c.place = pp.groups.place!.trim();
    c.publisher = pp.groups.publisher!.trim();
  }
  const vol = /[,，]\s*(?:19|20)\d{2}\s*[,，]\s*(\d+)\s*(?:[(（]\s*(\d+)\s*[)）])?\s*[:：]\s*(\d+(?:\s*[-–~]\s*\d+)?)/u.exec(r);
  if (vol) {
    c.volume = vol[2] ? vol[1]! : null;
    c.issue = vol[2] ?? vol[1]!;
    c.pages = vol[3]!.replace(/\s+/g, "").replace(/[–~]/g, "-");
  }
  const year = YEAR.exec(asciiForms(r));
  c.year = year ? Number(year[1]) : null;
  c.rest = "";
  return c;
}

export function parseCitations(text: string): Citation[] {
  return splitCitations(text).map(parseCitation);
}
