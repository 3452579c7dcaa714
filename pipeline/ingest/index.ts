// Ingest stage: bytes of one source file → a WorkDoc holding the decoded text, or a one-line
// reason why the file cannot be a document.
import { createHash } from "node:crypto";
import type { Config } from "../config.js";
import { emptyDoc, type WorkDoc } from "../model/work.js";
import { decodeSource } from "./decode.js";

export type IngestResult = { ok: true; doc: WorkDoc } | { ok: false; reason: string; sha256: string };

/** Why a source of this size is refused, or null: callers can ask before reading the file. */
export function tooLarge(size: number, config: Config): string | null {
  const max = config.sources.maxBytes;
  const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;
  return size > max ? `too large: ${mib(size)} exceeds sources.maxBytes (${mib(max)})` : null;
}

export function ingest(docId: string, path: string, bytes: Uint8Array, config: Config): IngestResult {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const large = tooLarge(bytes.length, config);
  if (large) return { ok: false, sha256, reason: large };
  const pinned = config.sources.encodings[path];
  const decoded = decodeSource(bytes, pinned ? { encoding: pinned } : {});
  if (!decoded.ok) return { ok: false, sha256, reason: decoded.reason };
  // Decoding drops the BOM and turns CRLF/CR into LF; both are counted as named normalisations.
  const counts: Record<string, number> = {};
  if (decoded.bom) counts["decode.bom"] = 1;
  if (decoded.crCount > 0) counts["decode.line-endings"] = decoded.crCount;
  const source = {
    path,
    sha256,
    encoding: decoded.encoding,
    bom: decoded.bom,
    lineEndings: decoded.lineEndings,
    bytes: bytes.length,
    chars: decoded.text.length,
  };
  return { ok: true, doc: emptyDoc(docId, source, decoded.text, counts) };
}
