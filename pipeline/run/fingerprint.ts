// The pipeline's own version for incremental builds: a hash of the pipeline's source code and of the
// locked dependencies, so any change to either reprocesses every source. The TypeScript sources are
// hashed where they exist (a checkout), not the compiled folder, which may hold stale files.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { projectRoot } from "../config.js";

const compiledDir = dirname(dirname(fileURLToPath(import.meta.url)));
const sourceDir = join(projectRoot, "pipeline");
const pipelineDir = existsSync(sourceDir) ? sourceDir : compiledDir;

export const pipelineHash: string = (() => {
  const hash = createHash("sha256");
  const code = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? code(join(dir, e.name)) : /\.(js|ts)$/.test(e.name) && !e.name.endsWith(".d.ts") ? [join(dir, e.name)] : [],
    );
  for (const file of code(pipelineDir).sort()) hash.update(`\0${relative(pipelineDir, file)}\0`).update(readFileSync(file));
  const lock = join(projectRoot, "package-lock.json");
  if (existsSync(lock)) hash.update("\0lock\0").update(readFileSync(lock));
  return hash.digest("hex");
})();
