// The linguistic comparison of abstracts: for every aligned pair of abstracts, their sizes, their
// length ratio against the corpus norm for that language pair, the sentences left unaligned, the
// numbers, dates and names one side has and the other lacks, and how the keywords are covered.
// Each document carries its pairs (computed with it, in the worker); the corpus files
// abstract-comparison.jsonl and a readable abstract-comparison.md add the corpus norm, so the
// pairs are kept until every document is seen.
import type { CorpusFile } from "../../emit/corpus.js";
import { AbstractComparison, type AbstractPair, type Document } from "../../model/schema.js";
import { Evidence } from "../evidence.js";
import { features, type Features } from "../features.js";
import { documentView, unitTexts } from "../units.js";
import { datesIn, namesIn, numbersIn } from "./mentions.js";

type SideSummary = AbstractPair["sides"][0];

/** The comparison of each aligned pair of the document's abstracts. */
export function compareAbstracts(doc: Document): AbstractPair[] {
  const view = documentView(doc);
  return doc.alignments
    .filter((al) => al.scope === "abstract")
    .map((al) => {
      const [a, b] = al.langs;
      const src = unitTexts(view, "abstract", a);
      const tgt = unitTexts(view, "abstract", b);
      const srcText = src.join(a === "zh" ? "" : " ");
      const tgtText = tgt.join(b === "zh" ? "" : " ");
      const srcF = features(srcText, a, b);
      const tgtF = features(tgtText, b, a);
      const side = (lang: string, items: string[], f: Features, nullOf: (l: (typeof al.links)[0]) => number[] | null): SideSummary => ({
        lang,
        sentences: items.length,
        chars: f.len,
        words: wordCount(items.join(" "), lang),
        unaligned: al.links.flatMap((l) => nullOf(l) ?? []).map((index) => ({ index, text: items[index] ?? "" })),
      });
      const sides: [SideSummary, SideSummary] = [
        side(a, src, srcF, (l) => (l.tgt.length === 0 ? l.src : null)),
        side(b, tgt, tgtF, (l) => (l.src.length === 0 ? l.tgt : null)),
      ];
      const beads: Record<string, number> = {};
      for (const l of al.links) beads[`${l.src.length}-${l.tgt.length}`] = (beads[`${l.src.length}-${l.tgt.length}`] ?? 0) + 1;
      const oneSided = (extract: (text: string, lang: string) => Map<string, string>): Record<string, string[]> => {
        const x = extract(srcText, a);
        const y = extract(tgtText, b);
        return { [a]: [...x].filter(([k]) => !y.has(k)).map(([, v]) => v), [b]: [...y].filter(([k]) => !x.has(k)).map(([, v]) => v) };
      };
      return {
        langs: [a, b] as [string, string],
        sides,
        lengthRatio: round(sides[1].chars / Math.max(1, sides[0].chars)),
        beads: Object.fromEntries(Object.entries(beads).sort()),
        onlyIn: {
          numbers: oneSided(numbersIn),
          dates: oneSided(datesIn),
          names: unmatchedNames(srcText, a, tgtF, tgtText, b, srcF),
        },
        keywords: keywordCoverage(view, [a, b], [srcText, tgtText], [srcF, tgtF]),
      };
    });
}

/**
 * Names of each side that no token of the other side matches (by dictionary, pinyin, transliteration
 * or spelling). Chinese and Russian share no such evidence, so that pair reports none.
 */
function unmatchedNames(srcText: string, a: string, tgtF: Features, tgtText: string, b: string, srcF: Features): Record<string, string[]> {
  if ((a === "zh" && b === "ru") || (a === "ru" && b === "zh")) return { [a]: [], [b]: [] };
  const missing = (text: string, lang: string, other: Features, partner: string): string[] =>
    [...new Set(namesIn(text, lang))].filter((name) => !matches(features(name, lang, partner), other));
  return { [a]: missing(srcText, a, tgtF, b), [b]: missing(tgtText, b, srcF, a) };
}

/** Whether half of the phrase's word weight finds a translation in the text. */
function matches(phrase: Features, text: Features): boolean {
  if (phrase.tokens.length === 0) return true;
  const ev = new Evidence([phrase], [text]);
  ev.bead(0, 0, 1, 1);
  return ev.srcMatched >= ev.src.mass[0]! / 2;
}

