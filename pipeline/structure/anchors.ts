// Link footnote bodies to their anchors. Numbering restarts on every page, so a body is linked to
// an anchor with its number in the text since the previous group of bodies (its page). Matching
// runs backwards from the group: when a page lost its bodies, its anchors are passed over in favour
// of the later ones, nearest to the bodies.
import type { Block } from "../model/work.js";
import type { Note } from "./footnotes.js";
import { isPageNumber } from "./footnotes.js";
import { anchorsIn } from "./markers.js";

export interface Linked {
  block: Block;
  note: Note;
  anchor: { block: Block; offset: number } | null;
}

export function linkFootnotes(blocks: readonly Block[], notes: ReadonlyMap<Block, Note>, skip: ReadonlySet<Block>): Linked[] {
  const linked: Linked[] = [];
  let region: Block[] = [];
  let group: Block[] = [];
  const flush = () => {
    if (group.length > 0) linked.push(...linkGroup(group, region, notes));
    if (group.length > 0) region = [];
    group = [];
  };
  for (const b of blocks) {
    if (notes.has(b)) group.push(b);
    else if (isPageNumber(b)) continue;
    else {
      flush();
      if (!skip.has(b)) region.push(b);
    }
  }
  flush();
  return linked;
}

function linkGroup(group: readonly Block[], region: readonly Block[], notes: ReadonlyMap<Block, Note>): Linked[] {
  const style = notes.get(group[0]!)!.style;
  const anchors = region.flatMap((block) => anchorsIn(block.tracked.text, style).map((a) => ({ block, ...a })));
  let limit = anchors.length; // anchors at or after this index are taken
  const out: Linked[] = [];
  for (let g = group.length - 1; g >= 0; g--) {
    const block = group[g]!;
    const note = notes.get(block)!;
    let found = -1;
    for (let k = limit - 1; k >= 0; k--) {
      if (anchors[k]!.value === note.value) {
        found = k;
        break;
      }
    }
    const a = found >= 0 ? anchors[found]! : null;
    if (found >= 0) limit = found;
    out.unshift({ block, note, anchor: a ? { block: a.block, offset: a.offset } : null });
  }
  return out;
}
