// Sentence alignment in two passes (Moore 2002): the first pass aligns with the length model and the
// dictionaries; translations learned from its confident beads then join the evidence and the
// second pass aligns again. Several texts aligned together share what the first pass learned.
import { bestPath, pathCentre, type BandOptions, type Bead } from "./dp.js";
import { Evidence } from "./evidence.js";
import { features, type Features } from "./features.js";
import { learnTranslations } from "./learn.js";
import { lengthModel, type LengthModel } from "./length.js";
import { defaultParams, orientedParams, Scorer, shapesOf, withShapes, type Params } from "./score.js";

export interface Bitext {
  src: readonly string[];
  tgt: readonly string[];
}

export interface AlignOptions {
  params?: Params;
  /** Run the second pass (on by default). */
  learn?: boolean;
}

export function alignSentences(src: readonly string[], tgt: readonly string[], srcLang: string, tgtLang: string, options: AlignOptions = {}): Bead[] {
  return alignBitexts([{ src, tgt }], srcLang, tgtLang, options)[0]!;
}

export function alignBitexts(bitexts: readonly Bitext[], srcLang: string, tgtLang: string, options: AlignOptions = {}): Bead[][] {
  const featured = bitexts.map((b) => ({
    src: b.src.map((s) => features(s, srcLang, tgtLang)),
    tgt: b.tgt.map((s) => features(s, tgtLang, srcLang)),
  }));
  const params = orientedParams(options.params ?? defaultParams(), srcLang, tgtLang);
  return alignFeatured(featured, lengthModel(srcLang, tgtLang), { ...options, params });
}

export interface FeaturedBitext {
  src: Features[];
  tgt: Features[];
}

export function alignFeatured(bitexts: readonly FeaturedBitext[], model: LengthModel, options: AlignOptions = {}): Bead[][] {
  const params = options.params ?? defaultParams();
  const evidence = bitexts.map((b) => new Evidence(b.src, b.tgt));
  if (options.learn === false) return evidence.map((ev) => alignPass(ev, model, params));
  // The first pass only has to find the path's neighbourhood and the confident beads: the common shapes do.
  const common = Object.keys(params.priors).filter((k) => params.priors[k]! >= params.firstPassPrior || /^(1-0|0-1)$/.test(k));
  const first = evidence.map((ev) => alignPass(ev, model, withShapes(params, common)));
  const confident = first.flatMap((beads, d) =>
    beads
      .filter((bead) => bead.src.length > 0 && bead.tgt.length > 0 && bead.score >= params.learnConfidence)
      .map((bead) => ({ src: bead.src.map((i) => bitexts[d]!.src[i]!), tgt: bead.tgt.map((j) => bitexts[d]!.tgt[j]!) })),
  );
  const learned = learnTranslations(confident, params);
  // The second pass, with every shape and the learned translations, searches a narrow band around
  // the first pass's path (widened if the path reaches its edge).
  return bitexts.map((b, d) => {
    const ev = learned.size > 0 ? evidence[d]!.withSource(b.src.map((f) => withLearned(f, learned))) : evidence[d]!;
    return alignPass(ev, model, params, { centre: pathCentre(first[d]!, b.src.length), width: SECOND_PASS_WIDTH });
  });
}

const SECOND_PASS_WIDTH = 6;

function alignPass(ev: Evidence, model: LengthModel, params: Params, band?: BandOptions): Bead[] {
  const scorer = new Scorer(ev, model, params);
  const score = (i: number, j: number, a: number, b: number): number => scorer.score(i, j, a, b);
  return bestPath(ev.src.tokens.length, ev.tgt.tokens.length, shapesOf(params), score, { ...band, temperature: params.temperature });
}

function withLearned(f: Features, learned: ReadonlyMap<string, readonly string[]>): Features {
  return {
    ...f,
    tokens: f.tokens.map((t) => {
      const extra = learned.get(t.form);
      return extra ? { form: t.form, keys: [...new Set([...t.keys, ...extra])] } : t;
    }),
  };
}
