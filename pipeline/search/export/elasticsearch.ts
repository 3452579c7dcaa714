// Elasticsearch / OpenSearch export: an index definition (config/search/elasticsearch-mapping.json
// with the stopword lists filled in) and a bulk NDJSON file. The term fields are indexed with a
// whitespace tokenizer; their search analyzers turn raw query text into the same terms (bigrams for
// Chinese, Snowball stems for English and Russian), so a plain match query works.
import { once } from "node:events";
import { createWriteStream, mkdirSync, readFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import { jsonText, writeAtomic } from "../../emit/files.js";
import { configDir, readLines, TEXT_FIELDS } from "../analyze.js";
import { documents, passageRecords, type SearchRecord } from "../records.js";

/** The index definition: "@file" strings of the mapping template become that config file's lines. */
export function elasticsearchMapping(): unknown {
  const fill = (v: unknown): unknown => {
    if (typeof v === "string" && v.startsWith("@")) return readLines(v.slice(1));
    if (Array.isArray(v)) return v.map(fill);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]));
    return v;
  };
  return fill(JSON.parse(readFileSync(join(configDir, "elasticsearch-mapping.json"), "utf8")));
}

export function elasticsearchDocument(r: SearchRecord): Record<string, unknown> {
  const { entities, sectionPath, footnotes, doc } = r.search;
  return {
    id: r.id,
    docId: r.docId,
    kind: r.kind,
    lang: r.lang,
    section: r.section,
    text: r.text,
    ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, r.search[f]])),
    entities,
    sectionPath,
    footnotes,
    doc,
  };
}

/** Bulk API lines for one passage: the action (index by passage id), then the document. */
export function bulkLines(r: SearchRecord): string {
  return `${JSON.stringify({ index: { _id: r.id } })}\n${JSON.stringify(elasticsearchDocument(r))}\n`;
}

/** Write <dir>/mapping.json and <dir>/passages.ndjson for the output `out`; returns the passage count. */
export async function writeElasticsearch(out: string, dir: string): Promise<number> {
  mkdirSync(dir, { recursive: true });
  const bulkFile = join(dir, "passages.ndjson");
  const tmp = `${bulkFile}.${process.pid}.tmp`;
  const stream = createWriteStream(tmp);
  let n = 0;
  for (const doc of documents(out)) {
    for (const r of passageRecords(doc)) {
      n++;
      if (!stream.write(bulkLines(r))) await once(stream, "drain");
    }
  }
  stream.end();
  await once(stream, "finish");
  renameSync(tmp, bulkFile);
  writeAtomic(join(dir, "mapping.json"), jsonText(elasticsearchMapping()));
  return n;
}
