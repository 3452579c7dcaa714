// The sources' real titles, authors, keywords and abstracts (tests/data/align/abstracts.json),
// shared by the alignment tests.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./helpers.js";

export interface Fixture {
  title: Record<string, string>;
  keywords: Record<string, string[]>;
  authors: Record<string, string>[];
  abstracts: Record<string, string[]>;
}

export const fixtures = JSON.parse(readFileSync(join(root, "tests/data/align/abstracts.json"), "utf8")) as Record<string, Fixture>;
