// Groonga (Debian groonga-bin) over its HTTP API: schema, loading, and searching with the same query
// plans as the embedded index. The text fields hold pre-analyzed terms, so the lexicon only splits on
// spaces (TokenDelimit); a phrase of bigrams is an ordered-adjacency match, as in FTS5.
import { COLUMNS, TEXT_FIELDS } from "../analyze.js";
import { nameIndex, type NameIndex } from "../names.js";
import type { Phrase, QueryPlan } from "../query.js";
import { documents, mergeEntityNames, passageRecords, registryNames, type EntityNames, type SearchRecord } from "../records.js";
import { ranking, type Engine, type Row, type SearchOptions } from "../search.js";


/** Schema commands, in order, as [command, arguments]. */
export function groongaSchema(): Array<[string, Record<string, string>]> {
  const column = (table: string, name: string, flags: string, type: string, source?: string): [string, Record<string, string>] => [
    "column_create",
    { table, name, flags, type, ...(source ? { source } : {}) },
  ];
  return [
    ["table_create", { name: "Passages", flags: "TABLE_HASH_KEY", key_type: "ShortText" }],
    ...["doc_id", "kind", "lang", "lang_primary", "title"].map((c) => column("Passages", c, "COLUMN_SCALAR", "ShortText")),
    ...["text", "lang_spans", "mentions", "section_path"].map((c) => column("Passages", c, "COLUMN_SCALAR", "LongText")),
    ...TEXT_FIELDS.map((f) => column("Passages", COLUMNS[f], "COLUMN_SCALAR", "LongText")),
    column("Passages", "entities", "COLUMN_VECTOR", "ShortText"),
    ["table_create", { name: "Entities", flags: "TABLE_HASH_KEY", key_type: "ShortText" }],
    column("Entities", "type", "COLUMN_SCALAR", "ShortText"),
    column("Entities", "names", "COLUMN_SCALAR", "Text"),
    column("Entities", "passages", "COLUMN_INDEX", "Passages", "entities"),
    ["table_create", { name: "Terms", flags: "TABLE_PAT_KEY", key_type: "ShortText", default_tokenizer: "TokenDelimit" }],
    column("Terms", "passages", "COLUMN_INDEX|WITH_POSITION|WITH_SECTION", "Passages", TEXT_FIELDS.map((f) => COLUMNS[f]).join(",")),
    ["table_create", { name: "Docs", flags: "TABLE_HASH_KEY", key_type: "ShortText" }],
    column("Docs", "passages", "COLUMN_INDEX", "Passages", "doc_id"),
  ];
}

function groongaRecord(r: SearchRecord): Record<string, unknown> {
  return {
    _key: r.id,
    doc_id: r.docId,
    kind: r.kind,
    lang: r.lang,
    lang_primary: r.lang.split("-")[0],
    title: r.search.doc.title,
    text: r.text,
    lang_spans: JSON.stringify(r.langSpans),
    mentions: JSON.stringify(r.mentions),
    section_path: JSON.stringify(r.search.sectionPath),
    ...Object.fromEntries(TEXT_FIELDS.map((f) => [COLUMNS[f], r.search[f]])),
    entities: r.search.entities,
  };
}

function entityRecord(e: EntityNames): Record<string, string> {
  return { _key: e.id, type: e.type, names: JSON.stringify(e.names) };
}

export class GroongaError extends Error {}

async function call(url: string, command: string, params: Record<string, string>, body?: string): Promise<unknown> {
  const res = await fetch(`${url}/d/${command}?${new URLSearchParams(params)}`, body === undefined ? {} : { method: "POST", body, headers: { "Content-Type": "application/json" } });
  const json = (await res.json()) as [[number, number, number, string?], unknown];
  if (json[0][0] !== 0) throw new GroongaError(`groonga ${command}: ${json[0][3] ?? `status ${json[0][0]}`}`);
  return json[1];
}

export interface LoadReport {
  passages: number;
  entities: number;
  ms: number;
}

