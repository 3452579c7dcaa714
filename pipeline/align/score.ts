// The score of a bead: a log-likelihood ratio, "these sentences translate each other" against
// "they are unrelated", summed from independent pieces of evidence:
//   shape prior   how often translators merge or split sentences (1-1 most, 1-3 rarely, 1-0 almost never)
//   length        Gale–Church deviation from the pair's length ratio
//   lexical       each token that finds its translation on the other side is evidence for the bead,
//                 each that does not is (weaker) evidence against it; tokens are weighted by rarity
//   punctuation   questions, exclamations, quotes … are kept by translators
// Weights are data (config/align/aligner.json), tuned on MAC-Dev.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { projectRoot } from "../config.js";
import type { BeadShape } from "./dp.js";
import type { Evidence } from "./evidence.js";
import { lengthDeviation, type LengthModel } from "./length.js";

export const Params = z.object({
  _comment: z.string().optional(),
  /** Log prior per shape "a-b". */
  priors: z.record(z.string().regex(/^\d-\d$/), z.number()),
  length: z.number().nonnegative(),
  /** Gain of a matched token, loss of an unmatched one (in units of its weight). */
  matchGain: z.number().nonnegative(),
  missLoss: z.number().nonnegative(),
  /** A token finds a chance match more easily among more sentences: its gain falls by this × ln(their count). */
  chance: z.number().nonnegative(),
  lexical: z.number().nonnegative(),
  punct: z.number().nonnegative(),
  /** Second pass: learned translations need this many confident co-occurrences and this association. */
  learnMinCount: z.number().int().positive(),
  learnMinDice: z.number().min(0).max(1),
  /** The first pass uses the shapes with at least this prior (and 1-0, 0-1). */
  firstPassPrior: z.number(),
  /** Beads at least this confident feed the second pass. */
  learnConfidence: z.number().min(0).max(1),
  /** Confidence is the bead's posterior probability over all paths weighted by exp(score / temperature). */
  temperature: z.number().positive(),
});

export type Params = z.infer<typeof Params>;

let defaults: Params | null = null;

export function defaultParams(): Params {
  defaults ??= Params.parse(JSON.parse(readFileSync(join(projectRoot, "config", "align", "aligner.json"), "utf8")));
  return defaults;
}

/**
 * The priors describe Chinese source text (translators split long Chinese sentences: 1-2 is common,
 * 2-1 rare). Text aligned into Chinese uses them mirrored, and a pair without Chinese uses the mean
 * of both directions.
 */
export function orientedParams(params: Params, srcLang: string, tgtLang: string): Params {
  if (srcLang === "zh") return params;
  const flip = (shape: string): string => shape.split("-").reverse().join("-");
  const priors: Record<string, number> = {};
  for (const [shape, value] of Object.entries(params.priors)) {
    if (tgtLang === "zh") priors[flip(shape)] = value;
    else priors[shape] = priors[flip(shape)] = (value + (params.priors[flip(shape)] ?? value)) / 2;
  }
  return { ...params, priors };
}

/** The same weights with only the given bead shapes ("1-1", "1-0" …). */
export function withShapes(params: Params, shapes: readonly string[]): Params {
  return { ...params, priors: Object.fromEntries(shapes.map((s) => [s, params.priors[s] ?? -Infinity])) };
}

export function shapesOf(params: Params): BeadShape[] {
  return Object.keys(params.priors).map((k) => k.split("-").map(Number) as unknown as BeadShape);
}

export interface ScoreParts {
  prior: number;
  length: number;
  lexical: number;
  punct: number;
}

const MAX_SIDE = 8;
const LOG = Float64Array.from({ length: MAX_SIDE }, (_, k) => Math.log(k));

/** Bead scores over one pair of texts; sums over a bead's sentences come from prefix sums. */
export class Scorer {
  private readonly priors = new Float64Array(MAX_SIDE * MAX_SIDE).fill(-Infinity);
  private readonly src: Prefix;
  private readonly tgt: Prefix;

  constructor(
    private readonly ev: Evidence,
    private readonly model: LengthModel,
    private readonly p: Params,
  ) {
    for (const [shape, value] of Object.entries(p.priors)) {
      const [a, b] = shape.split("-").map(Number) as [number, number];
      this.priors[a * MAX_SIDE + b] = value;
    }
    this.src = prefix(ev.src);
    this.tgt = prefix(ev.tgt);
  }

  /** Score of the bead [i, i + a) × [j, j + b); `parts`, when given, receives its components. */
  score(i: number, j: number, a: number, b: number, parts?: ScoreParts): number {
    const prior = this.priors[a * MAX_SIDE + b]!;
    let length = 0;
    let lexical = 0;
    let punct = 0;
    if (a > 0 && b > 0) {
      const { ev, p, src, tgt } = this;
      const deviation = lengthDeviation(this.model, src.len[i + a]! - src.len[i]!, tgt.len[j + b]! - tgt.len[j]!);
      length = -p.length * Math.abs(deviation); // Laplace, not Gaussian: free translation has heavy tails
      ev.bead(i, j, a, b);
      const gain = (p.matchGain - p.chance * LOG[b]!) * ev.srcMatched + (p.matchGain - p.chance * LOG[a]!) * ev.tgtMatched;
      const missed = src.mass[i + a]! - src.mass[i]! + tgt.mass[j + b]! - tgt.mass[j]! - ev.srcMatched - ev.tgtMatched;
      lexical = p.lexical * (gain - p.missLoss * missed);
      let distance = 0;
      for (let c = 0; c < src.punct.length; c++) {
        const sp = src.punct[c]!;
        const tp = tgt.punct[c]!;
        distance += Math.abs(sp[i + a]! - sp[i]! - (tp[j + b]! - tp[j]!));
      }
      punct = -p.punct * distance;
    }
    if (parts) Object.assign(parts, { prior, length, lexical, punct });
    return prior + length + lexical + punct;
  }
}

interface Prefix {
  len: Float64Array;
  mass: Float64Array;
  /** Per punctuation class. */
  punct: Float64Array[];
}

function prefix(side: Evidence["src"]): Prefix {
  const n = side.len.length;
  const sums = (value: (x: number) => number): Float64Array => {
    const out = new Float64Array(n + 1);
    for (let x = 0; x < n; x++) out[x + 1] = out[x]! + value(x);
    return out;
  };
  const classes = side.punct[0]?.length ?? 0;
  return {
    len: sums((x) => side.len[x]!),
    mass: sums((x) => side.mass[x]!),
    punct: Array.from({ length: classes }, (_, c) => sums((x) => side.punct[x]![c]!)),
  };
}
