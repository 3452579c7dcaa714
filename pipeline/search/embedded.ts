// The embedded index: one SQLite file (<out>/index/search.sqlite) with an FTS5 table over the
// pre-analyzed fields, so search needs no server and no tokenizer of SQLite's own beyond splitting on
// spaces. SQLite runs as WebAssembly (node-sqlite3-wasm): no native build, same bytes everywhere.
// bench/search-engines.ts measured it against MiniSearch (docs/search.md).
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import sqlite, { type Database } from "node-sqlite3-wasm";
import { COLUMNS, TEXT_FIELDS } from "./analyze.js";
import { nameIndex, type NameIndex } from "./names.js";
import type { Phrase, QueryPlan } from "./query.js";
import { documents, mergeEntityNames, outputStamp, passageRecords, registryNames } from "./records.js";
import { ranking, type Engine, type Row, type SearchOptions } from "./search.js";

export const INDEX_FORMAT = "1";

export function indexPath(out: string): string {
  return join(out, "index", "search.sqlite");
}

const FTS_FIELDS = [...TEXT_FIELDS, "entities"] as const;
// Filters are FTS columns too (weight 0), so a search never leaves the FTS table until the best
// rows are known: `doc` holds the document id, `lang` the passage language and its primary tag.
const FTS_COLUMNS = [...FTS_FIELDS.map((f) => COLUMNS[f]), "doc", "lang"];

// Terms are already analyzed: unicode61 only splits them on spaces (and keeps ids like org:rats and
// 002_898bfd35dbb91d39 whole).
const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE passages (
  rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc_id TEXT NOT NULL, kind TEXT NOT NULL, lang TEXT NOT NULL,
  text TEXT NOT NULL, lang_spans TEXT NOT NULL, mentions TEXT NOT NULL, title TEXT NOT NULL, section_path TEXT NOT NULL);
CREATE TABLE entities (id TEXT PRIMARY KEY, type TEXT NOT NULL, names TEXT NOT NULL);
CREATE VIRTUAL TABLE fts USING fts5(${FTS_COLUMNS.join(", ")}, content='',
  tokenize="unicode61 remove_diacritics 0 tokenchars ':-._/'");
`;

export interface IndexReport {
  passages: number;
  entities: number;
  bytes: number;
  ms: number;
}

/** Build the index of the output `out` (atomically: written beside its target, then renamed). */
export function writeIndex(out: string, file: string = indexPath(out)): IndexReport {
  const started = performance.now();
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  const db = new sqlite.Database(tmp);
  let passages = 0;
  const entities = registryNames();
  try {
    db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = 4096;");
    db.exec(SCHEMA);
    db.exec("BEGIN");
    const addPassage = db.prepare("INSERT INTO passages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const addTerms = db.prepare(`INSERT INTO fts (rowid, ${FTS_COLUMNS.join(", ")}) VALUES (?${", ?".repeat(FTS_COLUMNS.length)})`);
    for (const doc of documents(out)) {
      mergeEntityNames(entities, doc);
      for (const r of passageRecords(doc)) {
        const rowid = ++passages;
        addPassage.run([rowid, r.id, r.docId, r.kind, r.lang, r.text, JSON.stringify(r.langSpans), JSON.stringify(r.mentions), r.search.doc.title, JSON.stringify(r.search.sectionPath)]);
        const primary = r.lang.split("-")[0]!;
        addTerms.run([rowid, ...TEXT_FIELDS.map((f) => r.search[f]), r.search.entities.join(" "), r.docId, primary === r.lang ? r.lang : `${primary} ${r.lang}`]);
      }
    }
    addPassage.finalize();
    addTerms.finalize();
    const addEntity = db.prepare("INSERT INTO entities VALUES (?, ?, ?)");
    for (const e of [...entities.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) addEntity.run([e.id, e.type, JSON.stringify(e.names)]);
    addEntity.finalize();
    db.run("INSERT INTO meta VALUES ('format', ?), ('output', ?)", [INDEX_FORMAT, outputStamp(out)]);
    db.exec("INSERT INTO fts (fts) VALUES ('optimize'); COMMIT; VACUUM;");
  } catch (err) {
    db.close();
    rmSync(tmp, { force: true });
    throw err;
  }
  db.close();
  renameSync(tmp, file);
  return { passages, entities: entities.size, bytes: statSync(file).size, ms: performance.now() - started };
}

/** Is there an index of `out` built from its current content? */
export function indexIsCurrent(out: string, file: string = indexPath(out)): boolean {
  if (!existsSync(file)) return false;
  const db = new sqlite.Database(file, { readOnly: true });
  try {
    const meta = new Map(db.all("SELECT key, value FROM meta").map((r) => [String(r.key), String(r.value)]));
    return meta.get("format") === INDEX_FORMAT && meta.get("output") === outputStamp(out);
  } finally {
    db.close();
  }
}

const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** FTS5 query text: quoted phrases, so no term is read as an operator; filters are column phrases. */
export function ftsQuery(plan: QueryPlan, filters: Pick<SearchOptions, "doc" | "lang"> = {}): string {
  const phrase = (p: Phrase) => `${COLUMNS[p.field]} : ${quote(p.terms.join(" "))}`;
  const parts = plan.clauses.map((c) => `(${c.map((alt) => `(${alt.map(phrase).join(" AND ")})`).join(" OR ")})`);
  if (filters.doc) parts.push(`doc : ${quote(filters.doc)}`);
  if (filters.lang) parts.push(`lang : ${quote(filters.lang)}`);
  return parts.join(" AND ");
}

export class EmbeddedIndex implements Engine {
  private readonly db: Database;
  private nameIx: NameIndex | null = null;

  constructor(file: string) {
    this.db = new sqlite.Database(file, { readOnly: true, fileMustExist: true });
  }

  names(): NameIndex {
    this.nameIx ??= nameIndex(
      this.db.all("SELECT id, type, names FROM entities").map((r) => ({ id: String(r.id), type: String(r.type), names: JSON.parse(String(r.names)) as Record<string, string[]> })),
    );
    return this.nameIx;
  }

  async run(plan: QueryPlan, opts: SearchOptions): Promise<{ total: number; rows: Row[] }> {
    const match = ftsQuery(plan, opts);
    const weights = [...FTS_FIELDS.map((f) => ranking.weights[f]), 0, 0].join(", ");
    const total = Number(this.db.get("SELECT count(*) AS n FROM fts WHERE fts MATCH ?", [match])?.n ?? 0);
    const best = `SELECT rowid, bm25(fts, ${weights}) AS score FROM fts WHERE fts MATCH ? ORDER BY score, rowid LIMIT ?`;
    const rows = this.db.all(`SELECT p.*, b.score FROM (${best}) b JOIN passages p ON p.rowid = b.rowid ORDER BY b.score, p.rowid`, [match, opts.limit]);
    return {
      total,
      rows: rows.map((r) => ({
        id: String(r.id),
        docId: String(r.doc_id),
        kind: String(r.kind) as Row["kind"],
        lang: String(r.lang),
        text: String(r.text),
        langSpans: JSON.parse(String(r.lang_spans)) as Row["langSpans"],
        mentions: JSON.parse(String(r.mentions)) as Row["mentions"],
        title: String(r.title),
        sectionPath: JSON.parse(String(r.section_path)) as string[],
        // FTS5's bm25() is lower-is-better; report the usual higher-is-better score.
        score: -Number(r.score),
      })),
    };
  }

  close(): void {
    this.db.close();
  }
}
