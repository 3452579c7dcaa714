// Embedded search engines on the sources replicated N times: SQLite FTS5 (node-sqlite3-wasm, the
// index `corpus index` writes) against MiniSearch (pure JS, in memory, saved as JSON), both fed the
// same pre-analyzed fields and the same query plans. Reports build time, index size, the cold start
// a `corpus search` process pays (open or load the index), median query latency and hit counts.
// Usage: node <dist>/bench/search-engines.js [--times 40] [--corpus DIR]
import { spawnSync } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import MiniSearch, { type Query } from "minisearch";
import { TEXT_FIELDS } from "../pipeline/search/analyze.js";
import { EmbeddedIndex, indexPath, writeIndex } from "../pipeline/search/embedded.js";
import { nameIndex } from "../pipeline/search/names.js";
import { planQuery, type QueryPlan } from "../pipeline/search/query.js";
import { documents, passageRecords, registryNames, mergeEntityNames } from "../pipeline/search/records.js";
import { search } from "../pipeline/search/search.js";
import { benchCorpus, latencies, median, QUERIES } from "./search-corpus.js";

const { values } = parseArgs({ options: { times: { type: "string", default: "40" }, corpus: { type: "string" } } });
const { out, passages } = await benchCorpus(Number(values.times), values.corpus);
const row = (name: string, v: string) => console.log(`${name.padEnd(34)} ${v}`);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
row("passages", String(passages));

// The shared part: documents → index-ready records (jieba, Snowball).
let t = performance.now();
const fields = [...TEXT_FIELDS, "entities"] as const;
const records: Array<Record<string, string | number>> = [];
const entities = registryNames();
for (const doc of documents(out)) {
  mergeEntityNames(entities, doc);
  for (const r of passageRecords(doc)) records.push({ id: records.length, ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, r.search[f]])), entities: r.search.entities.join(" ") });
}
row("analysis (jieba, stems), shared", s(performance.now() - t));

// SQLite FTS5.
const sqlite = writeIndex(out);
row("FTS5 index build (incl. analysis)", s(sqlite.ms));
row("FTS5 index size", `${(sqlite.bytes / 1e6).toFixed(1)} MB`);
t = performance.now();
const fts = new EmbeddedIndex(indexPath(out));
fts.names();
row("FTS5 open + entity names", `${(performance.now() - t).toFixed(0)} ms`);
const ftsNames = fts.names();
const ftsRun = await latencies((q) => fts.run(planQuery(q, ftsNames), { limit: 10 }));
row("FTS5 median query (plan+rank)", `${median(ftsRun).toFixed(1)} ms`);
const ftsMs = await latencies((q) => search(fts, q, { limit: 10 }));
row("FTS5 median query (+ snippets)", `${median(ftsMs).toFixed(1)} ms`);
const ftsTotals = await Promise.all(QUERIES.map(async (q) => (await search(fts, q, { limit: 10 })).total));
fts.close();

// A whole `corpus search` process: Node start, WebAssembly and jieba init, open, query, print.
const cli = join(import.meta.dirname, "..", "pipeline", "cli.js");
const cold: number[] = [];
for (const q of QUERIES.slice(0, 4)) {
  t = performance.now();
  spawnSync(process.execPath, [cli, "search", q, "--out", out], { stdio: "ignore" });
  cold.push(performance.now() - t);
}
row("corpus search process (median)", `${median(cold).toFixed(0)} ms`);

// MiniSearch: same fields, split on spaces; a phrase can only be approximated by AND of its terms.
t = performance.now();
const tokenize = (text: string) => text.split(" ").filter(Boolean);
const options = { fields: [...fields], idField: "id", tokenize, processTerm: (x: string) => x, searchOptions: { tokenize, processTerm: (x: string) => x } };
const mini = new MiniSearch(options);
mini.addAll(records);
row("MiniSearch build", s(performance.now() - t));
const file = join(out, "index", "minisearch.json");
t = performance.now();
writeFileSync(file, JSON.stringify(mini));
row("MiniSearch serialize", s(performance.now() - t));
row("MiniSearch index size", `${(statSync(file).size / 1e6).toFixed(1)} MB`);
t = performance.now();
const loaded = MiniSearch.loadJSON(readFileSync(file, "utf8"), options);
row("MiniSearch load (each process)", `${(performance.now() - t).toFixed(0)} ms`);
const names = nameIndex(entities.values());
const toMini = (plan: QueryPlan): Query => ({
  combineWith: "AND",
  queries: plan.clauses.map((c) => ({
    combineWith: "OR",
    queries: c.map((alt) => ({ combineWith: "AND", queries: alt.map((p) => ({ combineWith: "AND", fields: [p.field], queries: p.terms })) })),
  })),
});
const miniMs = await latencies((q) => loaded.search(toMini(planQuery(q, names))).slice(0, 10));
row("MiniSearch median query (plan+rank)", `${median(miniMs).toFixed(1)} ms`);
const miniTotals = QUERIES.map((q) => loaded.search(toMini(planQuery(q, names))).length);
console.log("\nhits per query (FTS5 / MiniSearch; MiniSearch has no phrases, so Chinese runs match as bags of bigrams):");
QUERIES.forEach((q, i) => console.log(`  ${q.padEnd(22)} ${ftsTotals[i]} / ${miniTotals[i]}`));
