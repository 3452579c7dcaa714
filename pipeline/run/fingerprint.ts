// The pipeline's own version for incremental builds: a hash of the code that runs (this compiled
// pipeline folder) and of the locked dependencies, so any change to either reprocesses every source.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { projectRoot } from "../config.js";

const pipelineDir = dirname(dirname(fileURLToPath(import.meta.url)));

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
