// The entities stage on the five sources through the whole pipeline: mentions are slices of their
// passages, the names of one entity in each language share its id (the kind of expectation the
// corpus is judged by), and the corpus-wide records (output/entities.jsonl) add up.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { loadConfig } from "../pipeline/config.js";
import { entityRecords } from "../pipeline/entities/corpus.js";
import { EntityRecord, type Document } from "../pipeline/model/schema.js";
import { processSource } from "../pipeline/run/process.js";
import { sourcesDir } from "./helpers.js";

// Names that must be found in a source and all carry one id.
const together: Record<string, string[][]> = {
  "000": [["季北慈", "Bates Gill"], ["上海合作组织", "上合组织"], ["集体安全条约组织", "独联体集体安全条约组织"], ["斯塔尔", "弗瑞德里克·斯塔尔"]],
  "001": [["北约", "NATO"], ["上合组织", "SCO", "Shanghai Cooperation Organization"], ["本·拉登", "Osama Bin Laden"], ["阿富汗", "Afghanistan"], ["东盟", "ASEAN"]],
  "002": [["地区反恐怖机构", "Региональной антитеррористической структуры ШОС"], ["上合组织", "ШОС", "Шанхайской организации сотрудничества", "SCO"], ["阳军", "Ян Цзюнь"], ["哈萨克斯坦", "Казахстане"]],
  "003": [["瑟索耶夫", "Сысоев Е.С."], ["诺罗夫", "Vladimir Imamovich Norov"], ["许涛", "Xu Tao"], ["上海五国", "Shanghai Five"], ["冷战", "Cold War"], ["杜尚别宣言", "Dushanbe Declaration"], ["习近平", "Xi Jinping"]],
  "004": [["斯蒂芬·艾利斯", "Stephen Aris"], ["东盟", "东南亚国家联盟"]],
};

const documents: Document[] = [];
const stageMs: number[] = [];

beforeAll(() => {
  const config = loadConfig().config;
  for (const file of readdirSync(sourcesDir).filter((f) => f.endsWith(".txt")).sort()) {
    const r = processSource({ docId: file.replace(/\.txt$/, ""), path: file, bytes: readFileSync(join(sourcesDir, file)), config });
    if (!r.ok) throw new Error(`${file}: ${r.reason}`);
    documents.push(r.document);
    stageMs.push(r.timings.entities ?? 0);
  }
});

const plain = (s: string) => s.replace(/\s+/g, "").replace(/[·•\u{100170}]/gu, "·");

describe("entities of the sources", () => {
  test("every mention is the slice of its passage it points at; ids are unique", () => {
    for (const doc of documents) {
      const text = new Map(doc.passages.map((p) => [p.id, p.text]));
      const ids = doc.entities.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const e of doc.entities) {
        expect(e.id).toMatch(/^(person|org|gpe|loc|date|work|event):\S+$/);
        expect(e.mentions.length).toBeGreaterThan(0);
        for (const m of e.mentions) expect(text.get(m.passage)?.slice(m.start, m.end)).toBe(m.text);
      }
    }
  });

  test("the names of one entity share one id, in every language", () => {
    const failed: string[] = [];
    for (const doc of documents) {
      const mentions = doc.entities.flatMap((e) => e.mentions.map((m) => ({ text: plain(m.text), id: e.id })));
      for (const names of together[doc.id.slice(0, 3)] ?? []) {
        const ids = names.map((n) => new Set(mentions.filter((m) => m.text === plain(n)).map((m) => m.id)));
        const all = new Set(ids.flatMap((s) => [...s]));
        if (ids.some((s) => s.size === 0) || all.size !== 1) failed.push(`${doc.id}: ${names.join(" / ")} → ${ids.map((s) => [...s].join(",") || "none").join(" / ")}`);
      }
    }
    expect(failed).toEqual([]);
  });

  test("the stage keeps to its time: jieba and CC-CEDICT load once, then a few hundred ms a source", () => {
    const [first = 0, ...rest] = stageMs;
    expect(first).toBeLessThan(5000);
    for (const ms of rest) expect(ms).toBeLessThan(1500);
  });
});

describe("corpus records", () => {
  test("one valid record per id, adding up to the documents' mentions", () => {
    const records = entityRecords(documents);
    for (const r of records) EntityRecord.parse(r);
    const ids = records.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    const total = documents.reduce((n, d) => n + d.entities.reduce((k, e) => k + e.mentions.length, 0), 0);
    expect(records.reduce((n, r) => n + r.mentions, 0)).toBe(total);
    for (const r of records) {
      expect(r.docs.reduce((n, d) => n + d.mentions, 0)).toBe(r.mentions);
      expect(Object.values(r.mentionsByLang).reduce((n, k) => n + k, 0)).toBe(r.mentions);
    }
    const sco = records.find((r) => r.id === "org:sco");
    expect(sco?.docs.length).toBe(documents.length);
    expect(Object.keys(sco?.names ?? {}).sort()).toEqual(["en", "ru", "zh"]);
  });

  test("the same documents in another order give the same records", () => {
    expect(JSON.stringify(entityRecords([...documents].reverse()))).toBe(JSON.stringify(entityRecords(documents)));
  });
});
