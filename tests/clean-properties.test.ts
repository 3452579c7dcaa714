// Properties of the clean stage: every source character is kept, changed by a named rule or removed
// by a named rule (on random documents made of real lines and the noise the sources show); cleaning
// clean text changes nothing; a Traditional-Chinese copy of a source reads as the original.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { Converter } from "opencc-js/cn2t";
import { describe, expect, it } from "vitest";
import { clean } from "../pipeline/clean/index.js";
import { loadConfig } from "../pipeline/config.js";
import { emptyDoc, type WorkDoc } from "../pipeline/model/work.js";
import { processSource } from "../pipeline/run/process.js";

const sourcesDir = new URL("../sources/", import.meta.url).pathname;
// The development set of another publisher (../shared/corpus-dev, CC BY 4.0), where it is checked out.
const devDir = new URL("../../shared/corpus-dev/chinaxiv/", import.meta.url).pathname;
const files = [
  ...readdirSync(sourcesDir).filter((f) => f.endsWith(".txt")).map((f) => sourcesDir + f),
  ...(existsSync(devDir) ? readdirSync(devDir).filter((f) => f.endsWith(".md")).map((f) => devDir + f) : []),
];
const texts = files.map((f) => readFileSync(f, "utf8"));

function run(text: string): WorkDoc {
  const info = { path: "x.txt", sha256: "0".repeat(64), encoding: "utf-8" as const, bom: false, lineEndings: "lf" as const, bytes: text.length, chars: text.length };
  return clean(emptyDoc("x", info, text, {}), {} as never);
}

/** Deterministic pseudo-random numbers (mulberry32), so that a failing document can be rebuilt. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Noise the sources show: glyphs, markers, markup, furniture, odd spaces and line ends. */
const NOISE = ["\u{1001B0}", "\u{100170}", "Ｇ", "\u200B", "\u00AD", "\u3000", "\u2006", "①", "<sup>②</sup>", "$^{3}$", "$\\textcircled{4}$", "**", "[5]",
  "２", "———", "…", "l0", "O", "\t", "  ", " ", "●", "}", "；", "«", "»", "(", "）", "http://www.", "-", "$", "\\_", "<b>", "#"];
const LINES = ["", "", "\n", "---", "１２", "  ", "$$", "①", "![](images/x.jpg)", "<html><body><table><tr><td>1</td></tr></table></body></html>", "绪 论 .....\t(1)"];

function randomDocument(next: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const out: string[] = [];
  const lines = Math.floor(next() * 40) + 1;
  for (let i = 0; i < lines; i++) {
    if (next() < 0.25) {
      out.push(pick(LINES));
      continue;
    }
    const source = pick(texts).split("\n");
    let line = pick(source);
    for (let k = Math.floor(next() * 4); k > 0; k--) {
      const at = Math.floor(next() * (line.length + 1));
      line = line.slice(0, at) + pick(NOISE) + line.slice(at);
    }
    out.push((next() < 0.2 ? " " : "") + line);
  }
  return out.join(next() < 0.5 ? "\n" : "\n\n");
}

/** Blocks and dropped pieces tile the source; kept pieces are source; every change names its rule. */
function audit(text: string, doc: WorkDoc): void {
  const pieces = [...doc.blocks.flatMap((b) => b.tracked.pieces), ...doc.dropped].sort((a, b) => a.start - b.start || a.end - b.end);
  let pos = 0;
  for (const p of pieces) {
    expect(p.start).toBe(pos);
    if (p.rule === null) expect(p.text).toBe(text.slice(p.start, p.end));
    else expect(p.rule).toMatch(/^clean\.[a-z]+(?:-[a-z]+)*$/);
    pos = p.end;
  }
  expect(pos).toBe(text.length);
  for (const b of doc.blocks) {
    expect(b.tracked.text).not.toMatch(/\n/);
    expect(b.tracked.text).not.toBe("");
  }
}

describe("every source character is kept, changed or removed by a named rule", () => {
  it("holds on the sources and the development documents", () => {
    for (const text of texts) audit(text, run(text));
  });

  it("holds on 300 random documents of real lines and noise", () => {
    const next = random(20240522);
    for (let i = 0; i < 300; i++) {
      const text = randomDocument(next);
      audit(text, run(text));
    }
  });
});

describe("cleaning clean text changes nothing", () => {
  it("gives every passage of the sources and development documents back unchanged, without edits", () => {
    const changed: string[] = [];
    for (const text of texts) {
      for (const block of run(text).blocks) {
        const again = run(block.tracked.text);
        const same = again.blocks.length === 1 && again.blocks[0]!.tracked.text === block.tracked.text && again.blocks[0]!.tracked.edits(null).length === 0;
        if (!same) changed.push(block.tracked.text);
      }
    }
    expect(changed).toEqual([]);
  });

  it("gives a document made of the clean passages (one per paragraph) back as the same passages", () => {
    for (const text of texts) {
      const passages = run(text).blocks.map((b) => b.tracked.text);
      const again = run(passages.join("\n\n"));
      expect(again.blocks.map((b) => b.tracked.text)).toEqual(passages);
      expect(again.blocks.flatMap((b) => b.tracked.edits(null))).toEqual([]);
    }
  });
});

describe("a Traditional-Chinese copy of a source", () => {
  const config = loadConfig().config;
  const toTraditional = Converter({ from: "cn", to: "tw" });
  const build = (text: string) => {
    const outcome = processSource({ docId: "x", path: "x.txt", bytes: new TextEncoder().encode(text), config });
    if (!outcome.ok) throw new Error(outcome.reason);
    return outcome.document;
  };

  it("gives the same Simplified passages, title and abstracts as the original (002, 003)", () => {
    for (const name of ["002_898bfd35dbb91d39.txt", "003_17b06f580055d9ce.txt"]) {
      const original = readFileSync(sourcesDir + name, "utf8");
      const copy = toTraditional(original);
      expect(copy).not.toBe(original);
      expect(run(copy).blocks.map((b) => b.tracked.text)).toEqual(run(original).blocks.map((b) => b.tracked.text));
      const [a, b] = [build(original), build(copy)];
      expect(b.metadata.script).toBe("Hant");
      expect(b.metadata.title).toEqual(a.metadata.title);
      expect(b.abstracts.map((x) => x.text)).toEqual(a.abstracts.map((x) => x.text));
    }
  });
});
