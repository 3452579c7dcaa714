// The length model: translations keep a language pair's length ratio (English ≈ 3.4 × the non-space
// characters of Chinese), with a spread that grows with length (Gale & Church 1993). Ratios per pair
// are data in config/align/length.json; a reversed pair uses the inverse ratio.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { projectRoot } from "../config.js";

const Model = z.object({ ratio: z.number().positive(), variance: z.number().positive() });
const ModelFile = z.object({ _comment: z.string().optional(), default: Model }).catchall(Model);

export type LengthModel = z.infer<typeof Model>;

let models: z.infer<typeof ModelFile> | null = null;

export function lengthModel(src: string, tgt: string): LengthModel {
  models ??= ModelFile.parse(JSON.parse(readFileSync(join(projectRoot, "config", "align", "length.json"), "utf8")));
  const direct = models[`${src}-${tgt}`];
  if (direct && typeof direct === "object") return direct;
  const reverse = models[`${tgt}-${src}`];
  // Reversing the pair divides lengths by the ratio, and the variance per source character with them.
  if (reverse && typeof reverse === "object") return { ratio: 1 / reverse.ratio, variance: reverse.variance / reverse.ratio ** 3 };
  return models.default;
}

/** Gale–Church z-score of a source length against a target length (0 = the expected ratio). */
export function lengthDeviation(model: LengthModel, srcLen: number, tgtLen: number): number {
  const mean = (srcLen + tgtLen / model.ratio) / 2;
  return (tgtLen - model.ratio * srcLen) / Math.sqrt(model.variance * Math.max(mean, 1));
}
