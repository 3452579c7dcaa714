// Searching, whatever the engine: the query becomes a plan (query.ts), the engine returns ranked
// passages, and the snippets are cut here, so the embedded index and a server answer alike.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { configDir, TEXT_FIELDS } from "./analyze.js";
import type { NameIndex } from "./names.js";
import { planQuery, type QueryPlan } from "./query.js";
import type { SearchRecord } from "./records.js";
import { hitRanges, snippet, type Snippet } from "./snippet.js";

const Ranking = z.object({
  note: z.string(),
  weights: z.record(z.enum([...TEXT_FIELDS, "entities"]), z.number().positive()),
  snippetWidth: z.number().int().positive(),
});

export const ranking = Ranking.parse(JSON.parse(readFileSync(join(configDir, "ranking.json"), "utf8")));

export interface SearchOptions {
  /** Passage language: a primary tag (zh) also matches its subtags (zh-Latn). */
  lang?: string;
  entity?: string;
  doc?: string;
  limit: number;
}

/** A passage as an engine returns it: enough to show it and mark its hits. */
export interface Row extends Pick<SearchRecord, "id" | "docId" | "kind" | "lang" | "text" | "langSpans" | "mentions"> {
  /** Document title (main language) and the titles of the enclosing sections. */
  title: string;
  sectionPath: string[];
  score: number;
}

export interface Engine {
  names(): NameIndex;
  /** Passages that satisfy the plan and the filters, best first, and how many there are in all. */
  run(plan: QueryPlan, opts: SearchOptions): Promise<{ total: number; rows: Row[] }>;
}

export interface Hit extends Omit<Row, "text" | "langSpans" | "mentions"> {
  snippet: Snippet;
}

export interface SearchResult {
  plan: QueryPlan;
  total: number;
  hits: Hit[];
}

export async function search(engine: Engine, query: string, opts: SearchOptions): Promise<SearchResult> {
  const plan = planQuery(query, engine.names(), opts.entity ? { entity: opts.entity } : {});
  if (plan.clauses.length === 0) return { plan, total: 0, hits: [] };
  const { total, rows } = await engine.run(plan, opts);
  const hits = rows.map(({ text, langSpans, mentions, ...row }) => ({
    ...row,
    snippet: snippet(text, hitRanges({ text, lang: row.lang, langSpans, mentions }, plan), ranking.snippetWidth),
  }));
  return { plan, total, hits };
}
