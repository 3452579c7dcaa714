// Traditional Chinese is converted to Simplified (opencc-js; by default from the Taiwan standard, whose
// phrases decide ambiguous characters: 意味著 → 意味着, 著作 stays), so that a
// Traditional copy of a source gives the same text. The source script is decided once per document
// from a sample of its Han characters, and recorded in the document's metadata.
import { Converter } from "opencc-js/t2cn";
import type { RuleCounts } from "../../model/schema.js";
import type { Tracked } from "../../model/tracked.js";
import { readConfig } from "../data.js";

const settings = readConfig<{ convertTraditional: boolean; from: "t" | "tw" | "twp" | "hk"; sample: number; minShare: number }>("script.json");
const HAN_RUN = /\p{Script=Han}+/gu;
const converters = new Map<string, (text: string) => string>();

function toSimplified(text: string, from: string = settings.from): string {
  const convert = converters.get(from) ?? Converter({ from: from as "t", to: "cn" });
  converters.set(from, convert);
  return convert(text);
}

/**
 * Hant when at least `minShare` of a sample of the text's Han characters are Traditional forms. The
 * sample is read with the plain OpenCC table, which changes only characters that are Traditional
 * whatever the phrase (著 is Simplified too, and decides nothing).
 */
export function sourceScript(text: string): "Hans" | "Hant" | null {
  const runs: string[] = [];
  let length = 0;
  for (const m of text.matchAll(HAN_RUN)) {
    if (length >= settings.sample) break; // the sample is full
    runs.push(m[0]);
    length += m[0].length;
  }
  const sample = runs.join("").slice(0, settings.sample);
  if (sample.length === 0) return null;
  const simplified = toSimplified(sample, "t");
  let changed = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] !== simplified[i]) changed++;
  return changed >= sample.length * settings.minShare ? "Hant" : "Hans";
}

export function convertsTraditional(script: "Hans" | "Hant" | null): boolean {
  return settings.convertTraditional && script === "Hant";
}

/** Rule clean.traditional: Han runs to Simplified, one edit per changed character where lengths allow. */
export function simplify(t: Tracked, counts: RuleCounts): Tracked {
  const changes: Array<{ start: number; end: number; text: string }> = [];
  for (const m of t.text.matchAll(HAN_RUN)) {
    const run = m[0];
    const out = toSimplified(run);
    if (out === run) continue;
    if (out.length !== run.length) {
      changes.push({ start: m.index, end: m.index + run.length, text: out });
      continue;
    }
    for (let i = 0; i < run.length; i++) if (run[i] !== out[i]) changes.push({ start: m.index + i, end: m.index + i + 1, text: out[i]! });
  }
  return t.edit("clean.traditional", changes, counts);
}
