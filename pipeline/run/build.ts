// A build: discover sources, run each through the stages (concurrently, in worker threads), write
// documents as they finish, then assemble the corpus-wide files from the documents in a fixed
// order. Output bytes do not depend on concurrency, timing, sharding or reuse; only manifest.run does.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import PQueue from "p-queue";
import { Piscina } from "piscina";
import type { LoadedConfig } from "../config.js";
import { CorpusWriter, documentParts, documentPath, readDocument, type DocumentParts } from "../emit/corpus.js";
import { sortKeys } from "../emit/document.js";
import { jsonText, writeAtomic } from "../emit/files.js";
import { writeSchemas } from "../emit/schemas.js";
import { discover, type SourceFile } from "../ingest/discover.js";
import { tooLarge } from "../ingest/index.js";
import { Manifest, type Shard, type SourceStatus } from "../model/schema.js";
import { toolName, toolVersion } from "../version.js";
import { pipelineHash } from "./fingerprint.js";
import type { WorkerJob, WorkerResult } from "./worker.js";

export interface BuildOptions {
  sources: readonly string[];
  out: string;
  config: LoadedConfig;
  concurrency?: number;
  /** Run stages in worker threads (default: yes when running compiled code). */
  workers?: boolean;
  /** Process only the documents of this shard (by a hash of the document id). */
  shard?: Shard;
  /** Reprocess every source even when its previous document could be kept. */
  force?: boolean;
  /**
   * How many processed documents' corpus-file lines may wait in memory for an earlier source
   * (default 64); beyond that a document is read back from its file when its turn comes.
   */
  heldParts?: number;
  onEvent?: (event: BuildEvent) => void;
}

export type BuildEvent =
  | { type: "discovered"; total: number }
  | { type: "source"; done: number; total: number; status: SourceStatus; reused: boolean };

export interface BuildReport {
  manifest: Manifest;
  failed: SourceStatus[];
}

export async function build(opts: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const { config } = opts.config;
  const files = discover(opts.sources, config.sources.extensions).filter((f) => !opts.shard || inShard(f.docId, opts.shard));
  opts.onEvent?.({ type: "discovered", total: files.length });
  const previous = opts.force ? null : reusable(opts);
  const concurrency = opts.concurrency ?? config.concurrency ?? availableParallelism();
  const runner = makeRunner(opts.workers ?? import.meta.url.endsWith(".js"), concurrency);

  const firstOfId = new Map<string, number>();
  files.forEach((f, i) => firstOfId.has(f.docId) || firstOfId.set(f.docId, i));
  const statuses: SourceStatus[] = new Array(files.length);
  // The corpus-file lines of processed documents waiting for an earlier source to be done. Past
  // heldParts (one slow source holding up many fast ones) a document's lines are not kept: it is
  // read back from its file when its turn comes, as a reused document is, so memory stays bounded.
  const parts = new Map<number, DocumentParts>();
  const heldParts = opts.heldParts ?? 64;
  const stagesMs: Record<string, number> = {};
  let done = 0;
  let reused = 0;
  // The corpus files are written while later sources are still processed: each document joins
  // them as soon as it and every source before it are done, so the order is the sources' order.
  const writer = new CorpusWriter(opts.out);
  let assembled = 0;
  let assembly = Promise.resolve();
  let assemblyError: unknown = null;
  const assembleReady = () => {
    assembly = assembly
      .then(async () => {
        for (let s = statuses[assembled]; s; s = statuses[++assembled]) {
          if (s.status !== "ok") continue;
          await writer.addParts(parts.get(assembled) ?? documentParts(readDocument(opts.out, s.docId!)));
          parts.delete(assembled);
        }
      })
      .catch((err: unknown) => void (assemblyError ??= err));
  };
  // Twice as many sources in flight as threads: a worker finds its next source waiting while the
  // main thread takes in the last one's result.
  const queue = new PQueue({ concurrency: concurrency * 2 });
  try {
    await queue.addAll(
      files.map((file, index) => async () => {
        let kept = false;
        let status: SourceStatus;
        if (firstOfId.get(file.docId) !== index) {
          status = rejected(file, `duplicate document id ${file.docId} (another source has the same path without extension)`);
        } else {
          const bytes = await readSource(file, opts);
          if (typeof bytes === "string") status = { ...rejected(file, bytes), bytes: statSync(file.file).size };
          else {
            const old = previous?.get(file.path);
            kept = old?.sha256 === sha256(bytes) && old.docId === file.docId && existsSync(documentPath(opts.out, file.docId));
            if (kept) status = old!;
            else {
              const result = await processOne(file, bytes, opts, runner, stagesMs);
              status = result.status;
              if (result.parts && parts.size < heldParts) parts.set(index, result.parts);
            }
          }
        }
        if (kept) reused++;
        statuses[index] = status;
        assembleReady();
        opts.onEvent?.({ type: "source", done: ++done, total: files.length, status, reused: kept });
      }),
    );
    await assembly;
    if (assemblyError) throw assemblyError;
    await writer.finish();
  } catch (err) {
    writer.abort();
    throw err;
  } finally {
    await runner.close();
  }
  const built = statuses.filter((s) => s.status === "ok").map((s) => s.docId!);
  removeStale(join(opts.out, "documents"), new Set(built.map((id) => `${id}.json`)));
  writeSchemas(join(opts.out, "schema"));
  const manifest = makeManifest(opts, statuses, {
    totalMs: round(performance.now() - started),
    stagesMs: sortKeys(Object.fromEntries(Object.entries(stagesMs).map(([k, v]) => [k, round(v)]))),
    processed: files.length - reused,
    reused,
  });
  writeAtomic(join(opts.out, "manifest.json"), jsonText(manifest));
  return { manifest, failed: manifest.sources.filter((s) => s.status !== "ok") };
}

