// The banded dynamic programme: best path, band widening, and bead posteriors.
import { describe, expect, it } from "vitest";
import { bestPath, pathCentre, type BeadShape } from "../pipeline/align/dp.js";

const SHAPES: BeadShape[] = [[1, 1], [1, 0], [0, 1], [1, 2], [2, 1]];

/** A scorer that rewards the beads of a given path and penalises everything else. */
function rewarding(path: [number, number, number, number][]) {
  const good = new Set(path.map((b) => b.join(",")));
  return (i: number, j: number, a: number, b: number): number => (good.has([i, j, a, b].join(",")) ? 1 : -3 - a - b);
}

describe("bestPath", () => {
  it("follows the best-scoring beads", () => {
    const score = rewarding([[0, 0, 1, 2], [1, 2, 1, 1], [2, 3, 2, 1]]);
    const path = bestPath(4, 4, SHAPES, score);
    expect(path.map((b) => [b.src, b.tgt])).toEqual([[[0], [0, 1]], [[1], [2]], [[2, 3], [3]]]);
  });

  it("widens the band when the path leaves the diagonal", () => {
    // 60 target sentences without source come first: the path runs far from the diagonal of a 100 × 160 grid.
    const beads: [number, number, number, number][] = Array.from({ length: 60 }, (_, k) => [0, k, 0, 1]);
    for (let i = 0; i < 100; i++) beads.push([i, 60 + i, 1, 1]);
    const path = bestPath(100, 160, SHAPES, rewarding(beads), { width: 4 });
    expect(path.length).toBe(160);
    expect(path.slice(0, 60).every((b) => b.src.length === 0)).toBe(true);
    expect(path[60]).toMatchObject({ src: [0], tgt: [60] });
  });

  it("gives each bead its posterior probability", () => {
    // One sentence each side: either a 1-1 bead (score s) or a 1-0 and a 0-1 bead (scores u + v).
    const s = -1;
    const u = -2;
    const v = -0.5;
    const score = (_i: number, _j: number, a: number, b: number): number => (a === 1 && b === 1 ? s : a === 1 ? u : v);
    const T = 1.5;
    const [bead] = bestPath(1, 1, [[1, 1], [1, 0], [0, 1]], score, { temperature: T });
    // The 0-1 then 1-0 order is a second path with the same weight as 1-0 then 0-1.
    const expected = Math.exp(s / T) / (Math.exp(s / T) + 2 * Math.exp((u + v) / T));
    expect(bead!.score).toBeCloseTo(expected, 10);
  });

  it("turns a path into a band centre that passes through its bead corners", () => {
    const centre = pathCentre([{ src: [0], tgt: [0, 1], score: 0 }, { src: [1, 2], tgt: [2], score: 0 }], 3);
    expect([...centre]).toEqual([0, 2, 2.5, 3]);
  });
});
