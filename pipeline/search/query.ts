// A query becomes a plan every engine can run: clauses that must all hold, each satisfied by any of
// its alternatives, each alternative a conjunction of phrases in one field. A Han run must occur as
// a substring (a phrase of its bigrams); a word must occur as a stem. An entity name in the query
// also matches the entity's id and every name it has in any language: that is the cross-language
// recall (上合组织 finds SCO and ШОС).
import { hanBigrams, hanWords, runs, wordTerm, type Run, type TextField } from "./analyze.js";
import type { NameIndex } from "./names.js";

export interface Phrase {
  field: TextField | "entities";
  terms: string[];
  /** The Han text the phrase stands for, to highlight it where it occurs. */
  literal?: string;
}

/** All of these phrases. */
export type Alternative = Phrase[];
/** Any of these alternatives. */
export type Clause = Alternative[];

export interface QueryPlan {
  /** All of these clauses. */
  clauses: Clause[];
  /** Entities named in the query or required by a filter. */
  entities: string[];
}

/** Two forms of a text: bigrams and stems (recall), jieba words and plain lower-cased words (any
 *  language, for words in `other`). Stopwords are left out of stemmed phrases. */
export function textAlternatives(text: string): Alternative[] {
  const rs = runs(text, "und");
  const stemmed = phrases(rs, (r) => (r.kind === "han" ? [{ field: "zhBigrams", terms: hanBigrams(r).map((t) => t.term), literal: r.text }] : term(r, r.field)));
  const plain = phrases(rs, (r) => (r.kind === "han" ? [{ field: "zh", terms: hanWords(r).map((t) => t.term), literal: r.text }] : term(r, "other")));
  return dedupe([stemmed, plain].filter((a) => a.length > 0));
}

function term(r: Run, field: Run["field"]): Phrase[] {
  const t = wordTerm(r, field);
  return t ? [{ field, terms: [t] }] : [];
}

/** Consecutive word terms of one field join into one phrase; a Han run is a phrase of its own. */
function phrases(rs: readonly Run[], of: (r: Run) => Phrase[]): Phrase[] {
  const out: Phrase[] = [];
  let prev: Run | null = null;
  for (const r of rs) {
    for (const p of of(r)) {
      const last = out[out.length - 1];
      if (last && !p.literal && !last.literal && last.field === p.field && prev?.kind !== "han") last.terms.push(...p.terms);
      else out.push({ ...p, terms: [...p.terms] });
    }
    prev = r;
  }
  return out;
}

function dedupe<T>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((x) => {
    const k = JSON.stringify(x);
    return !seen.has(k) && (seen.add(k), true);
  });
}

export function planQuery(query: string, names: NameIndex, filter: { entity?: string } = {}): QueryPlan {
  const clauses: Clause[] = [];
  const entities = new Set<string>();
  const matches = names.find(query);
  let pos = 0;
  const plain = (end: number) => {
    for (const r of runs(query.slice(pos, end), "und")) {
      if (r.kind === "word" && wordTerm(r) === null) continue; // a stopword alone finds nothing useful
      clauses.push(textAlternatives(r.text));
    }
  };
  for (const m of matches) {
    plain(m.start);
    const alternatives = textAlternatives(query.slice(m.start, m.end));
    for (const id of m.entities) {
      entities.add(id);
      alternatives.push([{ field: "entities", terms: [id] }]);
      for (const name of names.names(id)) alternatives.push(...textAlternatives(name));
    }
    clauses.push(dedupe(alternatives));
    pos = m.end;
  }
  plain(query.length);
  if (filter.entity) {
    entities.add(filter.entity);
    clauses.push([[{ field: "entities", terms: [filter.entity] }]]);
  }
  return { clauses: clauses.filter((c) => c.length > 0), entities: [...entities].sort() };
}
