import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { passageLine } from "../pipeline/emit/corpus.js";
import { corpus, readJson, root, scratch, sourcesDir } from "./helpers.js";

// A fresh build, and thresholds set at what it holds, so the rules below are judged on what a
// corruption adds (the committed output's own gate is config/quality.json, run by .ci/run).
let built: string;
let config: string;
beforeAll(() => {
  built = scratch("check-built");
  expect(corpus(["build", "--sources", sourcesDir, "--out", built]).status).toBe(0);
  corpus(["check", "--out", built]);
  const measured = readJson(join(built, "quality.json"));
  const quality = readJson(join(root, "config", "quality.json"));
  for (const rule of measured.rules.filter((r: any) => r.id.startsWith("noise."))) quality.noise[rule.id.slice(6)].max = rule.count;
  quality.structure.untitledMax = measured.rules.find((r: any) => r.id === "structure.title").count;
  config = join(scratch("check-cfg"), "quality.json");
  writeFileSync(config, JSON.stringify(quality));
});

/** A copy of the built output with one passage's text changed, in its document and in passages.jsonl. */
function corrupted(edit: (text: string) => string): { dir: string; passage: string; length: number } {
  const dir = scratch("check-bad");
  cpSync(built, dir, { recursive: true });
  const docFile = join(dir, "documents", "003_17b06f580055d9ce.json");
  const doc = readJson(docFile);
  const p = doc.passages.find((x: any) => x.kind === "paragraph" && x.text.length > 100);
  const before = p.text;
  p.text = edit(before);
  writeFileSync(docFile, `${JSON.stringify(doc, null, 2)}\n`);
  const jsonl = join(dir, "passages.jsonl");
  const lines = readFileSync(jsonl, "utf8").split("\n").map((l) => (l.includes(`"id":"${p.id}"`) ? passageLine(doc, p) : l));
  writeFileSync(jsonl, lines.join("\n"));
  return { dir, passage: p.id, length: before.length };
}

describe("corpus check", () => {
  it("passes on an output within its thresholds and writes quality.json", () => {
    const r = corpus(["check", "--out", built, "--config", config]);
    expect(r.stderr).toContain("quality rules passed");
    expect(r.status).toBe(0);
    const report = readJson(join(built, "quality.json"));
    expect(report.ok).toBe(true);
    expect(report.metrics.documents).toBe(5);
    expect(r.stdout).toMatch(/^ok\s+schema\s+0/m);
  });

  it("fails naming the rule, document, passage and span on a private-use glyph, an OCR confusion and a markup remnant", () => {
    // Appended, so the offsets of everything already in the passage stay valid.
    const { dir, passage, length } = corrupted((t) => `${t} \u{1001B0} under contro1 <sup>3</sup>`);
    const r = corpus(["check", "--out", dir, "--config", config]);
    expect(r.status).toBe(2);
    for (const rule of ["noise.private-use", "noise.ocr-confusion", "noise.markup"]) expect(r.stderr).toContain(`FAIL ${rule}`);
    expect(r.stderr).toContain(`003_17b06f580055d9ce ${passage} ${length + 1}-${length + 3}`);
    const report = readJson(join(dir, "quality.json"));
    const failed = report.rules.filter((x: any) => x.status === "fail").map((x: any) => x.id);
    expect(failed).toEqual(["noise.private-use", "noise.markup", "noise.ocr-confusion"]);
  });

  it("fails when passages.jsonl and the documents disagree, or a record breaks its schema", () => {
    const dir = scratch("check-schema");
    cpSync(built, dir, { recursive: true });
    const jsonl = join(dir, "passages.jsonl");
    writeFileSync(jsonl, readFileSync(jsonl, "utf8").replace('"kind":"paragraph"', '"kind":"chapter"'));
    const r = corpus(["check", "--out", dir, "--config", config]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("FAIL schema");
    expect(r.stderr).toContain("FAIL consistency.passages");
  });

  it("fails on a regression against a baseline", () => {
    const { dir } = corrupted((t) => `${t} \u{1001B0}`);
    const loose = readJson(config);
    loose.noise["private-use"].max += 5;
    const looseFile = join(scratch("check-loose"), "q.json");
    writeFileSync(looseFile, JSON.stringify(loose));
    expect(corpus(["check", "--out", dir, "--config", looseFile]).status).toBe(0);
    const r = corpus(["check", "--out", dir, "--config", looseFile, "--baseline", built]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/FAIL baseline\.regressions[\s\S]*noise\.private-use: \d+ → \d+/);
  });
});
