// The sentence aligner on the corpus's own abstracts (real sentences, hand-checked alignments).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { alignSentences } from "../pipeline/align/aligner.js";
import type { Bead } from "../pipeline/align/dp.js";
import { root } from "./helpers.js";

type Abstracts = Record<string, { abstracts: Record<string, string[]> }>;
const data = JSON.parse(readFileSync(join(root, "tests/data/align/abstracts.json"), "utf8")) as Abstracts;
const abstract = (doc: string, lang: string): string[] => data[doc]!.abstracts[lang]!;
const shape = (beads: Bead[]): string => beads.map((b) => `[${b.src}]:[${b.tgt}]`).join(" ");

describe("sentence aligner", () => {
  it("aligns the zh–en abstracts of 003 one to one", () => {
    const beads = alignSentences(abstract("003", "zh"), abstract("003", "en"), "zh", "en");
    expect(shape(beads)).toBe("[0]:[0] [1]:[1] [2]:[2] [3]:[3] [4]:[4]");
    for (const b of beads) expect(b.score).toBeGreaterThan(0.9);
  });

  it("finds the English split of 002's first Chinese sentence (1-2)", () => {
    // 经过 16 年的发展…形成了…基本合作内容。 = "Over the past 16 years…" + "These achievements have aided…"
    expect(shape(alignSentences(abstract("002", "zh"), abstract("002", "en"), "zh", "en"))).toBe("[0]:[0,1] [1]:[2] [2]:[3]");
  });

  it("aligns en–ru by length, numbers and cognates (регионального / regional)", () => {
    expect(shape(alignSentences(abstract("002", "en"), abstract("002", "ru"), "en", "ru"))).toBe("[0]:[0] [1]:[1] [2]:[2] [3]:[3]");
  });

  it("gives the mirrored alignment when the languages are swapped", () => {
    const forward = alignSentences(abstract("002", "zh"), abstract("002", "en"), "zh", "en");
    const backward = alignSentences(abstract("002", "en"), abstract("002", "zh"), "en", "zh");
    expect(shape(backward)).toBe(shape(forward.map((b) => ({ src: b.tgt, tgt: b.src, score: b.score }))));
  });

  it("leaves a sentence without translation unaligned and keeps the rest right", () => {
    // 003's third English sentence removed: its Chinese sentence has nothing to pair with.
    const en = abstract("003", "en").filter((_, j) => j !== 2);
    const beads = alignSentences(abstract("003", "zh"), en, "zh", "en");
    expect(shape(beads.filter((b) => b.src.length > 0 && b.tgt.length > 0 && !b.src.includes(2)))).toBe("[0]:[0] [1]:[1] [3]:[2] [4]:[3]");
  });

  it("scores every bead in [0, 1]", () => {
    const beads = alignSentences(abstract("002", "zh"), abstract("002", "ru"), "zh", "ru");
    for (const b of beads) {
      expect(b.score).toBeGreaterThanOrEqual(0);
      expect(b.score).toBeLessThanOrEqual(1);
    }
  });
});
