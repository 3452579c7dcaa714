// Pairing inside a document: every scope (title, authors, abstract, keywords, section, body) in
// every pair of languages present. Sentences, titles and sections align monotonically with the
// sentence aligner; keyword lists are matched item by item (their order may differ); authors are
// paired by structure. Pairs without a dictionary (zh–ru) also use English as a pivot: two
// sentences linked to the same English sentence are evidence for each other.
import type { Alignment } from "../model/schema.js";
import { alignFeatured } from "./aligner.js";
import type { Bead } from "./dp.js";
import { Evidence } from "./evidence.js";
import { features, type Features } from "./features.js";
import { lengthModel } from "./length.js";
import { sectionNumber } from "./numbers.js";
import { defaultParams, orientedParams, withShapes, type Params } from "./score.js";
import { bodySentences, orderedPairs, unitTexts, type Scope, type UnitView } from "./units.js";

type Pair = [string, string];

const PIVOT = "en";
const SIMPLE = ["1-1", "1-0", "0-1"];
/** Bodies shorter than this (sentences per side) are not aligned. */
const MIN_BODY = 3;
/** A summary body aligns by sections only when at least this many sections pair up. */
const MIN_SUMMARY_SECTIONS = 2;
/** A body counts as a translation when its length is within these factors of the expected length. */
const TRANSLATION_RATIO: readonly [number, number] = [0.6, 1.7];
/** Keywords pair up on evidence when this share of their words found a translation. */
const KEYWORD_SHARE = 0.25;

/** Plain language tags only: pinyin (zh-Latn) and undetermined text are not a language side. */
const alignable = (lang: string): boolean => /^[a-z]{2,3}$/.test(lang) && lang !== "und";

