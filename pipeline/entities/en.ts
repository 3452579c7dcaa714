// English (Latin-script) mentions: registry names, acronym definitions "Full Name (ACR)", title-case
// sequences typed by their head word ("… University", "Treaty on …"), person names after a title
// (President Xi Jinping), after "by", before a cited title, or shaped like pinyin (Xu Tao), and
// quoted titles in citations. Text whose spaces were lost (StephenAris) is read word by word.
import { enRules } from "./config.js";
import { isPinyinName } from "./pinyin.js";
import { lookup, matchEn } from "./registry.js";
import { splitCamel } from "./text.js";
import { candidate, candidates, type Candidate, type EntityType, type Link } from "./types.js";

const CAP = "\\p{Lu}[\\p{L}'’\\-]*";
const INITIAL = "\\p{Lu}\\.";
const CONN = `(?:${enRules.connectors.join("|")})`;
const titleCase = new RegExp(`(?:${INITIAL}\\s?)*${CAP}(?:\\s+(?:${CONN}\\s+)*(?:${INITIAL}\\s?)*${CAP})*`, "gu");
const nonNames = new Set(enRules.nonNames);
const connectors = new Set(enRules.connectors);
const headFirst = new Set(enRules.headFirst);
const personTitles = enRules.personTitles.map((t) => t.split(/\s+/));
const titleStarts = new Set(personTitles.map((t) => t[0]));
const acronymStop = new Set(enRules.acronymStop);
const headType = new Map<string, EntityType>();
for (const [type, words] of Object.entries(enRules.heads) as [EntityType, string[]][]) for (const w of words) headType.set(w, type);

const cand = candidates("en");

interface Word {
  text: string;
  start: number;
  end: number;
}

/** Mentions in a block's text, its width folded (foldWidth: fullwidth Latin letters and digits read as ASCII). */
export function recogniseEn(text: string): { candidates: Candidate[]; links: Link[] } {
  if (!/[A-Za-z]{2}/.test(text)) return { candidates: [], links: [] };
  const candidates: Candidate[] = matchEn(text).map(({ start, end, entry }) => cand(start, end, entry.type, "en.registry", 3, { id: entry.id }));
  const links: Link[] = [];
  definitions(text, candidates, links);
  for (const m of text.matchAll(titleCase)) candidates.push(...typedSequences(text, toWords(m[0], m.index)));
  candidates.push(...authors(text), ...acronyms(text), ...quotedTitles(text), ...postcodeCities(text));
  return { candidates, links };
}

