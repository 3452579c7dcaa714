// Chinese mentions: registry names, one-character country abbreviations (中俄两国), jieba's proper
// nouns checked against CC-CEDICT, organisation and place names built on a suffix (…研究所, …省),
// then person names (zh-persons.ts) and events (zh-events.ts). jieba runs once per text.
import { isCommonWord, isVerb, properNoun, type ProperNoun } from "./cedict.js";
import { zhRules } from "./config.js";
import { PROPER_TAGS, tokenize, type Token } from "./jieba.js";
import { Suffixes, tokenInside, tokenStartingAt, WordSet } from "./tokens.js";
import { lookup, matchZh, registry } from "./registry.js";
import { alt, CodeUnits, foldWidth, HAN, hasHan, stickyMatches } from "./text.js";
import { candidates, type Candidate, type EntityType } from "./types.js";
import { events } from "./zh-events.js";
import { isHanName, isSlavicName } from "./zh-names.js";
import { personNames } from "./zh-persons.js";

const hanRun = new RegExp(`^[${HAN}]+$`);
const generic = new Set(zhRules.genericModifiers);
const modifierTags = new Set(zhRules.orgModifierTags);

const cand = candidates("zh");

/** `wordsOfText`: the text's jieba words, when they are already known. */
export function recogniseZh(text: string, wordsOfText: () => Token[] = () => tokenize(text)): Candidate[] {
  if (!hasHan(text)) return [];
  const tokens = wordsOfText();
  const names = [
    ...registryNames(text, tokens),
    ...shortRuns(text, tokens),
    ...taggedNames(tokens),
    ...suffixedNames(text, tokens),
    ...personNames(text, tokens),
  ];
  return [...names, ...events(text, tokens, names)].filter((c) => !inConcept(text, c));
}

// “上海精神”, “东盟方式”: a quoted term made of a name and a concept head names an idea.
const concept = new RegExp(`^(?:${alt(zhRules.conceptHeads)})[”"」』]`);
const openQuotes = [..."“\"「『"].map((q) => q.charCodeAt(0));
const inConcept = (text: string, c: Candidate): boolean => openQuotes.includes(text.charCodeAt(c.start - 1)) && concept.test(text.slice(c.end));