function keywordCoverage(
  view: ReturnType<typeof documentView>,
  langs: [string, string],
  texts: [string, string],
  feats: [Features, Features],
): AbstractPair["keywords"] {
  const out: AbstractPair["keywords"] = {};
  langs.forEach((lang, k) => {
    const keywords = unitTexts(view, "keywords", lang);
    if (keywords.length === 0) return;
    // The keyword's own language is matched by stems too, so inflected uses count.
    const own = features(texts[k]!, lang, lang);
    const other = feats[1 - k]!;
    out[lang] = {
      total: keywords.length,
      inAbstract: keywords.filter((w) => own.tokens.length > 0 && matches(features(w, lang, lang), own)).length,
      translated: keywords.filter((w) => matches(features(w, lang, langs[1 - k]!), other)).length,
    };
  });
  return out;
}

function wordCount(text: string, lang: string): number {
  if (lang === "zh") return features(text, "zh", "en").tokens.length;
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Records with the corpus norm filled in: the mean length ratio of each language pair. */
export function withCorpusNorm(records: readonly Omit<AbstractComparison, "corpusRatio" | "relativeLength">[]): AbstractComparison[] {
  const sums = new Map<string, [number, number]>();
  for (const r of records) {
    const key = r.langs.join("-");
    const [s, n] = sums.get(key) ?? [0, 0];
    sums.set(key, [s + r.lengthRatio, n + 1]);
  }
  return records.map((r) => {
    const [s, n] = sums.get(r.langs.join("-"))!;
    const corpusRatio = round(s / n);
    return AbstractComparison.parse({ ...r, corpusRatio, relativeLength: round(r.lengthRatio / corpusRatio) });
  });
}

export function abstractComparisonFiles(): CorpusFile[] {
  const records: Omit<AbstractComparison, "corpusRatio" | "relativeLength">[] = [];
  let done: AbstractComparison[] | null = null;
  const all = (): AbstractComparison[] => (done ??= withCorpusNorm(records));
  return [
    {
      name: "abstract-comparison.jsonl",
      lines: (doc) => doc.abstractComparisons.map((pair) => JSON.stringify({ doc: doc.id, ...pair })),
      take: (lines) => {
        for (const line of lines) records.push(JSON.parse(line) as (typeof records)[number]);
        return [];
      },
      tail: () => all().map((r) => JSON.stringify(r)),
    },
    { name: "abstract-comparison.md", lines: () => [], tail: () => markdownReport(all()) },
  ];
}

export function markdownReport(records: readonly AbstractComparison[]): string[] {
  const out = ["# Abstract comparison", "", "Every aligned pair of abstracts: sizes, length against the corpus norm for the pair, and what one side says that the other does not.", ""];
  if (records.length === 0) out.push("No document has abstracts in two languages.");
  for (const r of records) {
    const [s, t] = r.sides;
    out.push(`## ${r.doc}: ${s.lang}–${t.lang}`, "");
    out.push(`| | ${s.lang} | ${t.lang} |`, "| --- | --- | --- |");
    out.push(`| sentences | ${s.sentences} | ${t.sentences} |`);
    out.push(`| characters | ${s.chars} | ${t.chars} |`);
    out.push(`| words | ${s.words} | ${t.words} |`);
    out.push("");
    out.push(`Length ratio ${r.lengthRatio} (corpus norm for ${s.lang}–${t.lang}: ${r.corpusRatio}; relative length ${r.relativeLength}). Beads: ${Object.entries(r.beads).map(([k, v]) => `${k} × ${v}`).join(", ")}.`, "");
    for (const side of r.sides) {
      for (const u of side.unaligned) out.push(`- ${side.lang} sentence ${u.index + 1} has no counterpart: ${u.text}`);
    }
    for (const [what, byLang] of Object.entries(r.onlyIn)) {
      for (const [lang, values] of Object.entries(byLang)) if (values.length > 0) out.push(`- ${what} only in ${lang}: ${values.join(", ")}`);
    }
    for (const [lang, k] of Object.entries(r.keywords)) {
      out.push(`- ${lang} keywords: ${k.total}, ${k.inAbstract} used in the ${lang} abstract, ${k.translated} found in the other abstract`);
    }
    out.push("");
  }
  return out;
}
