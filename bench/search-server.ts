// The Groonga server on the sources replicated N times: load time through the HTTP API (schema,
// batched loads) and median query latency of the same query plans as the embedded index.
// Usage: node <dist>/bench/search-server.js [--times 40] [--corpus DIR]   (needs groonga-bin)
import { parseArgs } from "node:util";
import { GroongaIndex, loadGroonga } from "../pipeline/search/export/groonga.js";
import { startGroonga } from "../pipeline/search/export/groonga-server.js";
import { planQuery } from "../pipeline/search/query.js";
import { search } from "../pipeline/search/search.js";
import { benchCorpus, latencies, median, QUERIES } from "./search-corpus.js";

const { values } = parseArgs({ options: { times: { type: "string", default: "40" }, corpus: { type: "string" } } });
const { out, passages } = await benchCorpus(Number(values.times), values.corpus);
const row = (name: string, v: string) => console.log(`${name.padEnd(34)} ${v}`);
const server = await startGroonga();
try {
  const load = await loadGroonga(server.url, out);
  row("passages loaded", `${load.passages} of ${passages}`);
  row("Groonga load (incl. analysis)", `${(load.ms / 1000).toFixed(2)} s`);
  const groonga = await GroongaIndex.connect(server.url);
  const names = groonga.names();
  const runMs = await latencies((q) => groonga.run(planQuery(q, names), { limit: 10 }));
  row("Groonga median query (plan+rank)", `${median(runMs).toFixed(1)} ms`);
  const fullMs = await latencies((q) => search(groonga, q, { limit: 10 }));
  row("Groonga median query (+ snippets)", `${median(fullMs).toFixed(1)} ms`);
  console.log("\nhits per query:");
  for (const q of QUERIES) console.log(`  ${q.padEnd(22)} ${(await search(groonga, q, { limit: 10 })).total}`);
} finally {
  await server.stop();
}
