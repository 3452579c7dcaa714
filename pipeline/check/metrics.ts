// Corpus metrics for the quality report and for comparisons with a baseline output.
import type { Document } from "../model/schema.js";
import type { Metrics } from "./report.js";
import { round, type Rule } from "./rules.js";

export class MetricsCollector {
  private m: Metrics = { documents: 0, passages: 0, footnotes: 0, footnotesAnchored: 1, abstracts: {}, keywords: {}, noise: {}, alignment: {}, entities: 0 };
  private anchored = 0;
  private scores: Record<string, number[]> = {};
  private readonly entityIds = new Set<string>();

  visit(doc: Document): void {
    const m = this.m;
    m.documents++;
    m.passages += doc.passages.length;
    m.footnotes += doc.footnotes.length;
    this.anchored += doc.footnotes.filter((f) => f.anchor).length;
    for (const a of doc.abstracts) m.abstracts[a.lang] = (m.abstracts[a.lang] ?? 0) + 1;
    for (const [lang, list] of Object.entries(doc.metadata.keywords)) m.keywords[lang] = (m.keywords[lang] ?? 0) + list.length;
    for (const al of doc.alignments) (this.scores[al.scope] ??= []).push(...al.links.filter((l) => l.src.length && l.tgt.length).map((l) => l.score));
    for (const e of doc.entities) this.entityIds.add(e.id);
  }

  finish(noise: Record<string, number>): Metrics {
    const sorted = <T>(r: Record<string, T>) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)));
    return {
      ...this.m,
      footnotesAnchored: this.m.footnotes ? round(this.anchored / this.m.footnotes) : 1,
      abstracts: sorted(this.m.abstracts),
      keywords: sorted(this.m.keywords),
      noise: sorted(noise),
      alignment: sorted(Object.fromEntries(Object.entries(this.scores).map(([scope, s]) => [scope, { links: s.length, scoreMean: s.length ? round(s.reduce((x, y) => x + y, 0) / s.length) : 0 }]))),
      entities: this.entityIds.size,
    };
  }
}

export type { Rule };
