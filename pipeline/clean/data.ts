// The clean stage's rule data, read once from config/clean/ and config/profiles/: thresholds, patterns,
// character maps and lexicon settings live there so that adding a case means editing data, not code.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../config.js";

const dir = join(projectRoot, "config");

export function readConfig<T>(name: string): T {
  return JSON.parse(readFileSync(join(dir, "clean", name), "utf8")) as T;
}

export interface Profile {
  id: string;
  description: string;
  /** The profile applies when the text holds at least `min` of these characters. */
  detect: { chars: string[]; min: number };
  chars: Record<string, string>;
  /** A character read as `to` only between characters matching `left` and `right`. */
  between: Array<{ char: string; left: string; right: string; to: string }>;
}

export const profiles: readonly Profile[] = readdirSync(join(dir, "profiles"))
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, "profiles", f), "utf8")) as Profile);