const wordPattern = /[\p{L}\p{N}&][\p{L}\p{N}'’\-.&]*/gu;
const abbreviation = /^(?:\p{L}\.)+$|^\p{Lu}\p{Ll}?\.$/u;

/** Words with their offsets; a period stays only on initials and abbreviations (U.S., St.). */
const toWords = (s: string, offset: number): Word[] =>
  [...s.matchAll(wordPattern)].map((w) => {
    const text = (w[0].endsWith(".") || w[0].endsWith("-")) && !abbreviation.test(w[0]) ? w[0].replace(/[.-]+$/, "") : w[0];
    return { text, start: offset + w.index, end: offset + w.index + text.length };
  });

/**
 * A title-case sequence, minus the words that start sentences and the titles before it, typed by
 * its head; untyped after a title, a person (President Xi Jinping). Two names joined by "and the"
 * are typed apart, and so is a sequence of words run together by lost spaces.
 */
function typedSequences(text: string, words: Word[]): Candidate[] {
  let i = 0;
  let title = 0;
  for (;;) {
    const t = titleAt(words, i);
    if (t) {
      title = t;
      i += t;
    } else if (i < words.length && (nonNames.has(stripPossessive(words[i]!.text)) || connectors.has(words[i]!.text))) {
      title = 0;
      i++;
    } else break;
  }
  const rest = words.slice(i);
  const parts = splitAtAnd(rest);
  if (parts.length > 1) return parts.flatMap((p) => typedSequences(text, p));
  const typed = typeOf(rest, text);
  // General Staff Headquarters: a title word that starts an organisation's name belongs to it.
  if (typed) return [title && typed.type !== "PERSON" ? candidate({ ...typed, start: words[i - title]!.start }) : typed];
  if (title) {
    const name = trimConnectors(rest);
    const last = name[name.length - 1];
    if (last && name.length <= 3 && name.every((w) => !connectors.has(w.text) && !nonNames.has(w.text))) {
      return [cand(name[0]!.start, last.start + stripPossessive(last.text).replace(/[.,;:]+$/, "").length, "PERSON", "en.title", 2)];
    }
  }
  return [];
}

/** Split before "and the" and before "and" + a head that starts a name (Treaty on …). */
function splitAtAnd(words: Word[]): Word[][] {
  const parts: Word[][] = [[]];
  words.forEach((w, k) => {
    const next = words[k + 1]?.text ?? "";
    if (w.text === "and" && (next === "the" || headFirst.has(next)) && parts[parts.length - 1]!.length) parts.push([]);
    else parts[parts.length - 1]!.push(w);
  });
  return parts.map(trimConnectors).filter((p) => p.length);
}

/** How many words of a person title (President, Prime Minister) start at words[i]. */
function titleAt(words: Word[], i: number): number {
  if (!titleStarts.has(words[i]?.text ?? "")) return 0;
  return personTitles.find((pt) => pt.every((p, k) => words[i + k]?.text === p))?.length ?? 0;
}

const stripPossessive = (w: string): string => (w.endsWith("s") && /['’]s$/.test(w) ? w.slice(0, -2) : w);

function trimConnectors(words: Word[]): Word[] {
  let a = 0;
  let b = words.length;
  while (a < b && connectors.has(words[a]!.text)) a++;
  while (b > a && connectors.has(words[b - 1]!.text)) b--;
  return words.slice(a, b);
}

const twoJoins = /\p{Ll}\p{Lu}[^]*\p{Ll}\p{Lu}/u;

function typeOf(words: Word[], text: string): Candidate | null {
  words = trimConnectors(words);
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) return null;
  const lastText = stripPossessive(last.text).replace(/[.,;:]+$/, "");
  const end = last.start + lastText.length;
  const plain = words.map((w) => w.text);
  // Words run together: two lowercase-uppercase joins in one word.
  const squashed = plain.some((w) => twoJoins.test(w));
  const headAt = plain.findIndex((w, k) => headFirst.has(w) && ["of", "for", "on"].includes(plain[k + 1] ?? "") && k < plain.length - 2);
  if (headAt >= 0 && !squashed) {
    const type = headType.get(plain[headAt]!) ?? "ORG";
    return cand(first.start, end, type, "en.head", 2);
  }
  const type = headType.get(lastText);
  if (type && words.length >= 2 && !squashed) return cand(first.start, end, type, "en.head", 2);
  const nameWords = splitCamel(plain.join(" ")).split(/\s+/);
  if (nameWords.length >= 2 && nameWords.length <= 3 && plain.every((w) => !connectors.has(w))) {
    if (isPinyinName(nameWords)) return cand(first.start, end, "PERSON", "en.pinyin", 2);
    if (/\b[Bb]y\s+$/.test(text.slice(Math.max(0, first.start - 4), first.start))) return cand(first.start, end, "PERSON", "en.byline", 2);
  }
  return null;
}

// "Full Name (ACR)": the title-case words before the parenthesis whose initials spell the acronym.
function definitions(text: string, candidates: Candidate[], links: Link[]): void {
  for (const m of text.matchAll(/\(\s*(\p{Lu}[\p{Lu}&]{1,9})\s*\)/gu)) {
    const acr = m[1] ?? "";
    const before = toWords(text.slice(Math.max(0, m.index - 160), m.index), Math.max(0, m.index - 160));
    let k = before.length;
    const joined = (j: number) => j === before.length || /^\s*$/.test(text.slice(before[j - 1]!.end, before[j]!.start));
    while (k > 0 && /^\p{Lu}|^(?:of|for|and|on|in|the|&)$/u.test(before[k - 1]!.text) && joined(k)) k--;
    const suffixes = [...Array(before.length - k).keys()].map((s) => trimConnectors(before.slice(k + s))).filter((ws) => ws.length >= 2);
    const exact = suffixes.find((ws) => initials(ws.map((w) => w.text)).join("") === acr);
    const long = exact ?? suffixes.reverse().find((ws) => spells(acr, ws.map((w) => w.text)));
    if (long) {
      const first = long[0]!;
      const last = long[long.length - 1]!;
      const known = lookup(acr, "en") ?? lookup(text.slice(first.start, last.end), "en");
      const type = known?.type ?? typeOf(long, text)?.type ?? "ORG";
      const a = { start: first.start, end: last.end - (/[,.;:]$/.test(last.text) ? 1 : 0) };
      const b = { start: m.index + m[0].indexOf(acr), end: m.index + m[0].indexOf(acr) + acr.length };
      candidates.push(cand(a.start, a.end, type, "en.definition", 2), cand(b.start, b.end, type, "en.definition", 2));
      links.push({ a, b, rule: "en.definition" });
    }
  }
}

/** Whether an acronym takes the initials of the words in order, starting with the first: CICA ← Conference on Interaction and Confidence-Building Measures in Asia. */
function spells(acr: string, words: string[]): boolean {
  const letters = initials(words);
  if (letters[0] !== acr[0]) return false;
  let i = 0;
  for (const c of letters) if (c === acr[i]) i++;
  return i === acr.length && letters[letters.length - 1] === acr[acr.length - 1];
}

const initials = (words: string[]): string[] => words.filter((w) => /^\p{Lu}/u.test(w)).flatMap((w) => w.split("-").map((p) => p[0] ?? ""));

// Authors: a person-shaped name right before a cited title ("Rashid Alimov,“The Role…”",
// "StephenAris,“…”"), or opening a reference (after its marker, "See" or a semicolon).
const NAME = "(?:\\p{Lu}\\.\\s?){0,3}\\p{Lu}\\p{Ll}+(?:['’]\\p{Lu}?\\p{Ll}+)?(?:\\s?\\p{Lu}\\p{Ll}+(?:['’]\\p{Lu}?\\p{Ll}+)?){0,2}";
const BEFORE_TITLE = "[,，]\\s*[“\"]";
const BEFORE_WORK = "[,，]\\s*(?=\\p{Lu})";
const authorBeforeTitle = new RegExp(`(?<![\\p{L}])(${NAME})\\s*${BEFORE_TITLE}`, "gu");
const authorOpening = new RegExp(`(?:^|[;；]|[①-⑳]|\\[\\d{1,3}\\]|\\bSee)\\s*(${NAME})\\s*${BEFORE_WORK}`, "gu");
// What follows each author, looked for first: most paragraphs have neither.
const authorPatterns = [
  { needs: new RegExp(BEFORE_TITLE, "u"), re: authorBeforeTitle },
  { needs: new RegExp(BEFORE_WORK, "u"), re: authorOpening },
];

function authors(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const { needs, re } of authorPatterns) {
    if (!needs.test(text)) continue;
    for (const m of text.matchAll(re)) {
      const found = m[1] ?? "";
      const lead = /^(?:(?:See|In|By|and)\s*)+/.exec(found)?.[0] ?? "";
      const name = found.slice(lead.length);
      const words = splitCamel(name).split(/\s+/);
      if (words.length < 2 || words.length > 4 || words.some((w) => nonNames.has(w) || headType.has(w))) continue;
      const start = m.index + m[0].indexOf(found) + lead.length;
      out.push(cand(start, start + name.length, "PERSON", "en.author", 2));
    }
  }
  return out;
}

/** Bare acronyms (ISAF): weak, kept only when the registry or a definition in the document supports them. */
function acronyms(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\d])[A-Z]{2,6}(?![\p{L}\d])/gu)) {
    if (!acronymStop.has(m[0])) out.push(cand(m.index, m.index + m[0].length, "ORG", "en.acronym", 0, { weak: true }));
  }
  return out;
}

/** A title in quotes as citations write it: capitalised, with a comma or question mark inside (“…,”). */
function quotedTitles(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(/[“"](\p{Lu}[^”"]{2,200}?)([,?])[”"]/gu)) {
    const inner = m[1] ?? "";
    if (inner.split(/\s+/).length < 2 && inner.length < 12) continue;
    const start = m.index + 1;
    out.push(cand(start, start + inner.length + (m[2] === "?" ? 1 : 0), "WORK", "en.quoted-title", 2));
  }
  return out;
}

/** Kunming 650201, Beijing 100190: the city of an address, before its (six-digit Chinese) postcode. */
function postcodeCities(text: string): Candidate[] {
  if (!/\d{6}/.test(text)) return [];
  return [...text.matchAll(/(?<![\p{L}])(\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)?)\s?\d{6}(?!\d)/gu)]
    .filter((m) => !nonNames.has(m[1]!.split(/[ -]/)[0]!))
    .map((m) => cand(m.index, m.index + m[1]!.length, "GPE", "en.postcode", 2));
}
