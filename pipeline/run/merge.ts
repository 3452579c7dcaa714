// Merge shard outputs (corpus build --shard i/N) into one output: the same files, byte for byte,
// that a single build of the whole corpus writes (manifest.run aside).
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { LoadedConfig } from "../config.js";
import { ConfigError } from "../config.js";
import { assembleCorpus, documentPath } from "../emit/corpus.js";
import { jsonText, writeAtomic } from "../emit/files.js";
import { writeSchemas } from "../emit/schemas.js";
import { Manifest } from "../model/schema.js";
import { makeManifest } from "./build.js";

export async function mergeShards(shardDirs: readonly string[], out: string, config: LoadedConfig): Promise<Manifest> {
  const manifests = shardDirs.map((dir) => ({ dir, manifest: Manifest.parse(JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"))) }));
  const first = manifests[0]?.manifest;
  if (!first) throw new ConfigError("merge: no shard outputs given");
  for (const { dir, manifest } of manifests) {
    if (manifest.pipelineHash !== first.pipelineHash || manifest.configHash !== first.configHash) {
      throw new ConfigError(`merge: ${dir} was built by another pipeline or config than ${manifests[0]!.dir}`);
    }
  }
  const counts = new Set(manifests.map((m) => m.manifest.shard?.count));
  const indexes = new Set(manifests.map((m) => m.manifest.shard?.index));
  if (counts.size !== 1 || indexes.size !== manifests.length || manifests.length !== first.shard?.count) {
    throw new ConfigError(`merge: expected shards 0..N-1 of one --shard i/N split, got ${manifests.map((m) => JSON.stringify(m.manifest.shard)).join(", ")}`);
  }
  const sources = manifests.flatMap(({ dir, manifest }) => manifest.sources.map((s) => ({ dir, s })));
  sources.sort((a, b) => (a.s.path < b.s.path ? -1 : a.s.path > b.s.path ? 1 : 0));
  for (const { dir, s } of sources) {
    if (s.status !== "ok" || resolve(dir) === resolve(out)) continue;
    mkdirSync(dirname(documentPath(out, s.docId!)), { recursive: true });
    copyFileSync(documentPath(dir, s.docId!), documentPath(out, s.docId!));
  }
  const statuses = sources.map(({ s }) => s);
  await assembleCorpus(out, statuses.filter((s) => s.status === "ok").map((s) => s.docId!));
  writeSchemas(join(out, "schema"));
  const runs = manifests.map((m) => m.manifest.run);
  const stagesMs: Record<string, number> = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.stagesMs)) stagesMs[k] = (stagesMs[k] ?? 0) + v;
  const manifest = makeManifest({ config }, statuses, {
    totalMs: Math.max(...runs.map((r) => r.totalMs)),
    stagesMs,
    processed: runs.reduce((n, r) => n + r.processed, 0),
    reused: runs.reduce((n, r) => n + r.reused, 0),
  });
  writeAtomic(join(out, "manifest.json"), jsonText(manifest));
  return manifest;
}
