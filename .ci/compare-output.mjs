// Compare two output directories byte for byte, except manifest.json's run section (timings, reuse counts).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { isDeepStrictEqual } from "node:util";

const [committed, fresh] = process.argv.slice(2);
const list = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();

const a = list(committed);
const b = list(fresh);
const problems = [
  ...a.filter((f) => !b.includes(f)).map((f) => `only in committed output: ${f}`),
  ...b.filter((f) => !a.includes(f)).map((f) => `not committed: ${f}`),
];
for (const f of a.filter((f) => b.includes(f))) {
  const x = readFileSync(join(committed, f));
  const y = readFileSync(join(fresh, f));
  if (f === "manifest.json") {
    const strip = (buf) => ({ ...JSON.parse(buf.toString("utf8")), run: null });
    if (!isDeepStrictEqual(strip(x), strip(y))) problems.push("differs: manifest.json (beyond its run section)");
  } else if (!x.equals(y)) problems.push(`differs: ${f}`);
}
if (problems.length) {
  console.error(`output/ is not what the current code produces (run npm run corpus and commit):\n${problems.join("\n")}`);
  process.exit(1);
}
console.log(`output/ matches the current code (${a.length} files)`);
