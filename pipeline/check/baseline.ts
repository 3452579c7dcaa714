// Regressions against a previous output: metrics that moved the wrong way beyond their tolerance.
import type { QualityConfig } from "./config.js";
import { result, type Metrics, type RuleResult, type Violation } from "./report.js";

type Direction = "higher-better" | "lower-better" | "stable";

export function compareBaseline(now: Metrics, before: Metrics, config: QualityConfig): RuleResult {
  const tol = config.baseline.tolerances;
  const found: Violation[] = [];
  const compare = (metric: string, a: number, b: number, direction: Direction, tolerance = tol[metric.split(".")[0]!] ?? 0) => {
    const change = b === 0 ? (a === 0 ? 0 : 1) : (a - b) / Math.abs(b);
    const worse = direction === "higher-better" ? -change : direction === "lower-better" ? change : Math.abs(change);
    const absolute = direction === "lower-better" && b === 0 ? a : null; // new noise where there was none
    if (worse > tolerance || (absolute !== null && absolute > tolerance)) {
      found.push({ doc: null, passage: null, span: null, text: `${metric}: ${b} → ${a}` });
    }
  };
  compare("passages", now.passages, before.passages, "stable");
  compare("footnotes", now.footnotes, before.footnotes, "higher-better");
  compare("footnotesAnchored", now.footnotesAnchored, before.footnotesAnchored, "higher-better");
  compare("entities", now.entities, before.entities, "higher-better");
  for (const [lang, n] of Object.entries(before.abstracts)) compare(`abstracts.${lang}`, now.abstracts[lang] ?? 0, n, "higher-better");
  for (const rule of Object.keys({ ...before.noise, ...now.noise })) compare(`noise.${rule}`, now.noise[rule] ?? 0, before.noise[rule] ?? 0, "lower-better");
  for (const [scope, b] of Object.entries(before.alignment)) {
    const a = now.alignment[scope] ?? { links: 0, scoreMean: 0 };
    compare(`alignmentScoreMean.${scope}`, a.scoreMean, b.scoreMean, "higher-better");
    compare(`alignmentLinks.${scope}`, a.links, b.links, "higher-better");
  }
  return result("baseline.regressions", "no metric regressed beyond its tolerance against the baseline", found.length === 0, found.length, "0", found);
}
