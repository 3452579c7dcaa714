import { describe, expect, it } from "vitest";
import { Tracked } from "../pipeline/model/tracked.js";
import { emptyDoc, type Block } from "../pipeline/model/work.js";
import { segment } from "../pipeline/segment/index.js";
import { cutBlock, mixedCuts } from "../pipeline/segment/split-mixed.js";
import { loadConfig } from "../pipeline/config.js";

const block = (source: string, kind: Block["kind"] = "paragraph"): Block => ({
  kind,
  tracked: Tracked.slice(source, 0, source.length),
  lang: "zh",
  langSpans: [],
  sentences: [],
});

// sources/004: a Chinese footnote and the English reference of the next one, merged by layout.
const MERGED =
  "其中,“薄的承认”追求只要是人就应该享有的基本权利,“厚的承认”则是在“薄的承认”基础上尊重行为体的特殊要求,如个人对社群的归属感和对美德的追求、国家对大国地位的追求等. SeeAlexander Wendt,“Whya WorldStateIsInevitable,”EuropeanJournalofInternational Relations,Vol.9,No.4,2003,pp.511-512.";

describe("segment.split-mixed", () => {
  it("cuts a block merged from a Chinese note and an English reference", () => {
    const b = block(MERGED);
    const cuts = mixedCuts(b);
    expect(cuts).toEqual([MERGED.indexOf("SeeAlexander")]);
    const counts: Record<string, number> = {};
    const parts = cutBlock(b, cuts, counts);
    expect(parts.map((p) => p.block.tracked.text)).toEqual([MERGED.slice(0, MERGED.indexOf(" SeeAlexander")), MERGED.slice(MERGED.indexOf("SeeAlexander"))]);
    expect(counts).toEqual({ "segment.split-mixed": 1 });
    // The halves still tile the source.
    expect(parts[0]!.block.tracked.span).toEqual({ start: 0, end: MERGED.indexOf("SeeAlexander") });
    expect(parts[1]!.block.tracked.span).toEqual({ start: MERGED.indexOf("SeeAlexander"), end: MERGED.length });
  });

  it("keeps a Chinese paragraph that quotes English or Russian names whole (sources/003, 002)", () => {
    expect(mixedCuts(block("“上海合作组织发展模式”(SCO Way,以下简称“上合模式”).这一模式支撑着上合组织在激荡的国际形势中行稳致远.", "paragraph"))).toEqual([]);
    expect(mixedCuts(block("俄罗斯学者瑟索耶夫（Сысоев Е.С.）认为，上合组织的安全合作有其特殊性。这一观点值得重视。", "paragraph"))).toEqual([]);
    expect(mixedCuts(block("SHANGHAI HEZUO ZUZHI FANGWU ANQUAN HEZUO YANJIU", "title"))).toEqual([]);
  });

  it("moves a footnote anchor into the half that holds it, with a message", () => {
    const b = block(MERGED);
    const doc = emptyDoc("d", { path: "d.txt", sha256: "0".repeat(64), encoding: "utf-8", bom: false, lineEndings: "lf", bytes: 1, chars: MERGED.length }, MERGED, {});
    const at = MERGED.indexOf("Vol.9");
    const out = segment({ ...doc, blocks: [b], footnotes: [{ marker: "①", text: "x", anchor: { block: b, offset: at } }] }, loadConfig().config);
    expect(out.blocks.map((x) => x.lang)).toEqual(["zh", "en"]);
    const anchor = out.footnotes[0]!.anchor!;
    expect(anchor.block).toBe(out.blocks[1]);
    expect(anchor.block.tracked.text.slice(anchor.offset, anchor.offset + 5)).toBe("Vol.9");
    expect(out.messages.map((m) => m.rule)).toEqual(["segment.split-mixed"]);
  });
});
