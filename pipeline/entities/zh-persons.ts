// Chinese person names from their context (titles, citations, bylines, role labels) or their shape
// (胡曼·佩马尼, 卡里莫夫).
import { isCommonWord } from "./cedict.js";
import { zhRules } from "./config.js";
import type { Token } from "./jieba.js";
import { nextTokenStart, WordSet } from "./tokens.js";
import { alt, CodeUnits, HAN, NAME_DOTS } from "./text.js";
import { candidates, type Candidate } from "./types.js";
import { dottedName, isDottedName, isHanName, isSlavicName, isTransliteration, nameParts } from "./zh-names.js";

const cand = candidates("zh");

const NAME = `(?:${dottedName.source}|[${HAN}]{2,4})`;
const NATION = `(?:[\\[［【][${HAN}]{1,2}[\\]］】]\\s*)`;
const COLON = "[：:]\\s*(?=[《«“\"]|[A-Z]\\p{Ll})";
// Sticky: tried only where a citation can start (colonCitations).
export const authorColon = new RegExp(`(?:^|(?<=[\\s\\]】）)>；;。.，,]|参见|见|[①-⑳]))\\s*${NATION}?(${NAME}(?:、${NATION}?${NAME})*)等?\\s*${COLON}`, "uy");
const citationColon = new RegExp(COLON, "gu");
// Every character a citation can hold before its colon (or more: all surrogates): whitespace, Han,
// brackets, name dots, initials and 、.
const beforeColon = CodeUnits.matching(`[\\s${HAN}${NAME_DOTS}A-Z.．\\[［【\\]］】、]`).addRange(0xd800, 0xdfff);
const LAZY_NAME = NAME.replace(`[${HAN}]{2,4})`, `[${HAN}]{2,4}?)`);
const VERB = `(?:${alt(zhRules.authorVerbs)})(?=[、，,。.:：的\\s《«(（)）]|$)`;
const authorVerb = new RegExp(`(?:^|(?<=[^${HAN}]|[的如由据见载、]))(${LAZY_NAME}(?:、${LAZY_NAME})*)等?${VERB}`, "gu");
// The verb a citation ends with, looked for first: most paragraphs have none.
const citationVerb = new RegExp(VERB, "u");
const nameDot = new RegExp(`[${NAME_DOTS}]`, "u");
const roleLabel = new RegExp(
  `(?:${alt(zhRules.roleLabels).replace(/(\p{Script=Han})(?=\p{Script=Han})/gu, "$1\\s*")})[\\s】\\]*：:]*((?:[${HAN}]\\s[${HAN}]|[${HAN}]{1,4})(?![${HAN}])(?:[\\s、，,]+[${HAN}]{1,4}(?![${HAN}]))*)`,
  // Not /u, like byline: all BMP characters, no negated classes.
  "g",
);
// Affiliation marks after a name in a byline: digits, superscripts, and what OCR makes of them.
const MARK = "[\\d¹²³⁴⁵⁶⁷⁸⁹⁰ʰ」l*\\\\,.]";
const SEP = `(?:${MARK}+\\s*[，,、 ]?\\s*|\\s*[，,、 ]\\s*)`;
// Not /u: the pattern is all BMP characters without negated classes (the same matches, faster).
const byline = new RegExp(`(?<![${HAN}])(?:[${HAN}]{2,4}${SEP}){2,}[${HAN}]{2,4}${MARK}*(?![${HAN}])`, "g");
const translitRun = new RegExp(`[${zhRules.transliteration}]{3,8}`, "gu");
// A Slavic name ends in one of these; few paragraphs hold one, and the run pattern is slow to scan.
const slavicEnding = new RegExp(alt(zhRules.personEndings));
const hanWords = new RegExp(`[${HAN}]{2,4}`, "g");
const hanRuns = new RegExp(`[${HAN}]+`, "gu");
const titlesAfter = new WordSet(zhRules.personTitlesAfter);
const titlesBefore = new WordSet([...zhRules.personTitlesBefore, ...zhRules.personRolesBefore]);

