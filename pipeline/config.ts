// Pipeline settings: config/pipeline.json (or --config FILE), validated, plus a hash over every file
// in the config directory, since profiles, lexicons and thresholds there all shape the output.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { Encoding } from "./model/schema.js";

export const ConfigSchema = z.object({
  sources: z
    .object({
      extensions: z.array(z.string().regex(/^\.[^./]+$/)).min(1).default([".txt", ".md"]),
      maxBytes: z.number().int().positive().default(256 * 1024 * 1024),
      // Pinned encodings by source path (relative to its root), for files too short or odd to detect.
      encodings: z.record(z.string(), Encoding).default({}),
    })
    .strict()
    .prefault({}),
  concurrency: z.number().int().positive().nullable().default(null),
}).strict();

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

/** The project root: the nearest directory above this module that holds package.json. */
export const projectRoot: string = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, "package.json"))) return d;
    if (dirname(d) === d) throw new Error(`no package.json above ${dir}`);
  }
}

export const defaultConfigPath = join(projectRoot, "config", "pipeline.json");

export interface LoadedConfig {
  config: Config;
  path: string;
  hash: string;
}

export function loadConfig(path: string = defaultConfigPath): LoadedConfig {
  const file = resolve(path);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new ConfigError(`config ${path}: ${(err as Error).message}`);
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new ConfigError(`config ${path}: ${issues.join("; ")}`);
  }
  return { config: parsed.data, path: file, hash: configHash(parsed.data) };
}

/** sha256 over the resolved settings and every data file under config/, in a fixed order. */
function configHash(config: Config): string {
  const hash = createHash("sha256").update(JSON.stringify(config));
  const dir = join(projectRoot, "config");
  for (const file of listFiles(dir)) {
    hash.update(`\0${relative(dir, file)}\0`).update(readFileSync(file));
  }
  return hash.digest("hex");
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}
