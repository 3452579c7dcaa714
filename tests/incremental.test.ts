import { appendFileSync, cpSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { corpus, readJson, scratch, sourceNames, sourcesDir } from "./helpers.js";

/** Every file of an output directory, manifest.run aside. */
function snapshot(dir: string): Record<string, unknown> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Object.fromEntries(
    files.map((e) => {
      const rel = join(e.parentPath, e.name).slice(dir.length + 1);
      const text = readFileSync(join(dir, rel), "utf8");
      return [rel, rel === "manifest.json" ? { ...JSON.parse(text), run: null } : text];
    }),
  );
}

describe("incremental builds", () => {
  it("reprocesses only the source that changed, with the result of a full build", () => {
    const src = scratch("inc-src");
    cpSync(sourcesDir, src, { recursive: true });
    const out = scratch("inc-out");
    expect(corpus(["build", "--sources", src, "--out", out]).status).toBe(0);
    expect(readJson(join(out, "manifest.json")).run).toMatchObject({ processed: 5, reused: 0 });

    const again = corpus(["build", "--sources", src, "--out", out]);
    expect(readJson(join(out, "manifest.json")).run).toMatchObject({ processed: 0, reused: 5 });
    expect(again.stderr).toContain("kept 000_b7ca71e7df324894.txt");

    // A real line appended to one source (a paragraph of its own).
    appendFileSync(join(src, sourceNames[1]!), "\n\n上合组织成立十余年来，在加强成员国之间关系方面发挥了重要作用。\n");
    const touched = corpus(["build", "--sources", src, "--out", out]);
    expect(readJson(join(out, "manifest.json")).run).toMatchObject({ processed: 1, reused: 4 });
    expect(touched.stderr).toContain(`built ${sourceNames[1]}`);

    const full = scratch("inc-full");
    expect(corpus(["build", "--sources", src, "--out", full, "--force"]).status).toBe(0);
    expect(snapshot(out)).toEqual(snapshot(full));
  });
});

describe("sharded builds", () => {
  it("merged shards equal a single build, byte for byte", () => {
    const single = scratch("single");
    expect(corpus(["build", "--sources", sourcesDir, "--out", single]).status).toBe(0);
    const shards = [0, 1, 2].map((i) => {
      const dir = scratch(`shard${i}`);
      expect(corpus(["build", "--sources", sourcesDir, "--out", dir, "--shard", `${i}/3`]).status).toBe(0);
      return dir;
    });
    const sizes = shards.map((d) => readJson(join(d, "manifest.json")).sources.length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(5);
    expect(sizes.filter((n) => n > 0).length).toBeGreaterThan(1);
    const merged = scratch("merged");
    expect(corpus(["merge", ...shards, "--out", merged]).status).toBe(0);
    expect(snapshot(merged)).toEqual(snapshot(single));
  });

  it("refuses an incomplete set of shards", () => {
    const dir = scratch("shard-only");
    corpus(["build", "--sources", sourcesDir, "--out", dir, "--shard", "0/2"]);
    const r = corpus(["merge", dir, "--out", scratch("merged-bad")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("expected shards 0..N-1");
  });
});
