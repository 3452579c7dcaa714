// The corpus-wide entity list (output/entities.jsonl): every entity id of every document, with its
// names per language (most frequent first), mention counts and the documents that mention it.
import { EntityRecord, type Document } from "../model/schema.js";
import type { EntityType } from "./types.js";

/** One entity's counts in one document: computed with the document (in a worker), merged on the main thread. */
export interface DocumentTally {
  id: string;
  doc: string;
  types: Record<string, number>;
  names: Record<string, Record<string, number>>;
  byLang: Record<string, number>;
  mentions: number;
}

/** The tallies of each entity of a document. */
export function documentTallies(doc: Document): DocumentTally[] {
  const langOf = new Map(doc.passages.map((p) => [p.id, p.lang]));
  return doc.entities.map((entity) => {
    const names: DocumentTally["names"] = {};
    for (const [lang, list] of Object.entries(entity.names)) {
      names[lang] = Object.fromEntries(list.map((name) => [name, entity.mentions.filter((m) => m.text.replace(/\s+/g, " ") === name).length]));
    }
    const byLang: Record<string, number> = {};
    for (const m of entity.mentions) {
      const lang = nameLang(entity.names, m.text) ?? langOf.get(m.passage) ?? "und";
      byLang[lang] = (byLang[lang] ?? 0) + 1;
    }
    return { id: entity.id, doc: doc.id, types: { [entity.type]: entity.mentions.length }, names, byLang, mentions: entity.mentions.length };
  });
}

interface Tally {
  types: Map<string, number>;
  names: Map<string, Map<string, number>>;
  byLang: Map<string, number>;
  docs: Map<string, number>;
  mentions: number;
}

/** The corpus-wide tallies, fed one document at a time: memory grows with the entities, not the texts. */
export class EntityTable {
  private readonly tallies = new Map<string, Tally>();

  add(doc: Document): void {
    for (const tally of documentTallies(doc)) this.merge(tally);
  }

  merge(d: DocumentTally): void {
    let t = this.tallies.get(d.id);
    if (!t) this.tallies.set(d.id, (t = { types: new Map(), names: new Map(), byLang: new Map(), docs: new Map(), mentions: 0 }));
    addCounts(t.types, d.types);
    for (const [lang, counts] of Object.entries(d.names)) {
      if (!t.names.has(lang)) t.names.set(lang, new Map());
      addCounts(t.names.get(lang)!, counts);
    }
    addCounts(t.byLang, d.byLang);
    t.docs.set(d.doc, (t.docs.get(d.doc) ?? 0) + d.mentions);
    t.mentions += d.mentions;
  }

  /** One record per entity id, sorted by id; every tie is broken by key, so the order documents were added in does not matter. */
  records(): EntityRecord[] {
    return [...this.tallies]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .filter(([, t]) => t.mentions > 0)
      .map(([id, t]) =>
        EntityRecord.parse({
          id,
          type: top(t.types) as EntityType,
          names: Object.fromEntries([...t.names].sort(byKey).map(([lang, counts]) => [lang, [...counts].sort(byCountThenKey).map(([n]) => n)])),
          mentions: t.mentions,
          mentionsByLang: Object.fromEntries([...t.byLang].sort(byKey)),
          docs: [...t.docs].sort(byKey).map(([docId, mentions]) => ({ id: docId, mentions })),
        }),
      );
  }
}

/** The records of a set of documents (in any order). */
export function entityRecords(documents: readonly Document[]): EntityRecord[] {
  const table = new EntityTable();
  for (const doc of documents) table.add(doc);
  return table.records();
}

/** The language whose name list holds the mention's text (names are filed by script). */
function nameLang(names: Record<string, string[]>, text: string): string | undefined {
  const plain = text.replace(/\s+/g, " ");
  return Object.keys(names).find((lang) => names[lang]?.includes(plain));
}

function addCounts(into: Map<string, number>, counts: Record<string, number>): void {
  for (const [k, n] of Object.entries(counts)) into.set(k, (into.get(k) ?? 0) + n);
}

const byKey = <T>([a]: [string, T], [b]: [string, T]): number => (a < b ? -1 : a > b ? 1 : 0);
const byCountThenKey = ([a, x]: [string, number], [b, y]: [string, number]): number => y - x || (a < b ? -1 : a > b ? 1 : 0);
const top = <T extends string>(m: Map<T, number>): T => [...m].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0]![0];
