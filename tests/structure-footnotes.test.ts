// Footnote bodies and anchors on real page excerpts. Blocks are built here from the source lines
// (lines joined by a test rule), so these tests do not depend on how the clean stage groups lines.
import { describe, expect, it } from "vitest";
import { Tracked } from "../pipeline/model/tracked.js";
import type { Block } from "../pipeline/model/work.js";
import { linkFootnotes } from "../pipeline/structure/anchors.js";
import type { Carver } from "../pipeline/structure/carve.js";
import { splitFootnotes } from "../pipeline/structure/footnotes.js";
import { joinUrls } from "../pipeline/structure/urls.js";

/** Paragraphs separated by blank lines become blocks; line breaks inside are joined by rule test.join. */
function blocksOf(source: string): { blocks: Block[]; source: string } {
  const blocks: Block[] = [];
  for (const m of source.matchAll(/[^\n]+(?:\n[^\n]+)*/g)) {
    let tracked = Tracked.slice(source, m.index, m.index + m[0].length);
    tracked = tracked.replace(/ *\n */g, "test.join", (x) => (/[\p{Script=Han}，。]/u.test(x.input[x.index - 1] ?? "") ? "" : " "));
    blocks.push({ kind: "paragraph", tracked, lang: "und", langSpans: [], sentences: [] });
  }
  return { blocks, source };
}

function run(source: string) {
  const { blocks } = blocksOf(source);
  const carver: Carver = { dropped: [], counts: {} };
  const split = splitFootnotes(blocks, new Set(), carver);
  const linked = linkFootnotes(split.blocks, split.notes, new Set());
  return { ...split, linked, carver };
}

// sources/002, page 1: anchors ①–③ in the text, bodies at the page foot, the next page indented.
const PAGE_002 = `其境内5%—10%的穆斯林受萨拉菲影响（即65万—
150 万人），大体分为温和和极端两部分。经常浏
览带有萨拉菲内容的网站的网民约 8 万，在押萨
拉菲犯人有 500—600 人①。塔吉克斯坦宗教界人
士估计，在塔的萨拉菲分子数量有 2 万多，其中
3 000—5 000 人信教程度较深②。根据吉尔吉斯斯
坦国家安全部资料，主要是从沙特等中东留学回来的宗教人士，主要分
布在吉国南部地区，以乌兹别克族为主③。
① «В Казахстане выявили порядка 500 салафитов»，http://
today.kz/news/kazahstan/2013-02-22/234251-news/
② Антон Евстратов，« Салафизм в России и СНГ»，03 апреля 
2013，http://www.iran.ru/news/analytics/86794/function.readfile
③ «МВД Киргизии — о росте экстремизма в Республике: идёт 
процесс политизации ислама»，http://warfiles.ru/show-44461-o-
roste-ekstremizma-v-kyrgyzstane.htm
 1. 强调维护联合国权威。当今国际社会的基
本组成单位仍是国家。`;

// sources/004, page 3: bare markers on their own lines, then three unnumbered bodies.
const PAGE_004 = `济领域的合作可以逐步扩散到政治和安全领域.③ 这是因为经济合作相较于

①

②

③

StephenAris,“TheShanghaiCooperationOrganisation:‘TacklingtheThreeEvils’:A
RegionalResponsetoNonＧtraditionalSecurityChallengesoranAntiＧWesternBloc?”EuropeＧAsia
Studies,Vol.６１,No.３,２００９,p.４７４.
李孝天:«上海合作组织的新发展:开创地区主义的 “上合模式”»,«当代亚太»,２０２３年
第４期,第９４页.
[美]詹姆斯·多尔蒂、[美]小罗伯特·普法尔茨格拉夫: «争论中的国际关系理论 (第
五版)»(阎学通、陈寒溪等译),北京,世界知识出版社,２００３年版,第５５０~５５３页.

 政治与安全合作而言,不需要承担过高成本,且经济要素具有天然的流动`;

