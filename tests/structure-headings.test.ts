// Heading numbering and levels, from real heading lines of the sources (OCR damage included).
import { describe, expect, it } from "vitest";
import { isNumberedHeading, numbering } from "../pipeline/structure/headings.js";

describe("numbering", () => {
  it.each([
    ["一、安全合作定位", "cn", "一", "安全合作定位"],
    ["(一)安全合作拓展的组织发展路径", "cn-paren", "(一)", "安全合作拓展的组织发展路径"],
    ["１\u{1001B0}大国利用中小国家相互平衡", "decimal", "１", "大国利用中小国家相互平衡"],
    ["(１)中国—中亚国家—俄罗斯", "paren", "(１)", "中国—中亚国家—俄罗斯"],
    ["H．To deepen the military cooperation based on strategic mutual trust", "roman", "H", "To deepen the military cooperation based on strategic mutual trust"],
    ["HI．To enhance the cooperation in maintaining re onal security", "roman", "HI", "To enhance the cooperation in maintaining re onal security"],
    ["**I. The Establishment of the New Security Concept and the SCO**", "roman", "I", "The Establishment of the New Security Concept and the SCO"],
    ["第一节 冷战后国际格局重大变化", "chapter", "第一节", "冷战后国际格局重大变化"],
    ["1.2.1粗蛋白质", "decimal", "1.2.1", "粗蛋白质"],
    ["◀◀◀ 绪 论", "named", null, "绪论"],
    ["余　论", "named", null, "余论"],
  ])("%s", (text, family, number, title) => {
    expect(numbering(text)).toMatchObject({ family, number, title });
  });

  it("reads OCR's — alone as the numeral 一", () => {
    expect(numbering("—")).toMatchObject({ family: "cn", number: "一", title: "" });
  });

  it("gives decimal headings their depth", () => {
    expect(numbering("1.2.1粗蛋白质")?.depth).toBe(3);
    expect(numbering("第一节 冷战后国际格局重大变化")?.depth).toBe(2);
  });
});

describe("numbered paragraphs that are headings", () => {
  it("takes short numbered lines without a sentence in them", () => {
    expect(isNumberedHeading("三、加强维护地区安全方面的合作")).not.toBeNull();
    expect(isNumberedHeading("IV．China and Russia should deepen their cooperation in nontraditional security domains．")).not.toBeNull();
  });

  it("takes the unnumbered headings every paper has (sources/003, chinaxiv), and not the paragraph after them", () => {
    expect(isNumberedHeading("结语")).toMatchObject({ family: "named", title: "结语" });
    expect(isNumberedHeading("参考文献（References）：")).toMatchObject({ family: "named", title: "参考文献（References）：" });
    expect(isNumberedHeading("References")).toMatchObject({ family: "named" });
    expect(isNumberedHeading("上合组织今年正迎来成立 20 周年华诞，其成立以来的地区安全实践将成为宝贵财富")).toBeNull();
  });

  it("leaves list items and run-in headings in the text", () => {
    expect(isNumberedHeading("1. 强调维护联合国权威。当今国际社会的基本组成单位仍是国家")).toBeNull();
    expect(isNumberedHeading("(一) 实现共同安全仍是上合组织各成员国的基本安全保障。共同,就是尊重和保障每一个国家安全。")).toBeNull();
    expect(isNumberedHeading("2016 年初，哈境内 20 多个恐怖和极端组织共有骨干成员约 500 人")).toBeNull();
  });
});
