// JSON Schemas of the output records, generated from the zod schemas that define them.
import { join } from "node:path";
import { z } from "zod";
import { publishedSchemas } from "../model/schema.js";
import { jsonText, writeAtomic } from "./files.js";

export function jsonSchemas(): Record<string, object> {
  return Object.fromEntries(
    Object.entries(publishedSchemas).map(([name, schema]) => [
      name,
      { ...z.toJSONSchema(schema, { target: "draft-2020-12", io: "output" }), $id: `${name}.schema.json`, title: name },
    ]),
  );
}

export function writeSchemas(dir: string): void {
  for (const [name, schema] of Object.entries(jsonSchemas())) writeAtomic(join(dir, `${name}.schema.json`), jsonText(schema));
}
