// Text → index terms, the same way for passages and queries (config/search/analyzers.json). A Han run
// gives jieba words and character bigrams; a letter word gives a Snowball stem in the field of its
// script, or a lower-cased word in `other`; a number goes to `other`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cut, type Word } from "../text/jieba.js";
import snowball from "snowball-stemmers";
import { z } from "zod";
import { projectRoot } from "../config.js";
import type { LangSpan } from "../model/schema.js";

export const configDir = join(projectRoot, "config", "search");

export const TEXT_FIELDS = ["zh", "zhBigrams", "en", "ru", "other"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type StemField = "en" | "ru";

const AnalyzerConfig = z.object({
  note: z.string(),
  hosts: z.array(z.string()),
  scripts: z.record(z.string(), z.enum(["en", "ru"])),
  stemmers: z.record(
    z.enum(["en", "ru"]),
    z.object({ algorithm: z.string(), stopwords: z.string(), fold: z.record(z.string(), z.string()) }),
  ),
});

export function readLines(file: string): string[] {
  return readFileSync(join(configDir, file), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
}

const config = AnalyzerConfig.parse(JSON.parse(readFileSync(join(configDir, "analyzers.json"), "utf8")));

interface StemAnalyzer {
  /** The index term of a lower-cased word, or null for a stopword. */
  term(word: string): string | null;
}

function stemAnalyzer(field: StemField): StemAnalyzer {
  const spec = config.stemmers[field];
  if (!spec) throw new Error(`config/search/analyzers.json: no stemmer for ${field}`);
  const stemmer = snowball.newStemmer(spec.algorithm);
  const stop = new Set(readLines(spec.stopwords));
  const fold = Object.entries(spec.fold);
  const cache = new Map<string, string | null>();
  return {
    term(word) {
      let t = cache.get(word);
      if (t === undefined) {
        const folded = fold.reduce((w, [from, to]) => w.replaceAll(from, to), word);
        t = stop.has(folded) ? null : stemmer.stem(folded);
        cache.set(word, t);
      }
      return t;
    },
  };
}

const stemmers: Record<StemField, StemAnalyzer> = { en: stemAnalyzer("en"), ru: stemAnalyzer("ru") };

/** A run of the text: a Han run, or a word of letters (and digits), or a number. */
export interface Run {
  kind: "han" | "word" | "number";
  text: string;
  start: number;
  end: number;
  /** Where a word's term goes: a stemmed field, or other. */
  field: StemField | "other";
}

export interface Token {
  field: TextField;
  term: string;
  start: number;
  end: number;
}

// Han runs first; a number is digits not glued to letters (2013年 has one); a word is letters, marks
// and digits of any other script (SCO, COVID19, ШОС).
const RUN = /(\p{Script=Han}+)|(\p{N}+(?!\p{N}|(?!\p{Script=Han})[\p{L}\p{M}]))|((?:(?!\p{Script=Han})[\p{L}\p{M}\p{N}])+)/gu;

function scriptOf(word: string): string {
  if (/\p{Script=Latin}/u.test(word)) return "Latn";
  if (/\p{Script=Cyrillic}/u.test(word)) return "Cyrl";
  return "other";
}

/** The field of a word in `lang`: its script's stemmed field when the language hosts foreign words. */
function wordField(word: string, lang: string): StemField | "other" {
  if (!config.hosts.includes(lang)) return "other";
  return config.scripts[scriptOf(word)] ?? "other";
}

function langAt(offset: number, lang: string, langSpans: readonly LangSpan[]): string {
  return langSpans.find((s) => s.start <= offset && offset < s.end)?.lang ?? lang;
}

export function runs(text: string, lang: string, langSpans: readonly LangSpan[] = []): Run[] {
  const out: Run[] = [];
  for (const m of text.matchAll(RUN)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1]) out.push({ kind: "han", text: m[0], start, end, field: "other" });
    else if (m[2]) out.push({ kind: "number", text: m[0], start, end, field: "other" });
    else out.push({ kind: "word", text: m[0], start, end, field: wordField(m[0], langAt(start, lang, langSpans)) });
  }
  return out;
}

/** A word's term in its field: stem (null for a stopword) or the lower-cased word. NFKC folds
 *  fullwidth letters; it touches only this word, never Chinese text. */
export function wordTerm(run: Run, field: StemField | "other" = run.field): string | null {
  const lower = run.text.normalize("NFKC").toLowerCase();
  return field === "other" ? lower : stemmers[field].term(lower);
}

/** jieba words of a Han run, with offsets (jieba returns pieces that concatenate to the run). */
export function hanWords(run: Run): Token[] {
  let pos = run.start;
  return clip(run, cut(run.text).map((word) => ({ start: pos, end: (pos += word.length) })));
}

/** Terms of a Han run from word ranges around it: a word that reaches beyond the run (2013年 over
 *  the run 年) keeps its part inside it, so the terms tile the run. */
function clip(run: Run, ranges: ReadonlyArray<{ start: number; end: number }>): Token[] {
  const out: Token[] = [];
  for (const r of ranges) {
    const start = Math.max(r.start, run.start);
    const end = Math.min(r.end, run.end);
    if (start < end) out.push({ field: "zh", term: run.text.slice(start - run.start, end - run.start), start, end });
  }
  return out;
}

/** Character bigrams of a Han run; a one-character run is its own term. */
export function hanBigrams(run: Run): Token[] {
  const chars = [...run.text];
  if (chars.length === 1) return [{ field: "zhBigrams", term: run.text, start: run.start, end: run.end }];
  const out: Token[] = [];
  let pos = run.start;
  for (let i = 0; i + 1 < chars.length; i++) {
    const term = chars[i]! + chars[i + 1]!;
    out.push({ field: "zhBigrams", term, start: pos, end: pos + term.length });
    pos += chars[i]!.length;
  }
  return out;
}

/** Every index token of a text, in text order within each field. `wordsOfText`, jieba's words of
 *  the whole text (asked for only when it has Han), spares cutting each Han run again. */
export function tokens(text: string, lang: string, langSpans: readonly LangSpan[] = [], wordsOfText?: () => readonly Word[]): Token[] {
  const out: Token[] = [];
  let words: readonly Word[] | undefined;
  let first = 0; // runs and words are both in text order
  for (const run of runs(text, lang, langSpans)) {
    if (run.kind === "han" && wordsOfText) {
      words ??= wordsOfText();
      while (first < words.length && words[first]!.end <= run.start) first++;
      let last = first;
      while (last < words.length && words[last]!.start < run.end) last++;
      out.push(...clip(run, words.slice(first, last)), ...hanBigrams(run));
    } else if (run.kind === "han") out.push(...hanWords(run), ...hanBigrams(run));
    else {
      const term = wordTerm(run);
      if (term) out.push({ field: run.field, term, start: run.start, end: run.end });
    }
  }
  return out;
}

/** Column names of the text fields (and entity ids) in the search engines' tables. */
export const COLUMNS: Record<TextField | "entities", string> = {
  zh: "zh",
  zhBigrams: "zh_bigrams",
  en: "en",
  ru: "ru",
  other: "other",
  entities: "entities",
};
