// Worker-thread entry for piscina: the CPU-heavy part of a build runs here, off the main thread.
// The worker also writes the document file and computes the document's lines of the corpus files,
// so only those lines and the source's status come back (the document is not cloned across threads).
import { documentParts, documentPath, type DocumentParts } from "../emit/corpus.js";
import { writeAtomic } from "../emit/files.js";
import { processSource, type SourceJob } from "./process.js";

export interface WorkerJob extends SourceJob {
  /** The output folder the document file is written under. */
  out: string;
}

export type WorkerResult =
  | { ok: true; parts: DocumentParts; passages: number; rules: Record<string, number>; timings: Record<string, number>; encoding: string; sha256: string }
  | { ok: false; reason: string; sha256: string };

export default function run(job: WorkerJob): WorkerResult {
  const out = processSource(job);
  if (!out.ok) return out;
  const { document, timings } = out;
  let t0 = performance.now();
  writeAtomic(documentPath(job.out, document.id), out.json);
  timings.write = performance.now() - t0;
  t0 = performance.now();
  const parts = documentParts(document);
  timings.corpus = performance.now() - t0;
  return {
    ok: true,
    parts,
    passages: document.passages.length,
    rules: document.stats.rules,
    timings,
    encoding: document.source.encoding,
    sha256: document.source.sha256,
  };
}
