// Benchmark: sentence splitting throughput on sources/*.txt, single thread.
// Every blank-line-separated block is split with the language guessed from its script
// (Han → zh, Cyrillic → ru, else en). Usage: node dist/bench/sentences.js [rounds]   (default 20)
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { projectRoot } from "../pipeline/config.js";
import { guessScript } from "../pipeline/segment/sentence-rules.js";
import { splitSentences } from "../pipeline/segment/sentences.js";

const LANG = { Hani: "zh", Cyrl: "ru", Latn: "en" } as const;

export interface Block {
  text: string;
  lang: string;
}

export function sourceBlocks(): Block[] {
  const dir = join(projectRoot, "sources");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .flatMap((f) => readFileSync(join(dir, f), "utf8").split(/\n[^\S\n]*\n/))
    .filter((text) => text.trim() !== "")
    .map((text) => ({ text, lang: LANG[guessScript(text)] }));
}

/** MB (UTF-8) per second over `rounds` passes, after one warm-up pass; also the sentence count. */
export function measure(blocks: Block[], rounds: number): { mbPerSecond: number; sentences: number } {
  const bytes = blocks.reduce((n, b) => n + Buffer.byteLength(b.text), 0);
  let sentences = 0;
  for (const b of blocks) sentences += splitSentences(b.text, b.lang).length;
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const b of blocks) splitSentences(b.text, b.lang);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { mbPerSecond: (bytes * rounds) / 1e6 / seconds, sentences };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const blocks = sourceBlocks();
  const rounds = Number(process.argv[2] ?? 20);
  const { mbPerSecond, sentences } = measure(blocks, rounds);
  const mb = blocks.reduce((n, b) => n + Buffer.byteLength(b.text), 0) / 1e6;
  console.log(`${blocks.length} blocks, ${mb.toFixed(2)} MB, ${sentences} sentences: ${mbPerSecond.toFixed(1)} MB/s (${rounds} rounds)`);
}
