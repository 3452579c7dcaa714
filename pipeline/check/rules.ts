// Data-quality rules. Each rule sees every document once (streaming) and then gives its verdict.
import type { Document } from "../model/schema.js";
import type { QualityConfig } from "./config.js";
import { result, type RuleResult, type Violation } from "./report.js";

export interface Rule {
  visit(doc: Document): void;
  finish(): RuleResult[];
}

/** Residual noise: a pattern that cleaning should have removed, in passages, abstracts and footnotes. */
export function noiseRules(config: QualityConfig): Rule {
  const rules = Object.entries(config.noise).map(([id, r]) => ({ id, ...r, re: new RegExp(r.pattern, "gmu"), found: [] as Violation[] }));
  return {
    visit(doc) {
      const texts: Array<[string | null, string]> = [
        ...doc.passages.map((p): [string, string] => [p.id, p.text]),
        ...doc.abstracts.map((a): [null, string] => [null, a.text]),
        ...doc.footnotes.map((f): [string, string] => [f.id, f.text]),
      ];
      for (const rule of rules) {
        for (const [passage, text] of texts) {
          for (const m of text.matchAll(rule.re)) {
            rule.found.push({ doc: doc.id, passage, span: { start: m.index, end: m.index + m[0].length }, text: context(text, m.index, m[0].length) });
          }
        }
      }
    },
    finish: () => rules.map((r) => result(`noise.${r.id}`, r.description, r.found.length <= r.max, r.found.length, `≤ ${r.max}`, r.found)),
  };
}

export function structureRules(config: QualityConfig): Rule {
  const s = config.structure;
  const untitled: Violation[] = [];
  const empty: Violation[] = [];
  const emptyNotes: Violation[] = [];
  const unanchored: Violation[] = [];
  const missing: Violation[] = [];
  let footnotes = 0;
  return {
    visit(doc) {
      const reason = doc.messages.some((m) => m.rule === "structure.no-title");
      if (Object.keys(doc.metadata.title).length === 0 && !reason) untitled.push(at(doc.id, null, "no title and no structure.no-title message"));
      for (const p of doc.passages) if (p.text.trim() === "") empty.push(at(doc.id, p.id, "empty passage"));
      for (const f of doc.footnotes) {
        footnotes++;
        if (f.text.trim() === "") emptyNotes.push(at(doc.id, f.id, `empty footnote ${f.marker}`));
        if (!f.anchor) unanchored.push(at(doc.id, f.id, `footnote ${f.marker} has no anchor: ${f.text.slice(0, 60)}`));
      }
      const want = s.expect[doc.id];
      for (const lang of want?.abstracts ?? []) if (!doc.abstracts.some((a) => a.lang === lang && a.text.trim())) missing.push(at(doc.id, null, `no ${lang} abstract`));
      for (const lang of want?.keywords ?? []) if (!doc.metadata.keywords[lang]?.length) missing.push(at(doc.id, null, `no ${lang} keywords`));
    },
    finish() {
      const anchored = footnotes === 0 ? 1 : (footnotes - unanchored.length) / footnotes;
      return [
        result("structure.title", "every document has a title or a recorded reason", untitled.length <= s.untitledMax, untitled.length, `≤ ${s.untitledMax}`, untitled),
        result("structure.empty-passages", "no empty passages", empty.length <= s.emptyPassagesMax, empty.length, `≤ ${s.emptyPassagesMax}`, empty),
        result("structure.empty-footnotes", "no empty footnotes", emptyNotes.length <= s.emptyFootnotesMax, emptyNotes.length, `≤ ${s.emptyFootnotesMax}`, emptyNotes),
        result("structure.footnotes-anchored", "share of footnotes linked to their marker", anchored >= s.footnotesAnchoredMin, round(anchored), `≥ ${s.footnotesAnchoredMin}`, unanchored),
        result("structure.expected", "abstracts and keywords expected per document (config)", missing.length === 0, missing.length, "0", missing),
      ];
    },
  };
}