export function alignDocument(view: UnitView, base: Params = defaultParams()): Alignment[] {
  const out: Alignment[] = [];
  const add = (scope: Scope, [src, tgt]: Pair, beads: readonly Bead[]): void => {
    if (beads.some((b) => b.src.length > 0 && b.tgt.length > 0)) {
      out.push({ scope, langs: [src, tgt], links: beads.map((b) => ({ src: b.src, tgt: b.tgt, score: round(b.score) })) });
    }
  };
  const pairsOf = (langs: Iterable<string>): Pair[] => orderedPairs([...langs].filter(alignable));

  for (const pair of pairsOf(Object.keys(view.title))) add("title", pair, alignUnits(view, "title", pair, base, SIMPLE));
  for (const pair of pairsOf(view.authors.flatMap((a) => Object.keys(a.name)))) add("authors", pair, pairAuthors(view, pair));
  for (const [pair, beads] of alignAbstracts(view, pairsOf(view.abstracts.map((a) => a.lang)), base)) add("abstract", pair, beads);
  for (const pair of pairsOf(Object.keys(view.keywords))) add("keywords", pair, matchKeywords(view, pair));
  const sections = new Map<string, Bead[]>();
  for (const pair of pairsOf(view.sections.map((s) => s.lang))) {
    sections.set(pair.join("-"), alignSections(view, pair, base));
    add("section", pair, sections.get(pair.join("-"))!);
  }
  for (const pair of pairsOf(view.passages.filter((p) => p.kind === "paragraph").map((p) => p.lang))) {
    add("body", pair, alignBodies(view, pair, base, sections.get(pair.join("-")) ?? []));
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

function featuresOf(texts: readonly string[], lang: string, partner: string): Features[] {
  return texts.map((t) => features(t, lang, partner));
}

/** Monotone alignment of the scope's items with the sentence aligner; empty items (other languages) are left out. */
function alignUnits(view: UnitView, scope: Scope, [a, b]: Pair, base: Params, shapes?: readonly string[]): Bead[] {
  const src = unitTexts(view, scope, a);
  const tgt = unitTexts(view, scope, b);
  return alignIndexed(src, tgt, a, b, base, shapes);
}

function alignIndexed(srcItems: readonly string[], tgtItems: readonly string[], a: string, b: string, base: Params, shapes?: readonly string[], extra?: Pivot): Bead[] {
  const srcIdx = indicesOf(srcItems);
  const tgtIdx = indicesOf(tgtItems);
  if (srcIdx.length === 0 || tgtIdx.length === 0) return [];
  let src = featuresOf(srcIdx.map((i) => srcItems[i]!), a, b);
  let tgt = featuresOf(tgtIdx.map((j) => tgtItems[j]!), b, a);
  if (extra) {
    src = src.map((f, k) => withTokens(f, extra.src.get(srcIdx[k]!) ?? []));
    tgt = tgt.map((f, k) => withTokens(f, extra.tgt.get(tgtIdx[k]!) ?? []));
  }
  let params = orientedParams(base, a, b);
  if (shapes) params = withShapes(params, shapes);
  const [beads] = alignFeatured([{ src, tgt }], lengthModel(a, b), { params, learn: false });
  return beads!.map((bead) => ({ ...bead, src: bead.src.map((i) => srcIdx[i]!), tgt: bead.tgt.map((j) => tgtIdx[j]!) }));
}

function indicesOf(items: readonly string[]): number[] {
  return items.flatMap((t, i) => (t.trim() ? [i] : []));
}

/** Extra tokens per item index, on each side. */
interface Pivot {
  src: Map<number, string[]>;
  tgt: Map<number, string[]>;
}

function withTokens(f: Features, keys: readonly string[]): Features {
  return keys.length === 0 ? f : { ...f, tokens: [...f.tokens, ...keys.map((k) => ({ form: k, keys: [k] }))] };
}

/** Abstracts: pairs with English first, then the others with English as a pivot. */
function alignAbstracts(view: UnitView, pairs: readonly Pair[], base: Params): Map<Pair, Bead[]> {
  const done = new Map<Pair, Bead[]>();
  const texts = (lang: string): string[] => unitTexts(view, "abstract", lang);
  for (const pair of pairs) if (pair.includes(PIVOT)) done.set(pair, alignIndexed(texts(pair[0]), texts(pair[1]), pair[0], pair[1], base));
  for (const pair of pairs) {
    if (pair.includes(PIVOT)) continue;
    const pivot = { src: pivotKeys(done, pair[0]), tgt: pivotKeys(done, pair[1]) };
    done.set(pair, alignIndexed(texts(pair[0]), texts(pair[1]), pair[0], pair[1], base, undefined, pivot));
  }
  return new Map(pairs.map((p) => [p, done.get(p)!]));
}

/** For each sentence of `lang`, a key per English sentence it is aligned with. */
function pivotKeys(done: ReadonlyMap<Pair, Bead[]>, lang: string): Map<number, string[]> {
  const keys = new Map<number, string[]>();
  for (const [[a, b], beads] of done) {
    if (a !== lang && b !== lang) continue;
    for (const bead of beads) {
      const [mine, english] = a === lang ? [bead.src, bead.tgt] : [bead.tgt, bead.src];
      for (const i of mine) keys.set(i, [...(keys.get(i) ?? []), ...english.map((j) => `pv:${j}`)]);
    }
  }
  return keys;
}

function pairAuthors(view: UnitView, [a, b]: Pair): Bead[] {
  // Structure already put both names of an author in one record: the pairing is given.
  return view.authors.flatMap((author, k) => (author.name[a] && author.name[b] ? [{ src: [k], tgt: [k], score: 1 }] : []));
}

/**
 * Keywords: pairs whose words translate each other, best first (the lists may differ in order),
 * then lists of equal length pair their remaining items by position. A link's score is the share
 * of the two keywords' word weight that found a translation (0.5 for a pairing by position alone).
 */
function matchKeywords(view: UnitView, [a, b]: Pair): Bead[] {
  const src = unitTexts(view, "keywords", a);
  const tgt = unitTexts(view, "keywords", b);
  if (src.length === 0 || tgt.length === 0) return [];
  const ev = new Evidence(featuresOf(src, a, b), featuresOf(tgt, b, a));
  const candidates = src.flatMap((_, i) =>
    tgt.map((_, j) => {
      ev.bead(i, j, 1, 1);
      const mass = ev.src.mass[i]! + ev.tgt.mass[j]!;
      return { i, j, share: mass > 0 ? (ev.srcMatched + ev.tgtMatched) / mass : 0 };
    }),
  );
  candidates.sort((x, y) => y.share - x.share || x.i - y.i || x.j - y.j);
  const links = new Map<number, Bead>();
  const usedTgt = new Set<number>();
  const link = (i: number, j: number, score: number): void => {
    links.set(i, { src: [i], tgt: [j], score });
    usedTgt.add(j);
  };
  for (const c of candidates) if (c.share >= KEYWORD_SHARE && !links.has(c.i) && !usedTgt.has(c.j)) link(c.i, c.j, 0.5 + c.share / 2);
  if (src.length === tgt.length) src.forEach((_, i) => links.has(i) || usedTgt.has(i) || link(i, i, 0.5));
  return [...links.values()].sort((x, y) => x.src[0]! - y.src[0]!);
}

/** Section titles, with their printed numbers (一、 / I. / 1.) as evidence. */
function alignSections(view: UnitView, [a, b]: Pair, base: Params): Bead[] {
  const numbers = new Map<number, string[]>();
  view.sections.forEach((s, k) => {
    const n = s.number === null ? null : sectionNumber(s.number);
    if (n !== null) numbers.set(k, [`#${n}`]);
  });
  const pivot = { src: numbers, tgt: numbers };
  return alignIndexed(unitTexts(view, "section", a), unitTexts(view, "section", b), a, b, base, SIMPLE, pivot);
}

/**
 * Bodies: a translation aligns sentence by sentence; a summary (much shorter than a translation
 * would be) aligns section by section, following the section alignment. A few stray sentences in
 * another language (a quotation, a caption) are not a parallel body.
 */
function alignBodies(view: UnitView, [a, b]: Pair, base: Params, sections: readonly Bead[]): Bead[] {
  const src = bodySentences(view, a);
  const tgt = bodySentences(view, b);
  if (src.length < MIN_BODY || tgt.length < MIN_BODY) return [];
  const chars = (xs: typeof src): number => xs.reduce((n, s) => n + s.text.replace(/\s/g, "").length, 0);
  const ratio = chars(tgt) / (chars(src) * lengthModel(a, b).ratio);
  if (ratio >= TRANSLATION_RATIO[0] && ratio <= TRANSLATION_RATIO[1]) {
    return alignIndexed(src.map((s) => s.text), tgt.map((s) => s.text), a, b, base);
  }
  const paired = sections.filter((bead) => bead.src.length === 1 && bead.tgt.length === 1 && bead.score >= 0.5);
  if (paired.length < MIN_SUMMARY_SECTIONS) return [];
  const members = (xs: typeof src, section: number | null): number[] => xs.flatMap((s, i) => (s.section === section ? [i] : []));
  // The text before the first heading (section null) is the introduction on both sides.
  const intro: Bead = { src: [], tgt: [], score: 1 };
  return [intro, ...paired]
    .map((bead) => ({ src: members(src, bead.src[0] ?? null), tgt: members(tgt, bead.tgt[0] ?? null), score: bead.score }))
    .filter((bead) => bead.src.length > 0 && bead.tgt.length > 0);
}
