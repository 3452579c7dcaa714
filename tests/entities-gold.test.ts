// Precision and recall of the entities stage on passages annotated by hand (tests/data/entities/
// gold.json; how they were annotated is in its note), per type, printed and held above a floor.
// Each sample is read as a document of one paragraph, so glosses and definitions in it link too.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { mentionsOf } from "./data/entities/work-doc.js";

interface Sample {
  id: string;
  text: string;
  mentions: string[];
  same?: string[][];
  heldOut?: boolean;
}

const gold = JSON.parse(readFileSync(new URL("./data/entities/gold.json", import.meta.url), "utf8")) as { samples: Sample[] };
const types = ["PERSON", "ORG", "GPE", "LOC", "DATE", "WORK", "EVENT"] as const;

/** "TYPE|surface", "TYPE|surface|n" (n-th occurrence) or "TYPE|left{surface}right" (a context found once). */
function locate(text: string, spec: string): { type: string; start: number; end: number } {
  const [type = "", body = "", nth = "1"] = spec.split("|");
  const brace = /^(.*)\{(.+)\}(.*)$/su.exec(body);
  if (brace) {
    const context = `${brace[1]}${brace[2]}${brace[3]}`;
    const at = text.indexOf(context);
    if (at < 0 || text.indexOf(context, at + 1) >= 0) throw new Error(`context not found once: ${spec}`);
    return { type, start: at + (brace[1] ?? "").length, end: at + (brace[1] ?? "").length + (brace[2] ?? "").length };
  }
  let at = -1;
  for (let i = 0; i < Number(nth); i++) at = text.indexOf(body, at + 1);
  if (at < 0) throw new Error(`occurrence not found: ${spec}`);
  return { type, start: at, end: at + body.length };
}

const key = (m: { type: string; start: number; end: number }) => `${m.type}@${m.start}-${m.end}`;

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Mentions matched by span and type, per type; same-entity groups held; what was missed or spurious. */
function score(samples: Sample[]) {
  const counts: Record<string, Counts> = Object.fromEntries(types.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const notes: string[] = [];
  let sameHeld = 0;
  let sameTotal = 0;
  for (const s of samples) {
    const expected = new Map(s.mentions.map((spec) => [key(locate(s.text, spec)), spec]));
    const found = mentionsOf(s.text);
    const byKey = new Map(found.map((m) => [key(m), m]));
    for (const [k, spec] of expected) {
      const type = spec.split("|")[0]!;
      if (byKey.has(k)) counts[type]!.tp++;
      else {
        counts[type]!.fn++;
        notes.push(`${s.id} missed ${spec}`);
      }
    }
    for (const m of found.filter((m) => !expected.has(key(m)))) {
      counts[m.type]!.fp++;
      notes.push(`${s.id} spurious ${m.type}|${m.text}`);
    }
    for (const group of s.same ?? []) {
      sameTotal++;
      const ids = new Set(group.map((spec) => byKey.get(key(locate(s.text, spec)))?.id));
      if (ids.size === 1 && !ids.has(undefined)) sameHeld++;
      else notes.push(`${s.id} not one entity: ${group.join(" / ")}`);
    }
  }
  const all = Object.values(counts).reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return { counts, all, sameHeld, sameTotal, notes };
}

const precision = (c: Counts) => c.tp / (c.tp + c.fp);
const recall = (c: Counts) => c.tp / (c.tp + c.fn);

function table(title: string, r: ReturnType<typeof score>): string {
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : "—");
  const rows = [...types.map((t) => [t, r.counts[t]!] as const), ["ALL", r.all] as const]
    .filter(([, c]) => c.tp + c.fp + c.fn > 0)
    .map(([t, c]) => `${t.padEnd(7)} gold ${String(c.tp + c.fn).padStart(3)}  found ${String(c.tp + c.fp).padStart(3)}  P ${f(precision(c))}  R ${f(recall(c))}`);
  return `${title}\n${rows.join("\n")}\nsame-entity groups held: ${r.sameHeld}/${r.sameTotal}\n${r.notes.join("\n")}`;
}

describe("hand-annotated sample", () => {
  const main = gold.samples.filter((s) => !s.heldOut);
  const heldOut = gold.samples.filter((s) => s.heldOut);
  const sources = score(main);
  const other = score(heldOut);
  console.log(`${table(`entities on ${main.length} hand-annotated passages of the sources`, sources)}\n\n${table(`held out: ${heldOut.length} passages of other publishers`, other)}`);

  test("every annotation points at the text", () => {
    for (const s of gold.samples) for (const spec of s.mentions) expect(() => locate(s.text, spec)).not.toThrow();
  });

  test("precision and recall on the sources stay above the floor", () => {
    expect(precision(sources.all)).toBeGreaterThanOrEqual(0.9);
    expect(recall(sources.all)).toBeGreaterThanOrEqual(0.85);
    for (const t of ["PERSON", "ORG", "GPE", "LOC", "DATE", "WORK", "EVENT"] as const) {
      expect(precision(sources.counts[t]!)).toBeGreaterThanOrEqual(0.8);
      expect(recall(sources.counts[t]!)).toBeGreaterThanOrEqual(0.8);
    }
  });

  test("precision and recall on held-out text stay above a lower floor", () => {
    expect(precision(other.all)).toBeGreaterThanOrEqual(0.7);
    expect(recall(other.all)).toBeGreaterThanOrEqual(0.5);
  });

  test("names glossed or defined in a passage share one id", () => {
    expect(sources.sameHeld).toBe(sources.sameTotal);
  });
});
