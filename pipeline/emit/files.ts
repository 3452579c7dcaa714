// Atomic file output: every file is written beside its target and renamed into place, so a killed
// run leaves either the old file or the new one, never half of one.
import { createReadStream, createWriteStream, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { once } from "node:events";

function tempPath(file: string): string {
  return `${file}.${process.pid}.tmp`;
}

export function writeAtomic(file: string, data: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = tempPath(file);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Concatenate files into one target, streaming, atomically. */
export async function concatAtomic(file: string, parts: readonly string[]): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = tempPath(file);
  const out = createWriteStream(tmp);
  try {
    for (const part of parts) {
      for await (const chunk of createReadStream(part)) if (!out.write(chunk)) await once(out, "drain");
    }
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    renameSync(tmp, file);
  } catch (err) {
    out.destroy();
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Canonical JSON file text: two-space indent, final newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
