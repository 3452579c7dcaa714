// What every index is fed: the passages of a built output, in manifest order, each with its
// index-ready fields and the spans of its entity mentions (for highlighting), plus the entities'
// names in every language, from the registry and the documents (for finding names in queries).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readDocument } from "../emit/corpus.js";
import { registryEntries } from "../entities/config.js";
import type { Document, LangSpan, Manifest, PassageKind, SearchFields } from "../model/schema.js";
import { searchFields } from "./fields.js";

export interface Mention {
  entity: string;
  start: number;
  end: number;
}

export interface SearchRecord {
  id: string;
  docId: string;
  kind: PassageKind;
  lang: string;
  text: string;
  langSpans: LangSpan[];
  section: string | null;
  search: SearchFields;
  mentions: Mention[];
}

export interface EntityNames {
  id: string;
  type: string;
  names: Record<string, string[]>;
}

function readManifest(out: string): Manifest {
  return JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as Manifest;
}

/** Ids of the documents of an output, in manifest order. */
export function documentIds(out: string): string[] {
  return readManifest(out).sources.flatMap((s) => (s.status === "ok" && s.docId ? [s.docId] : []));
}

/** Identifies the content of an output: an index built from it stays valid while this is unchanged. */
export function outputStamp(out: string): string {
  const m = readManifest(out);
  const sources = m.sources.map((s) => [s.path, s.docId, s.sha256, s.status]);
  return createHash("sha256").update(JSON.stringify([m.configHash, m.pipelineHash, sources])).digest("hex");
}

export function* documents(out: string): Generator<Document> {
  for (const id of documentIds(out)) yield readDocument(out, id);
}

export function passageRecords(doc: Document): SearchRecord[] {
  const mentions = new Map<string, Mention[]>();
  for (const e of doc.entities) {
    for (const m of e.mentions) {
      const list = mentions.get(m.passage) ?? [];
      list.push({ entity: e.id, start: m.start, end: m.end });
      mentions.set(m.passage, list);
    }
  }
  return doc.passages.map((p) => ({
    id: p.id,
    docId: doc.id,
    kind: p.kind,
    lang: p.lang,
    text: p.text,
    langSpans: p.langSpans,
    section: p.section,
    search: searchFields(doc, p),
    mentions: (mentions.get(p.id) ?? []).sort((a, b) => a.start - b.start || a.end - b.end),
  }));
}

/** The entity registry's names (config/entities/registry.json), aliases and abbreviations included:
 *  documents list only the names they use, and a query may use any other (RATS, РАТС). */
export function registryNames(): Map<string, EntityNames> {
  return new Map(registryEntries.map((e) => [e.id, { id: e.id, type: e.type, names: { ...e.names } as Record<string, string[]> }]));
}

/** Adds a document's entities to `into`, merging the names of an id seen in several documents. */
export function mergeEntityNames(into: Map<string, EntityNames>, doc: Document): void {
  for (const e of doc.entities) {
    const entry = into.get(e.id) ?? { id: e.id, type: e.type, names: {} };
    for (const [lang, names] of Object.entries(e.names)) {
      entry.names[lang] = [...new Set([...(entry.names[lang] ?? []), ...names])];
    }
    into.set(e.id, entry);
  }
}
