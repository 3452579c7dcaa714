// A WorkDoc of paragraphs (one block per text), for running the entities stage on real lines
// without the rest of the pipeline.
import { loadConfig } from "../../../pipeline/config.js";
import { entities } from "../../../pipeline/entities/index.js";
import { Tracked } from "../../../pipeline/model/tracked.js";
import { emptyDoc, type WorkDoc, type WorkEntity } from "../../../pipeline/model/work.js";

export function workDoc(texts: string[]): WorkDoc {
  const source = texts.join("\n");
  const doc = emptyDoc("test", { path: "test.txt", sha256: "0".repeat(64), encoding: "utf-8", bom: false, lineEndings: "lf", bytes: source.length, chars: source.length }, source, {});
  let at = 0;
  doc.blocks = texts.map((t) => {
    const block = { kind: "paragraph" as const, tracked: Tracked.slice(source, at, at + t.length), lang: "und", langSpans: [], sentences: [] };
    at += t.length + 1;
    return block;
  });
  return doc;
}

/** The entities of texts read as the paragraphs of one document. */
export function entitiesOf(...texts: string[]): WorkEntity[] {
  return entities(workDoc(texts), loadConfig().config).entities;
}

/** Every mention as "TYPE text" with the entity id, in reading order. */
export function mentionsOf(...texts: string[]): { type: string; text: string; id: string; block: number; start: number; end: number }[] {
  const doc = workDoc(texts);
  const out = entities(doc, loadConfig().config).entities.flatMap((e) =>
    e.mentions.map((m) => ({ type: e.type, text: m.text, id: e.id, block: doc.blocks.indexOf(m.block), start: m.start, end: m.end })),
  );
  return out.sort((a, b) => a.block - b.block || a.start - b.start);
}
