// The corpus the search benchmarks run on: the sources replicated N times (each copy its own file,
// so its own document) and built into a temporary output, or an output built before (--corpus DIR).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, projectRoot } from "../pipeline/config.js";
import { build } from "../pipeline/run/build.js";

export const QUERIES = ["地区反恐怖机构", "RATS", "РАТС", "合作", "上合组织", "安全合作", "上合组织 反恐", "security cooperation", "terrorism", "безопасность"];

export async function benchCorpus(times: number, existing?: string): Promise<{ out: string; passages: number }> {
  const count = (out: string) => readFileSync(join(out, "passages.jsonl"), "utf8").split("\n").filter(Boolean).length;
  if (existing) return { out: existing, passages: count(existing) };
  const work = mkdtempSync(join(tmpdir(), "corpus-search-bench-"));
  const src = join(work, "sources");
  mkdirSync(src);
  const sources = join(projectRoot, "sources");
  for (const name of readdirSync(sources).filter((f) => f.endsWith(".txt"))) {
    const data = readFileSync(join(sources, name));
    for (let i = 0; i < times; i++) writeFileSync(join(src, `${String(i).padStart(4, "0")}_${name}`), data);
  }
  const out = join(work, "output");
  const started = performance.now();
  await build({ sources: [src], out, config: loadConfig() });
  process.stderr.write(`built ×${times} into ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s (reuse it with --corpus ${out})\n`);
  return { out, passages: count(out) };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Run each query `rounds` times after one warm-up; the latencies in ms. */
export async function latencies(run: (q: string) => Promise<unknown> | unknown, rounds = 5): Promise<number[]> {
  const ms: number[] = [];
  for (const q of QUERIES) {
    await run(q);
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      await run(q);
      ms.push(performance.now() - t);
    }
  }
  return ms;
}
