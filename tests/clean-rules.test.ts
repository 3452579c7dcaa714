// Each text rule of the clean stage on real lines of the sources (and of the ChinaXiv development
// set): what the rule changes, what it must leave alone, and that the edit is recorded under its id.
import { readFileSync } from "node:fs";
import { Converter } from "opencc-js/cn2t";
import { describe, expect, it } from "vitest";
import { clean } from "../pipeline/clean/index.js";
import { emptyDoc } from "../pipeline/model/work.js";

function run(text: string) {
  const info = { path: "x.txt", sha256: "0".repeat(64), encoding: "utf-8" as const, bom: false, lineEndings: "lf" as const, bytes: text.length, chars: text.length };
  return clean(emptyDoc("x", info, text, {}), {} as never);
}
/** The clean text of a one-line source, and the rules that changed it. */
function cleaned(line: string): { text: string; rules: string[] } {
  const doc = run(line);
  return { text: doc.blocks.map((b) => b.tracked.text).join("\n"), rules: [...new Set(doc.blocks.flatMap((b) => b.tracked.edits(null).map((e) => e.rule)))] };
}
const text = (line: string) => cleaned(line).text;
const line = (name: string, n: number) => readFileSync(new URL(`../sources/${name}`, import.meta.url), "utf8").split("\n")[n - 1]!;

describe("characters", () => {
  it("folds fullwidth digits and letters to ASCII (004)", () => {
    expect(cleaned("社,２０２３年版,第２０７~２２４页.")).toEqual({ text: "社，2023年版，第207~224页。", rules: expect.arrayContaining(["clean.fullwidth", "clean.punctuation"]) });
  });

  it("reads private-use glyphs by the profile the text calls for (004: U+1001B0 ., U+100170 ·, Ｇ between letters -)", () => {
    const source = [line("004_6f68708cf0022ea1.txt", 95), line("004_6f68708cf0022ea1.txt", 144), line("004_6f68708cf0022ea1.txt", 146)].join("\n");
    const out = cleaned(source);
    expect(out.text).toContain("斯蒂芬·艾利斯");
    expect(out.text).toContain("Non-traditional Security Challenges or an Anti-Western Bloc?” Europe-Asia Studies, Vol.61, No.3, 2009, p.474.");
    expect(out.rules).toContain("clean.profile-glyph");
    // Without enough private-use glyphs no profile applies: the glyph stays for a reader to see.
    expect(cleaned("Vol\u{1001B0}６１").rules).not.toContain("clean.profile-glyph");
  });

  it("removes zero-width characters and soft hyphens, and thin spaces grouping digits (002: 3 000)", () => {
    expect(cleaned("国际\u200B合作\u00AD机制")).toEqual({ text: "国际合作机制", rules: ["clean.invisible"] });
    expect(text(line("002_898bfd35dbb91d39.txt", 117))).toBe("3000—5000 人信教程度较深②。根据吉尔吉斯斯");
  });

  it("converts Traditional Chinese to Simplified and records the script (opencc-js)", () => {
    const simplified = line("002_898bfd35dbb91d39.txt", 1).trim();
    const traditional = Converter({ from: "cn", to: "tw" })(simplified);
    expect(traditional).not.toBe(simplified);
    const doc = run(traditional);
    expect(doc.blocks[0]!.tracked.text).toBe(simplified);
    expect(doc.metadata.script).toBe("Hant");
    expect(run(simplified).metadata.script).toBe("Hans");
  });
});

