// Index-ready fields and the Elasticsearch/OpenSearch export of a real build of the sources.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../pipeline/config.js";
import { SearchFields, type Document } from "../pipeline/model/schema.js";
import { build } from "../pipeline/run/build.js";
import { readLines } from "../pipeline/search/analyze.js";
import { elasticsearchMapping, writeElasticsearch } from "../pipeline/search/export/elasticsearch.js";
import { searchFields } from "../pipeline/search/fields.js";
import { documents } from "../pipeline/search/records.js";
import { scratch, sourcesDir } from "./helpers.js";

let out: string;
let docs: Document[];
beforeAll(async () => {
  out = scratch("search-export");
  await build({ sources: [sourcesDir], out, config: loadConfig(), workers: false });
  docs = [...documents(out)];
});
afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe("searchFields", () => {
  it("gives every passage schema-valid fields; entities are those mentioned in it", () => {
    for (const doc of docs) {
      for (const p of doc.passages) {
        const f = SearchFields.parse(searchFields(doc, p));
        const mentioned = new Set(doc.entities.filter((e) => e.mentions.some((m) => m.passage === p.id)).map((e) => e.id));
        expect(f.entities).toEqual([...mentioned].sort());
        expect(f.doc.kind).toBe(doc.kind);
      }
    }
  });

  it("has jieba words and bigrams for a Chinese passage of 002 and the body's entity id", () => {
    const doc = docs.find((d) => d.id.startsWith("002"))!;
    const p = doc.passages.find((x) => x.text.includes("地区反恐怖机构是上合组织安全合作的核心机构"))!;
    const f = searchFields(doc, p);
    expect(f.zh.split(" ")).toEqual(expect.arrayContaining(["地区反恐怖机构", "上合组织", "核心"]));
    expect(f.zhBigrams.split(" ")).toEqual(expect.arrayContaining(["反恐", "恐怖", "怖机"]));
    expect(f.entities).toEqual(expect.arrayContaining(["org:rats", "org:sco"]));
    expect(f.doc.title).toBe(doc.metadata.title.zh);
  });

  it("gives the section path and footnotes anchored in a passage, from the document's own links", () => {
    for (const doc of docs) {
      const sections = new Map(doc.sections.map((s) => [s.id, s]));
      for (const p of doc.passages.filter((x) => x.section)) {
        const f = searchFields(doc, p);
        expect(f.sectionPath[f.sectionPath.length - 1]).toBe(sections.get(p.section!)!.title);
      }
      for (const fn of doc.footnotes.filter((x) => x.anchor)) {
        const p = doc.passages.find((x) => x.id === fn.anchor!.passage)!;
        expect(searchFields(doc, p).footnotes).toContain(fn.id);
      }
    }
  });
});

describe("Elasticsearch export", () => {
  it("writes bulk pairs for every passage that the strict mapping accepts", async () => {
    const dir = join(out, "es");
    const n = await writeElasticsearch(out, dir);
    expect(n).toBe(docs.reduce((s, d) => s + d.passages.length, 0));
    const lines = readFileSync(join(dir, "passages.ndjson"), "utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2 * n);
    const mapping = JSON.parse(readFileSync(join(dir, "mapping.json"), "utf8"));
    const props = mapping.mappings.properties;
    for (let i = 0; i < lines.length; i += 2) {
      expect(lines[i].index._id).toBe(lines[i + 1].id);
      // dynamic: strict rejects a document with an unmapped field.
      for (const key of Object.keys(lines[i + 1])) expect(props, key).toHaveProperty(key);
      for (const key of Object.keys(lines[i + 1].doc)) expect(props.doc.properties, key).toHaveProperty(key);
    }
    expect(new Set(lines.filter((_, i) => i % 2 === 0).map((l) => l.index._id)).size).toBe(n);
  });

  it("fills the mapping's stopword lists from config/search and gives each term field a search analyzer", () => {
    const mapping = elasticsearchMapping() as any;
    const { filter, analyzer } = mapping.settings.analysis;
    expect(filter.en_stop.stopwords).toEqual(readLines("stopwords-en.txt"));
    expect(filter.ru_stop.stopwords).toEqual(readLines("stopwords-ru.txt"));
    for (const f of ["zhBigrams", "en", "ru", "other"]) expect(analyzer).toHaveProperty(mapping.mappings.properties[f].search_analyzer);
  });
});