describe("marked footnote bodies", () => {
  it("cuts each body out of the page, removes its marker and links it to its anchor", () => {
    const { blocks, notes, linked, carver } = run(PAGE_002);
    expect([...notes.values()].map((n) => n.marker)).toEqual(["①", "②", "③"]);
    expect(linked.map((l) => l.block.tracked.text.slice(0, 6))).toEqual(["«В Каз", "Антон ", "«МВД К"]);
    for (const l of linked) expect(l.anchor?.block.tracked.text.slice(l.anchor.offset, l.anchor.offset + 1)).toBe(l.note.marker);
    // The next page's text ("1. 强调…", indented) is not part of body ③.
    expect(blocks[blocks.length - 1]!.tracked.text).toMatch(/^1\. 强调维护联合国权威/);
    expect(carver.dropped.filter((p) => p.rule === "structure.footnote-marker")).toHaveLength(3);
  });

  it("joins the URL that a line end broke", () => {
    const { linked } = run(PAGE_002);
    const first = joinUrls(linked[0]!.block.tracked, {});
    expect(first.text).toContain("http://today.kz/news/kazahstan/2013-02-22/234251-news/");
    const third = joinUrls(linked[2]!.block.tracked, {});
    expect(third.text).toContain("show-44461-o-roste-ekstremizma");
  });

  it("takes no CIP classification and no enumeration for a footnote", () => {
    expect(run("I. ①上… II. ①钱… III. ①上海合作组织—国家安全\n—国际合作—研究 IV. ①D814.1 ②D815.5").notes.size).toBe(0);
    expect(run("主要措施有:\n①加强边境管控；②完善法律基础；③开展联合演习。").notes.size).toBe(0);
  });
});

describe("bodies after a run of bare markers", () => {
  it("cuts as many bodies as markers at the citation boundaries", () => {
    const { notes, linked, carver } = run(PAGE_004);
    expect(notes.size).toBe(3);
    expect(linked.map((l) => l.block.tracked.text.slice(0, 7))).toEqual(["Stephen", "李孝天:«上海", "[美]詹姆斯·"]);
    expect(linked[2]!.anchor?.block.tracked.text).toMatch(/领域\.③/);
    expect(carver.dropped.filter((p) => p.rule === "structure.footnote-marker")).toHaveLength(3);
  });

  it("merges an explanation and its See … source into one note when the markers say so", () => {
    const page = `化过程.⑤\n\n①\n\n②\n\n其中,“薄的承认”追求只要是人就应该享有的基本权利,“厚的承认”则是在 “薄的承认”
基础上尊重行为体的特殊要求,如个人对社群的归属感和对美德的追求、国家对大国地位的追求等.
SeeAlexander Wendt,“Whya WorldStateIsInevitable,”EuropeanJournalofInternational
Relations,Vol.９,No.４,２００３,pp.５１１Ｇ５１２.
曾向红、邹谨键:«反恐与承认:恐怖主义全球治理过程中的价值破碎化», «当代亚太»,
２０１８年第４期,第１１９~１２０页.`;
    const { linked } = run(`国家追求两种承认形式.① 国家的主权不完整.②\n\n${page}`);
    expect(linked).toHaveLength(2);
    expect(linked[0]!.block.tracked.text).toMatch(/^其中.*Wendt.*５１２\.$/);
    expect(linked[1]!.block.tracked.text).toMatch(/^曾向红、邹谨键/);
  });

  it("passes over the anchors of a page that lost its bodies", () => {
    // Page 13 kept ①②③④ but not their bodies; page 14's one body links to page 14's ①.
    const { linked } = run("乌哈平衡中俄的情况.① 相互制约.② 的考虑.③ 出售装备.④\n\n 提供了基本依据.① 这一机制设置\n\n①\n\n需要说明的是,观察员国与对话伙伴国之间的差异.");
    expect(linked).toHaveLength(1);
    expect(linked[0]!.anchor?.block.tracked.text).toMatch(/^\s*提供了基本依据/);
  });
});