describe("markup", () => {
  it("removes markdown bold and keeps heading marks for the structure stage (003)", () => {
    expect(text("**【关键词】**新安全观 上海合作组织 安全合作")).toBe("【关键词】新安全观、上海合作组织、安全合作");
    expect(text("## **I. The Establishment of the New Security Concept and the SCO**")).toBe("## I. The Establishment of the New Security Concept and the SCO");
  });

  it("keeps one copy of a link's URL, unescaped (003, 000)", () => {
    expect(text("[https://www.fmprc.gov.cn/web/gjhdq\\\\_676201/t1469140.shtml](https://www.fmprc.gov.cn/web/gjhdq_676201/t1469140.shtml)")).toBe(
      "https://www.fmprc.gov.cn/web/gjhdq_676201/t1469140.shtml",
    );
    expect(text("**电子邮箱:** [jskxcbs@163.com](mailto:jskxcbs@163.com)")).toBe("电子邮箱：jskxcbs@163.com");
    expect(text("**网 址:** <http://www.jskxcbs.com>")).toBe("网址：http://www.jskxcbs.com");
  });

  it("normalises footnote markers in <sup> and LaTeX to plain markers, never deleting them", () => {
    expect(cleaned("体、欧亚经济共同体、集体安全条约组织<sup>①</sup>、东盟建立了广泛联系的重要国际组织。")).toEqual({
      text: "体、欧亚经济共同体、集体安全条约组织①、东盟建立了广泛联系的重要国际组织。",
      rules: ["clean.footnote-marker"],
    });
    expect(text("反对以牺牲别国安全换取自身绝对安全的做法,实现普遍安全”。<sup>[1]</sup>中国新安全观")).toBe("反对以牺牲别国安全换取自身绝对安全的做法，实现普遍安全”。[1]中国新安全观");
    expect(text("一是监测 $\\textcircled{1}$ 土壤")).toBe("一是监测①土壤");
    expect(text("QIAN Min $^ { 1 , 2 , 3 }$, ZHANG Chan5")).toBe("QIAN Min [1,2,3], ZHANG Chan5");
  });

  it("turns inline LaTeX into text and leaves display formulas as LaTeX (ChinaXiv)", () => {
    expect(text("本研究铅浓度最大值为 $3 8 . 2 3 ~ \\mathrm { m g { \\cdot k g } ^ { - 1 } }$ ，显著( $P { < } 0 . 0 5 )$")).toBe("本研究铅浓度最大值为 38.23 mg·kg⁻¹，显著（P<0.05）");
    expect(text("$$\nw _ { i j } = \\mid N ( i ) \\mid\n$$")).toBe("$$ w _ { i j } = \\mid N ( i ) \\mid $$");
  });

  it("removes HTML tags, image links, ornaments and TOC dot leaders (000)", () => {
    expect(text("<b>第四章 深化上海合作组织防务安全合作 面临的现实问题</b> .....\t(159)")).toBe("第四章深化上海合作组织防务安全合作面临的现实问题（159）");
    expect(text("## ◀◀◀ 绪 论")).toBe("## 绪论");
    expect(text("图书管理系统的设计 ![](images/c5353c0c.jpg) 图1")).toBe("图书管理系统的设计图1");
  });
});

describe("punctuation, spaces and dashes by language", () => {
  it("gives Chinese text Chinese punctuation (004: ASCII marks in a Chinese sentence, «» as book-title marks)", () => {
    expect(text(line("004_6f68708cf0022ea1.txt", 23))).toBe("论的创新有所启发。");
    expect(text("(一)安全合作拓展的组织发展路径")).toBe("（一）安全合作拓展的组织发展路径");
    expect(text("“差序”这一概念源自费孝通先生在 «乡土中国»中所提出的 “差序格")).toBe("“差序”这一概念源自费孝通先生在《乡土中国》中所提出的“差序格");
    expect(text("斯蒂芬·艾利斯 (StephenAris)在谈及上合组织")).toBe("斯蒂芬·艾利斯（Stephen Aris）在谈及上合组织");
  });

  it("gives English and Russian text ASCII punctuation with its spaces (001, 002)", () => {
    expect(text("China and Russian have common interests in quite a few security areas，with their security cooperation based on their bilateral")).toBe(
      "China and Russian have common interests in quite a few security areas, with their security cooperation based on their bilateral",
    );
    expect(text("I．To promote the Shanghai Cooperation Organization(SCO)’s role")).toBe("I. To promote the Shanghai Cooperation Organization (SCO)’s role");
    expect(text("Яновская，«Российский эксперт – о салафитах в Казахстане: Кто，")).toBe("Яновская, «Российский эксперт – о салафитах в Казахстане: Кто,");
  });

  it("leaves numbers, numbered items and URLs alone (002)", () => {
    expect(text("境内约有 1.5 万萨拉菲分子。")).toBe("境内约有 1.5 万萨拉菲分子。");
    expect(text("1. 强调维护联合国权威。")).toBe("1. 强调维护联合国权威。");
    expect(text("http://news.xinhuanet.com/politics/2012-04/08/c_122944837.htm")).toBe("http://news.xinhuanet.com/politics/2012-04/08/c_122944837.htm");
  });

  it("removes spaces between Chinese characters, with list items separated by 、 (002, 003, 000)", () => {
    expect(text(line("002_898bfd35dbb91d39.txt", 5)).startsWith("【内容提要】经过 16 年的发展，上海合作组织形成了五级会议决策机制")).toBe(true);
    expect(text("载 俄 罗 斯 新 闻 网 2010 年 5 月 27 日")).toBe("载俄罗斯新闻网 2010 年 5 月 27 日");
    expect(text("系、打击 “三股势力”和维护地区稳定方面发挥了")).toBe("系、打击“三股势力”和维护地区稳定方面发挥了");
    expect(text("（责任编辑 靳会新 刘阳）")).toBe("（责任编辑：靳会新、刘阳）");
    expect(text("编写人员：何信崇 王晓光 宋新平 张保群")).toBe("编写人员：何信崇、王晓光、宋新平、张保群");
    expect(text("(编　辑　毛　悦)")).toBe("（编辑：毛悦）");
  });

  it("normalises dash runs, date dashes, dashes inside English words and spaced hyphens in numbers", () => {
    expect(cleaned("[收稿日期：2011—09—05】")).toEqual({ text: "【收稿日期：2011-09-05】", rules: expect.arrayContaining(["clean.dash", "clean.punctuation"]) });
    expect(text("形成了一套独立运作、发展成熟的组织运行模式——— “上")).toBe("形成了一套独立运作、发展成熟的组织运行模式——“上");
    expect(text("The Sino——Russian military cooperation and the decision—making system")).toBe("The Sino-Russian military cooperation and the decision-making system");
    expect(text("ISBN 978 - 7 - 80237 - 598 - 7")).toBe("ISBN 978-7-80237-598-7");
  });
});