// Registry names, unless the match cuts a common word in two (法国 in 合法国家); a series name takes its year.
function registryNames(text: string, tokens: Token[]): Candidate[] {
  const cuts = (pos: number): boolean => {
    const t = tokenInside(tokens, pos);
    return t !== undefined && !PROPER_TAGS.has(t.tag) && t.tag !== "x";
  };
  const out: Candidate[] = [];
  for (const { start, end, entry } of matchZh(text)) {
    if (cuts(start) || cuts(end)) continue;
    const year = entry.series ? /^["”“]?\s*[—–\-－]?\s*([12]\d{3})/.exec(foldWidth(text.slice(end, end + 8))) : null;
    if (year) out.push(cand(start, end + year[0].length, entry.type, "zh.registry-series", 3, { id: `${entry.id}-${year[1]}` }));
    else out.push(cand(start, end, entry.type, "zh.registry", 3, { id: entry.id }));
  }
  return out;
}

// 中俄两国, 俄、哈、吉、塔四国: runs of one-character country abbreviations.
const shortEntries = new Map(registry.filter((e) => e.zhShort).map((e) => [e.zhShort ?? "", e]));
const shortChars = [...shortEntries.keys()].join("");
// Plain (not /u) patterns scan much faster; abbreviations are one code unit (config.ts). Sticky:
// tried only where a run can start (mayStartRun).
export const shortRun = new RegExp(`[${shortChars}](?:、?[${shortChars}])+`, "y");
const nationMark = new RegExp(`[\\[［【]([${shortChars}])[\\]］】]`, "g");
const shortCodes = new CodeUnits();
for (const c of shortChars) shortCodes.add(c.charCodeAt(0));
const COMMA = "、".charCodeAt(0);
// The abbreviations are common characters (中, 美): a run is looked for only where one is followed
// by another or by 、.
export const mayStartRun = (text: string, at: number): boolean =>
  shortCodes.has(text.charCodeAt(at)) && (shortCodes.has(text.charCodeAt(at + 1)) || text.charCodeAt(at + 1) === COMMA);
const shortFollower = new RegExp(`^(?:${alt(zhRules.shortFollowers)})`);

function shortRuns(text: string, tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  // [美]季北慈, ［哈］卡·托卡耶夫: the author's country in a citation.
  for (const m of text.matchAll(nationMark)) {
    const entry = shortEntries.get(m[1] ?? "");
    if (entry) out.push(cand(m.index + 1, m.index + 2, entry.type, "zh.short", 2, { id: entry.id }));
  }
  for (const m of stickyMatches(text, shortRun, mayStartRun)) {
    const end = m.index + m[0].length;
    // Before a word that needs countries (中俄两国), or a word of its own for the tagger (中俄 as an abbreviation).
    const first = tokenStartingAt(tokens, m.index);
    const word = first !== undefined && first.end === end && ["j", "ns", "nz", "nt"].includes(first.tag);
    if (!first || !(word || shortFollower.test(text.slice(end)))) continue;
    [...m[0]].forEach((c, i) => {
      const entry = shortEntries.get(c);
      if (entry) out.push(cand(m.index + i, m.index + i + 1, entry.type, "zh.short", 2, { id: entry.id }));
    });
  }
  return out;
}

// Looked up for every token: most tags are turned away by their first letter.
const properTags = new WordSet(PROPER_TAGS);

// jieba's proper nouns, typed by CC-CEDICT (比什凯克: "capital of Kyrgyzstan") or by their tag and
// shape; the tagger alone is weak evidence, so these stay only if another mention confirms them.
function taggedNames(tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  for (const t of tokens) {
    if (!properTags.has(t.tag) || t.word.length < 2 || !hanRun.test(t.word)) continue;
    const proper = properNoun(t.word);
    const type = taggedType(t, proper);
    if (!type) continue;
    const weak = !proper?.type && t.tag !== "nrfg" && !isSlavicName(t.word) && !(t.tag === "nt" && type === "ORG");
    out.push(cand(t.start, t.end, type, "zh.tagger", 1, { weak }));
  }
  return out;
}

const orgSuffixes = [...zhRules.orgSuffixes.strong, ...zhRules.orgSuffixes.weak];
const orgSuffixSet = new Suffixes(orgSuffixes);

function taggedType({ word, tag }: Token, proper: ProperNoun | undefined): EntityType | null {
  if (proper) return proper.type ?? (tag === "ns" ? "GPE" : null);
  if (tag === "nrfg" || (tag === "nr" && isHanName(word) && !isCommonWord(word)) || (tag === "nrt" && isSlavicName(word))) return "PERSON";
  if (tag === "ns" && zhRules.gpeSuffixes.some((s) => word.endsWith(s) && word.length > s.length + 1)) return "GPE";
  if (tag === "nt" && orgSuffixSet.longest(word) !== undefined) return "ORG";
  return null;
}

// …研究所, 哈萨克斯坦国家安全委员会, 胡占德市: a suffix word and the modifiers before it. A strong
// suffix (大学, 委员会) needs one specific modifier; a weak one (部, 组织) a proper noun among them;
// 政府 and 军 exactly one place (中国政府). A one-character suffix must be a word of its own (not 内部),
// and a registry name that ends in a suffix (上海合作组织) is not extended (深化上海合作组织).
const isStrong = suffixTest(zhRules.orgSuffixes.strong);
const isWeak = suffixTest(zhRules.orgSuffixes.weak);
const isGpeOnly = suffixTest(zhRules.gpeOnlySuffixes);
const gpeSuffixes = new WordSet(zhRules.gpeSuffixes);
const suffixes = new Suffixes([...orgSuffixes, ...zhRules.gpeOnlySuffixes]);

/** Whether a word ends with one of the words; a one-character one must be the whole word (not 内部). */
function suffixTest(words: string[]): (word: string) => boolean {
  const set = new Suffixes(words);
  return (word) => {
    const suffix = set.longest(word);
    return suffix !== undefined && (suffix.length > 1 || word.length === 1);
  };
}
const offices = new Set(zhRules.personTitlesBefore);
const ordinal = /^第[0-9〇零一二两三四五六七八九十百]+[次届]$/;
const isPlace = (t: Token): boolean => t.tag === "ns" || ["GPE", "LOC"].includes(properNoun(t.word)?.type ?? lookup(t.word, "zh")?.type ?? "");

function suffixedNames(text: string, tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  tokens.forEach((t, i) => {
    const suffix = suffixes.longest(t.word);
    if (suffix !== undefined) {
      const org = suffixedOrg(tokens, i, suffix);
      if (org) out.push(org);
    }
    const prev = i > 0 ? tokens[i - 1] : undefined;
    if (prev && gpeSuffixes.has(t.word) && isPlace(prev) && hanRun.test(prev.word)) out.push(cand(prev.start, t.end, "GPE", "zh.gpe-suffix", 2));
    // 北京 100190, 沈阳110036: the city of an address, before its postcode.
    if (t.tag === "ns" && hanRun.test(t.word) && /^\s*\d{6}(?!\d)/.test(text.slice(t.end, t.end + 8))) {
      out.push(cand(t.start, t.end, "GPE", "zh.postcode", 2));
    }
  });
  return out;
}

/** The organisation (or numbered meeting) that tokens[i], which ends with `suffix`, closes, if any. */
function suffixedOrg(tokens: Token[], i: number, suffix: string): Candidate | null {
  const t = tokens[i]!;
  const strong = isStrong(t.word);
  // 组织 as a verb: 组织和举行, 组织翻译.
  const verbal = t.tag === "v" && ["c", "v", "vn", "p", "ul"].includes(tokens[i + 1]?.tag ?? "");
  const known = () => lookup(t.word, "zh") !== undefined || isVerb(t.word.slice(0, t.word.length - suffix.length));
  if (verbal || !(strong || isWeak(t.word) || isGpeOnly(t.word)) || known()) return null;
  const span = modifiersBefore(tokens, i, 6);
  const mods = span.slice(0, -1);
  const specific = mods.some((m) => !generic.has(m.word));
  const proper = mods.some((m) => PROPER_TAGS.has(m.tag) || properNoun(m.word) || lookup(m.word, "zh"));
  const ok = isGpeOnly(t.word) ? mods.length === 1 && isPlace(mods[0]!) : strong ? specific : proper;
  const head = span[0];
  const numbered = t.word.endsWith("会议") && mods.some((m) => ordinal.test(m.word));
  return head && ok && !generic.has(head.word) ? cand(head.start, t.end, numbered ? "EVENT" : "ORG", "zh.org-suffix", 2) : null;
}

/** The suffix token and up to `max` modifier tokens before it, without generic words at the front. */
const functionalEnd = /[于在对向从为与和及以的了着]$/;

function modifiersBefore(tokens: Token[], i: number, max: number): Token[] {
  let j = i;
  while (j > 0 && i - j < max) {
    const m = tokens[j - 1]!;
    const modifier = modifierTags.has(m.tag) || lookup(m.word, "zh") !== undefined || properNoun(m.word) !== undefined || ordinal.test(m.word);
    if (!modifier || !hanRun.test(m.word) || functionalEnd.test(m.word) || isVerb(m.word) || offices.has(m.word)) break;
    j--;
  }
  while (j < i && generic.has(tokens[j]!.word)) j++;
  return tokens.slice(j, i + 1);
}
