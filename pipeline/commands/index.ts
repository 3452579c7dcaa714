// `corpus index`: build the embedded search index of an output (<out>/index/search.sqlite), and
// optionally export it for Elasticsearch/OpenSearch or load it into a running Groonga server.
import type { Command } from "commander";
import { join } from "node:path";
import { projectRoot } from "../config.js";
import { writeIndex } from "../search/embedded.js";
import { writeElasticsearch } from "../search/export/elasticsearch.js";
import { loadGroonga } from "../search/export/groonga.js";

interface IndexFlags {
  out: string;
  es?: string;
  groonga?: string;
}

async function runIndex(flags: IndexFlags): Promise<void> {
  const r = writeIndex(flags.out);
  process.stderr.write(`indexed ${r.passages} passages, ${r.entities} entities in ${(r.ms / 1000).toFixed(2)} s (${(r.bytes / 1e6).toFixed(1)} MB) → ${join(flags.out, "index")}\n`);
  if (flags.es) {
    const n = await writeElasticsearch(flags.out, flags.es);
    process.stderr.write(`wrote Elasticsearch bulk file of ${n} passages and mapping.json → ${flags.es}\n`);
  }
  if (flags.groonga) {
    const g = await loadGroonga(flags.groonga, flags.out);
    process.stderr.write(`loaded ${g.passages} passages, ${g.entities} entities into Groonga at ${flags.groonga} in ${(g.ms / 1000).toFixed(2)} s\n`);
  }
}

export function register(cli: Command): void {
  cli
    .command("index")
    .description("build the embedded search index of an output; optionally export for Elasticsearch or load into Groonga")
    .option("-o, --out <dir>", "output directory (the index goes to <dir>/index/)", join(projectRoot, "output"))
    .option("--es <dir>", "also write mapping.json and passages.ndjson for Elasticsearch/OpenSearch into <dir>")
    .option("--groonga <url>", "also load into the empty Groonga database served at <url>, e.g. http://127.0.0.1:10041")
    .action(async (flags: IndexFlags) => {
      await runIndex(flags);
    });
}
