// A build: discover sources, run each through the stages (concurrently, in worker threads), write
// documents as they finish, then assemble the corpus-wide files in a fixed order. Output bytes do
// not depend on concurrency or timing; only manifest.timings does.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import PQueue from "p-queue";
import { Piscina } from "piscina";
import { z } from "zod";
import type { LoadedConfig } from "../config.js";
import { concatAtomic, jsonText, writeAtomic } from "../emit/files.js";
import { sortKeys } from "../emit/document.js";
import { discover, type SourceFile } from "../ingest/discover.js";
import { Manifest, publishedSchemas, type SourceStatus } from "../model/schema.js";
import { toolName, toolVersion } from "../version.js";
import type { SourceJob } from "./process.js";
import type { WorkerResult } from "./worker.js";

export interface BuildOptions {
  sources: readonly string[];
  out: string;
  config: LoadedConfig;
  concurrency?: number;
  /** Run stages in worker threads (default: yes when running compiled code). */
  workers?: boolean;
  onEvent?: (event: BuildEvent) => void;
}

export type BuildEvent =
  | { type: "discovered"; total: number }
  | { type: "source"; done: number; total: number; status: SourceStatus };

export interface BuildReport {
  manifest: Manifest;
  failed: SourceStatus[];
}

export async function build(opts: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const { config, hash } = opts.config;
  const files = discover(opts.sources, config.sources.extensions);
  opts.onEvent?.({ type: "discovered", total: files.length });
  const concurrency = opts.concurrency ?? config.concurrency ?? Math.max(1, (await import("node:os")).availableParallelism());
  const runner = makeRunner(opts.workers ?? import.meta.url.endsWith(".js"), concurrency);
  const partsDir = join(opts.out, `.parts-${process.pid}`);
  rmSync(partsDir, { recursive: true, force: true });
  mkdirSync(partsDir, { recursive: true });

  const statuses: SourceStatus[] = new Array(files.length);
  const stagesMs: Record<string, number> = {};
  const firstOfId = new Map<string, number>();
  files.forEach((f, i) => firstOfId.has(f.docId) || firstOfId.set(f.docId, i));
  let done = 0;
  const queue = new PQueue({ concurrency });
  try {
    await queue.addAll(
      files.map((file, index) => async () => {
        const status = firstOfId.get(file.docId) !== index
          ? rejected(file, `duplicate document id ${file.docId} (another source has the same path without extension)`)
          : await buildOne(file, opts, runner, join(partsDir, `${index}.jsonl`), stagesMs);
        statuses[index] = status;
        opts.onEvent?.({ type: "source", done: ++done, total: files.length, status });
      }),
    );
    await concatAtomic(
      join(opts.out, "passages.jsonl"),
      statuses.flatMap((s, i) => (s.status === "ok" ? [join(partsDir, `${i}.jsonl`)] : [])),
    );
  } finally {
    await runner.close();
    rmSync(partsDir, { recursive: true, force: true });
  }
  removeStale(join(opts.out, "documents"), new Set(statuses.filter((s) => s.docId && s.status === "ok").map((s) => `${s.docId}.json`)));
  writeSchemas(join(opts.out, "schema"));

  const totalRules: Record<string, number> = {};
  for (const s of statuses) for (const [rule, n] of Object.entries(s.rules)) totalRules[rule] = (totalRules[rule] ?? 0) + n;
  const failed = statuses.filter((s) => s.status !== "ok");
  const manifest = Manifest.parse({
    tool: { name: toolName, version: toolVersion },
    configHash: hash,
    sources: statuses,
    totals: {
      sources: statuses.length,
      built: statuses.length - failed.length,
      rejected: failed.length,
      passages: statuses.reduce((n, s) => n + s.passages, 0),
      bytes: statuses.reduce((n, s) => n + s.bytes, 0),
      rules: sortKeys(totalRules),
    },
    timings: { totalMs: round(performance.now() - started), stagesMs: sortKeys(Object.fromEntries(Object.entries(stagesMs).map(([k, v]) => [k, round(v)]))) },
  });
  writeAtomic(join(opts.out, "manifest.json"), jsonText(manifest));
  return { manifest, failed };
}

async function buildOne(file: SourceFile, opts: BuildOptions, runner: Runner, partFile: string, stagesMs: Record<string, number>): Promise<SourceStatus> {
  const { config } = opts.config;
  const size = statSync(file.file).size;
  if (size > config.sources.maxBytes) {
    // Refused before reading, so one huge file cannot exhaust memory.
    const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;
    return { ...rejected(file, `too large: ${mib(size)} exceeds sources.maxBytes (${mib(config.sources.maxBytes)})`), bytes: size };
  }
  const bytes = await readFile(file.file);
  let result: WorkerResult;
  try {
    result = await runner.run({ docId: file.docId, path: file.path, bytes, config });
  } catch (err) {
    const message = (err as Error).message.split("\n")[0];
    return { ...rejected(file, `pipeline error: ${message}`), status: "failed", bytes: bytes.length };
  }
  if (!result.ok) return { ...rejected(file, result.reason), sha256: result.sha256, bytes: bytes.length };
  for (const [stage, ms] of Object.entries(result.timings)) stagesMs[stage] = (stagesMs[stage] ?? 0) + ms;
  writeAtomic(join(opts.out, "documents", `${file.docId}.json`), result.json);
  writeAtomic(partFile, result.passageLines);
  return {
    path: file.path,
    docId: file.docId,
    sha256: result.sha256,
    encoding: result.encoding as SourceStatus["encoding"],
    bytes: bytes.length,
    status: "ok",
    reason: null,
    passages: result.passages,
    rules: result.rules,
  };
}

function rejected(file: SourceFile, reason: string): SourceStatus {
  return { path: file.path, docId: file.docId, sha256: null, encoding: null, bytes: 0, status: "rejected", reason, passages: 0, rules: {} };
}

interface Runner {
  run(job: SourceJob): Promise<WorkerResult>;
  close(): Promise<void>;
}

function makeRunner(workers: boolean, threads: number): Runner {
  if (!workers) {
    const worker = import("./worker.js");
    return { run: async (job) => (await worker).default(job), close: async () => {} };
  }
  const pool = new Piscina({ filename: fileURLToPath(new URL("./worker.js", import.meta.url)), minThreads: threads, maxThreads: threads });
  return { run: (job) => pool.run(job), close: () => pool.destroy() };
}

/** Delete document files that this build did not produce (sources removed since the last build). */
function removeStale(dir: string, keep: ReadonlySet<string>): void {
  if (!existsSync(dir)) return;
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  for (const file of walk(dir)) {
    if (!keep.has(relative(dir, file).split(sep).join("/"))) rmSync(file);
  }
}

function writeSchemas(dir: string): void {
  for (const [name, schema] of Object.entries(publishedSchemas)) {
    const json = z.toJSONSchema(schema, { target: "draft-2020-12", io: "output" });
    writeAtomic(join(dir, `${name}.schema.json`), jsonText({ ...json, $id: `${name}.schema.json`, title: name }));
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
