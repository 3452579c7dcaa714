// Corpus-wide files, assembled from the document files in document order. They depend on nothing
// but the documents, so a build, an incremental re-build and a merge of shards write the same bytes.
// Documents are read one at a time: memory is bounded by the largest document, not the corpus.
import { once } from "node:events";
import { createWriteStream, mkdirSync, readFileSync, renameSync, rmSync, type WriteStream } from "node:fs";
import { dirname, join } from "node:path";
import { alignmentCorpusFiles } from "../align/formats/index.js";
import { documentTallies, EntityTable, type DocumentTally } from "../entities/corpus.js";
import type { Document, Passage, PassageRecord } from "../model/schema.js";
import { searchFields } from "../search/fields.js";

/**
 * One corpus-wide file. `lines` is a document's share of it, a pure function of the document, so
 * it is computed with the document in its worker; `take` (main thread, documents in order) turns
 * those lines into what is written, for files that fold documents together (default: written as
 * they are); `tail` is written once every document is seen.
 */
export interface CorpusFile {
  name: string;
  lines(doc: Document): string[];
  take?(lines: string[]): string[];
  tail?(): string[];
}

/** A fresh set of corpus files for one assembly (files with a tail keep state across documents). */
export function corpusFiles(): CorpusFile[] {
  return [
    {
      name: "passages.jsonl",
      lines: (doc) => doc.passages.map((p) => passageLine(doc, p)),
    },
    entitiesFile(),
    ...alignmentCorpusFiles(),
  ];
}

/** What a file writes for a document's lines (documents in order). */
export function taken(file: CorpusFile, lines: string[]): string[] {
  return file.take ? file.take(lines) : lines;
}

/** A document's lines of every corpus file, in corpusFiles() order. */
export type DocumentParts = string[][];

const partFiles = corpusFiles();
export function documentParts(doc: Document): DocumentParts {
  return partFiles.map((f) => f.lines(doc));
}

/** A line of passages.jsonl: a PassageRecord, its keys in the schema's order (passages are). */
export function passageLine(doc: Document, passage: Passage): string {
  const { terms: _terms, ...fields } = passage;
  const record: PassageRecord = { docId: doc.id, ...fields, search: searchFields(doc, passage) };
  return JSON.stringify(record);
}

/** entities.jsonl: one record per entity id across the corpus; only the tallies are kept in memory. */
function entitiesFile(): CorpusFile {
  const table = new EntityTable();
  return {
    name: "entities.jsonl",
    lines: (doc) => documentTallies(doc).map((t) => JSON.stringify(t)),
    take: (lines) => {
      for (const line of lines) table.merge(JSON.parse(line) as DocumentTally);
      return [];
    },
    tail: () => table.records().map((r) => JSON.stringify(r)),
  };
}

export function documentPath(out: string, docId: string): string {
  return join(out, "documents", `${docId}.json`);
}

export function readDocument(out: string, docId: string): Document {
  return JSON.parse(readFileSync(documentPath(out, docId), "utf8")) as Document;
}

/** Writes the corpus files from documents given one at a time, in document order; nothing is
 *  visible under `out` until `finish` renames the files into place. */
export class CorpusWriter {
  private readonly streams: ReturnType<typeof open>[];

  constructor(
    out: string,
    private readonly files: CorpusFile[] = corpusFiles(),
  ) {
    this.streams = files.map((f) => open(join(out, f.name)));
  }

  async add(doc: Document): Promise<void> {
    await this.addParts(this.files.map((f) => f.lines(doc)));
  }

  /** A document's parts (documentParts), computed elsewhere. */
  async addParts(parts: DocumentParts): Promise<void> {
    for (const [i, file] of this.files.entries()) await write(this.streams[i]!.stream, taken(file, parts[i]!));
  }

  async finish(): Promise<void> {
    for (const [i, file] of this.files.entries()) await write(this.streams[i]!.stream, file.tail?.() ?? []);
    for (const s of this.streams) await s.commit();
  }

  abort(): void {
    for (const s of this.streams) s.abort();
  }
}

/** Write every corpus file atomically from the documents `docIds` (in this order) under `out`. */
export async function assembleCorpus(out: string, docIds: readonly string[], files: CorpusFile[] = corpusFiles()): Promise<void> {
  const writer = new CorpusWriter(out, files);
  try {
    for (const docId of docIds) await writer.add(readDocument(out, docId));
    await writer.finish();
  } catch (err) {
    writer.abort();
    throw err;
  }
}

function open(file: string): { stream: WriteStream; commit(): Promise<void>; abort(): void } {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const stream = createWriteStream(tmp);
  return {
    stream,
    commit: async () => {
      stream.end();
      await once(stream, "finish");
      renameSync(tmp, file);
    },
    abort: () => {
      stream.destroy();
      rmSync(tmp, { force: true });
    },
  };
}

async function write(stream: WriteStream, lines: readonly string[]): Promise<void> {
  if (lines.length === 0) return;
  if (!stream.write(`${lines.join("\n")}\n`)) await once(stream, "drain");
}
