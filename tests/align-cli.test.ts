// `corpus align` on pre-split text (one sentence per line), through the compiled CLI.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { corpus, root, scratch } from "./helpers.js";

const data = JSON.parse(readFileSync(join(root, "tests/data/align/abstracts.json"), "utf8")) as Record<string, { abstracts: Record<string, string[]> }>;
const lines = (doc: string, lang: string): string => `${data[doc]!.abstracts[lang]!.join("\n")}\n`;

describe("corpus align", () => {
  it("aligns two files and prints one bead per line", () => {
    const dir = scratch("align");
    writeFileSync(join(dir, "zh.txt"), lines("002", "zh"));
    writeFileSync(join(dir, "en.txt"), lines("002", "en"));
    const r = corpus(["align", "--src-lang", "zh", "--tgt-lang", "en", "--src", join(dir, "zh.txt"), "--tgt", join(dir, "en.txt")]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("[0]:[0, 1]\n[1]:[2]\n[2]:[3]\n");
  });

  it("aligns same-named files of two directories into <name>.align files", () => {
    const dir = scratch("align-dir");
    for (const lang of ["zh", "en"]) mkdirSync(join(dir, lang));
    for (const doc of ["002", "003"]) {
      writeFileSync(join(dir, "zh", `${doc}.txt`), lines(doc, "zh"));
      writeFileSync(join(dir, "en", `${doc}.txt`), lines(doc, "en"));
    }
    const out = join(dir, "out");
    const r = corpus(["align", "--src-lang", "zh", "--tgt-lang", "en", "--src", join(dir, "zh"), "--tgt", join(dir, "en"), "--out", out]);
    expect(r.status).toBe(0);
    expect(readFileSync(join(out, "003.align"), "utf8")).toBe("[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[3]\n[4]:[4]\n");
    expect(readFileSync(join(out, "002.align"), "utf8")).toBe("[0]:[0, 1]\n[1]:[2]\n[2]:[3]\n");
  });

  it("rejects a file paired with a directory, and a directory without --out", () => {
    const dir = scratch("align-bad");
    writeFileSync(join(dir, "zh.txt"), lines("003", "zh"));
    const mixed = corpus(["align", "--src-lang", "zh", "--tgt-lang", "en", "--src", join(dir, "zh.txt"), "--tgt", dir]);
    expect(mixed.status).toBe(1);
    expect(mixed.stderr).toMatch(/both be files or both be directories/);
    const noOut = corpus(["align", "--src-lang", "zh", "--tgt-lang", "en", "--src", dir, "--tgt", dir]);
    expect(noOut.status).toBe(1);
    expect(noOut.stderr).toMatch(/--out DIR is required/);
  });
});