export function personNames(text: string, tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  const add = (start: number, end: number, rule: string) => out.push(cand(start, end, "PERSON", rule, 2));
  // Authors in citations: 参见邢广程、孙壮志:《…》, [美]季北慈:Bates Gill; and before 著/主编/译.
  for (const m of [...colonCitations(text), ...(citationVerb.test(text) ? text.matchAll(authorVerb) : [])]) {
    const list = m[1] ?? "";
    let pos = (m.index ?? 0) + m[0].indexOf(list);
    for (const raw of list.split("、")) {
      const bare = raw.replace(/^[[［【][^\]］】]*[\]］】]\s*/, "");
      // 载徐步主编, 参见李兴: a verb glued before the first name.
      const unglued = bare.replace(/^(?:参见|参看|见|载|如|由|据)/, "");
      const name = valid(bare) ? bare : valid(unglued) ? unglued : "";
      const at = pos + raw.length - name.length;
      if (name) add(at, at + name.length, "zh.author");
      pos += raw.length + 1;
    }
  }
  // Bylines: three or more names in a row, with affiliation marks (刘强ʰ，张婉秋，周贵宇¹，…).
  for (const m of text.matchAll(byline)) {
    // Name-shaped words first: most runs of short phrases (经济、政治、安全) have fewer than three.
    const shaped = [...m[0].matchAll(hanWords)].filter((n) => isHanName(n[0]));
    const names = shaped.length >= 3 ? shaped.filter((n) => !isCommonWord(n[0])) : [];
    if (names.length >= 3) for (const n of names) add(m.index + n.index, m.index + n.index + n[0].length, "zh.byline");
  }
  // Names after a role label: 责任编辑 靳会新 刘阳, 主 编：钱利华, 王 飞 李 涛.
  for (const m of text.matchAll(roleLabel)) {
    const list = m[1] ?? "";
    const base = (m.index ?? 0) + m[0].length - list.length;
    for (const part of spacedNames(list)) if (isHanName(part.name)) add(base + part.start, base + part.end, "zh.role");
  }
  // Transliterated names: dotted (胡曼·佩马尼) or with a Slavic ending (卡里莫夫).
  for (const m of nameDot.test(text) ? text.matchAll(dottedName) : []) {
    const span = trimDotted(m[0]);
    if (span && isDottedName(span.name)) add(m.index + span.start, m.index + span.start + span.name.length, "zh.dotted");
  }
  for (const m of slavicEnding.test(text) ? text.matchAll(translitRun) : []) {
    const end = m.index + m[0].length;
    // The run from its first word start: 卡里莫夫 in 总统卡里莫夫 when jieba cut 统 from 卡.
    const s = Math.min(nextTokenStart(tokens, m.index) ?? end, end);
    const name = text.slice(s, end);
    if (isSlavicName(name)) add(s, s + name.length, "zh.slavic");
  }
  // A name next to a title: 习近平主席, 总参谋长陈炳德上将, 副主任王霄巍作… (the tagger glued 作 to the name).
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = i > 0 ? tokens[i - 1] : undefined;
    const next = i + 1 < tokens.length ? tokens[i + 1] : undefined;
    if (prev && titlesAfter.has(t.word) && nameLike(prev)) add(prev.start, prev.end, "zh.title");
    const name = next && titlesBefore.has(t.word) ? namePrefix(next) : 0;
    if (next && name && !(i + 2 < tokens.length && titlesAfter.has(tokens[i + 2]!.word))) add(next.start, next.start + name, "zh.title");
  }
  return out;
}

/**
 * What matchAll of authorColon finds, without trying it everywhere: a citation holds only
 * beforeColon characters up to its colon, so it ends at the first colon after its start and starts
 * in the run of those characters before that colon. Only there is the (sticky) pattern tried.
 */
export function colonCitations(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  citationColon.lastIndex = 0;
  for (let colon = citationColon.exec(text); colon; colon = citationColon.exec(text)) {
    if (colon.index < from) continue;
    let start = colon.index;
    while (start > from && beforeColon.has(text.charCodeAt(start - 1))) start--;
    for (let at = start; at < colon.index; at++) {
      authorColon.lastIndex = at;
      const m = authorColon.exec(text);
      if (!m) continue;
      out.push(m);
      from = m.index + m[0].length;
      break;
    }
  }
  return out;
}

/** The length of the name a token starts with: all of it, or for a word the tagger did not know, its first two or three characters. */
function namePrefix(t: Token): number {
  if (nameLike(t)) return t.word.length;
  if (t.tag !== "x") return 0;
  return [3, 2].find((n) => n < t.word.length && isHanName(t.word.slice(0, n))) ?? 0;
}

const valid = (name: string): boolean => isHanName(name) || isDottedName(name) || isSlavicName(name);

const nameLike = (t: Token): boolean =>
  ["nr", "nrfg", "nrt", "x"].includes(t.tag) && (isHanName(t.word) || isSlavicName(t.word) || (t.tag === "nrt" && isTransliteration(t.word)));

/** The transliterated name inside a dotted match: the transliteration at the end of the first part and the start of the last. */
function trimDotted(s: string): { start: number; name: string } | null {
  const parts = nameParts(s);
  const first = parts[0]!.text;
  let lead = 0;
  while (lead < first.length && !isTransliteration(first.slice(lead))) lead++;
  const last = parts[parts.length - 1]!;
  let tail = last.text.length;
  while (tail > 0 && !isTransliteration(last.text.slice(0, tail)) && !/^[A-Z]$/.test(last.text.slice(0, tail))) tail--;
  if (lead === first.length || tail === 0 || parts.length < 2) return null;
  return { start: lead, name: s.slice(lead, last.start + tail) };
}

/** Names in a list separated by spaces, joining "王 飞" (a surname and one character, spaced out). */
function spacedNames(list: string): { name: string; start: number; end: number }[] {
  const parts = [...list.matchAll(hanRuns)].map((m) => ({ name: m[0], start: m.index, end: m.index + m[0].length }));
  const out: { name: string; start: number; end: number }[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const q = parts[i + 1];
    if (p.name.length === 1 && q && q.name.length === 1 && q.start - p.end <= 2) {
      out.push({ name: p.name + q.name, start: p.start, end: q.end });
      i++;
    } else out.push(p);
  }
  return out;
}
