// Validation of output files against the JSON Schemas published in <out>/schema/.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileSchemas } from "../emit/schemas.js";
import type { Violation } from "./report.js";

export class SchemaValidator {
  private readonly ajv = new Ajv2020({ allErrors: true, strict: false });
  private readonly compiled = new Map<string, ValidateFunction | null>();
  readonly violations: Violation[] = [];

  constructor(private readonly out: string) {}

  /** The validator for an output file, or null when no schema covers it. */
  private forFile(rel: string): ValidateFunction | null | undefined {
    const name = fileSchemas.find(([re]) => re.test(rel))?.[1];
    if (!name) return null;
    if (!this.compiled.has(name)) {
      const file = join(this.out, "schema", `${name}.schema.json`);
      this.compiled.set(name, existsSync(file) ? this.ajv.compile(JSON.parse(readFileSync(file, "utf8"))) : null);
      if (!existsSync(file)) this.violations.push({ doc: null, passage: null, span: null, text: `schema/${name}.schema.json is missing` });
    }
    return this.compiled.get(name);
  }

  covers(rel: string): boolean {
    return fileSchemas.some(([re]) => re.test(rel));
  }

  /** Validate one record of an output file; `where` names it in the report (file, or file:line). */
  check(rel: string, record: unknown, where: string, doc: string | null = null): void {
    const validate = this.forFile(rel);
    if (validate && !validate(record)) {
      this.violations.push({ doc, passage: null, span: null, text: `${where}: ${this.ajv.errorsText(validate.errors, { dataVar: "" }).slice(0, 300)}` });
    }
  }
}
