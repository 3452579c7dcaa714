// Throughput of the clean stage: the five sources cleaned many times over, and as one document made
// of them all (layout rules scan whole documents). Prints MB/s; asserts only that repeated runs give
// the same passages (the stage is deterministic), never a time.
import { readdirSync, readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { clean } from "../pipeline/clean/index.js";
import { emptyDoc } from "../pipeline/model/work.js";

const dir = new URL("../sources/", import.meta.url).pathname;
const texts = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((f) => readFileSync(dir + f, "utf8"));
const REPEAT = 10;

function run(text: string): string[] {
  const info = { path: "x.txt", sha256: "0".repeat(64), encoding: "utf-8" as const, bom: false, lineEndings: "lf" as const, bytes: text.length, chars: text.length };
  return clean(emptyDoc("x", info, text, {}), {} as never).blocks.map((b) => b.tracked.text);
}

it(`cleans the five sources ${REPEAT} times over and reports MB/s`, () => {
  const first = texts.map(run); // also loads the lexicons and converters, outside the timing
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) * REPEAT;
  let start = performance.now();
  for (let r = 0; r < REPEAT; r++) texts.forEach((t, i) => expect(run(t)).toEqual(first[i]));
  const perSource = bytes / 1e6 / ((performance.now() - start) / 1000);
  const joined = texts.join("\n\n").repeat(REPEAT);
  start = performance.now();
  run(joined);
  const whole = Buffer.byteLength(joined) / 1e6 / ((performance.now() - start) / 1000);
  console.log(`clean: ${(bytes / 1e6).toFixed(2)} MB as ${texts.length * REPEAT} documents: ${perSource.toFixed(2)} MB/s; as one document: ${whole.toFixed(2)} MB/s`);
});
