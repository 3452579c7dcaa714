// The clean stage's layout on real sources: paragraphs rebuilt, page furniture dropped by its rule,
// footnote bodies kept apart, sidebars, tables of contents and tables as passages of their kind.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { clean } from "../pipeline/clean/index.js";
import { emptyDoc } from "../pipeline/model/work.js";

const sources = new URL("../sources/", import.meta.url);
// The development set of another publisher (../shared/corpus-dev, CC BY 4.0), where it is checked out.
const dev = new URL("../../shared/corpus-dev/chinaxiv/", import.meta.url).pathname;
const hasDev = existsSync(dev);
const read = (path: string) => readFileSync(path, "utf8");
const source = (name: string) => read(new URL(name, sources).pathname);

function run(text: string) {
  const info = { path: "x.txt", sha256: "0".repeat(64), encoding: "utf-8" as const, bom: false, lineEndings: "lf" as const, bytes: text.length, chars: text.length };
  const doc = clean(emptyDoc("x", info, text, {}), {} as never);
  return {
    texts: doc.blocks.map((b) => b.tracked.text),
    blocks: doc.blocks,
    dropped: doc.dropped.filter((p) => p.rule !== "clean.layout-space").map((p) => ({ rule: p.rule, text: text.slice(p.start, p.end).trim() })),
    inside: doc.blocks.flatMap((b) => b.tracked.edits(null)),
  };
}

describe("paragraphs and page furniture", () => {
  it("drops a running header between two halves of a sentence and rejoins them (002: 地区安全)", () => {
    const out = run(source("002_898bfd35dbb91d39.txt"));
    expect(out.texts.find((t) => t.includes("受众对象（具体的暴恐实施者）有时不固定"))).toBeDefined();
    expect(out.inside.filter((e) => e.rule === "clean.running-header").map((e) => e.before.trim())).toEqual(["地区安全"]);
  });

  it("drops repeated running headers, journal issue lines and fullwidth page numbers (004)", () => {
    const out = run(source("004_6f68708cf0022ea1.txt"));
    const headers = out.dropped.filter((d) => d.rule === "clean.running-header").map((d) => d.text);
    expect(headers).toContain("试析 “上海合作组织发展模式”的内涵与价值");
    expect(headers).toContain("２０２４年第２期");
    expect(out.dropped.filter((d) => d.rule === "clean.page-number").map((d) => d.text)).toEqual(expect.arrayContaining(["２", "０１", "２２"]));
    expect(out.texts.some((t) => t.includes("试析") || /^\d+$/.test(t))).toBe(false);
  });

  it("rejoins a paragraph across a page number (004 lines 44–74 with the page number ２ inside)", () => {
    const lines = source("004_6f68708cf0022ea1.txt").split("\n").slice(43, 74);
    lines.splice(3, 0, "２", "");
    const out = run(lines.join("\n"));
    expect(out.texts).toHaveLength(1);
    expect(out.texts[0]).toContain("这一方面促进了国家之间的交往，另一方面也加速了地区合作进程");
    expect(out.inside.filter((e) => e.rule === "clean.page-number").map((e) => e.before.trim())).toEqual(["２"]);
  });

  it.skipIf(!hasDev)("drops a markdown heading repeated as a running header and rejoins the sentence (ChinaXiv 202201)", () => {
    const out = run(read(`${dev}ChinaXiv-202201.00070V1.md`));
    expect(out.texts.some((t) => t.includes("天山北坡重要经济带城市群或某一地州展开"))).toBe(true);
    expect(out.texts.some((t) => t.includes("干旱区地理") && t.startsWith("#"))).toBe(false);
  });

  it("starts a new paragraph where the column narrows after the abstract (002)", () => {
    const out = run(source("002_898bfd35dbb91d39.txt"));
    expect(out.texts[2]!.endsWith("在地区稳定事务中继续发挥作用。")).toBe(true);
    expect(out.texts[3]!.startsWith("经过16年的发展")).toBe(true);
  });

  it("joins a lone heading numeral with its line and a heading cut at the line end (001)", () => {
    const out = run(source("001_51ad7e2952bd91a4.txt"));
    expect(out.texts[1]!.startsWith("一、推动上合组织有效履行维护地区安全的责任上合组织成立十余年来")).toBe(true);
    expect(out.texts).toContain("Policy Proposals for Enhancing the Sino-Russian Pragmatic Regional Security Cooperation");
  });

  it("never leaves a line break in a passage nor a space between two Han characters", () => {
    for (const name of ["000_b7ca71e7df324894.txt", "001_51ad7e2952bd91a4.txt", "002_898bfd35dbb91d39.txt", "003_17b06f580055d9ce.txt", "004_6f68708cf0022ea1.txt"]) {
      for (const t of run(source(name)).texts) {
        expect(t).not.toMatch(/\n/);
        expect(t).not.toMatch(/\p{Script=Han}[\s\u3000]+\p{Script=Han}/u);
      }
    }
  });
});

