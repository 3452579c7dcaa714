// The structure stage on the five sources, run in process: the metadata, abstracts and footnotes
// checked here were read off the sources by hand (titles, names, labels, dates; footnote bodies
// counted page by page: 000 has 2+5+2+7, 002 has 5+1+2+2+5+8+4, 003 has 27 [n] notes, 004 has 52
// bodies under its bare marker runs, the last page's ② having lost its body).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { clean } from "../pipeline/clean/index.js";
import { loadConfig } from "../pipeline/config.js";
import { toDocument } from "../pipeline/emit/document.js";
import { ingest } from "../pipeline/ingest/index.js";
import type { Document } from "../pipeline/model/schema.js";
import { segment } from "../pipeline/segment/index.js";
import { structure } from "../pipeline/structure/index.js";
import { sourceNames, sourcesDir } from "./helpers.js";

// Clean, structure and segment (which moves blocks the others refer to), then the emitted record.
const docs: Document[] = [];
beforeAll(() => {
  const { config } = loadConfig();
  for (const name of sourceNames) {
    const ingested = ingest(name.replace(/\.txt$/, ""), name, readFileSync(join(sourcesDir, name)), config);
    if (!ingested.ok) throw new Error(`${name}: ${ingested.reason}`);
    docs.push(toDocument([clean, structure, segment].reduce((doc, stage) => stage(doc, config), ingested.doc)));
  }
});
const doc = (n: number) => docs[n]!;
const abstract = (n: number, lang: string) => doc(n).abstracts.find((a) => a.lang === lang);
const anchoredShare = (d: Document) => d.footnotes.filter((f) => f.anchor).length / Math.max(1, d.footnotes.length);

describe("000: the book", () => {
  it("is a book with its title, editors, contributors, publisher, ISBN and CIP record", () => {
    const d = doc(0);
    expect(d.kind).toBe("book");
    expect(d.metadata.title).toEqual({ zh: "上海合作组织防务安全合作研究", "zh-Latn": "SHANGHAI HEZUO ZUZHI FANGWU ANQUAN HEZUO YANJIU" });
    expect(d.metadata.editors).toEqual([
      { name: "钱利华", role: "chief" },
      { name: "慈国巍", role: "deputy" },
      { name: "王志平", role: "deputy" },
      { name: "朱奎玉", role: "responsible" },
    ]);
    expect(d.metadata.authors.map((a) => a.name.zh)).toEqual(["何信崇", "王晓光", "宋新平", "张保群", "傅岩松", "张洪涛", "吴建业", "王雅夫", "王飞", "李涛", "朱世宏", "寇军强"]);
    expect(d.metadata.publisher).toBe("军事科学出版社");
    expect(d.metadata.isbn).toBe("978-7-80237-598-7");
    expect(d.metadata.cip?.classification).toEqual(["D814.1", "D815.5"]);
    expect(d.metadata.cip?.number).toBe("(2013)第029234号");
  });

  it("has its preface signed and dated, and its table of contents parsed", () => {
    const d = doc(0);
    expect(d.metadata.preface).toEqual({ author: "曹刚川", date: "2012-09-25" });
    expect(d.metadata.toc).toHaveLength(33);
    expect(d.metadata.toc[0]).toEqual({ level: 1, label: null, title: "绪论", page: 1 });
    expect(d.metadata.toc[2]).toEqual({ level: 2, label: "第一节", title: "冷战后国际格局重大变化,促使欧亚有关国家建立军事互信措施", page: 22 });
    expect(d.metadata.toc.at(-1)).toEqual({ level: 1, label: null, title: "上海合作组织防务安全合作大事记", page: 259 });
  });

  it("links its 16 footnotes and takes no CIP number for one", () => {
    const d = doc(0);
    expect(d.footnotes).toHaveLength(16);
    expect(anchoredShare(d)).toBe(1);
    expect(d.footnotes.some((f) => /D81[45]/.test(f.text))).toBe(false);
    expect(d.abstracts).toEqual([]);
  });
});

describe("001: the article printed with its English translation", () => {
  it("has the English title, the author, the received date", () => {
    const d = doc(1);
    expect(d.kind).toBe("article");
    expect(d.metadata.title.en).toBe("Policy Proposals for Enhancing the Sino-Russian Pragmatic Regional Security Cooperation");
    expect(d.metadata.authors).toEqual([{ name: { en: "Ouyang Wei" }, affiliation: { en: "a Professor from the University of National Defense" } }]);
    expect(d.metadata.received).toBe("2011-09-05");
  });

  it("takes the opening summaries of both versions as abstracts", () => {
    expect(abstract(1, "zh")?.text).toMatch(/^中俄在许多安全领域具有共同利益.*增进双方的战略利益。$/);
    expect(abstract(1, "zh")?.sentences).toHaveLength(2);
    expect(abstract(1, "en")?.text).toMatch(/^China and Russian have common interests .*increase their strategic interests[.．]$/);
    expect(doc(1).footnotes).toEqual([]);
  });
});

