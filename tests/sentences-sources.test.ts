// Sentence splitting on the corpus itself: passages of sources/*.txt with their expected sentences
// (tests/data/sentences-{zh,en,ru}.json, decided by reading), span invariants over every block of
// every source, throughput, and the language fallbacks.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { measure, sourceBlocks } from "../bench/sentences.js";
import { sentenceTexts, splitSentences } from "../pipeline/segment/sentences.js";

interface SourceCase {
  id: string;
  source: string;
  input: string;
  expected: string[];
  note?: string;
}

function suite(lang: string): SourceCase[] {
  const file = new URL(`./data/sentences-${lang}.json`, import.meta.url);
  return (JSON.parse(readFileSync(file, "utf8")) as { cases: SourceCase[] }).cases;
}

describe.each(["zh", "en", "ru"])("source passages (%s)", (lang) => {
  const cases = suite(lang);

  test("the suite is there", () => {
    expect(cases.length).toBeGreaterThanOrEqual(lang === "zh" ? 50 : 5);
  });

  test.each(cases.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    expect(sentenceTexts(c.input, lang)).toEqual(c.expected);
  });
});

describe("every block of every source", () => {
  const blocks = sourceBlocks();

  test("spans are ordered, trimmed, non-empty and inside the text", () => {
    for (const { text, lang } of blocks) {
      let last = 0;
      for (const { start, end } of splitSentences(text, lang)) {
        expect(start).toBeGreaterThanOrEqual(last);
        expect(end).toBeGreaterThan(start);
        expect(end).toBeLessThanOrEqual(text.length);
        expect(text.slice(start, end)).toBe(text.slice(start, end).trim());
        last = end;
      }
    }
  });

  test("at least 10 MB/s on one thread", () => {
    const best = Math.max(...[1, 2, 3].map(() => measure(blocks, 10).mbPerSecond));
    console.log(`sentence splitting: ${best.toFixed(1)} MB/s over ${blocks.length} source blocks`);
    expect(best).toBeGreaterThanOrEqual(10);
  });
});

describe("rule sets by language tag", () => {
  test("a blank line always ends a sentence", () => {
    expect(sentenceTexts("第一段没有句号\n\n第二段", "zh")).toEqual(["第一段没有句号", "第二段"]);
  });

  test("spans leave out the whitespace around a sentence", () => {
    const text = "  Hello World.   My name is Jonas.\n";
    expect(splitSentences(text, "en")).toEqual([
      { start: 2, end: 14 },
      { start: 17, end: 34 },
    ]);
  });

  test("Chinese: …… ends a sentence, … does not; closing 」』 stay with it; ； does not end one", () => {
    expect(sentenceTexts("他停了一下……然后走了。", "zh")).toEqual(["他停了一下……", "然后走了。"]);
    expect(sentenceTexts("他说「走吧……」然后走了。", "zh")).toEqual(["他说「走吧……」", "然后走了。"]);
    expect(sentenceTexts("上… 下…", "zh")).toEqual(["上… 下…"]);
    expect(sentenceTexts("她说：「『好。』就这样。」我们走吧！", "zh-Hant")).toEqual(["她说：「『好。』", "就这样。」", "我们走吧！"]);
    expect(sentenceTexts("一是甲；二是乙。", "zh")).toEqual(["一是甲；二是乙。"]);
  });

  test("Kazakh, Ukrainian and und text in Cyrillic take the generic Cyrillic rules", () => {
    expect(sentenceTexts("Б.з.б. 6 – 3 ғасырларда. Т. б. мысалдар.", "kk")).toEqual(["Б.з.б. 6 – 3 ғасырларда.", "Т. б. мысалдар."]);
    expect(sentenceTexts("Див. с. 25. Це все.", "uk")).toEqual(["Див. с. 25.", "Це все."]);
    expect(sentenceTexts("Е.С. Сысоев и А. И. Семенов. Доклад на с. 25.", "und")).toEqual(["Е.С. Сысоев и А. И. Семенов.", "Доклад на с. 25."]);
  });

  test("zh-Latn (pinyin) and other Latin-script tags take the generic Latin rules", () => {
    expect(sentenceTexts("Wǒ xǐhuan Zhōngguó. Nǐ ne?", "zh-Latn")).toEqual(["Wǒ xǐhuan Zhōngguó.", "Nǐ ne?"]);
    expect(sentenceTexts("Siehe S. 25 und Vol. 5. Das ist alles.", "de")).toEqual(["Siehe S. 25 und Vol. 5.", "Das ist alles."]);
  });

  test("Han text under an unknown tag takes the Chinese rules", () => {
    expect(sentenceTexts("今日は晴れです。明日は雨です。", "ja")).toEqual(["今日は晴れです。", "明日は雨です。"]);
  });
});
