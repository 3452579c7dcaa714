// Language of passages and inline spans, checked on real passages of the sources. A passage is a
// blank-line-separated block with its line breaks joined: without a space next to CJK, else with one.
// Sentences that are not in the sources are marked "constructed".
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { francAll } from "franc";
import { describe, expect, it } from "vitest";
import { languageSpans, passageLanguage } from "../pipeline/segment/lang.js";
import { letterCounts } from "../pipeline/segment/scripts.js";
import { francScores } from "../pipeline/segment/trigrams.js";

const SOURCES = join(import.meta.dirname, "..", "sources");
const FILES = readdirSync(SOURCES).filter((f) => f.endsWith(".txt")).sort();
const CJK = /[\u3000-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uFF00-\uFF60]/;

interface Block {
  line: number; // 1-based first line
  last: number; // 1-based last line
  text: string;
}

function blocks(raw: string): Block[] {
  const out: Block[] = [];
  let open: { line: number; parts: string[]; last: number } | null = null;
  raw.split("\n").forEach((line, i) => {
    if (line.trim() === "") {
      if (open) out.push(close(open));
      open = null;
    } else if (open) {
      open.parts.push(line.trim());
      open.last = i + 1;
    } else open = { line: i + 1, parts: [line.trim()], last: i + 1 };
  });
  if (open) out.push(close(open));
  return out;
}

function close(b: { line: number; parts: string[]; last: number }): Block {
  const text = b.parts.reduce((acc, next) =>
    CJK.test(acc.at(-1) ?? "") || CJK.test(next[0] ?? "") ? acc + next : `${acc} ${next}`,
  );
  return { line: b.line, last: b.last, text };
}

const bySource = new Map(FILES.map((f) => [f.slice(0, 3), blocks(readFileSync(join(SOURCES, f), "utf8"))]));

/** The passage of source `id` ("000".."004") that holds 1-based line `line`. */
function passage(id: string, line: number): string {
  const block = (bySource.get(id) ?? []).find((b) => b.line <= line && line <= b.last);
  if (!block) throw new Error(`no passage at ${id}:${line}`);
  return block.text;
}

function spans(text: string, lang?: string): [string, string][] {
  return languageSpans(text, lang).map((s) => [text.slice(s.start, s.end), s.lang]);
}

describe("passageLanguage", () => {
  it("tags the book's pinyin title line zh-Latn", () => {
    const title = passage("000", 9);
    expect(title).toBe("SHANGHAI HEZUO ZUZHI FANGWU ANQUAN HEZUO YANJIU");
    expect(passageLanguage(title)).toBe("zh-Latn");
  });

  it("tags toned and toneless pinyin sentences zh-Latn (constructed)", () => {
    expect(passageLanguage("Wǒmen shì Zhōngguó rén.")).toBe("zh-Latn");
    expect(passageLanguage("Zhongguo renmin jiefangjun shi yi zhi qiangda de jundui")).toBe("zh-Latn");
    expect(passageLanguage("Xi Jinping")).toBe("zh-Latn");
  });

  it("does not take English for pinyin", () => {
    // constructed: every word but "ago" splits into pinyin syllables
    expect(passageLanguage("He long ago made a change")).toBe("en");
    expect(passageLanguage("She can make the same game")).toBe("en");
    // real: a short English title, a byline with a pinyin name, a keyword line
    expect(passageLanguage(passage("001", 370))).toBe("en"); // Pragmatic Regional Security Cooperation
    expect(passageLanguage(passage("003", 156))).toBe("en"); // *By Xu Tao*
    expect(passageLanguage(passage("003", 154))).toBe("en"); // # **China's New Security Concept and …**
  });

  it("tags the English abstracts en", () => {
    const abstract = passage("002", 1252);
    expect(abstract).toMatch(/^Abstract: Over the past 16 years/);
    expect(passageLanguage(abstract)).toBe("en");
    expect(passageLanguage(passage("003", 158))).toBe("en");
    // English set with Chinese fullwidth punctuation: "areas，with their security cooperation"
    expect(passageLanguage(passage("001", 374))).toBe("en");
  });

  it("keeps English references OCR'd without spaces en", () => {
    const ref = passage("004", 564); // ① T􀆰V􀆰Paul,RestrainingGreatPowers:SoftBalancing…
    expect(passageLanguage(ref)).toBe("en");
    expect(passageLanguage(passage("004", 746))).toBe("en"); // PartnersorEternalFriends?”TheCentralAsia…
  });

  it("tags the Russian abstract, title and references ru", () => {
    expect(passageLanguage(passage("002", 1248))).toBe("ru"); // Сотрудничество в области безопасности в рамках ШОС
    expect(passageLanguage(passage("002", 1236))).toBe("ru"); // 【Аннотация】За 16 лет развития …
    const reference = passage("002", 238); // ② Антон Евстратов，« Салафизм в России и СНГ»，… http://www.iran.ru/…
    expect(passageLanguage(reference)).toBe("ru");
  });

  it("tags Chinese paragraphs zh, also with Russian and English inside", () => {
    expect(passageLanguage(passage("003", 39))).toBe("zh");
    expect(passageLanguage(passage("000", 192))).toBe("zh"); // footnote with an English citation
    expect(passageLanguage(passage("001", 1))).toBe("zh");
  });

  it("returns und when there is nothing to judge", () => {
    expect(passageLanguage(passage("004", 596))).toBe("und"); // ０１
    expect(passageLanguage(passage("004", 76))).toBe("und"); // ２ ②
    expect(passageLanguage(passage("000", 35))).toBe("und"); // ---
    expect(passageLanguage("1 700 — 78.3%")).toBe("und");
    expect(passageLanguage(passage("002", 1059))).toBe("und"); // a URL split over two lines
  });

  it("tags Kazakh and Ukrainian by their letters (constructed)", () => {
    expect(passageLanguage("Шанхай ынтымақтастық ұйымы аймақтық қауіпсіздікті нығайтуда маңызды рөл атқарады.")).toBe("kk");
    expect(passageLanguage("Шанхайська організація співробітництва відіграє важливу роль у забезпеченні регіональної безпеки.")).toBe("uk");
    // a Kazakh place name does not make a Russian sentence Kazakh
    expect(passageLanguage("Саммит Шанхайской организации сотрудничества прошёл в Астане, столице Республики Казахстан (Қазақстан).")).toBe("ru");
  });

  it("lets franc pick other Latin languages when it is confident (constructed)", () => {
    expect(passageLanguage("Die Zusammenarbeit im Bereich der Sicherheit ist ein wichtiger Teil der Beziehungen zwischen China und Russland.")).toBe("de");
    expect(passageLanguage("La coopération en matière de sécurité est une partie importante des relations entre la Chine et la Russie.")).toBe("fr");
  });
});