export function makeManifest(opts: Pick<BuildOptions, "config" | "shard">, statuses: SourceStatus[], run: Manifest["run"]): Manifest {
  const rules: Record<string, number> = {};
  for (const s of statuses) for (const [rule, n] of Object.entries(s.rules)) rules[rule] = (rules[rule] ?? 0) + n;
  const failed = statuses.filter((s) => s.status !== "ok").length;
  return Manifest.parse({
    tool: { name: toolName, version: toolVersion },
    configHash: opts.config.hash,
    pipelineHash,
    shard: opts.shard ?? null,
    sources: statuses,
    totals: {
      sources: statuses.length,
      built: statuses.length - failed,
      rejected: failed,
      passages: statuses.reduce((n, s) => n + s.passages, 0),
      bytes: statuses.reduce((n, s) => n + s.bytes, 0),
      rules: sortKeys(rules),
    },
    run,
  });
}

/** Which shard a document belongs to: a stable hash of its id, so any scheduler gets the same split. */
export function inShard(docId: string, shard: Shard): boolean {
  return createHash("sha256").update(docId).digest().readUInt32BE(0) % shard.count === shard.index;
}

/** The previous build's ok sources by path, when it was made by the same pipeline and config. */
function reusable(opts: BuildOptions): Map<string, SourceStatus> | null {
  const file = join(opts.out, "manifest.json");
  if (!existsSync(file)) return null;
  try {
    const old = Manifest.parse(JSON.parse(readFileSync(file, "utf8")));
    if (old.pipelineHash !== pipelineHash || old.configHash !== opts.config.hash) return null;
    return new Map(old.sources.filter((s) => s.status === "ok").map((s) => [s.path, s]));
  } catch {
    return null; // an unreadable or older manifest: build everything
  }
}

/** The bytes of a source, or the reason it is refused before reading (too large). */
async function readSource(file: SourceFile, opts: BuildOptions): Promise<Uint8Array | string> {
  // Refused before reading, so one huge file cannot exhaust memory.
  return tooLarge(statSync(file.file).size, opts.config.config) ?? readFile(file.file);
}

async function processOne(
  file: SourceFile,
  bytes: Uint8Array,
  opts: BuildOptions,
  runner: Runner,
  stagesMs: Record<string, number>,
): Promise<{ status: SourceStatus; parts?: DocumentParts }> {
  let result: WorkerResult;
  try {
    result = await runner.run({ docId: file.docId, path: file.path, bytes, config: opts.config.config, out: opts.out });
  } catch (err) {
    const message = (err as Error).message.split("\n")[0];
    return { status: { ...rejected(file, `pipeline error: ${message}`), status: "failed", bytes: bytes.length } };
  }
  if (!result.ok) return { status: { ...rejected(file, result.reason), sha256: result.sha256, bytes: bytes.length } };
  for (const [stage, ms] of Object.entries(result.timings)) stagesMs[stage] = (stagesMs[stage] ?? 0) + ms;
  const status: SourceStatus = {
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
  return { status, parts: result.parts };
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function rejected(file: SourceFile, reason: string): SourceStatus {
  return { path: file.path, docId: file.docId, sha256: null, encoding: null, bytes: 0, status: "rejected", reason, passages: 0, rules: {} };
}

interface Runner {
  run(job: WorkerJob): Promise<WorkerResult>;
  close(): Promise<void>;
}

/**
 * V8's optimising compiler, tuned for a batch run: each worker thread compiles the whole pipeline
 * for itself, and on two cores its background compiles took a third of a 40x build's CPU. Less
 * inlining and a later start to optimising (these two flags only: both are thresholds read at each
 * compile decision, safe to set while running) made the 40x build 12% faster and the 400x one no
 * slower (docs/performance.md). Set before the workers start.
 */
const JIT_FLAGS = "--max-inlined-bytecode-size-cumulative=200 --interrupt-budget=400000";

function makeRunner(workers: boolean, threads: number): Runner {
  if (!workers) {
    const worker = import("./worker.js");
    return { run: async (job) => (await worker).default(job), close: async () => {} };
  }
  v8.setFlagsFromString(JIT_FLAGS);
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

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
