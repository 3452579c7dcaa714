import iconv from "iconv-lite";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { corpus, readJson, readJsonl, scratch, sourceNames, sourcesDir } from "./helpers.js";

// One build of the real sources, shared by the assertions below.
let out: string;
let result: ReturnType<typeof corpus>;
beforeAll(() => {
  out = scratch("build");
  result = corpus(["build", "--sources", sourcesDir, "--out", out, "--concurrency", "2"]);
});

describe("build of the five sources", () => {
  it("exits 0 and writes one document per source", () => {
    expect(result.stderr).toContain("5/5 sources built");
    expect(result.status).toBe(0);
    const docs = readdirSync(join(out, "documents")).sort();
    expect(docs).toEqual(sourceNames.map((n) => n.replace(/\.txt$/, ".json")));
  });

  it("keeps every passage's span: clean text comes from the source slice by recorded edits", () => {
    for (const name of sourceNames) {
      const doc = readJson(join(out, "documents", name.replace(/\.txt$/, ".json")));
      const source = readFileSync(join(sourcesDir, name), "utf8");
      expect(doc.source.chars).toBe(source.length);
      for (const p of doc.passages) {
        // Re-apply this passage's edits to its source slice: the result must be its clean text.
        const edits = doc.edits.filter((e: any) => e.passage === p.id);
        let text = "";
        let pos = p.span.start;
        for (const e of edits) {
          text += source.slice(pos, e.span.start) + e.after;
          pos = e.span.end;
        }
        text += source.slice(pos, p.span.end);
        expect(text).toBe(p.text);
        expect(p.text).not.toMatch(/\n/);
      }
    }
  });

  it("accounts for every source character: passages and dropped edits tile the source", () => {
    for (const name of sourceNames) {
      const doc = readJson(join(out, "documents", name.replace(/\.txt$/, ".json")));
      const ranges = [...doc.passages.map((p: any) => p.span), ...doc.edits.filter((e: any) => e.passage === null).map((e: any) => e.span)];
      ranges.sort((a: any, b: any) => a.start - b.start);
      let pos = 0;
      for (const r of ranges) {
        expect(r.start).toBe(pos);
        pos = r.end;
      }
      expect(pos).toBe(doc.source.chars);
      for (const e of doc.edits.filter((x: any) => x.passage === null)) expect(e.rule).toMatch(/^[a-z]+\.[a-z-]+$/);
    }
  });

  it("writes passages.jsonl in document order with the document id on every line", () => {
    const lines = readJsonl(join(out, "passages.jsonl"));
    const docs = sourceNames.map((n) => readJson(join(out, "documents", n.replace(/\.txt$/, ".json"))));
    expect(lines.map((l) => l.id)).toEqual(docs.flatMap((d) => d.passages.map((p: any) => p.id)));
    expect(lines.every((l) => l.id.startsWith(`${l.docId}#p`))).toBe(true);
  });

  it("tags passages by script and finds the titles", () => {
    const doc = (n: number) => readJson(join(out, "documents", sourceNames[n]!.replace(/\.txt$/, ".json")));
    expect(doc(2).metadata.title).toEqual({ zh: "上海合作组织的安全合作", ru: "Сотрудничество в области безопасности в рамках ШОС" });
    expect(doc(0).kind).toBe("book");
    expect(doc(3).kind).toBe("article");
    expect(doc(3).languages[0]).toBe("zh");
    const pinyin = doc(0).passages.find((p: any) => p.text.startsWith("SHANGHAI HEZUO"));
    expect(pinyin.lang).toBe("zh-Latn");
  });

  it("writes a manifest that lists every source with hash, encoding and status", () => {
    const manifest = readJson(join(out, "manifest.json"));
    expect(manifest.sources.map((s: any) => s.path)).toEqual(sourceNames);
    for (const s of manifest.sources) {
      expect(s.status).toBe("ok");
      expect(s.encoding).toBe("utf-8");
      expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(manifest.totals.rules["clean.join-lines"]).toBeGreaterThan(100);
    expect(manifest.configHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("leaves no temporary files behind", () => {
    const all = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(join(d, e.name)) : [e.name]));
    expect(all(out).filter((f) => f.includes(".tmp") || f.startsWith(".parts"))).toEqual([]);
    expect(readdirSync(out).filter((f) => f.startsWith("."))).toEqual([]);
  });
});

describe("determinism", () => {
  it("gives byte-identical documents and passages for concurrency 1 and 4", () => {
    const one = scratch("c1");
    const four = scratch("c4");
    expect(corpus(["build", "--sources", sourcesDir, "--out", one, "--concurrency", "1"]).status).toBe(0);
    expect(corpus(["build", "--sources", sourcesDir, "--out", four, "--concurrency", "4"]).status).toBe(0);
    for (const name of readdirSync(join(one, "documents"))) {
      expect(readFileSync(join(four, "documents", name), "utf8")).toBe(readFileSync(join(one, "documents", name), "utf8"));
    }
    expect(readFileSync(join(four, "passages.jsonl"), "utf8")).toBe(readFileSync(join(one, "passages.jsonl"), "utf8"));
    const strip = (f: string) => ({ ...readJson(f), run: null });
    expect(strip(join(four, "manifest.json"))).toEqual(strip(join(one, "manifest.json")));
  });
});

describe("re-encoded sources", () => {
  it("give exactly the passages of the original (GB18030, UTF-16 with BOM, UTF-8 with BOM, CRLF)", () => {
    const dir = scratch("enc");
    const name = sourceNames[3]!;
    const text = readFileSync(join(sourcesDir, name), "utf8");
    copyFileSync(join(sourcesDir, name), join(dir, "original.txt"));
    writeFileSync(join(dir, "gb18030.txt"), iconv.encode(text, "gb18030"));
    writeFileSync(join(dir, "utf16.txt"), iconv.encode(text, "utf-16le", { addBOM: true }));
    writeFileSync(join(dir, "utf16be.txt"), iconv.encode(text, "utf-16be", { addBOM: true }));
    writeFileSync(join(dir, "bom.txt"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    writeFileSync(join(dir, "crlf.txt"), text.replace(/\n/g, "\r\n"));
    const outDir = scratch("enc-out");
    const r = corpus(["build", "--sources", dir, "--out", outDir]);
    expect(r.status).toBe(0);
    // Ids carry the document id (the file name here); everything else must be equal.
    const passages = (id: string) => JSON.parse(JSON.stringify(readJson(join(outDir, "documents", `${id}.json`)).passages).replaceAll(`"${id}#`, '"#'));
    const manifest = readJson(join(outDir, "manifest.json"));
    const encoding = (p: string) => manifest.sources.find((s: any) => s.path === p).encoding;
    expect([encoding("gb18030.txt"), encoding("utf16.txt"), encoding("utf16be.txt"), encoding("bom.txt")]).toEqual(["gb18030", "utf-16le", "utf-16be", "utf-8"]);
    const original = passages("original");
    expect(original.length).toBeGreaterThan(20);
    for (const id of ["gb18030", "utf16", "utf16be", "bom", "crlf"]) expect(passages(id)).toEqual(original);
  });
});

describe("bad input", () => {
  it("rejects empty, blank and binary files with a reason naming the file, builds the rest, exits 2", () => {
    const dir = scratch("bad");
    mkdirSync(join(dir, "nested"));
    copyFileSync(join(sourcesDir, sourceNames[2]!), join(dir, "nested", "good.txt"));
    writeFileSync(join(dir, "empty.txt"), "");
    writeFileSync(join(dir, "blank.md"), " \n\n\u3000\t\r\n");
    writeFileSync(join(dir, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]));
    writeFileSync(join(dir, "ignored.pdf"), "%PDF-1.4");
    const outDir = scratch("bad-out");
    const r = corpus(["build", "--sources", dir, "--out", outDir]);
    expect(r.status).toBe(2);
    for (const f of ["empty.txt", "blank.md", "binary.txt"]) expect(r.stderr).toMatch(new RegExp(`rejected: ${f.replace(".", "\\.")}: \\S`));
    const manifest = readJson(join(outDir, "manifest.json"));
    expect(manifest.sources.map((s: any) => [s.path, s.status])).toEqual([
      ["binary.txt", "rejected"],
      ["blank.md", "rejected"],
      ["empty.txt", "rejected"],
      ["nested/good.txt", "ok"],
    ]);
    expect(existsSync(join(outDir, "documents", "nested", "good.json"))).toBe(true);
  });

  it("decodes a source whose encoding the config pins, where detection alone misreads it", () => {
    const dir = scratch("pin");
    // The Russian keyword label of sources/002 in capitals: KOI8-R capitals are windows-1251
    // lowercase bytes, so two short words cannot tell the encodings apart.
    writeFileSync(join(dir, "label.txt"), iconv.encode("КЛЮЧЕВЫЕ СЛОВА\n", "koi8-r"));
    const guessed = scratch("pin-out");
    corpus(["build", "--sources", dir, "--out", guessed]);
    expect(readJson(join(guessed, "manifest.json")).sources[0].encoding).not.toBe("koi8-r");
    const config = join(dir, "pinned.json");
    writeFileSync(config, JSON.stringify({ sources: { encodings: { "label.txt": "koi8-r" } } }));
    const outDir = scratch("pin-out");
    expect(corpus(["build", "--sources", dir, "--out", outDir, "--config", config]).status).toBe(0);
    expect(readJson(join(outDir, "documents", "label.json")).passages[0].text).toBe("КЛЮЧЕВЫЕ СЛОВА");
  });

  it("exits 1 on a usage error or a bad config", () => {
    expect(corpus(["build", "--concurrency", "zero"]).status).toBe(1);
    expect(corpus(["build", "--no-such-flag"]).status).toBe(1);
    const bad = join(scratch("cfg"), "bad.json");
    writeFileSync(bad, JSON.stringify({ sources: { extensions: ["txt"] } }));
    const r = corpus(["build", "--config", bad, "--out", scratch("cfg-out")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("sources.extensions");
    expect(corpus(["build", "--sources", "/no/such/dir"]).status).toBe(1);
  });
});