describe("OCR letter errors", () => {
  it("reads letters inside numbers and dates as digits (001: 2011年l0月; ChinaXiv: Jinhua 3210O4)", () => {
    expect(cleaned("2011年l0月12日，和平与发展研究中心")).toEqual({ text: "2011年10月12日，和平与发展研究中心", rules: ["clean.ocr-digit"] });
    expect(text("Zhejiang Normal University，Jinhua 3210O4，China")).toBe("Zhejiang Normal University, Jinhua 321004, China");
  });

  it("repairs confusable letters in English words by the lexicon (001)", () => {
    expect(text("reflects the two countries military relationship is at a normaI leve1． The general")).toBe(
      "reflects the two countries military relationship is at a normal level. The general",
    );
    expect(text("conducting joint environmental pollution prevention and contro1．")).toBe("conducting joint environmental pollution prevention and control.");
    expect(text("cyberspace security issues will influence the fornlulation of national security")).toBe("cyberspace security issues will influence the formulation of national security");
    expect(text("tensions or resorting to force OD the issue of solving the nuclear problem．All parties eoneemed should follow")).toBe(
      "tensions or resorting to force on the issue of solving the nuclear problem. All parties concerned should follow",
    );
  });

  it("joins split words and splits glued ones, leaving names and closed compounds alone (001, 004, 002)", () => {
    expect(text("can as well lead to new turm oil， posing more security threats")).toBe("can as well lead to new turmoil, posing more security threats");
    expect(text("produce profound infl uence on the future war form s and the way")).toBe("produce profound influence on the future war forms and the way");
    expect(text("providing security assistance to Af ghanistan，training police an d military personnel")).toBe(
      "providing security assistance to Afghanistan, training police and military personnel",
    );
    expect(text("合组织区域合作模式 (TheSCO ModelofRegionalCooperation)”的几个")).toBe("合组织区域合作模式（The SCO Model of Regional Cooperation）”的几个");
    expect(text("BarryO’Neill,Honor,Symbols,and War (Michigan:Universityof MichiganPress,")).toBe("Barry O’Neill, Honor, Symbols, and War (Michigan: University of Michigan Press,");
    expect(text("Keywords: SCO; Security Cooperation; Counterterrorism")).toBe("Keywords: SCO; Security Cooperation; Counterterrorism");
    expect(text("Ouyang W ei")).toBe("Ouyang W ei");
  });

  it("reads misread Roman numerals opening a heading (001: H．, HI．)", () => {
    expect(cleaned("H．To deepen the military cooperation based on strategic mutual trust")).toEqual({
      text: "II. To deepen the military cooperation based on strategic mutual trust",
      rules: expect.arrayContaining(["clean.roman-numeral"]),
    });
    expect(text("HI．To enhance the cooperation")).toBe("III. To enhance the cooperation");
  });

  it("reads Latin letters misread for a Han character when the dictionary confirms the word (001: 人El)", () => {
    expect(cleaned("罗斯方面看，人口数量不断减少，死亡率大于人El")).toEqual({ text: "罗斯方面看，人口数量不断减少，死亡率大于人El", rules: [] });
    expect(cleaned("死亡率大于人El出生率")).toEqual({ text: "死亡率大于人口出生率", rules: ["clean.ocr-han"] });
    expect(text("## —")).toBe("## 一");
  });
});
