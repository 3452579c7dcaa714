// Search terms from real lines of the sources: jieba words and bigrams for Chinese, Snowball stems
// for English and Russian, and where a word in another script goes.
import { describe, expect, it } from "vitest";
import { tokens } from "../pipeline/search/analyze.js";
import { textFields } from "../pipeline/search/fields.js";

const terms = (text: string, lang: string, field: string) => tokens(text, lang).filter((t) => t.field === field).map((t) => t.term);

describe("analyzer", () => {
  // 002, line 483 (joined with the next line by clean).
  const zh = "展活动的组织技术保障工作。地区反恐怖机构是上合组织安全合作的核心机构";

  it("cuts Han runs into jieba words whose offsets point at them, keeping registry names whole", () => {
    const words = tokens(zh, "zh").filter((t) => t.field === "zh");
    expect(words.map((t) => t.term)).toEqual(expect.arrayContaining(["地区反恐怖机构", "上合组织", "核心", "机构"]));
    for (const t of words) expect(zh.slice(t.start, t.end)).toBe(t.term);
    expect(words.map((t) => t.term).join("")).toBe(zh.replace("。", ""));
  });

  it("adds every character bigram of a Han run, so any two characters of the text can be found", () => {
    const bigrams = terms(zh, "zh", "zhBigrams");
    expect(bigrams).toEqual(expect.arrayContaining(["地区", "区反", "反恐", "恐怖", "怖机", "机构", "合作"]));
    expect(bigrams).not.toContain("作。");
    expect(bigrams).not.toContain("工作地"); // runs end at punctuation
    expect(terms("上合", "zh", "zhBigrams")).toEqual(["上合"]);
    expect(terms("年", "zh", "zhBigrams")).toEqual(["年"]);
  });

  it("stems English and drops its stopwords (002, English abstract)", () => {
    expect(terms("enforcement, legislation, and security on the basis of regional counterterrorism agencies.", "en", "en")).toEqual([
      "enforc",
      "legisl",
      "secur",
      "basi",
      "region",
      "counterterror",
      "agenc",
    ]);
  });

  it("stems Russian and drops its stopwords (002, Russian abstract)", () => {
    expect(terms("на базе Региональной антитеррористической структуры ШОС", "ru", "ru")).toEqual(["баз", "региональн", "антитеррористическ", "структур", "шос"]);
    // 002, footnote ③: ё is folded to е before stemming, so идёт and идет meet.
    expect(terms("идёт процесс политизации ислама", "ru", "ru")).toEqual(terms("идет процесс политизации ислама", "ru", "ru"));
  });

  it("sends Latin words in Chinese text to English and numbers to other (002, footnote ④)", () => {
    const t = "上海合作组织地区反恐怖机构执委会主任张新枫：《上合组织执法安全合作成果显著 重点打击“三股势力”》，2013 年 9 月 11 日";
    expect(terms(t, "zh", "other")).toEqual(["2013", "9", "11"]);
    expect(terms("中国新安全观与上合组织 SCO", "zh", "en")).toEqual(["sco"]);
  });

  it("keeps words of a language without a stemmer whole, in other, and folds fullwidth digits (004, p25, Italian-tagged)", () => {
    const t = "Bernardo Mariani,China’sRoleandInterestsin CentralAsia (London:Saferworld, ２０１３)";
    const fields = textFields({ text: t, lang: "it", langSpans: [] });
    expect(fields.other.split(" ")).toEqual(["bernardo", "mariani", "china", "sroleandinterestsin", "centralasia", "london", "saferworld", "2013"]);
    expect(fields.en).toBe("");
  });

  it("uses the language span around a word: a Russian span in a Chinese passage is stemmed as Russian", () => {
    const t = "见 «Стратегия развития ШОС» 一文";
    const start = t.indexOf("«");
    const fields = textFields({ text: t, lang: "zh", langSpans: [{ start, end: t.indexOf("»") + 1, lang: "ru" }] });
    expect(fields.ru).toBe("стратег развит шос");
    expect(fields.zh).toBe("见 一文");
  });
});