/** Offsets that must fall inside their passage, and texts that must equal the slice they name. */
export function integrityRule(): Rule {
  const bad: Violation[] = [];
  return {
    visit(doc) {
      const passages = new Map(doc.passages.map((p) => [p.id, p]));
      for (const p of doc.passages) {
        for (const r of [...p.sentences, ...p.langSpans]) {
          if (r.start < 0 || r.end > p.text.length || r.start > r.end) bad.push({ doc: doc.id, passage: p.id, span: { start: r.start, end: r.end }, text: "range outside the passage" });
        }
        if (p.span.end < p.span.start || p.span.end > doc.source.chars) bad.push(at(doc.id, p.id, "source span outside the source"));
      }
      for (const f of doc.footnotes) {
        const p = f.anchor && passages.get(f.anchor.passage);
        if (f.anchor && (!p || f.anchor.offset > p.text.length)) bad.push(at(doc.id, f.id, `anchor ${f.anchor.passage}@${f.anchor.offset} is not in a passage`));
      }
      for (const e of doc.entities) {
        for (const m of e.mentions) {
          const text = passages.get(m.passage)?.text.slice(m.start, m.end);
          if (text !== m.text) bad.push({ doc: doc.id, passage: m.passage, span: { start: m.start, end: m.end }, text: `mention "${m.text}" ≠ passage text "${text ?? ""}"` });
        }
        if (Object.values(e.names).every((names) => names.every((n) => n.trim() === ""))) bad.push(at(doc.id, null, `entity ${e.id} has no name`));
      }
    },
    finish: () => [result("integrity.offsets", "spans, anchors and mentions point inside their passages", bad.length === 0, bad.length, "0", bad)],
  };
}

export function alignmentRules(config: QualityConfig): Rule {
  const a = config.alignment;
  const scores = new Map<string, number[]>();
  return {
    visit(doc) {
      for (const al of doc.alignments) {
        const list = scores.get(al.scope) ?? [];
        for (const l of al.links) if (l.src.length && l.tgt.length) list.push(l.score);
        scores.set(al.scope, list);
      }
    },
    finish() {
      return [...scores].sort(([x], [y]) => (x < y ? -1 : 1)).flatMap(([scope, list]) => {
        const mean = list.length ? list.reduce((s, x) => s + x, 0) / list.length : 1;
        const low = list.length ? list.filter((x) => x < a.lowScore).length / list.length : 0;
        return [
          result(`alignment.${scope}.score-mean`, `mean score of ${scope} links`, mean >= a.scoreMeanMin, round(mean), `≥ ${a.scoreMeanMin}`, []),
          result(`alignment.${scope}.low-scores`, `share of ${scope} links scoring under ${a.lowScore}`, low <= a.lowScoreShareMax, round(low), `≤ ${a.lowScoreShareMax}`, []),
        ];
      });
    },
  };
}

/** One id, one entity: the same id never carries two types across documents. */
export function entityRules(): Rule {
  const types = new Map<string, { type: string; doc: string }>();
  const bad: Violation[] = [];
  return {
    visit(doc) {
      for (const e of doc.entities) {
        const seen = types.get(e.id);
        if (seen && seen.type !== e.type) bad.push(at(doc.id, null, `entity ${e.id} is ${e.type} here and ${seen.type} in ${seen.doc}`));
        else types.set(e.id, { type: e.type, doc: doc.id });
      }
    },
    finish: () => [result("entities.consistent-ids", "an entity id has one type across the corpus", bad.length === 0, bad.length, "0", bad)],
  };
}

function at(doc: string | null, passage: string | null, text: string): Violation {
  return { doc, passage, span: null, text };
}

function context(text: string, index: number, length: number): string {
  return `${text.slice(Math.max(0, index - 12), index)}⟦${text.slice(index, index + length)}⟧${text.slice(index + length, index + length + 12)}`;
}

export function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
