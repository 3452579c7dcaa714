// The corpus-wide entity list (output/entities.jsonl): every entity id of every document, with its
// names per language (most frequent first), mention counts and the documents that mention it.
import { EntityRecord, type Document } from "../model/schema.js";
import type { EntityType } from "./types.js";

interface Tally {
  types: Map<EntityType, number>;
  names: Map<string, Map<string, number>>;
  byLang: Map<string, number>;
  docs: Map<string, number>;
  mentions: number;
}

/** The corpus-wide tallies, fed one document at a time: memory grows with the entities, not the texts. */
export class EntityTable {
  private readonly tallies = new Map<string, Tally>();

  add(doc: Document): void {
    const langOf = new Map(doc.passages.map((p) => [p.id, p.lang]));
    for (const entity of doc.entities) {
      let t = this.tallies.get(entity.id);
      if (!t) this.tallies.set(entity.id, (t = { types: new Map(), names: new Map(), byLang: new Map(), docs: new Map(), mentions: 0 }));
      t.types.set(entity.type, (t.types.get(entity.type) ?? 0) + entity.mentions.length);
      for (const [lang, names] of Object.entries(entity.names)) {
        const counts = t.names.get(lang) ?? new Map<string, number>();
        for (const name of names) counts.set(name, (counts.get(name) ?? 0) + entity.mentions.filter((m) => m.text.replace(/\s+/g, " ") === name).length);
        t.names.set(lang, counts);
      }
      for (const m of entity.mentions) {
        const lang = nameLang(entity.names, m.text) ?? langOf.get(m.passage) ?? "und";
        t.byLang.set(lang, (t.byLang.get(lang) ?? 0) + 1);
      }
      t.docs.set(doc.id, (t.docs.get(doc.id) ?? 0) + entity.mentions.length);
      t.mentions += entity.mentions.length;
    }
  }

  /** One record per entity id, sorted by id; every tie is broken by key, so the order documents were added in does not matter. */
  records(): EntityRecord[] {
    return [...this.tallies]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .filter(([, t]) => t.mentions > 0)
      .map(([id, t]) =>
        EntityRecord.parse({
          id,
          type: top(t.types),
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

const byKey = <T>([a]: [string, T], [b]: [string, T]): number => (a < b ? -1 : a > b ? 1 : 0);
const byCountThenKey = ([a, x]: [string, number], [b, y]: [string, number]): number => y - x || (a < b ? -1 : a > b ? 1 : 0);
const top = <T extends string>(m: Map<T, number>): T => [...m].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0]![0];
