// Benchmark: build the sources replicated N times and report throughput and peak memory.
// Usage: npm run bench -- [--times N ...] [--concurrency N]   (default: --times 40)
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig, projectRoot } from "../pipeline/config.js";
import { build } from "../pipeline/run/build.js";

const { values } = parseArgs({
  options: { times: { type: "string", multiple: true, default: ["40"] }, concurrency: { type: "string" } },
});

const sourcesDir = join(projectRoot, "sources");
const names = readdirSync(sourcesDir).filter((f) => f.endsWith(".txt") || f.endsWith(".md"));
const config = loadConfig();

for (const times of values.times.map(Number)) {
  const work = mkdtempSync(join(tmpdir(), "corpus-bench-"));
  const src = join(work, "sources");
  mkdirSync(src);
  let bytes = 0;
  for (let i = 0; i < times; i++) {
    for (const name of names) {
      const data = readFileSync(join(sourcesDir, name));
      bytes += data.length;
      writeFileSync(join(src, `${String(i).padStart(4, "0")}_${name}`), data, { flag: "w" });
    }
  }
  const report = await build({
    sources: [src],
    out: join(work, "output"),
    config,
    ...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}),
  });
  const seconds = report.manifest.run.totalMs / 1000;
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  const stages = Object.entries(report.manifest.run.stagesMs)
    .map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(2)}s`)
    .join(", ");
  console.log(
    `×${times}: ${report.manifest.totals.built} documents, ${(bytes / 1e6).toFixed(2)} MB in ${seconds.toFixed(2)} s = ${(bytes / 1e6 / seconds).toFixed(2)} MB/s, peak RSS ${peakMiB.toFixed(0)} MiB (process so far)`,
  );
  // Wall-clock time inside the workers, so a stage's share includes waiting for a core (two workers
  // and V8's background threads share two cores here), not CPU time alone.
  console.log(`   time per stage in the workers, summed over workers: ${stages}`);
  rmSync(work, { recursive: true, force: true });
}
