// `corpus check`: validate every output file against the published schemas, then run the
// data-quality rules over every document (one at a time) and, optionally, compare with a baseline.
import { createReadStream, existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { createInterface } from "node:readline";
import { documentPath, passageLine, readDocument } from "../emit/corpus.js";
import { jsonText, writeAtomic } from "../emit/files.js";
import { Manifest, type Document } from "../model/schema.js";
import { compareBaseline } from "./baseline.js";
import type { QualityConfig } from "./config.js";
import { MetricsCollector } from "./metrics.js";
import { QualityReport, result, type Metrics, type RuleResult } from "./report.js";
import { alignmentRules, entityRules, integrityRule, noiseRules, structureRules, type Rule } from "./rules.js";
import { SchemaValidator } from "./schemas.js";

export interface CheckOptions {
  out: string;
  config: QualityConfig;
  baseline?: string;
  /** Write <out>/quality.json (default true). */
  write?: boolean;
}

export async function runCheck(opts: CheckOptions): Promise<QualityReport> {
  const { rules, metrics } = await analyse(opts.out, opts.config, true);
  if (opts.baseline) {
    const before = await analyse(opts.baseline, opts.config, false);
    rules.push(compareBaseline(metrics, before.metrics, opts.config));
  }
  const report = QualityReport.parse({ ok: rules.every((r) => r.status === "pass"), rules, metrics });
  if (opts.write !== false) writeAtomic(join(opts.out, "quality.json"), jsonText(report));
  return report;
}

async function analyse(out: string, config: QualityConfig, validate: boolean): Promise<{ rules: RuleResult[]; metrics: Metrics }> {
  const schemas = new SchemaValidator(out);
  const manifest = Manifest.parse(JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")));
  if (validate) schemas.check("manifest.json", manifest, "manifest.json");
  const docIds = manifest.sources.filter((s) => s.status === "ok").map((s) => s.docId!);
  const noise = noiseRules(config);
  const rules: Rule[] = [noise, structureRules(config), integrityRule(), alignmentRules(config), entityRules()];
  const metrics = new MetricsCollector();
  const passageLines = validate ? lines(join(out, "passages.jsonl")) : null;
  const mismatched: RuleResult["violations"] = [];
  for (const docId of docIds) {
    if (!existsSync(documentPath(out, docId))) {
      mismatched.push({ doc: docId, passage: null, span: null, text: "listed in the manifest but its document file is missing" });
      continue;
    }
    const doc: Document = readDocument(out, docId);
    if (validate) schemas.check(`documents/${docId}.json`, doc, `documents/${docId}.json`, docId);
    for (const rule of rules) rule.visit(doc);
    metrics.visit(doc);
    if (passageLines) await comparePassages(doc, passageLines, schemas, mismatched);
  }
  if (passageLines && !(await passageLines.next()).done) mismatched.push({ doc: null, passage: null, span: null, text: "passages.jsonl has lines for no document" });
  if (validate) await validateOtherFiles(out, schemas);
  const results = rules.flatMap((r) => r.finish());
  const noiseCounts = Object.fromEntries(results.filter((r) => r.id.startsWith("noise.")).map((r) => [r.id.slice(6), r.count]));
  if (validate) {
    results.unshift(
      result("schema", "every output record is valid against the published JSON Schemas", schemas.violations.length === 0, schemas.violations.length, "0", schemas.violations),
      result("consistency.passages", "passages.jsonl holds exactly the documents' passages, in order", mismatched.length === 0, mismatched.length, "0", mismatched),
    );
  }
  return { rules: results, metrics: metrics.finish(noiseCounts) };
}

async function comparePassages(doc: Document, it: AsyncIterator<string>, schemas: SchemaValidator, bad: RuleResult["violations"]): Promise<void> {
  for (const [i, p] of doc.passages.entries()) {
    const next = await it.next();
    const line = next.done ? null : next.value;
    const record: unknown = line === null ? null : JSON.parse(line);
    if (record !== null) schemas.check("passages.jsonl", record, `passages.jsonl (${p.id})`, doc.id);
    if (line !== passageLine(doc, p)) {
      bad.push({ doc: doc.id, passage: p.id, span: null, text: `passages.jsonl differs from the document at passage ${i + 1}` });
      return;
    }
  }
}

/** Other JSON/JSONL outputs that a schema covers (corpus files added by later stages). */
async function validateOtherFiles(out: string, schemas: SchemaValidator): Promise<void> {
  for (const entry of readdirSync(out, { withFileTypes: true })) {
    const rel = relative(out, join(out, entry.name));
    if (!entry.isFile() || ["manifest.json", "passages.jsonl", "quality.json"].includes(rel) || !schemas.covers(rel)) continue;
    if (rel.endsWith(".jsonl")) {
      let n = 0;
      for await (const line of createInterface({ input: createReadStream(join(out, rel)), crlfDelay: Infinity })) {
        n++;
        if (line) schemas.check(rel, JSON.parse(line), `${rel}:${n}`);
      }
    } else schemas.check(rel, JSON.parse(readFileSync(join(out, rel), "utf8")), rel);
  }
}

function lines(file: string): AsyncIterator<string> {
  return createInterface({ input: createReadStream(file), crlfDelay: Infinity })[Symbol.asyncIterator]();
}
