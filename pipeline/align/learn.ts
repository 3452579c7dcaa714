// The second pass's dictionary: word pairs that keep co-occurring in the confident beads of the
// first pass (names the dictionary lacks, a translator's habitual renderings). Association is the
// Dice coefficient over beads; a source word is linked to the target forms it best associates with.
import type { Features } from "./features.js";
import type { Params } from "./score.js";

export interface FeaturedBead {
  src: Features[];
  tgt: Features[];
}

/** Source form → target forms (which are keys of the target tokens). */
export function learnTranslations(beads: readonly FeaturedBead[], params: Params): Map<string, string[]> {
  const srcCount = new Map<string, number>();
  const tgtCount = new Map<string, number>();
  const sets = beads.map((bead) => ({
    src: new Set(bead.src.flatMap((f) => f.tokens.map((t) => t.form))),
    tgt: new Set(bead.tgt.flatMap((f) => f.tokens.map((t) => t.form))),
  }));
  for (const { src, tgt } of sets) {
    for (const s of src) srcCount.set(s, (srcCount.get(s) ?? 0) + 1);
    for (const t of tgt) tgtCount.set(t, (tgtCount.get(t) ?? 0) + 1);
  }
  // Words seen fewer times than the minimum can never co-occur often enough: skip them.
  const frequent = (counts: Map<string, number>, forms: Set<string>): string[] =>
    [...forms].filter((f) => counts.get(f)! >= params.learnMinCount);
  const joint = new Map<string, Map<string, number>>();
  for (const { src, tgt } of sets) {
    const targets = frequent(tgtCount, tgt);
    for (const s of frequent(srcCount, src)) {
      let row = joint.get(s);
      if (!row) joint.set(s, (row = new Map()));
      for (const t of targets) row.set(t, (row.get(t) ?? 0) + 1);
    }
  }
  const learned = new Map<string, string[]>();
  for (const [s, row] of joint) {
    const links: string[] = [];
    for (const [t, n] of row) {
      if (n < params.learnMinCount) continue;
      const dice = (2 * n) / (srcCount.get(s)! + tgtCount.get(t)!);
      if (dice >= params.learnMinDice) links.push(t);
    }
    if (links.length > 0) learned.set(s, links.sort());
  }
  return learned;
}
