// Worker-thread entry for piscina: the CPU-heavy part of a build runs here, off the main thread.
// Only what the main thread needs comes back (the document is not cloned across threads).
import { processSource, type SourceJob } from "./process.js";

export type WorkerResult =
  | { ok: true; json: string; passages: number; rules: Record<string, number>; timings: Record<string, number>; encoding: string; sha256: string }
  | { ok: false; reason: string; sha256: string };

export default function run(job: SourceJob): WorkerResult {
  const out = processSource(job);
  if (!out.ok) return out;
  const { document } = out;
  return {
    ok: true,
    json: out.json,
    passages: document.passages.length,
    rules: document.stats.rules,
    timings: out.timings,
    encoding: document.source.encoding,
    sha256: document.source.sha256,
  };
}
