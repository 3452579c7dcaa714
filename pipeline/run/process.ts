// One source through every stage: ingest → clean → structure → segment → align → entities → emit.
// Runs inside a worker thread in builds; pure, so the same bytes and config give the same result.
import { align } from "../align/index.js";
import { clean } from "../clean/index.js";
import type { Config } from "../config.js";
import { entities } from "../entities/index.js";
import { toDocument } from "../emit/document.js";
import { jsonText } from "../emit/files.js";
import { ingest } from "../ingest/index.js";
import type { Document } from "../model/schema.js";
import type { Stage } from "../model/work.js";
import { segment } from "../segment/index.js";
import { structure } from "../structure/index.js";

export const stages: ReadonlyArray<readonly [string, Stage]> = [
  ["clean", clean],
  ["structure", structure],
  ["segment", segment],
  ["align", align],
  ["entities", entities],
];

export interface SourceJob {
  docId: string;
  path: string;
  bytes: Uint8Array;
  config: Config;
}

export type SourceOutcome =
  | { ok: true; document: Document; json: string; timings: Record<string, number> }
  | { ok: false; reason: string; sha256: string };

export function processSource({ docId, path, bytes, config }: SourceJob): SourceOutcome {
  const timings: Record<string, number> = {};
  const timed = <T>(name: string, fn: () => T): T => {
    const t0 = performance.now();
    const result = fn();
    timings[name] = performance.now() - t0;
    return result;
  };
  const ingested = timed("ingest", () => ingest(docId, path, bytes, config));
  if (!ingested.ok) return ingested;
  let doc = ingested.doc;
  for (const [name, stage] of stages) doc = timed(name, () => stage(doc, config));
  const document = timed("emit", () => toDocument(doc));
  const json = timed("serialize", () => jsonText(document));
  return { ok: true, document, json, timings };
}
