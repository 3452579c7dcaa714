// The same golden rules through the CLI (`corpus split`), the way the issue measures them.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { corpus } from "./helpers.js";

interface SbdCase { set: string; input: string; expected: string[] }

const cases = (lang: string, set: string) =>
  (JSON.parse(readFileSync(new URL(`./data/sbd/${lang}.json`, import.meta.url), "utf8")) as { cases: SbdCase[] }).cases.filter((c) => c.set === set);

function score(lang: string, set: string): { passed: number; total: number } {
  const suite = cases(lang, set);
  const r = corpus(["split", "--lang", lang], suite.map((c) => JSON.stringify({ text: c.input })).join("\n") + "\n");
  expect(r.status).toBe(0);
  const lines = r.stdout.trim().split("\n").map((l) => (JSON.parse(l) as { sentences: string[] }).sentences);
  expect(lines.length).toBe(suite.length);
  const trim = (s: string[]) => JSON.stringify(s.map((x) => x.trim()).filter(Boolean));
  return { passed: suite.filter((c, i) => trim(lines[i]!) === trim(c.expected)).length, total: suite.length };
}

describe("corpus split", () => {
  it.each([
    ["en", "golden", 44],
    ["ru", "more", 37],
    ["zh", "golden", 2],
  ] as const)("%s %s through the CLI: at least %i", (lang, set, floor) => {
    const { passed, total } = score(lang, set);
    console.log(`corpus split ${lang} ${set}: ${passed}/${total}`);
    expect(passed).toBeGreaterThanOrEqual(floor);
  });

  it("answers one line per input line, in order, and refuses a line that is not {text}", () => {
    const r = corpus(["split", "--lang", "zh"], '{"text":"上合组织成立十余年来发挥了重要作用。中亚地区的安全形势出现了动荡！"}\n{"text":""}\n');
    expect(r.stdout).toBe('{"sentences":["上合组织成立十余年来发挥了重要作用。","中亚地区的安全形势出现了动荡！"]}\n{"sentences":[]}\n');
    const bad = corpus(["split", "--lang", "en"], "not json\n");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("line 1");
    expect(corpus(["split"]).status).toBe(1);
  });
});
