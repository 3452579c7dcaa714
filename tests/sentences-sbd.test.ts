// pySBD's golden rules (tests/data/sbd, MIT): a case passes when the trimmed sentence lists match
// exactly. The floors are the targets set for the splitter; every npm splitter measured scores
// below them (en golden ≤ 31, ru more ≤ 33, zh ≤ 2, kk ≤ 12, en no-clean ≤ 8, en regression ≤ 11).
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { sentenceTexts } from "../pipeline/segment/sentences.js";

interface SbdCase {
  id: string;
  set: string;
  input: string;
  expected: string[];
  rule?: string;
}

const SUITES = [
  { lang: "en", set: "golden", floor: 44 },
  { lang: "en", set: "pragmatic_no_clean", floor: 9 },
  { lang: "en", set: "regression", floor: 11 },
  { lang: "ru", set: "more", floor: 37 },
  { lang: "zh", set: "golden", floor: 2 },
  { lang: "kk", set: "golden", floor: 13 },
];

function cases(lang: string, set: string): SbdCase[] {
  const file = new URL(`./data/sbd/${lang}.json`, import.meta.url);
  return (JSON.parse(readFileSync(file, "utf8")) as { cases: SbdCase[] }).cases.filter((c) => c.set === set);
}

const trimmed = (sentences: string[]) => sentences.map((s) => s.trim()).filter((s) => s !== "");

describe("pySBD golden rules", () => {
  test.each(SUITES)("$lang $set: at least $floor", ({ lang, set, floor }) => {
    const suite = cases(lang, set);
    const failures = suite.flatMap((c) => {
      const got = trimmed(sentenceTexts(c.input, lang));
      const want = trimmed(c.expected);
      return JSON.stringify(got) === JSON.stringify(want) ? [] : [{ id: c.id, rule: c.rule, want, got }];
    });
    const passed = suite.length - failures.length;
    console.log(`sbd ${lang} ${set}: ${passed}/${suite.length}`);
    for (const f of failures) {
      console.log(`  ✗ ${f.id}${f.rule ? ` (${f.rule})` : ""}\n    want ${JSON.stringify(f.want)}\n    got  ${JSON.stringify(f.got)}`);
    }
    expect(passed).toBeGreaterThanOrEqual(floor);
  });
});
