// `corpus search "<query>"`: search the built corpus with the embedded index (built or rebuilt first
// when missing or older than the output), or a Groonga server with --groonga. Hits print as
// rank, passage id, language, kind, score, then the snippet with hits marked (bold on a terminal,
// **hit** otherwise); --json prints one JSON object per hit.
import type { Command } from "commander";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../config.js";
import { EmbeddedIndex, indexIsCurrent, indexPath, writeIndex } from "../search/embedded.js";
import { GroongaIndex } from "../search/export/groonga.js";
import { search, type Engine, type SearchResult } from "../search/search.js";
import { markSnippet } from "../search/snippet.js";
import { EXIT_USAGE, positiveInt } from "./common.js";

interface SearchFlags {
  out: string;
  lang?: string;
  entity?: string;
  doc?: string;
  limit: number;
  json?: boolean;
  groonga?: string;
}

async function engineFor(flags: SearchFlags): Promise<{ engine: Engine; close(): void }> {
  if (flags.groonga) return { engine: await GroongaIndex.connect(flags.groonga), close: () => {} };
  if (!indexIsCurrent(flags.out)) {
    process.stderr.write(`building the search index of ${flags.out}\n`);
    writeIndex(flags.out);
  }
  const index = new EmbeddedIndex(indexPath(flags.out));
  return { engine: index, close: () => index.close() };
}

function print(result: SearchResult, json: boolean): void {
  if (json) {
    for (const [i, h] of result.hits.entries()) process.stdout.write(`${JSON.stringify({ rank: i + 1, ...h })}\n`);
    return;
  }
  const [open, close] = process.stdout.isTTY ? ["\x1b[1;4m", "\x1b[0m"] : ["**", "**"];
  for (const [i, h] of result.hits.entries()) {
    const where = [h.title, ...h.sectionPath].filter(Boolean).join(" › ");
    process.stdout.write(`${i + 1}. ${h.id}  ${h.lang}  ${h.kind}  ${h.score.toFixed(2)}${where ? `  ${where}` : ""}\n   ${markSnippet(h.snippet, open, close)}\n`);
  }
}

export function register(cli: Command): void {
  cli
    .command("search")
    .description("search the built corpus: BM25-ranked passages with highlighted snippets, entity names matched across languages")
    .argument("<query>", "words in any language; a Chinese run matches as a substring, an entity name also matches its other names")
    .option("-o, --out <dir>", "output directory whose index to search", join(projectRoot, "output"))
    .option("-l, --lang <tag>", "only passages in this language (zh also matches zh-Latn)")
    .option("-e, --entity <id>", "only passages that mention this entity, e.g. org:rats")
    .option("-d, --doc <id>", "only passages of this document")
    .option("-n, --limit <n>", "at most this many hits", positiveInt, 10)
    .option("--json", "one JSON object per hit")
    .option("--groonga <url>", "search a Groonga server loaded by `corpus index --groonga` instead")
    .action(async (query: string, flags: SearchFlags) => {
      if (!flags.groonga && !existsSync(join(flags.out, "manifest.json"))) {
        process.stderr.write(`corpus search: no built corpus in ${flags.out} (run corpus build)\n`);
        process.exitCode = EXIT_USAGE;
        return;
      }
      const { engine, close } = await engineFor(flags);
      try {
        const result = await search(engine, query, {
          limit: flags.limit,
          ...(flags.lang ? { lang: flags.lang } : {}),
          ...(flags.entity ? { entity: flags.entity } : {}),
          ...(flags.doc ? { doc: flags.doc } : {}),
        });
        print(result, flags.json ?? false);
        process.stderr.write(`${result.total} passages match${result.plan.entities.length ? ` (entities: ${result.plan.entities.join(", ")})` : ""}\n`);
      } finally {
        close();
      }
    });
}