describe("sidebars, garbage, tables of contents, tables", () => {
  it("keeps the boxed news box as one sidebar passage without its border glyphs (001)", () => {
    const out = run(source("001_51ad7e2952bd91a4.txt"));
    const sidebar = out.blocks.filter((b) => b.kind === "sidebar").map((b) => b.tracked.text);
    expect(sidebar).toHaveLength(1);
    expect(sidebar[0]!.startsWith("学术交流2011年6月2日至3日，和平与发展研究中心在南京举办")).toBe(true);
    expect(sidebar[0]).toContain("来自江苏省友联会亚太研究中心");
    expect(sidebar[0]).toContain("30余位专家学者参会");
    expect(sidebar[0]).toContain("副主任王霄巍作主题发言");
    expect(sidebar[0]).not.toMatch(/[}{●]|；题|\sj|\si$/);
    expect(out.dropped.filter((d) => d.rule === "clean.garbage-line").map((d) => d.text)).toEqual(
      expect.arrayContaining(["} ； ●", "： 《和平与发展》杂志编辑如I：llJ ： ● 、、1’HT_J仪瓜，，不心删叶t+ ●"]),
    );
  });

  it("makes each table-of-contents line a toc passage without its dot leader (000)", () => {
    const toc = run(source("000_b7ca71e7df324894.txt")).blocks.filter((b) => b.kind === "toc").map((b) => b.tracked.text);
    expect(toc).toHaveLength(33);
    expect(toc[0]).toBe("绪论（1）");
    expect(toc).toContain("第三章上海合作组织防务安全合作对我国发展与稳定的重要意义（128）");
  });

  it.skipIf(!hasDev)("makes an HTML table one table passage of | cell | rows (ChinaXiv 201711.02328)", () => {
    const tables = run(read(`${dev}ChinaXiv-201711.02328V1.md`)).blocks.filter((b) => b.kind === "table");
    expect(tables).toHaveLength(4);
    expect(tables[0]!.tracked.text.startsWith("| 项目 | 铅Pb | 铜Cu | 锌Zn | 镉Cd |")).toBe(true);
  });
});

describe("footnotes stay apart from body paragraphs", () => {
  it("starts a block at every footnote body line with a marker (002 ①, 003 [1], 000 <sup>①</sup>)", () => {
    expect(run(source("002_898bfd35dbb91d39.txt")).texts).toContain("④吴绩新：《从安全合作到能源合作——上海合作组织亟需持续发展动力》，载《国际展望》2007 年第 18 期。");
    expect(run(source("003_17b06f580055d9ce.txt")).texts).toContain("[1] 楚树龙：《冷战后中国安全战略思想的发展》，载《国际政治与安全》1999年第9期，第12页。");
    const book = run(source("000_b7ca71e7df324894.txt")).texts;
    expect(book.some((t) => t.startsWith("①集体安全条约组织全称为独联体集体安全条约组织（CIS）"))).toBe(true);
    expect(book.some((t) => t.includes("集体安全条约组织①、东盟"))).toBe(true);
  });

  it("ends a footnote where the next page's text frame begins (002: …htm / 法，演练…)", () => {
    const texts = run(source("002_898bfd35dbb91d39.txt")).texts;
    expect(texts).toContain("⑤《上海合作组织成员国联合救灾演练在浙江绍兴举行》，载中国中央政府网站 2013 年 6 月 16 日，http://www.gov.cn/gzdt/2013-06/16/content_2426937.htm");
    expect(texts).toContain("法，演练救援时的上下级指挥程序等内容①。");
  });

  it("splits the bodies after a run of bare markers into one block each (004 page 3)", () => {
    const texts = run(source("004_6f68708cf0022ea1.txt")).texts;
    const at = texts.indexOf("Stephen Aris, “The Shanghai Cooperation Organisation:‘Tackling the Three Evils’: A Regional Response to Non-traditional Security Challenges or an Anti-Western Bloc?” Europe-Asia Studies, Vol.61, No.3, 2009, p.474.");
    expect(at).toBeGreaterThan(3);
    expect(texts.slice(at - 3, at)).toEqual(["①", "②", "③"]);
    expect(texts[at + 1]).toBe("李孝天：《上海合作组织的新发展：开创地区主义的“上合模式”》，《当代亚太》，2023年第4期，第94页。");
    expect(texts[at + 2]!.startsWith("[美]詹姆斯·多尔蒂、[美]小罗伯特·普法尔茨格拉夫")).toBe(true);
  });

  it("rejoins URLs broken across lines without a space, keeping their hyphens (002)", () => {
    const texts = run(source("002_898bfd35dbb91d39.txt")).texts.join("\n");
    expect(texts).toContain("http://www.fergananews.com/articles/9006.");
    expect(texts).toContain("http://cn.sco-russia.ru/about_sco/20140901/1013194486.html");
    expect(texts).toContain("salafitov---glava-komiteta-po-delam-religij/");
  });

  it("drops a one-line frame holding a stray citation tail and reads the sentence on across it (004)", () => {
    const out = run(source("004_6f68708cf0022ea1.txt"));
    expect(out.texts.some((t) => t.includes("都体现出“圈层”这一概念的应用具有广泛的适用性"))).toBe(true);
    expect(out.inside.filter((e) => e.rule === "clean.stray-fragment").map((e) => e.before.trim())).toEqual(["学版)»,２０１７年第４期,第６~１３页."]);
  });
});
