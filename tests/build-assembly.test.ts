// Corpus files are assembled from the lines each document's worker computed, or, for a document
// kept from an earlier build or one that waited too long, from its file read back: both give the
// same bytes.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { loadConfig } from "../pipeline/config.js";
import { build } from "../pipeline/run/build.js";
import { scratch, sourcesDir } from "./helpers.js";

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name !== "manifest.json")
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

it("writes the same corpus files from held lines and from documents read back", async () => {
  const config = loadConfig();
  const [held, readBack] = [scratch("held"), scratch("read-back")];
  await build({ sources: [sourcesDir], out: held, config, workers: false });
  await build({ sources: [sourcesDir], out: readBack, config, workers: false, heldParts: 0 });
  expect(files(readBack)).toEqual(files(held));
  expect(files(held)).toContain("passages.jsonl");
  for (const f of files(held)) expect(readFileSync(join(readBack, f), "utf8"), f).toBe(readFileSync(join(held, f), "utf8"));
});
