// Lexical evidence: numbers in every script, CC-CEDICT glosses, pinyin names, cognates, punctuation.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { stemTable, stemTablePath } from "../pipeline/align/build-stems.js";
import { glossStems, toneless } from "../pipeline/align/cedict.js";
import { features } from "../pipeline/align/features.js";
import { wordKeys } from "../pipeline/align/lexicon.js";
import { numberWord, sectionNumber, zhNumeral } from "../pipeline/align/numbers.js";
import { nameSkeleton } from "../pipeline/align/translit.js";

const keysOf = (text: string, lang: string, partner: string): Set<string> => new Set(features(text, lang, partner).tokens.flatMap((t) => t.keys));

describe("numbers", () => {
  it("reads Chinese numerals, section numbers and number words", () => {
    expect(zhNumeral("三十五")).toBe(35);
    expect(zhNumeral("一九九〇")).toBe(1990);
    expect(zhNumeral("两千")).toBe(2000);
    expect(zhNumeral("十六")).toBe(16);
    expect(sectionNumber("（二）")).toBe("2");
    expect(sectionNumber("IV")).toBe("4");
    expect(sectionNumber("三")).toBe("3");
    expect(numberWord("june")).toBe(6);
    expect(numberWord("июня")).toBe(6);
  });

  it("gives 16 the same key in Chinese, English and Russian abstracts of 002", () => {
    expect(keysOf("经过 16 年的发展，上海合作组织形成了五级会议决策机制", "zh", "en").has("#16")).toBe(true);
    expect(keysOf("Over the past 16 years, the Shanghai Cooperation Organization (SCO) has formed", "en", "zh").has("#16")).toBe(true);
    expect(keysOf("За 16 лет развития Шанхайской организации сотрудничества (ШОС)", "ru", "en").has("#16")).toBe(true);
  });
});

describe("CC-CEDICT", () => {
  it("keeps the content words of glosses and drops cross-references and classifiers", () => {
    const en = wordKeys("en")!;
    expect(glossStems("to cooperate; to work together/CL:個|个[ge4]", en.stem, en.isStopword)).toEqual(["cooper", "work", "togeth"]);
    expect(glossStems("Shanghai municipality (short name 滬|沪[Hu4])", en.stem, en.isStopword)).toEqual(["shanghai", "municip"]);
    expect(toneless("Shang4 hai3")).toBe("shanghai");
  });

  it("gives a Chinese word the stems of its translations", () => {
    // 003: 上海合作组织 … 安全合作 ↔ Shanghai Cooperation Organization … security cooperation
    const zh = keysOf("上海合作组织形成了安全合作框架", "zh", "en");
    const en = keysOf("the Shanghai Cooperation Organization has formed a security cooperation framework", "en", "zh");
    for (const stem of ["shanghai", "cooper", "organ", "secur", "framework"]) {
      expect(zh.has(stem)).toBe(true);
      expect(en.has(stem)).toBe(true);
    }
  });

  it("matches a Chinese name and its romanisation through pinyin", () => {
    // 003's author: 许涛 / Xu Tao
    const zh = keysOf("许涛", "zh", "en");
    expect(zh.has("py:xu") || zh.has("py:xutao")).toBe(true);
    expect(keysOf("By Xu Tao", "en", "zh").has("py:xu")).toBe(true);
  });

  it("ships a stem table equal to a fresh run of the stemmer", () => {
    expect(readFileSync(stemTablePath, "utf8")).toBe(stemTable());
  });
});

describe("English–Russian cognates and punctuation", () => {
  it("reduces names and international words to the same skeleton in both scripts", () => {
    expect(nameSkeleton("регионального")).toBe(nameSkeleton("regional"));
    expect(nameSkeleton("механизмов")).toBe(nameSkeleton("mechanisms"));
    expect(nameSkeleton("информацией")).toBe(nameSkeleton("information"));
    expect(nameSkeleton("москва")).toBe(nameSkeleton("moscow"));
    expect(nameSkeleton("шанхай")).toBe(nameSkeleton("shanghai"));
    expect(nameSkeleton("безопасности")).not.toBe(nameSkeleton("security"));
  });

  it("counts dialogue quotes but not apostrophes", () => {
    const quotes = (text: string, lang: string): number => features(text, lang, "zh").punct[2]!;
    expect(quotes("“服了么？”", "zh")).toBe(2);
    expect(quotes("'Well? Had enough? Give in?'", "en")).toBe(2);
    expect(quotes("China has become Russia's largest trade partner.", "en")).toBe(0);
  });
});
