// The embedded index over a real build of the five sources: queries in Chinese, English and Russian,
// cross-language recall through entities, filters, snippets, and the `corpus search` command.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../pipeline/config.js";
import { register as registerSearch } from "../pipeline/commands/search.js";
import { build } from "../pipeline/run/build.js";
import { EmbeddedIndex, indexIsCurrent, indexPath, writeIndex } from "../pipeline/search/embedded.js";
import { documents } from "../pipeline/search/records.js";
import { search, type Hit, type SearchOptions } from "../pipeline/search/search.js";
import { scratch, sourcesDir } from "./helpers.js";

let out: string;
let index: EmbeddedIndex;
beforeAll(async () => {
  out = scratch("search");
  await build({ sources: [sourcesDir], out, config: loadConfig(), workers: false });
  writeIndex(out);
  index = new EmbeddedIndex(indexPath(out));
});
afterAll(() => {
  index?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

const find = (q: string, opts: Partial<SearchOptions> = {}) => search(index, q, { limit: 1000, ...opts });
const marked = (h: Hit) => h.snippet.highlights.map(([a, b]) => h.snippet.text.slice(a, b));
const doc002 = "002_898bfd35dbb91d39";

/** Ids of the passages whose text contains `phrase`, read from the built documents. */
function passagesSaying(phrase: string): string[] {
  const ids = [...documents(out)].flatMap((d) => d.passages.filter((p) => p.text.includes(phrase)).map((p) => p.id));
  expect(ids.length).toBeGreaterThan(0);
  return ids;
}

describe("the Regional Anti-Terrorist Structure, asked for in three languages", () => {
  it("地区反恐怖机构, RATS and РАТС return the same passages, in Chinese, English and Russian", async () => {
    const [zh, en, ru] = [await find("地区反恐怖机构"), await find("RATS"), await find("РАТС")];
    const ids = (r: typeof zh) => r.hits.map((h) => h.id).sort();
    expect(ids(zh).length).toBeGreaterThan(10);
    expect(ids(en)).toEqual(ids(zh));
    expect(ids(ru)).toEqual(ids(zh));
    // The three documents that name it in Chinese, the English abstract of 002 (regional
    // counterterrorism agencies) and its Russian abstract (Региональной антитеррористической структуры).
    expect(new Set(zh.hits.map((h) => h.docId.slice(0, 3)))).toEqual(new Set(["002", "003", "004"]));
    expect(ids(zh)).toEqual(expect.arrayContaining(passagesSaying("regional counterterrorism agencies")));
    expect(ids(zh)).toEqual(expect.arrayContaining(passagesSaying("Региональной антитеррористической структуры")));
    expect(new Set(zh.hits.map((h) => h.lang))).toEqual(new Set(["zh", "en", "ru"]));
  });

  it("marks the body's names in the snippets, whatever the query's language", async () => {
    const { hits } = await find("RATS", { lang: "zh" });
    expect(hits.length).toBeGreaterThan(5);
    for (const h of hits) expect(marked(h).some((m) => /反恐(怖)?机构/.test(m)), h.snippet.text).toBe(true);
  });
});

describe("Chinese", () => {
  it("finds a two-character query (合作) as a substring, ranks and marks it", async () => {
    const r = await find("合作", { limit: 20 });
    expect(r.total).toBeGreaterThan(150);
    expect(r.hits).toHaveLength(20);
    for (const h of r.hits) expect(marked(h)).toContain("合作");
    const scores = r.hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("上合组织 also finds passages that say SCO or ШОС and not 上合组织", async () => {
    const { hits } = await find("上合组织");
    const en = hits.filter((h) => h.lang === "en");
    expect(en.length).toBeGreaterThan(3);
    expect(en.some((h) => marked(h).includes("SCO"))).toBe(true);
    expect(hits.some((h) => marked(h).includes("ШОС"))).toBe(true);
  });

  it("a query of several words requires them all", async () => {
    const all = (await find("合作")).total;
    const both = await find("合作 新安全观");
    expect(both.total).toBeGreaterThan(0);
    expect(both.total).toBeLessThan(all);
    const text = new Map([...documents(out)].flatMap((d) => d.passages.map((p) => [p.id, p.text] as const)));
    for (const h of both.hits) expect(text.get(h.id)).toMatch(/合作[^]*新安全观|新安全观[^]*合作/);
  });
});

describe("English and Russian", () => {
  it("matches English by stem: security cooperation finds cooperative security (003, English abstract)", async () => {
    const { hits } = await find("security cooperation", { lang: "en" });
    expect(hits.length).toBeGreaterThan(3);
    expect(hits.some((h) => marked(h).includes("Cooperative"))).toBe(true);
  });

  it("matches Russian by stem: безопасность finds безопасности (002, Russian abstract)", async () => {
    const { hits } = await find("безопасность");
    expect(hits.some((h) => h.docId === doc002 && marked(h).includes("безопасности"))).toBe(true);
  });
});

describe("filters", () => {
  it("--lang, --doc and --entity narrow the hits", async () => {
    const all = await find("上合组织");
    const en = await find("上合组织", { lang: "en" });
    expect(en.total).toBeLessThan(all.total);
    expect(en.hits.every((h) => h.lang === "en")).toBe(true);
    const one = await find("上合组织", { doc: doc002 });
    expect(one.hits.every((h) => h.docId === doc002)).toBe(true);
    const rats = await find("合作", { entity: "org:rats" });
    expect(rats.total).toBeGreaterThan(0);
    expect(rats.plan.entities).toEqual(["org:rats"]);
  });

  it("a query with nothing searchable finds nothing", async () => {
    expect((await find("the of")).total).toBe(0);
  });
});

describe("the index file", () => {
  it("is the same bytes when built again, and knows when it is current", () => {
    const again = join(out, "again.sqlite");
    writeIndex(out, again);
    expect(readFileSync(again).equals(readFileSync(indexPath(out)))).toBe(true);
    expect(indexIsCurrent(out)).toBe(true);
  });
});

describe("corpus search", () => {
  it("builds a missing index, then prints one JSON hit per line", async () => {
    const file = indexPath(out);
    index.close();
    rmSync(file);
    const lines: string[] = [];
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation((s) => (lines.push(String(s)), true));
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const cli = new Command("corpus").exitOverride();
      registerSearch(cli);
      await cli.parseAsync(["search", "РАТС", "--out", out, "--json", "--limit", "3"], { from: "user" });
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
      index = new EmbeddedIndex(file);
    }
    expect(existsSync(file)).toBe(true);
    const hits = lines.join("").trim().split("\n").map((l) => JSON.parse(l) as Hit & { rank: number });
    expect(hits.map((h) => h.rank)).toEqual([1, 2, 3]);
    expect(hits.every((h) => h.snippet.highlights.length > 0)).toBe(true);
  });
});
