// Corpus-level alignment outputs from Document records: JSONL, TMX 1.4b (checked with xmllint when
// installed), Moses parallel files, and the abstract comparison.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { align } from "../pipeline/align/index.js";
import { compareAbstracts, markdownReport, withCorpusNorm } from "../pipeline/align/formats/comparison.js";
import { alignmentCorpusFiles } from "../pipeline/align/formats/index.js";
import { mosesFiles } from "../pipeline/align/formats/moses.js";
import { tmxFiles, xml } from "../pipeline/align/formats/tmx.js";
import { loadConfig } from "../pipeline/config.js";
import { taken } from "../pipeline/emit/corpus.js";
import { toDocument } from "../pipeline/emit/document.js";
import type { Document } from "../pipeline/model/schema.js";
import { emptyDoc } from "../pipeline/model/work.js";
import { fixtures, type Fixture } from "./align-fixtures.js";

const config = loadConfig().config;

function document(id: string, f: Fixture): Document {
  const doc = emptyDoc(id, { path: `${id}.txt`, sha256: "0".repeat(64), encoding: "utf-8", bom: false, lineEndings: "lf", bytes: 1, chars: 1 }, "", {});
  const abstracts = Object.entries(f.abstracts).map(([lang, sentences]) => {
    const text = sentences.join(lang === "zh" ? "" : " ");
    let at = 0;
    return { lang, text, block: null, sentences: sentences.map((s) => ({ start: (at = text.indexOf(s, at)), end: (at += s.length), text: s })) };
  });
  const work = { ...doc, metadata: { ...doc.metadata, title: f.title, keywords: f.keywords, authors: f.authors.map((name) => ({ name })) }, abstracts };
  return toDocument(align(work, config));
}

/** Run a corpus file over documents the way the build assembles it. */
function assemble(file: ReturnType<typeof tmxFiles>[number], docs: Document[]): string {
  const lines = [...docs.flatMap((d) => taken(file, file.lines(d))), ...(file.tail?.() ?? [])];
  return lines.length ? `${lines.join("\n")}\n` : "";
}

const docs = [document("002", fixtures["002"]!), document("003", fixtures["003"]!)];
// .ci/run installs xmllint; outside CI the XML check is skipped when it is absent.
const hasXmllint = spawnSync("xmllint", ["--version"]).status === 0 || !!process.env.CI;

describe("alignment formats", () => {
  it("writes one JSON line per bead with both texts", () => {
    const jsonl = alignmentCorpusFiles().find((f) => f.name === "alignments.jsonl")!;
    const beads = docs.flatMap((d) => jsonl.lines(d)).map((l) => JSON.parse(l) as Record<string, unknown>);
    const first = beads.find((b) => b.doc === "003" && b.scope === "abstract")!;
    expect(first).toMatchObject({ langs: ["zh", "en"], src: [0], tgt: [0] });
    expect(first.srcText).toMatch(/^20世纪末，面对发生在全球和地区的地缘政治巨变/);
    expect(first.tgtText).toMatch(/^At the end of the 20th century/);
    // 002's 1-2 bead joins its two English sentences with a space.
    const split = beads.find((b) => b.doc === "002" && b.scope === "abstract" && (b.langs as string[])[1] === "en")!;
    expect(split.tgtText).toMatch(/among others\.$/);
  });

  it("writes TMX 1.4b that xmllint accepts, one unit per bead", () => {
    const [zhEn] = tmxFiles([["zh", "en"]]);
    const tmx = assemble(zhEn!, docs);
    expect(tmx.match(/<tu /g)?.length).toBe(3 + 7); // 002: 3 abstract beads; 003: 5 abstract + title + author
    expect(tmx).toContain(`<header creationtool="scholarly-corpus"`);
    if (hasXmllint) expect(spawnSync("xmllint", ["--noout", "-"], { input: tmx }).status).toBe(0);
  });

  it("keeps TMX valid XML when text holds characters XML 1.0 forbids", () => {
    expect(xml("a\u0001b\uD800c<d>&\"")).toBe("abc&lt;d&gt;&amp;&quot;");
    const broken: Fixture = { ...fixtures["003"]!, title: { zh: "中国新安全观\u0007与上合组织", en: "China's New Security\u000B Concept \uDC00" } };
    const [zhEn] = tmxFiles([["zh", "en"]]);
    const tmx = assemble(zhEn!, [document("bad", broken)]);
    expect(tmx).toContain("<seg>中国新安全观与上合组织</seg>");
    if (hasXmllint) expect(spawnSync("xmllint", ["--noout", "-"], { input: tmx }).status).toBe(0);
  });

  it("writes line-parallel Moses files", () => {
    const [en, ru] = mosesFiles([["en", "ru"]]).map((f) => assemble(f, docs).split("\n").filter(Boolean));
    expect(en!.length).toBe(4 + 3); // 002: four abstract sentences and three keywords
    expect(ru!.length).toBe(en!.length);
    expect(en![2]).toMatch(/^In the current international environment/);
    expect(ru![2]).toMatch(/^В нынешней международной ситуации/);
    expect([en![6], ru![6]]).toEqual(["Counterterrorism", "борьба с терроризмом"]);
  });

  it("compares abstracts: sizes, length against the corpus norm, one-sided numbers and dates", () => {
    const [zhEn] = compareAbstracts(docs[1]!);
    expect(zhEn!.sides.map((s) => s.sentences)).toEqual([5, 5]);
    expect(zhEn!.onlyIn.dates).toEqual({ zh: [], en: [] }); // 20世纪末 / 20th century, 21世纪初 / 21st century
    expect(zhEn!.keywords.zh).toEqual({ total: 3, inAbstract: 3, translated: 3 });
    // Drop "16 years" from 002's English: the number is then only in the Chinese.
    const edited = { ...fixtures["002"]!, abstracts: { ...fixtures["002"]!.abstracts, en: fixtures["002"]!.abstracts.en!.map((s) => s.replace("Over the past 16 years, ", "")) } };
    const [zh002] = compareAbstracts(document("002", edited));
    expect(zh002!.onlyIn.numbers).toEqual({ zh: ["16"], en: [] });
    const records = withCorpusNorm([...compareAbstracts(docs[0]!).map((c) => ({ doc: docs[0]!.id, ...c })), { doc: docs[1]!.id, ...zhEn! }]);
    const pair = records.filter((r) => r.langs.join("-") === "zh-en");
    expect(pair[0]!.corpusRatio).toBeCloseTo((pair[0]!.lengthRatio + pair[1]!.lengthRatio) / 2, 2);
    expect(markdownReport(records).join("\n")).toContain("## 002: zh–ru");
  });
});
