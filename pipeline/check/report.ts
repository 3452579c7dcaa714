// The quality report (output/quality.json): one entry per rule with its verdict and the first
// violations, plus the corpus metrics that --baseline compares.
import { z } from "zod";
import { Span } from "../model/schema.js";

export const Violation = z.object({
  doc: z.string().nullable(),
  passage: z.string().nullable(),
  span: Span.nullable(),
  text: z.string(),
});

export const RuleResult = z.object({
  id: z.string(),
  description: z.string(),
  status: z.enum(["pass", "fail"]),
  value: z.number(),
  limit: z.string(),
  count: z.number().int().describe("Number of violations"),
  violations: z.array(Violation).describe("The first violations, in document order"),
});

export const Metrics = z.object({
  documents: z.number().int(),
  passages: z.number().int(),
  footnotes: z.number().int(),
  footnotesAnchored: z.number(),
  abstracts: z.record(z.string(), z.number().int()),
  keywords: z.record(z.string(), z.number().int()),
  noise: z.record(z.string(), z.number().int()),
  alignment: z.record(z.string(), z.object({ links: z.number().int(), scoreMean: z.number() })),
  entities: z.number().int(),
});

export const QualityReport = z.object({
  ok: z.boolean(),
  rules: z.array(RuleResult),
  metrics: Metrics,
});

export type Violation = z.infer<typeof Violation>;
export type RuleResult = z.infer<typeof RuleResult>;
export type Metrics = z.infer<typeof Metrics>;
export type QualityReport = z.infer<typeof QualityReport>;

/** How many violations a report keeps per rule. */
export const KEEP = 20;

export function result(id: string, description: string, ok: boolean, value: number, limit: string, violations: Violation[]): RuleResult {
  return { id, description, status: ok ? "pass" : "fail", value, limit, count: violations.length, violations: violations.slice(0, KEEP) };
}