/** Create the schema on an empty Groonga database at `url` and load the output `out` into it. */
export async function loadGroonga(url: string, out: string, batch = 2000): Promise<LoadReport> {
  const started = performance.now();
  for (const [cmd, args] of groongaSchema()) await call(url, cmd, args);
  const entities = registryNames();
  let pending: Record<string, unknown>[] = [];
  let passages = 0;
  const flush = async () => {
    if (pending.length) passages += Number(await call(url, "load", { table: "Passages" }, JSON.stringify(pending)));
    pending = [];
  };
  for (const doc of documents(out)) {
    mergeEntityNames(entities, doc);
    for (const r of passageRecords(doc)) {
      pending.push(groongaRecord(r));
      if (pending.length >= batch) await flush();
    }
  }
  await flush();
  await call(url, "load", { table: "Entities" }, JSON.stringify([...entities.values()].map(entityRecord)));
  return { passages, entities: entities.size, ms: performance.now() - started };
}

/** A string literal of Groonga's script syntax. */
function literal(s: string): string {
  return `"${s.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

/** The plan as a Groonga filter. Each phrase is a query() on one weighted column: a quoted phrase
 *  there is an ordered-adjacency match, and the score adds term frequency times the weight (Groonga's
 *  own ranking; it has no BM25, and scorer_tf_idf yields integer scores). */
export function groongaFilter(plan: QueryPlan): string {
  const phrase = (p: Phrase) => `query(${literal(`${COLUMNS[p.field]} * ${ranking.weights[p.field]}`)}, ${literal(literal(p.terms.join(" ")))})`;
  return plan.clauses.map((c) => `(${c.map((alt) => `(${alt.map(phrase).join(" && ")})`).join(" || ")})`).join(" && ");
}

export class GroongaIndex implements Engine {
  private nameIx: NameIndex | null = null;

  private constructor(private readonly url: string) {}

  /** A searcher of the server at `url` (e.g. http://127.0.0.1:10041), with its entity names loaded. */
  static async connect(url: string): Promise<GroongaIndex> {
    const g = new GroongaIndex(url);
    const [[, , ...rows]] = (await call(url, "select", { table: "Entities", output_columns: "_key,type,names", limit: "-1" })) as [[unknown, unknown, ...[string, string, string][]]];
    g.nameIx = nameIndex(rows.filter(([, , names]) => names).map(([id, type, names]) => ({ id, type, names: JSON.parse(names) as Record<string, string[]> })));
    return g;
  }

  names(): NameIndex {
    if (!this.nameIx) throw new GroongaError("not connected");
    return this.nameIx;
  }

  async run(plan: QueryPlan, opts: SearchOptions): Promise<{ total: number; rows: Row[] }> {
    const filters = [groongaFilter(plan)];
    if (opts.doc) filters.push(`doc_id == ${literal(opts.doc)}`);
    if (opts.lang) filters.push(`(lang == ${literal(opts.lang)} || lang_primary == ${literal(opts.lang)})`);
    const result = (await call(this.url, "select", {
      table: "Passages",
      filter: filters.join(" && "),
      sort_keys: "-_score,_id",
      // Without this, a phrase that matches nothing is retried as a partial match (rat → strategy).
      match_escalation_threshold: "-1",
      limit: String(opts.limit),
      output_columns: "_key,doc_id,kind,lang,text,lang_spans,mentions,title,section_path,_score",
    })) as [[[number], unknown, ...[string, string, Row["kind"], string, string, string, string, string, string, number][]]];
    const [[[total], , ...rows]] = result;
    return {
      total,
      rows: rows.map(([id, docId, kind, lang, text, langSpans, mentions, title, sectionPath, score]) => ({
        id,
        docId,
        kind,
        lang,
        text,
        langSpans: JSON.parse(langSpans) as Row["langSpans"],
        mentions: JSON.parse(mentions) as Row["mentions"],
        title,
        sectionPath: JSON.parse(sectionPath) as string[],
        score,
      })),
    };
  }
}
