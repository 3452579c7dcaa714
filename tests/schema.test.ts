import { Ajv2020 } from "ajv/dist/2020.js";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AlignmentBead, Document, PassageRecord } from "../pipeline/model/schema.js";
import { readJson, readJsonl, root } from "./helpers.js";

// The committed output/ (CI checks it is what the current code produces) against the published schemas.
const out = join(root, "output");
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validator = (name: string) =>
  ajv.getSchema(`${name}.schema.json`) ?? ajv.compile(readJson(join(out, "schema", `${name}.schema.json`)));

function expectValid(validate: NonNullable<ReturnType<typeof validator>>, value: unknown, where: string): void {
  const ok = validate(value);
  expect(ok, `${where}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}

describe("published JSON Schemas", () => {
  it("validate every document", () => {
    const validate = validator("document");
    const files = readdirSync(join(out, "documents"));
    expect(files.length).toBe(5);
    for (const f of files) expectValid(validate, readJson(join(out, "documents", f)), f);
  });

  it("validate every line of passages.jsonl", () => {
    const validate = validator("passage");
    const lines = readJsonl(join(out, "passages.jsonl"));
    expect(lines.length).toBeGreaterThan(100);
    lines.forEach((l, i) => expectValid(validate, l, `passages.jsonl:${i + 1}`));
  });

  it("validate the manifest", () => {
    expectValid(validator("manifest"), readJson(join(out, "manifest.json")), "manifest.json");
  });

  it("are what the records are written as: keys in the schema's order, no field beyond it", () => {
    // Records are built in the schema's order rather than parsed on the way out (a build's hot path).
    const same = (schema: { parse(v: unknown): unknown }, value: unknown) => expect(JSON.stringify(schema.parse(value))).toBe(JSON.stringify(value));
    for (const f of readdirSync(join(out, "documents"))) same(Document, readJson(join(out, "documents", f)));
    for (const line of readJsonl(join(out, "passages.jsonl"))) same(PassageRecord, line);
    for (const line of readJsonl(join(out, "alignments.jsonl"))) same(AlignmentBead, line);
  });

  it("reject a record that breaks the contract", () => {
    const validate = validator("passage");
    const line = readJsonl(join(out, "passages.jsonl"))[0];
    expect(validate({ ...line, span: { start: -1, end: 3 } })).toBe(false);
    expect(validate({ ...line, kind: "chapter-ish" })).toBe(false);
    const { text: _text, ...noText } = line;
    expect(validate(noText)).toBe(false);
  });
});
