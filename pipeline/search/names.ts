// Entity names inside a query. Names and queries are compared as sequences of units, a Han character
// or a word's term, so 上合组织 is found inside 上合组织反恐合作 and Региональной антитеррористической
// структуры (any case form) matches the name Региональная антитеррористическая структура.
import { runs, wordTerm } from "./analyze.js";
import type { EntityNames } from "./records.js";

interface Unit {
  key: string;
  start: number;
  end: number;
}

/** Query text is analyzed as language "und": each script goes to its default field. */
export function units(text: string): Unit[] {
  const out: Unit[] = [];
  for (const run of runs(text, "und")) {
    if (run.kind !== "han") {
      out.push({ key: wordTerm(run) ?? run.text.toLowerCase(), start: run.start, end: run.end });
      continue;
    }
    let pos = run.start;
    for (const ch of run.text) {
      out.push({ key: ch, start: pos, end: pos + ch.length });
      pos += ch.length;
    }
  }
  return out;
}

export interface NameMatch {
  /** Every entity with this name (an alias may be shared). */
  entities: string[];
  start: number;
  end: number;
}

interface Candidate {
  keys: string[];
  entities: string[];
}

export interface NameIndex {
  find(query: string): NameMatch[];
  names(entity: string): string[];
}

export function nameIndex(entities: Iterable<EntityNames>): NameIndex {
  const byKey = new Map<string, Candidate>();
  const namesOf = new Map<string, string[]>();
  for (const e of entities) {
    const all = [...new Set(Object.values(e.names).flat())];
    namesOf.set(e.id, all);
    for (const name of all) {
      const keys = units(name).map((u) => u.key);
      // One Han character (中, 俄) is too ambiguous to stand for an entity inside a query.
      if (keys.length === 0 || (keys.length === 1 && /^\p{Script=Han}$/u.test(keys[0]!))) continue;
      const id = keys.join("\u0000");
      const c = byKey.get(id) ?? { keys, entities: [] };
      if (!c.entities.includes(e.id)) c.entities.push(e.id);
      byKey.set(id, c);
    }
  }
  const byFirst = new Map<string, Candidate[]>();
  for (const c of byKey.values()) byFirst.set(c.keys[0]!, [...(byFirst.get(c.keys[0]!) ?? []), c]);
  for (const list of byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length);

  return {
    names: (entity) => namesOf.get(entity) ?? [],
    // Leftmost, longest names first; matches do not overlap.
    find(query) {
      const us = units(query);
      const out: NameMatch[] = [];
      for (let i = 0; i < us.length; ) {
        const hit = (byFirst.get(us[i]!.key) ?? []).find((c) => c.keys.every((k, j) => us[i + j]?.key === k));
        if (!hit) {
          i++;
          continue;
        }
        out.push({ entities: [...hit.entities].sort(), start: us[i]!.start, end: us[i + hit.keys.length - 1]!.end });
        i += hit.keys.length;
      }
      return out;
    },
  };
}
