// Reference lists: the entries after a 参考文献 / References heading, one block per entry. Entries
// joined on one line by the layout ("…2017.] [14] 朱蓉,…") are cut apart as well. The zone ends at
// the next heading that is not a running head, or at a labelled field (a translated title block).
import type { Block } from "../model/work.js";
import { cut, type Carver } from "./carve.js";
import type { FieldInfo } from "./fields.js";
import { blockLines } from "./lines.js";
import { stripMarkup } from "./text.js";

const HEAD = /^[[【]?\s*(?:参考文献|References?|Bibliography|Литература|Список литературы)\s*[\]】]?\s*(?:[(（]?\s*References\s*[)）]?)?\s*[:：]?$/iu;
const ENTRY = /^[[［]\s*(\d{1,3})\s*[\]］]\s*/u;
const JOINED = /(?<=[.。\]］])\s+(?=[[［]\d{1,3}[\]］]\s*\S)/gu;

export interface Reference {
  marker: string | null;
}

export function isReferencesHeading(text: string): boolean {
  return HEAD.test(stripMarkup(text).trim());
}

/** Blocks of the reference zones (headings excluded). */
export function referenceZones(blocks: readonly Block[], fields: ReadonlyMap<Block, FieldInfo>): Set<Block> {
  const repeated = new Map<string, number>();
  for (const b of blocks) if (b.kind === "heading") repeated.set(b.tracked.text, (repeated.get(b.tracked.text) ?? 0) + 1);
  // A translated title block above an abstract closes the list too: a title is no entry.
  const beforeAbstract = new Set<number>();
  blocks.forEach((b, i) => {
    const f = fields.get(b)?.field;
    if (f === "abstract" || f === "keywords") for (let j = Math.max(0, i - 3); j < i; j++) beforeAbstract.add(j);
  });
  const zone = new Set<Block>();
  let open = false;
  blocks.forEach((b, i) => {
    if (isReferencesHeading(b.tracked.text)) open = true;
    else if (fields.has(b) || (b.kind === "heading" && (repeated.get(b.tracked.text) ?? 0) < 2)) open = false;
    else if (beforeAbstract.has(i) && !ENTRY.test(b.tracked.text)) open = false;
    else if (open && b.kind !== "heading") zone.add(b);
  });
  return zone;
}

/** Cut the zone's blocks into entries; the map gives each entry's marker. */
export function splitReferences(blocks: readonly Block[], zone: ReadonlySet<Block>, carver: Carver): { blocks: Block[]; refs: Map<Block, Reference> } {
  const refs = new Map<Block, Reference>();
  const out = blocks.flatMap((block) => {
    if (!zone.has(block)) return [block];
    const text = block.tracked.text;
    const starts = blockLines(block.tracked)
      .filter((l) => ENTRY.test(l.text))
      .map((l) => l.start);
    for (const m of text.matchAll(JOINED)) starts.push(m.index + m[0].length);
    const parts = cut(block, starts, carver);
    for (const p of parts) refs.set(p, { marker: ENTRY.exec(p.tracked.text)?.[0].trim() ?? null });
    return parts;
  });
  return { blocks: out, refs };
}

/** An entry's text without its marker. */
export function referenceText(text: string): string {
  return text.replace(ENTRY, "").trim();
}
