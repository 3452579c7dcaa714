// Citation parsing on footnotes and references of the sources and the chinaxiv documents.
import { describe, expect, it } from "vitest";
import { parseCitation, parseCitations, splitCitations } from "../pipeline/structure/citations.js";

describe("citations", () => {
  it("parses a Chinese journal article", () => {
    expect(parseCitation("吴绩新：《从安全合作到能源合作——上海合作组织亟需持续发展动力》，载《国际展望》2007 年第 18 期。")).toMatchObject({
      lang: "zh",
      authors: ["吴绩新"],
      title: "从安全合作到能源合作——上海合作组织亟需持续发展动力",
      container: "国际展望",
      year: 2007,
      issue: "18",
      rest: "",
    });
  });

  it("parses a Chinese book with publisher, place and pages", () => {
    expect(parseCitation("中国外交部欧亚司: «顺应时代潮流 弘扬 “上海精神”———上海合作组织文献选编»,北京,世界知识出版社,２００２年版,第２６６页.")).toMatchObject({
      authors: ["中国外交部欧亚司"],
      publisher: "世界知识出版社",
      place: "北京",
      year: 2002,
      pages: "266",
    });
    expect(parseCitation("参见邢广程、孙壮志:《上海合作组织研究》,长春出版社2007年版。").authors).toEqual(["邢广程", "孙壮志"]);
  });

  it("parses a web page with its site and date", () => {
    expect(parseCitation("《上合反恐机构：成员国就网络恐怖威胁建立协作机制》，载东方网 2015 年 7 月 9 日，http://news.eastday.com/eastday/13news/auto/news/world/u7ai4258541_K4.html")).toMatchObject({
      title: "上合反恐机构：成员国就网络恐怖威胁建立协作机制",
      container: "东方网",
      date: "2015-07-09",
      url: "http://news.eastday.com/eastday/13news/auto/news/world/u7ai4258541_K4.html",
    });
  });

  it("parses an English journal article", () => {
    expect(parseCitation("Sarah Lohschelder, “The Shanghai Cooperation Organization as a Multilateral Security Platform in Central Asia,” Journal of Public and International Affairs, Vol. 4, No. 1, 2017, pp. 107-109.")).toMatchObject({
      lang: "en",
      authors: ["Sarah Lohschelder"],
      title: "The Shanghai Cooperation Organization as a Multilateral Security Platform in Central Asia",
      container: "Journal of Public and International Affairs",
      volume: "4",
      issue: "1",
      year: 2017,
      pages: "107-109",
    });
  });

  it("parses an English book", () => {
    expect(parseCitation("Bernardo Mariani, China’s Role and Interests in Central Asia (London: Saferworld, 2013), p. 7.")).toMatchObject({
      authors: ["Bernardo Mariani"],
      title: "China’s Role and Interests in Central Asia",
      place: "London",
      publisher: "Saferworld",
      year: 2013,
      pages: "7",
    });
  });

  it("parses Russian citations", () => {
    expect(parseCitation("Антон Евстратов，« Салафизм в России и СНГ»，03 апреля 2013，http://www.iran.ru/news/analytics/86794/function.readfile")).toMatchObject({
      lang: "ru",
      authors: ["Антон Евстратов"],
      title: "Салафизм в России и СНГ",
      date: "2013-04-03",
      url: "http://www.iran.ru/news/analytics/86794/function.readfile",
    });
    expect(parseCitation("«Стратегия развития Шанхайской организации сотрудничества до 2025 года: исходные реалии и фактор Российского-китайского партнерства»，Москва ИДВ РАН 2015，С. 75-90.")).toMatchObject({
      year: 2015,
      pages: "75-90",
    });
  });

  it("parses a GB/T 7714 reference", () => {
    expect(parseCitation("马宏伟,张光卫,李鹏.协同过滤推荐算法综述[J].小型微型计算机系统,2009,07:1282-1288.")).toMatchObject({
      authors: ["马宏伟", "张光卫", "李鹏"],
      title: "协同过滤推荐算法综述",
      container: "小型微型计算机系统",
      year: 2009,
      issue: "07",
      pages: "1282-1288",
    });
  });

  it("cuts a note into the works it cites", () => {
    expect(splitCitations("王树春、张娜: «安全观转型与上合组织联合军演»,«亚太安全与海洋研究»,２０１８年第６期;[英]理查德·内德·勒博:«国家为何而战? 过去与未来的战争动机»")).toHaveLength(2);
    const [note, source] = parseCitations("该宣言呼吁美国等迅速确定撤离的期限. See Enayatollah Yazdani, “The Shanghai Cooperation Organization: An Emerging Venue for China’s New Diplomacy,” China Quarterly of International Strategic Studies, Vol. 6, No. 4, 2020, pp. 467-468.");
    expect(note!.title).toBeNull();
    expect(source!.authors).toEqual(["Enayatollah Yazdani"]);
    expect(source!.pages).toBe("467-468");
  });
});
