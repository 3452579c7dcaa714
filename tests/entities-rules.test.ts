// The entity rules, each on real lines of the sources (and of the corpus-dev papers of another
// publisher): registry names and aliases, patterns per language, dates, titles, glosses, linking
// across languages, ids of entities the registry does not know, and the registry data itself.
import { describe, expect, test } from "vitest";
import { registryEntries } from "../pipeline/entities/config.js";
import { nameKey } from "../pipeline/entities/text.js";
import { entitiesOf, mentionsOf } from "./data/entities/work-doc.js";

/** "TYPE text id" for every mention, in reading order. */
const tags = (...texts: string[]) => mentionsOf(...texts).map((m) => `${m.type} ${m.text} ${m.id}`);
const idOf = (text: string, ...texts: string[]) => mentionsOf(...texts).find((m) => m.text === text)?.id;

describe("registry", () => {
  test("ids are unique and typed by their prefix", () => {
    const ids = registryEntries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of registryEntries) expect(e.id.split(":")[0]).toBe(e.type.toLowerCase());
  });

  test("no name stands for two entries", () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of registryEntries) {
      for (const lang of ["zh", "en", "ru"] as const) {
        for (const name of e.names[lang] ?? []) {
          const k = `${lang}:${nameKey(name, lang)}`;
          const other = seen.get(k);
          if (other && other !== e.id) clashes.push(`${name}: ${other} ${e.id}`);
          seen.set(k, e.id);
        }
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe("Chinese", () => {
  test("full name and short name of the SCO are one entity", () => {
    const line = "经过16年的发展，上海合作组织在政治、经济、安全和人文等多个领域都取得了丰硕成果。安全合作是上合组织的重心之一，贯穿整个发展历程。";
    expect(tags(line)).toEqual(["ORG 上海合作组织 org:sco", "ORG 上合组织 org:sco"]);
  });

  test("one-character country abbreviations before a word that needs countries", () => {
    const line = "上海合作组织的国际关系基础是以中国为一方，以俄、哈、吉、塔四国为另一方在解决边境问题中形成的军事安全互信";
    expect(tags(line).slice(2)).toEqual(["GPE 俄 gpe:russia", "GPE 哈 gpe:kazakhstan", "GPE 吉 gpe:kyrgyzstan", "GPE 塔 gpe:tajikistan"]);
  });

  test("a place the tagger knows is typed by CC-CEDICT, a body by its suffix", () => {
    const line = "比如策划在比什凯克实施连环爆炸案的马赫迪军成员均直接接收网络指示，彼此间并不认识。";
    expect(tags(line)).toEqual(["GPE 比什凯克 gpe:bishkek", "ORG 马赫迪军 org:mahdi-army"]);
    const meeting = "2011年10月12日，和平与发展研究中心与到访的欧洲外交关系委员会中国项目研究员潘瑞凡和美国威尔逊国际学者中心中亚俄罗斯问题学者罗宾逊进行座谈。";
    expect(tags(meeting)).toContain("ORG 欧洲外交关系委员会 org:欧洲外交关系委员会");
    expect(tags(meeting)).toContain("ORG 美国威尔逊国际学者中心 org:美国威尔逊国际学者中心");
    expect(tags(meeting)).toContain("PERSON 潘瑞凡 person:pan-ruifan");
  });

  test("a suffix inside a word or after a registry name makes no organisation", () => {
    expect(tags("上合组织内部的权力平衡")).toEqual(["ORG 上合组织 org:sco"]);
    expect(tags("深化上海合作组织防务安全合作面临的现实问题")).toEqual(["ORG 上海合作组织 org:sco"]);
  });

  test("authors in citations, with the titles, publishers and years", () => {
    expect(tags("⑤ 参见李兴、刘军:《俄美博弈的国际政治分析》,时事出版社2011年版。")).toEqual([
      "PERSON 李兴 person:li-xing",
      "PERSON 刘军 person:liu-jun",
      "WORK 俄美博弈的国际政治分析 work:俄美博弈的国际政治分析",
      "ORG 时事出版社 org:时事出版社",
      "DATE 2011年 date:2011",
    ]);
    const edited = "更详细的讨论可参见曾向红、罗金：《“东盟方式”的概念及其对“上合模式”的启示》，载徐步主编、邓浩执行主编：《比较视域中的上海合作组织：方向和路径》";
    expect(tags(edited).filter((t) => t.startsWith("PERSON"))).toEqual([
      "PERSON 曾向红 person:zeng-xianghong",
      "PERSON 罗金 person:luo-jin",
      "PERSON 徐步 person:xu-bu",
      "PERSON 邓浩 person:deng-hao",
    ]);
  });

  test("transliterated names: dotted (with the PDF's private-use dot) or with a Slavic ending", () => {
    expect(tags("[德]阿克塞尔\u{100170}霍耐特: «为承认而斗争» (胡继华译)")).toEqual([
      "GPE 德 gpe:germany",
      "PERSON 阿克塞尔\u{100170}霍耐特 person:axel-honneth",
      "WORK 为承认而斗争 work:为承认而斗争",
      "PERSON 胡继华 person:hu-jihua",
    ]);
    expect(tags("尤其是在卡里莫夫当政期间，双方的竞争甚至比较激烈。")).toEqual(["PERSON 卡里莫夫 person:islam-karimov"]);
  });

  test("names next to a title, and bylines of another publisher", () => {
    expect(tags("友联会副会长陈祖明到会致辞并作总结讲话").filter((t) => t.startsWith("PERSON"))).toEqual(["PERSON 陈祖明 person:chen-zuming"]);
    const byline = "孙鸣婧¹²，李霞，赵克明1²，琚陈相¹，安大维²，施俊杰²，许婷婷²（1.中国气象局乌鲁木齐沙漠气象研究所，新疆 乌鲁木齐830002;";
    expect(tags(byline).filter((t) => t.startsWith("PERSON")).length).toBe(7);
    expect(tags(byline)).toContain("ORG 中国气象局乌鲁木齐沙漠气象研究所 org:中国气象局乌鲁木齐沙漠气象研究所");
  });

  test("events: numbered meetings, summits and exercise code names", () => {
    const line = "司法人才培养最初由习近平主席在 2013 年 9 月 13 日上合组织成员国元首理事会第 13 次会议上倡议。";
    expect(tags(line)).toEqual([
      "PERSON 习近平 person:xi-jinping",
      "DATE 2013 年 9 月 13 日 date:2013-09-13",
      "EVENT 上合组织成员国元首理事会第 13 次会议 event:sco-summit-2013-bishkek",
      "ORG 上合组织成员国元首理事会 org:sco-heads-of-state-council",
    ]);
    expect(tags("比如“伊塞克湖反恐2007”联合反恐演习")).toEqual(["EVENT 伊塞克湖反恐2007 event:伊塞克湖反恐2007", "LOC 伊塞克湖 loc:issyk-kul"]);
    expect(tags("联合军演以“和平使命”系列为主")).toEqual(["EVENT 和平使命 event:peace-mission"]);
    expect(idOf("东方—2014", "中俄边防部门 2014 年 4—11 月在中俄东段边境开展为期半年的“东方—2014”联合执法行动")).toBe("event:东方-2014");
    expect(tags("在同年9月的上合组织杜尚别峰会上")).toEqual([
      "EVENT 上合组织杜尚别峰会 event:sco-summit-2014-dushanbe",
      "ORG 上合组织 org:sco",
      "GPE 杜尚别 gpe:dushanbe",
    ]);
  });

  test("a name in a quoted concept term is not a mention", () => {
    expect(tags("为上合组织的成立和“上海精神”的形成提供了更好的多边安全实践平台")).toEqual(["ORG 上合组织 org:sco"]);
  });
});

describe("dates", () => {
  test("Chinese: digits, Chinese numerals, fullwidth digits, ranges", () => {
    expect(idOf("二〇一二年九月二十五日", "二〇一二年九月二十五日")).toBe("date:2012-09-25");
    expect(idOf("2014 年 4—11 月", "中俄边防部门 2014 年 4—11 月在中俄东段边境")).toBe("date:2014-04/2014-11");
    expect(idOf("2016 年初", "据哈萨克斯坦国家安全委员会数据，截至 2016 年初，")).toBe("date:2016");
    expect(idOf("２０１８年６月１０日", "中国政府网,２０１８年６月１０日.")).toBe("date:2018-06-10");
    expect(idOf("2011年6月2日至3日", "2011年6月2日至3日，和平与发展研究中心在南京举办")).toBe("date:2011-06-02/2011-06-03");
  });

  test("English and Russian, and one date value across languages", () => {
    expect(idOf("April 13, 2021", "This article was received on April 13, 2021.)")).toBe("date:2021-04-13");
    expect(idOf("03 апреля 2013", "Антон Евстратов，« Салафизм в России и СНГ»，03 апреля 2013，")).toBe("date:2013-04-03");
    expect(idOf("24.06.2016", "«Российский эксперт – о салафитах в Казахстане»，24.06.2016，")).toBe("date:2016-06-24");
    const ids = entitiesOf("2001年6月，上合组织正式成立。", "The SCO was officially established in June of 2001.").filter((e) => e.type === "DATE");
    expect(ids.map((e) => [e.id, e.mentions.length])).toEqual([["date:2001-06", 2]]);
  });

  test("the year of an exercise code name is no date", () => {
    expect(tags("“东方—2014”联合执法行动").some((t) => t.startsWith("DATE"))).toBe(false);
  });
});

describe("titles of works", () => {
  test("《…》 and «…» give the same work; the registry knows the treaties", () => {
    expect(idOf("上海合作组织宪章", "《上海合作组织宪章》第十六条明确规定")).toBe("work:sco-charter");
    expect(idOf("上海合作组织宪章", "«上海合作组织宪章»第十六条明确规定")).toBe("work:sco-charter");
  });

  test("a title cut by a page break keeps its closing half", () => {
    expect(tags("上海公约》（2001 年 6 月 15 日），")[0]).toBe("WORK 上海公约 work:shanghai-convention");
  });

  test("a quoted title in an English citation", () => {
    const ref = "Rashid Alimov,“The RoleoftheShanghaiCooperation Organizationin Counteracting Threatsto Peace and Security,” United Nations,October ２０１７.";
    expect(tags(ref).slice(0, 2)).toEqual(["PERSON Rashid Alimov person:rashid-alimov", "WORK The RoleoftheShanghaiCooperation Organizationin Counteracting Threatsto Peace and Security work:the-roleofthe-shanghai-cooperation-organizationin-counteracting-threatsto-peace-and-security"]);
  });
});

describe("English", () => {
  test("an acronym defined in the text is one entity with its full name, also where it comes back", () => {
    const line = "the SCO’s relations with the CIS Collective Security Treaty Organization， the International Security Assistance Forces (ISAF) in Afghanistan";
    const isaf = entitiesOf(line, "Only the ISAF can say.").find((e) => e.id === "org:isaf");
    expect(isaf?.mentions.map((m) => m.text)).toEqual(["International Security Assistance Forces", "ISAF", "ISAF"]);
  });

  test("titles, bylines, head words", () => {
    expect(tags("In May of 2003, at the Moscow summit of the SCO, then Chinese President Hu Jintao reiterated")).toContain("PERSON Hu Jintao person:hu-jintao");
    const byline = "- 14 The Biden Administration and the Trend of US Strategic Competition with China**, by Zhao Minghao, Senior Fellow at the Center for American Studies, Fudan University";
    expect(tags(byline)).toContain("PERSON Zhao Minghao person:zhao-minghao");
    expect(tags(byline)).toContain("ORG Center for American Studies, Fudan University org:fudan-center-american-studies");
    expect(tags("(The author is a Professor from the University of National Defense)")).toEqual(["ORG University of National Defense org:ndu-china"]);
  });

  test("text whose spaces were lost", () => {
    expect(tags("JiaQingguo,“TheShanghaiCooperationOrganization:China’sExperimentinMultilateral Leadership,”").slice(0, 3)).toEqual([
      "PERSON JiaQingguo person:jia-qingguo",
      "WORK TheShanghaiCooperationOrganization:China’sExperimentinMultilateral Leadership work:the-shanghai-cooperation-organization-chinas-experimentin-multilateral-leadership",
      "ORG ShanghaiCooperationOrganization org:sco",
    ]);
  });

  test("a city before its postcode", () => {
    expect(tags("College of Life Sciences, Henan Normal University, Xinxiang 453007, Henan, China)")).toContain("GPE Xinxiang gpe:xinxiang");
  });
});

describe("Russian", () => {
  test("registry names through inflection, people with initials or a first name", () => {
    expect(tags("① «В Казахстане выявили порядка 500 салафитов»，http://today.kz/news/；Мария Яновская，«Российский эксперт»")).toEqual([
      "WORK В Казахстане выявили порядка 500 салафитов work:в-казахстане-выявили-порядка-500-салафитов",
      "GPE Казахстане gpe:kazakhstan",
      "PERSON Мария Яновская person:мария-яновская",
      "WORK Российский эксперт work:российский-эксперт",
    ]);
    expect(idOf("Региональной антитеррористической структуры ШОС", "на базе Региональной антитеррористической структуры ШОС установлены рамки")).toBe("org:rats");
  });
});

describe("linking across languages", () => {
  test("a gloss names the same person in another script", () => {
    const line = "2018年青岛峰会召开前，上合组织地区反恐机构时任执委会主任瑟索耶夫（Сысоев Е.С.）介绍";
    expect(idOf("Сысоев Е.С.", line)).toBe("person:evgeny-sysoev");
    expect(idOf("StephenAris", "斯蒂芬\u{100170}艾利斯 (StephenAris)在谈及上合组织安全合作时提到")).toBe(idOf("斯蒂芬\u{100170}艾利斯", "斯蒂芬\u{100170}艾利斯 (StephenAris)在谈及上合组织安全合作时提到"));
  });

  test("a gloss never joins two registry entries (the source calls the CSTO “CIS”)", () => {
    const ids = tags("集体安全条约组织全称为独联体集体安全条约组织（CIS）,是由俄罗斯、白俄罗斯组成的地区性安全组织。");
    expect(ids).toContain("ORG 独联体集体安全条约组织 org:csto");
    expect(ids).toContain("ORG CIS org:cis");
  });

  test("a Chinese name and its pinyin in the English byline are one person", () => {
    const zh = "周强」 许丽媛」孔贝贝1 李曦²(1. 中国科学院文献情报中心 北京 100190)";
    const en = "Zhou Qiangl Xu LiYuan1Kong BeiBei1 Li Xi² (1.National Science Library， Chinese Academy of Sciences， Beijing 100190, China)";
    const people = entitiesOf(zh, en).filter((e) => e.type === "PERSON");
    expect(people.find((e) => e.id === "person:li-xi")?.names).toEqual({ zh: ["李曦"], en: ["Li Xi"] });
    expect(people.find((e) => e.id === "person:kong-beibei")?.names).toEqual({ zh: ["孔贝贝"], en: ["Kong BeiBei"] });
  });

  test("an entity has one id in every language of the registry", () => {
    const sco = entitiesOf("上合组织", "the Shanghai Cooperation Organization (SCO)", "Шанхайской организации сотрудничества (ШОС)").find((e) => e.id === "org:sco");
    expect(sco?.mentions.map((m) => m.text)).toEqual(["上合组织", "Shanghai Cooperation Organization", "SCO", "Шанхайской организации сотрудничества", "ШОС"]);
    expect(sco?.names.zh?.[0]).toBe("上海合作组织");
  });
});

describe("the stage", () => {
  test("mentions are slices of the block text, entities in reading order with unique ids", () => {
    const texts = ["2001年6月，哈萨克斯坦、中国、吉尔吉斯斯坦、俄罗斯、塔吉克斯坦、乌兹别克斯坦六国元首宣告成立上海合作组织。", "The SCO was officially established in June of 2001."];
    const found = mentionsOf(...texts);
    for (const m of found) expect(texts[m.block]!.slice(m.start, m.end)).toBe(m.text);
    const ids = entitiesOf(...texts).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe("date:2001-06");
  });

  test("the same text gives the same entities", () => {
    const line = "[美]季北慈：Bates Gill, Shanghai Five: An Attempt to Counter US Influence in Asia, Newsweek Korea, May 2001.";
    expect(JSON.stringify(tags(line))).toBe(JSON.stringify(tags(line)));
    expect(idOf("Bates Gill", line)).toBe("person:bates-gill");
  });
});
