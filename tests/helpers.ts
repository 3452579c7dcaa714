// Shared test helpers: run the compiled CLI (npm test compiles first) in a scratch directory.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("..", import.meta.url));
export const sourcesDir = join(root, "sources");
export const sourceNames = readdirSync(sourcesDir).filter((f) => f.endsWith(".txt")).sort();

export function scratch(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `corpus-${prefix}-`));
}

export function corpus(args: string[], input?: string): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, "dist/pipeline/cli.js"), ...args], { encoding: "utf8", input, env: { ...process.env, FORCE_COLOR: "0" } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function readJson<T = any>(file: string): T {
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

export function readJsonl<T = any>(file: string): T[] {
  return readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as T);
}
