// Find source files under the given roots: directories are walked recursively (hidden entries
// skipped), files are taken as given. Sorted, so every later step sees the same order.
import { readdirSync, statSync } from "node:fs";
import { basename, extname, join, relative, resolve, sep } from "node:path";

/** A --sources path that does not exist: a usage error, not a bad source. */
export class SourcesError extends Error {}

export interface SourceFile {
  /** Absolute path. */
  file: string;
  /** Path relative to its root (the file name when the root is a file), POSIX separators. */
  path: string;
  /** The path without extension: stable and unique within one build. */
  docId: string;
}

export function discover(roots: readonly string[], extensions: readonly string[]): SourceFile[] {
  const wanted = new Set(extensions.map((e) => e.toLowerCase()));
  const found: SourceFile[] = [];
  for (const root of roots) {
    const abs = resolve(root);
    const stat = statSync(abs, { throwIfNoEntry: false });
    if (!stat) throw new SourcesError(`sources: ${root} does not exist`);
    const files = stat.isDirectory() ? walk(abs).filter((f) => wanted.has(extname(f).toLowerCase())) : [abs];
    for (const file of files) {
      const path = (stat.isDirectory() ? relative(abs, file) : basename(file)).split(sep).join("/");
      found.push({ file, path, docId: path.slice(0, path.length - extname(path).length) });
    }
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.file < b.file ? -1 : 1));
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith("."))
    .flatMap((e) => {
      const full = join(dir, e.name);
      if (e.isDirectory()) return walk(full);
      return e.isFile() || (e.isSymbolicLink() && statSync(full, { throwIfNoEntry: false })?.isFile()) ? [full] : [];
    });
}
