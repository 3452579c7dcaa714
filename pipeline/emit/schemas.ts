// JSON Schemas of the output records, generated from the zod schemas that define them, and which
// output file each one describes.
import { join } from "node:path";
import { z } from "zod";
import { QualityReport } from "../check/report.js";
import { publishedSchemas } from "../model/schema.js";
import { jsonText, writeAtomic } from "./files.js";

const schemas = { ...publishedSchemas, quality: QualityReport };

/** Output files (paths relative to the output directory) and the schema of each of their records. */
export const fileSchemas: ReadonlyArray<readonly [RegExp, keyof typeof schemas]> = [
  [/^documents\/.+\.json$/, "document"],
  [/^passages\.jsonl$/, "passage"],
  [/^manifest\.json$/, "manifest"],
  [/^quality\.json$/, "quality"],
  [/^entities\.jsonl$/, "entity"],
  [/^alignments\.jsonl$/, "alignment"],
  [/^abstract-comparison\.jsonl$/, "abstract-comparison"],
];

export function jsonSchemas(): Record<string, object> {
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [
      name,
      { ...z.toJSONSchema(schema, { target: "draft-2020-12", io: "output" }), $id: `${name}.schema.json`, title: name },
    ]),
  );
}

export function writeSchemas(dir: string): void {
  for (const [name, schema] of Object.entries(jsonSchemas())) writeAtomic(join(dir, `${name}.schema.json`), jsonText(schema));
}
