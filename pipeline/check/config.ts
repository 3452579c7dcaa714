// config/quality.json: the thresholds of `corpus check`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { ConfigError, projectRoot } from "../config.js";

export const QualityConfig = z.object({
  $comment: z.string().optional(),
  noise: z.record(z.string(), z.object({ pattern: z.string(), max: z.number().int().nonnegative(), description: z.string() })),
  structure: z.object({
    untitledMax: z.number().int().nonnegative(),
    footnotesAnchoredMin: z.number().min(0).max(1),
    emptyPassagesMax: z.number().int().nonnegative(),
    emptyFootnotesMax: z.number().int().nonnegative(),
    /** Per document id: languages whose abstract and keywords must be present. */
    expect: z.record(z.string(), z.object({ abstracts: z.array(z.string()).default([]), keywords: z.array(z.string()).default([]) })),
  }),
  alignment: z.object({ scoreMeanMin: z.number(), lowScore: z.number(), lowScoreShareMax: z.number() }),
  baseline: z.object({ tolerances: z.record(z.string(), z.number().nonnegative()) }),
});

export type QualityConfig = z.infer<typeof QualityConfig>;

export const defaultQualityPath = join(projectRoot, "config", "quality.json");

export function loadQualityConfig(path: string = defaultQualityPath): QualityConfig {
  try {
    return QualityConfig.parse(JSON.parse(readFileSync(path, "utf8")));
  } catch (err) {
    throw new ConfigError(`quality config ${path}: ${err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") : (err as Error).message}`);
  }
}
