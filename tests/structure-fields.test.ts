// Field labels, dates, names, editors, keywords and ISBNs, each from a real line of a source or of
// the chinaxiv development documents.
import { describe, expect, it } from "vitest";
import { splitKeywords } from "../pipeline/structure/abstracts.js";
import { editorsOn, isbnOf } from "../pipeline/structure/book.js";
import { enAuthorNote, zhAuthorNote } from "../pipeline/structure/authors.js";
import { parseDate } from "../pipeline/structure/dates.js";
import { inlineLabels, labelAtStart } from "../pipeline/structure/labels.js";
import { chineseNames, isLatinNameLine, latinName } from "../pipeline/structure/names.js";
import { compactCjk } from "../pipeline/structure/text.js";
import { namesStart } from "../pipeline/structure/title.js";

describe("field labels", () => {
  it.each([
    ["【 内 容 提 要 】 经过 16 年的发展，上海合作组织形成了五级会议决策机制", "abstract", "zh"],
    ["【内容提要】　上海合作组织自成立以来逐渐走出了一条新型的国际", "abstract", "zh"],
    ["**【内容提要】**20世纪末，面对发生在全球和地区的地缘政治巨变", "abstract", "zh"],
    ["【Аннотация】За 16 лет развития Шанхайской организации сотрудничества", "abstract", "ru"],
    ["Abstract: Over the past 16 years, the Shanghai Cooperation Organization", "abstract", "en"],
    ["Abstract Reinvestigation of the Early Cretaceous eutherian mammal", "abstract", "en"],
    ["[摘要]", "abstract", "zh"],
    ["Keywords: SCO; Security Cooperation; Counterterrorism", "keywords", "en"],
    ["Key wordsFuxin, Liaoning; Early Cretaceous; Fuxin Formation", "keywords", "en"],
    ["【Ключевые слова】ШОС; сотрудничество в сфере безопасности", "keywords", "ru"],
    ["**【关键词】**新安全观 上海合作组织 安全合作", "keywords", "zh"],
    ["**【中图分类号】**D815", "clc", "und"],
    ["[收稿日期：2011—09—05】", "received", "und"],
    ["**【作者简介】**许涛，山西大学国际关系学院特聘教授", "authorNote", "zh"],
  ])("%s", (line, field, lang) => {
    expect(labelAtStart(line)).toMatchObject({ field, lang });
  });

  it("leaves text that only starts like a label", () => {
    expect(labelAtStart("Abstract concepts such as sovereignty matter")).toBeNull();
    expect(labelAtStart("摘要地说，上合组织")).toBeNull();
  });

  it("finds the fields run together after the keywords", () => {
    const line = "关键词：DDGS；猪；粗纤维；蛋白质中图分类号：S816；S828文献标识码：A文章编号：";
    expect(inlineLabels(line).map((l) => l.field)).toEqual(["keywords", "clc", "documentCode", "articleNumber"]);
  });
});

describe("values", () => {
  it.each([
    ["【收稿日期：2021-04-13】", "2021-04-13"],
    ["[收稿日期：2011—09—05】", "2011-09-05"],
    ["This article was received on April 13, 2021.", "2021-04-13"],
    ["二〇一二年九月二十五日", "2012-09-25"],
    ["Мария Яновская，«Российский эксперт – о салафитах в Казахстане»，24.06.2016", "2016-06-24"],
    ["Антон Евстратов，« Салафизм в России и СНГ»，03 апреля 2013", "2013-04-03"],
    ["中国政府网,２０１８年６月１０日.", "2018-06-10"],
  ])("date in %s", (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it("pairs the single characters of padded names", () => {
    expect(chineseNames("王 飞 李 涛 朱世宏 寇军强")).toEqual(["王飞", "李涛", "朱世宏", "寇军强"]);
    expect(compactCjk("上海合作组织 防务安全合作研究")).toBe("上海合作组织防务安全合作研究");
  });

  it("reads editors and nothing that merely starts like an editor label", () => {
    expect(editorsOn("（责任编辑 靳会新 刘阳）")).toEqual([
      { name: "靳会新", role: "responsible" },
      { name: "刘阳", role: "responsible" },
    ]);
    expect(editorsOn("(编　辑　毛　悦)")).toEqual([{ name: "毛悦", role: "editor" }]);
    expect(editorsOn("副 主 编：慈国巍 王志平")).toEqual([
      { name: "慈国巍", role: "deputy" },
      { name: "王志平", role: "deputy" },
    ]);
    expect(editorsOn("**主 编:** 钱利华")).toEqual([{ name: "钱利华", role: "chief" }]);
    expect(editorsOn("编辑部地址：北京")).toEqual([]);
  });

  it("reads names in Latin and Cyrillic script", () => {
    expect(latinName("Ouyang W ei")).toBe("Ouyang Wei");
    expect(latinName("*By Xu Tao*")).toBe("Xu Tao");
    expect(isLatinNameLine("Ян Цзюнь")).toBe(true);
    expect(isLatinNameLine("Pragmatic Regional Security Cooperation")).toBe(false);
  });

  it("reads author notes", () => {
    expect(zhAuthorNote("许涛，山西大学国际关系学院特聘教授，中国上海合作组织研究中心常务理事。")).toEqual({
      name: "许涛",
      affiliation: "山西大学国际关系学院特聘教授，中国上海合作组织研究中心常务理事",
      received: null,
    });
    expect(enAuthorNote("(The author is Guest Professor at School of International Relations, Shanxi University. This article was received on April 13, 2021.)")).toEqual({
      name: null,
      affiliation: "Guest Professor at School of International Relations, Shanxi University",
      received: "2021-04-13",
    });
  });

  it("splits keyword lists on their separators", () => {
    expect(splitKeywords("新安全观 上海合作组织 安全合作")).toEqual(["新安全观", "上海合作组织", "安全合作"]);
    expect(splitKeywords("ШОС; сотрудничество в сфере безопасности; борьба с терроризмом")).toEqual(["ШОС", "сотрудничество в сфере безопасности", "борьба с терроризмом"]);
    expect(splitKeywords("Fuxin, Liaoning; Early Cretaceous; Fuxin Formation")).toEqual(["Fuxin, Liaoning", "Early Cretaceous", "Fuxin Formation"]);
    expect(splitKeywords("细胞地理，驴蹄草，花葶驴蹄草，多倍化")).toEqual(["细胞地理", "驴蹄草", "花葶驴蹄草", "多倍化"]);
  });

  it("normalises the ISBN", () => {
    expect(isbnOf("**标准书号:** ISBN 978 - 7 - 80237 - 598 - 7")).toBe("978-7-80237-598-7");
  });

  it("finds where authors follow a title on one line", () => {
    const zh = "干酒糟及其可溶物的营养价值及其在猪生产上的应用杨 灿1 唐小武² 宾冬梅」陈思远」";
    expect(zh.slice(0, namesStart(zh))).toBe("干酒糟及其可溶物的营养价值及其在猪生产上的应用");
    const en = "Nutrition Value of Distillers Dried Grains with Solubles and Its Application in Swine Production YANG Canil TANG Xiaowu² BIN Dongmei1";
    expect(en.slice(0, namesStart(en)).trim()).toBe("Nutrition Value of Distillers Dried Grains with Solubles and Its Application in Swine Production");
    expect(namesStart("(6大连自然博物馆 辽宁大连116023)")).toBe(-1);
  });
});
