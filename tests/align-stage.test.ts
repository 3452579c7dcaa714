// The align stage on hand-built documents made of the sources' real titles, authors, keywords and
// abstracts (tests/data/align/abstracts.json), with their hand-checked alignments.
import { describe, expect, it } from "vitest";
import { align } from "../pipeline/align/index.js";
import { loadConfig } from "../pipeline/config.js";
import type { Alignment } from "../pipeline/model/schema.js";
import { Tracked } from "../pipeline/model/tracked.js";
import { emptyDoc, type Block, type WorkDoc } from "../pipeline/model/work.js";
import { fixtures, type Fixture } from "./align-fixtures.js";

const config = loadConfig().config;

function workDoc(id: string, f: Fixture, blocks: Block[] = []): WorkDoc {
  const doc = emptyDoc(id, { path: `${id}.txt`, sha256: "0".repeat(64), encoding: "utf-8", bom: false, lineEndings: "lf", bytes: 1, chars: 1 }, "", {});
  const abstracts = Object.entries(f.abstracts).map(([lang, sentences]) => {
    const text = sentences.join(lang === "zh" ? "" : " ");
    let at = 0;
    return {
      lang,
      text,
      block: null,
      sentences: sentences.map((s) => {
        const start = text.indexOf(s, at);
        at = start + s.length;
        return { start, end: at, text: s };
      }),
    };
  });
  return { ...doc, metadata: { ...doc.metadata, title: f.title, keywords: f.keywords, authors: f.authors.map((name) => ({ name })) }, abstracts, blocks };
}

const links = (alignments: Alignment[], scope: string, a: string, b: string): string =>
  alignments
    .find((al) => al.scope === scope && al.langs[0] === a && al.langs[1] === b)!
    .links.map((l) => `[${l.src}]:[${l.tgt}]`)
    .join(" ");

describe("align stage", () => {
  it("pairs every unit of 002 (zh, ru, en) in every language pair present", () => {
    const { alignments } = align(workDoc("002", fixtures["002"]!), config);
    expect(alignments.map((al) => `${al.scope} ${al.langs.join("-")}`)).toEqual([
      "title zh-ru",
      "authors zh-ru",
      "abstract zh-en",
      "abstract zh-ru",
      "abstract en-ru",
      "keywords en-ru",
    ]);
    expect(links(alignments, "abstract", "zh", "en")).toBe("[0]:[0,1] [1]:[2] [2]:[3]");
    // No dictionary for zh–ru: English is the pivot.
    expect(links(alignments, "abstract", "zh", "ru")).toBe("[0]:[0,1] [1]:[2] [2]:[3]");
    expect(links(alignments, "abstract", "en", "ru")).toBe("[0]:[0] [1]:[1] [2]:[2] [3]:[3]");
    expect(links(alignments, "title", "zh", "ru")).toBe("[0]:[0]");
    expect(links(alignments, "authors", "zh", "ru")).toBe("[0]:[0]"); // 阳军 / Ян Цзюнь
    // ШОС / SCO, сотрудничество в сфере безопасности / Security Cooperation, борьба с терроризмом / Counterterrorism
    expect(links(alignments, "keywords", "en", "ru")).toBe("[0]:[0] [1]:[1] [2]:[2]");
  });

  it("aligns 003's abstracts, title and author zh–en", () => {
    const { alignments } = align(workDoc("003", fixtures["003"]!), config);
    expect(links(alignments, "abstract", "zh", "en")).toBe("[0]:[0] [1]:[1] [2]:[2] [3]:[3] [4]:[4]");
    expect(links(alignments, "title", "zh", "en")).toBe("[0]:[0]");
    expect(links(alignments, "authors", "zh", "en")).toBe("[0]:[0]"); // 许涛 / Xu Tao
    for (const al of alignments) for (const l of al.links) expect(l.score).toBeGreaterThan(0.9);
  });

  it("matches keywords by translation when the lists are in different orders", () => {
    const f: Fixture = { title: {}, authors: [], abstracts: {}, keywords: { zh: ["新安全观", "上海合作组织", "安全合作"], en: ["SCO", "Security Cooperation", "New Security Concept"] } };
    const { alignments } = align(workDoc("kw", f), config);
    // 新安全观 ↔ New Security Concept, 安全合作 ↔ Security Cooperation; 上海合作组织 and the acronym SCO share no word.
    expect(links(alignments, "keywords", "zh", "en")).toBe("[0]:[2] [2]:[1]");
  });

  it("aligns a translated body sentence by sentence (001's opening), but not a stray sentence or two", () => {
    const zh = [
      "本·拉登被美国击毙后，南亚与中亚安全也呈现出一些新的不稳定因素。这些不稳定因素也在一定程度上影响着中俄国内的安全环境。",
      "面对这样的安全环境，上合组织有效应对威胁的能力明显不足。",
    ];
    const en = [
      "Some troubling security concerns also emerged in South Asia and Central Asia since the killing of Osama Bin Laden by the United States. Those troubling security concerns also affect, to some extents, the domestic security environments of both China and Russia.",
      "While confronting these security uncertainties, the SCO obviously lacks the effective responding capacities, which can be seen from the following aspects.",
    ];
    const f: Fixture = { title: {}, authors: [], abstracts: {}, keywords: {} };
    const body = (zhParas: string[], enParas: string[]): Alignment[] =>
      align(workDoc("body", f, [...zhParas.map((t) => paragraph(t, "zh")), ...enParas.map((t) => paragraph(t, "en"))]), config).alignments;
    expect(links(body(zh, en), "body", "zh", "en")).toBe("[0]:[0] [1]:[1] [2]:[2]");
    // Two English sentences in a Chinese text are a quotation, not a parallel body.
    expect(body(zh, en.slice(0, 1)).some((al) => al.scope === "body")).toBe(false);
  });
});

/** A paragraph block whose sentences end at 。 or ". ". */
function paragraph(text: string, lang: string): Block {
  const sentences: { start: number; end: number }[] = [];
  const re = lang === "zh" ? /[^。]+。/g : /[^.]+\.(\s|$)/g;
  for (const m of text.matchAll(re)) sentences.push({ start: m.index, end: m.index + m[0].trimEnd().length });
  return { kind: "paragraph", tracked: Tracked.slice(text, 0, text.length), lang, langSpans: [], sentences };
}
