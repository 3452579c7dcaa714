import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { splitLines, wrapWidths } from "../pipeline/clean/lines.js";
import { plan } from "../pipeline/clean/paragraphs.js";

const source = (name: string) => readFileSync(new URL(`../sources/${name}`, import.meta.url), "utf8");
const texts = (text: string) =>
  plan(text).blocks.map((b) => text.slice(b.lines[0]!.start, b.lines[b.lines.length - 1]!.end).replace(/\s*\n\s*/g, ""));

describe("paragraphs", () => {
  it("joins hard-wrapped lines separated by blank lines (sources/002)", () => {
    const text = source("002_898bfd35dbb91d39.txt");
    expect(wrapWidths(splitLines(text)).wide).toBeGreaterThanOrEqual(40);
    const paras = texts(text);
    expect(paras[0]).toBe("上海合作组织的安全合作");
    expect(paras[1]).toBe("阳军");
    expect(paras).toContain("一、安全合作定位");
    // The next line after the paragraph's last one stops short of the margin: it is an indented
    // first line whose indent the extraction lost, so the paragraph ends here.
    expect(paras).toContain(
      "国际经验表明，有效的地区安全机制是地区安全秩序的基础，不同性质的合作机制有不同的目标和功能，最终形成不同的安全秩序。从上合组织成立至今的发展历程与合作实践看，该组织的安全合作目的主要有二\u2006：一是维护和巩固地区和平与稳定；二是探索实践适合本地区国情的安全合作模式。",
    );
  });

  it("keeps markdown paragraphs and headings apart (sources/003)", () => {
    const paras = texts(source("003_17b06f580055d9ce.txt"));
    expect(paras[0]).toBe("# 中国新安全观与上合组织 二十年安全实践");
    expect(paras[1]).toBe("许涛");
    expect(paras).toContain("## 一、新安全观的确立与上合组织");
    expect(paras.filter((p) => p.startsWith("**【"))).toHaveLength(6);
  });

  it("starts a paragraph at an indented line after a finished sentence (sources/004)", () => {
    const paras = texts(source("004_6f68708cf0022ea1.txt"));
    const start = paras.findIndex((p) => p.startsWith("迄今为止,上海合作组织"));
    expect(start).toBeGreaterThan(0);
    expect(paras[start - 1]!.endsWith("有所启发.")).toBe(true);
    expect(paras[start]!.endsWith("行稳致远.")).toBe(false);
  });
});