describe("languageSpans", () => {
  it("finds Russian inside Chinese", () => {
    expect(spans(passage("003", 39))).toEqual([["Шанхайский процесс", "ru"]]);
    expect(spans(passage("003", 83))).toEqual([["Сысоев Е.С.", "ru"]]);
  });

  it("finds English inside Chinese, without brackets, quotes or trailing punctuation", () => {
    expect(spans(passage("004", 36))).toEqual([["SCO Way", "en"]]);
    expect(spans(passage("000", 164))).toEqual([["CIS", "en"]]);
    expect(spans(passage("003", 139))).toEqual([["Vladimir Imamovich Norov", "en"]]);
    expect(spans(passage("004", 294))).toEqual([
      ["AlexanderWendt", "en"],
      ["thinrecognition", "en"],
      ["thickrecognition", "en"],
    ]);
  });

  it("spans an English citation in a Chinese footnote, but not its link", () => {
    const gill = passage("000", 192);
    expect(passageLanguage(gill)).toBe("zh");
    expect(spans(gill)).toEqual([["Bates Gill, Shanghai Five: An Attempt to Counter US Influence in Asia, Newsweek Korea, May", "en"]]);
    expect(spans(passage("000", 194))).toEqual([["Frederic Starr, The United States, Afghanistan and Central Asia", "en"]]);
  });

  it("makes no span of single letters, Roman numerals, units or links", () => {
    expect(spans(passage("000", 30))).toEqual([]); // I. ①上… II. ①钱… III. … IV. ①D814.1 ②D815.5
    expect(spans(passage("003", 15))).toEqual([]); // **【文献标识码】**A
    expect(spans(passage("003", 95))).toEqual([]); // …，file:///C:/Users/lenovo/AppData/…pdf。
    expect(spans(passage("002", 229))).toEqual([]); // Russian reference with URLs
    expect(spans("全长 3000 km，约占 45%。")).toEqual([]); // constructed
  });

  it("finds Chinese inside English and Russian passages", () => {
    const english = passage("004", 612); // …pp􀆰１６３Ｇ１７２􀆰 (２)中国、俄罗斯—中亚国家—美国
    expect(passageLanguage(english)).toBe("en");
    expect(spans(english, "en")).toEqual([["中国、俄罗斯—中亚国家—美国", "zh"]]);
    const russian = passage("002", 572); // a Russian reference merged with the next page's Chinese
    expect(passageLanguage(russian)).toBe("ru");
    expect(spans(russian)).toEqual([["上海公约》（2001 年 6 月 15 日），《上海合作组", "zh"]]);
  });

  it("tags pinyin, Kazakh and acronym runs by their own language (constructed)", () => {
    expect(spans("上海合作组织（Shanghai Hezuo Zuzhi）成立于2001年。")).toEqual([["Shanghai Hezuo Zuzhi", "zh-Latn"]]);
    expect(spans("哈萨克斯坦（Қазақстан Республикасы）是上合组织成员国。")).toEqual([["Қазақстан Республикасы", "kk"]]);
    expect(spans("上合组织地区反恐怖机构（RATS）与集体安全条约组织（CSTO）")).toEqual([
      ["RATS", "en"],
      ["CSTO", "en"],
    ]);
  });

  it("crosses Latin and Cyrillic the other way round (constructed)", () => {
    expect(spans("The so-called Shanghai process (Шанхайский процесс) began in 1996.")).toEqual([["Шанхайский процесс", "ru"]]);
    expect(spans("Шанхайская организация сотрудничества (SCO) и ОДКБ (CSTO)")).toEqual([
      ["SCO", "en"],
      ["CSTO", "en"],
    ]);
  });

  it("returns sorted, non-overlapping, non-empty spans on every passage", () => {
    for (const list of bySource.values()) {
      for (const { text } of list) {
        let last = 0;
        for (const s of languageSpans(text)) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.end).toBeLessThanOrEqual(text.length);
          last = s.end;
        }
      }
    }
  });

  it("stays linear on megabytes of text", () => {
    const all = FILES.map((f) => readFileSync(join(SOURCES, f), "utf8")).join(" ").replace(/\s+/g, " ").repeat(8);
    const started = performance.now();
    const lang = passageLanguage(all);
    const found = languageSpans(all, lang);
    expect(lang).toBe("zh");
    expect(found.length).toBeGreaterThan(100);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe("all passages of the sources", () => {
  const letters = (text: string, script: RegExp): number => text.match(script)?.length ?? 0;
  // Links and paths are not language: leave them out when judging what a block "consists of".
  const words = (text: string): string => text.replace(/\S*(?:[/@]|www\.)\S*/g, " ");

  it("tags Han passages zh and Cyrillic passages ru/kk/uk", () => {
    const distribution: Record<string, Record<string, number>> = {};
    for (const [id, list] of bySource) {
      const counts: Record<string, number> = {};
      for (const block of list) {
        const lang = passageLanguage(block.text);
        counts[lang] = (counts[lang] ?? 0) + 1;
        const plain = words(block.text);
        const all = letters(plain, /\p{L}/gu);
        const han = letters(plain, /\p{Script=Han}/gu);
        const cyrillic = letters(plain, /\p{Script=Cyrillic}/gu);
        const where = `${id}:${block.line} ${block.text.slice(0, 60)}`;
        if (all > 0 && han >= 0.8 * all) expect(lang, where).toBe("zh");
        if (cyrillic > 0 && cyrillic === all) expect(["ru", "kk", "uk"], where).toContain(lang);
      }
      distribution[id] = counts;
    }
    console.log("passage languages per source:", JSON.stringify(distribution, null, 1));
    expect(Object.keys(distribution)).toHaveLength(5);
  });

  it("tags the whole English translation of 001 en, but its pinyin author line", () => {
    const translation = (bySource.get("001") ?? []).filter((b) => b.line >= 370);
    expect(translation.length).toBeGreaterThan(100);
    for (const block of translation) {
      const expected = block.text === "Ouyang W ei" ? "zh-Latn" : "en";
      expect(passageLanguage(block.text), `001:${block.line} ${block.text.slice(0, 60)}`).toBe(expected);
    }
  });
});

describe("francScores", () => {
  const candidates = JSON.parse(readFileSync(join(import.meta.dirname, "..", "config", "lang", "candidates.json"), "utf8")) as { languages: Record<string, string> };
  const only = Object.keys(candidates.languages);

  it("gives francAll's very scores on every passage of the sources, whichever script is expected", () => {
    let checked = 0;
    for (const list of bySource.values()) {
      for (const { text } of list) {
        const franc = francAll(text, { only, minLength: 1 });
        for (const script of ["Latin", "Cyrillic"]) expect(francScores(text, only, script), text.slice(0, 60)).toEqual(franc);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("gives them on a line with letters of another script too (constructed)", () => {
    const text = "The Shanghai Cooperation Organisation (Шанхайская организация сотрудничества, ШОС) was founded in 2001.";
    expect(francScores(text, only, "Latin")).toEqual(francAll(text, { only, minLength: 1 }));
    expect(francScores(text, only, "Cyrillic")).toEqual(francAll(text, { only, minLength: 1 }));
  });
});

describe("letterCounts", () => {
  const count = (text: string) => {
    const n = (re: RegExp) => text.match(re)?.length ?? 0;
    return { han: n(/\p{Script=Han}/gu), latin: n(/\p{Script=Latin}/gu), cyrl: n(/\p{Script=Cyrillic}/gu) };
  };

  it("counts what \\p{Script=…} matches, in every passage of the sources and in a slice of it", () => {
    for (const list of bySource.values()) {
      for (const { text } of list) {
        expect(letterCounts(text)).toEqual(count(text));
        const [from, to] = [Math.floor(text.length / 3), Math.floor((2 * text.length) / 3)];
        expect(letterCounts(text, from, to)).toEqual(count(text.slice(from, to)));
      }
    }
  });

  it("counts no letter in a surrogate pair cut by the slice (constructed)", () => {
    const text = "上合𠀀组织";
    expect(letterCounts(text, 0, 3)).toEqual(count(text.slice(0, 3)));
    expect(letterCounts(text, 3, 6)).toEqual(count(text.slice(3, 6)));
  });
});
