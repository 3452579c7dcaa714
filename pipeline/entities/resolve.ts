// Overlapping candidates: within a layer the trusted and the longer win (a weak tagger guess loses to
// any rule, 哈萨克斯坦国家安全委员会 to 哈萨克斯坦); across layers names nest inside titles and events.
// Of two candidates with the same span only the better stays: the higher rank, else the title or
// event (“天山”系列演习 is the exercise, not the mountains).
import { isSpaceCode } from "./text.js";
import { candidate, layerOf, type Candidate } from "./types.js";

const outer = (c: Candidate): number => (layerOf(c.type) === "name" ? 0 : 1);
const better = (a: Candidate, b: Candidate): number =>
  Number(a.weak ?? false) - Number(b.weak ?? false) ||
  b.end - b.start - (a.end - a.start) ||
  b.rank - a.rank ||
  outer(b) - outer(a) ||
  a.start - b.start;

export function resolve(candidates: Candidate[], text: string): Candidate[] {
  const kept: Candidate[] = [];
  for (const c of candidates.map((c) => trim(c, text)).filter((c) => c.end > c.start).sort(better)) {
    if (!kept.some((k) => beats(k, c))) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** A kept candidate shuts out another that overlaps it in its layer, or that has its span in any layer. */
const beats = (k: Candidate, c: Candidate): boolean =>
  (k.start < c.end && c.start < k.end && layerOf(k.type) === layerOf(c.type)) || (k.start === c.start && k.end === c.end);

function trim(c: Candidate, text: string): Candidate {
  let { start, end } = c;
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return start === c.start && end === c.end ? c : candidate({ ...c, start, end });
}