describe("002: Chinese article with Russian and English abstracts at its end", () => {
  it("has titles, the author in two scripts, keywords and editors", () => {
    const m = doc(2).metadata;
    expect(m.title).toEqual({ zh: "上海合作组织的安全合作", ru: "Сотрудничество в области безопасности в рамках ШОС" });
    expect(m.authors).toEqual([{ name: { zh: "阳军", ru: "Ян Цзюнь" } }]);
    expect(m.keywords).toEqual({
      ru: ["ШОС", "сотрудничество в сфере безопасности", "борьба с терроризмом"],
      en: ["SCO", "Security Cooperation", "Counterterrorism"],
    });
    expect(m.editors).toEqual([
      { name: "靳会新", role: "responsible" },
      { name: "刘阳", role: "responsible" },
    ]);
  });

  it("has one abstract per language, without labels, with their sentences", () => {
    expect(abstract(2, "zh")?.text).toMatch(/^经过 ?16 ?年的发展，上海合作组织形成了五级会议决策机制.*在地区稳定事务中继续发挥作用。$/);
    expect(abstract(2, "zh")?.sentences).toHaveLength(3);
    expect(abstract(2, "ru")?.text).toMatch(/^За 16 лет развития .* региональной стабильности\.$/);
    expect(abstract(2, "ru")?.sentences).toHaveLength(4);
    expect(abstract(2, "en")?.text).toMatch(/^Over the past 16 years, .* with the concept of overall security in mind\.$/);
    expect(abstract(2, "en")?.sentences).toHaveLength(4);
  });

  it("cuts its 27 footnotes out of the page text and links them", () => {
    const d = doc(2);
    expect(d.footnotes).toHaveLength(27);
    expect(anchoredShare(d)).toBeGreaterThanOrEqual(0.9);
    expect(d.footnotes.every((f) => f.text.trim() !== "" && !/^[①-⑳]/.test(f.text))).toBe(true);
    // The body of ② on page 5 ends at its URL; the next page's text is a passage of its own.
    const law = d.footnotes.find((f) => f.text.startsWith("《中华人民共和国反恐怖主义法》"));
    expect(law?.text).toMatch(/content_4634330\.htm$/);
  });
});

describe("003: article with a journal's collected English abstracts", () => {
  it("has titles, author with affiliations, keywords, CLC, codes, dates, editor", () => {
    const m = doc(3).metadata;
    expect(m.title).toEqual({ zh: "中国新安全观与上合组织二十年安全实践", en: "China's New Security Concept and the SCO's Security Practice in the Past 20 Years" });
    expect(m.authors).toHaveLength(1);
    expect(m.authors[0]!.name).toEqual({ zh: "许涛", en: "Xu Tao" });
    expect(m.authors[0]!.affiliation?.zh).toMatch(/^山西大学国际关系学院特聘教授/);
    expect(m.authors[0]!.affiliation?.en).toMatch(/^Guest Professor at School of International Relations, Shanxi University/);
    expect(m.keywords).toEqual({ zh: ["新安全观", "上海合作组织", "安全合作"] });
    expect(m.clc).toEqual(["D815"]);
    expect(m.documentCode).toBe("A");
    expect(m.articleNumber).toBe("1006-6241(2021)03-0001-13");
    expect(m.received).toBe("2021-04-13");
    expect(m.editors).toEqual([{ name: "李万胜", role: "responsible" }]);
  });

  it("takes only its own entry of the collected abstracts", () => {
    const en = abstract(3, "en");
    expect(en?.text).toMatch(/^At the end of the 20th century, .* forging a regional security community\.$/);
    expect(en?.sentences).toHaveLength(5);
    expect(doc(3).abstracts.some((a) => /Biden/.test(a.text))).toBe(false);
    expect(abstract(3, "zh")?.sentences).toHaveLength(5);
  });

  it("links its 27 bracketed footnotes", () => {
    expect(doc(3).footnotes).toHaveLength(27);
    expect(anchoredShare(doc(3))).toBeGreaterThanOrEqual(0.9);
  });

  it("keeps the English translation's sections apart from the Chinese ones", () => {
    const sections = doc(3).sections;
    expect(sections.filter((s) => s.lang === "zh").map((s) => s.number)).toEqual(["一", "二", "三", null]);
    expect(sections.filter((s) => s.lang === "en").map((s) => s.number)).toEqual(["I", "II", "III"]);
  });
});

describe("004: article whose footnote bodies follow runs of bare markers", () => {
  it("has its title from the running head, its editor and its abstract", () => {
    const d = doc(4);
    expect(d.metadata.title).toEqual({ zh: "试析“上海合作组织发展模式”的内涵与价值" });
    expect(d.metadata.editors).toEqual([{ name: "毛悦", role: "editor" }]);
    expect(d.abstracts.map((a) => a.lang)).toEqual(["zh"]);
    expect(abstract(4, "zh")?.sentences).toHaveLength(4);
  });

  it("cuts 52 bodies and links at least 90% of them", () => {
    const d = doc(4);
    expect(d.footnotes).toHaveLength(52);
    expect(anchoredShare(d)).toBeGreaterThanOrEqual(0.9);
    expect(d.footnotes.every((f) => f.text.trim() !== "")).toBe(true);
    // Page 6: six markers, seven paragraphs; the explanation and its "See …" source are one note.
    const thin = d.footnotes.find((f) => f.text.includes("薄的承认"));
    expect(thin?.text).toMatch(/Wendt/);
  });
});

describe("every source", () => {
  it("is still tiled by passages and dropped text after blocks were cut, merged and stripped", () => {
    for (const d of docs) {
      const ranges = [...d.passages.map((p) => p.span), ...d.edits.filter((e) => e.passage === null).map((e) => e.span)].sort((a, b) => a.start - b.start);
      let pos = 0;
      for (const r of ranges) {
        expect(r.start, d.id).toBe(pos);
        pos = r.end;
      }
      expect(pos).toBe(d.source.chars);
    }
  });

  it("puts every passage after a heading into a section of the heading's language part", () => {
    for (const d of docs) {
      const ids = new Set(d.sections.map((s) => s.id));
      for (const p of d.passages) if (p.section !== null) expect(ids.has(p.section)).toBe(true);
      for (const s of d.sections) expect(d.passages.find((p) => p.id === s.passage)?.kind).toBe("heading");
    }
  });
});
