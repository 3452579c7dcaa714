import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeSource, type DecodeResult, type Encoding } from "../pipeline/ingest/decode.js";

const SOURCES_DIR = fileURLToPath(new URL("../sources", import.meta.url));
const sources = readdirSync(SOURCES_DIR)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => ({ name: f, text: readFileSync(join(SOURCES_DIR, f), "utf8") }));

// Two paragraphs of sources/001 converted by hand to Traditional characters (Big5 can't carry Simplified).
const TRADITIONAL = [
  "出現的新特點上，順勢完成了合作由傳統安全領域向非傳統安全領域的轉型。《阿拉木圖聯合聲明》明確指出，“任何形式的民族分裂、民族排斥和宗教極端都是不能接受的，不允許利用本國領土從事損害五國中任何一國的國家主權、安全和社會秩序的活動”。<sup>[1]</sup>以合作方式追求共同安全，賦予了“上海五國”機制化建設的方向，使其擔負起“攜手反對民族分裂主義、國際恐怖主義和其他跨國犯罪等地區惡勢力的共同職責”。此後兩年的“上海五國”峰會把以合作求安全的理念和行動繼續推向更高水平，尤其是五國安全執法部門領導人會議“比什凱克”小組的成立，成為“上海進程”中安全合作機制化建設的標誌性事件。",
  "2001年6月，上合組織正式成立。中國領導人在成立大會上指出，“‘上海五國’進程是當代國際關係中一次重要的外交實踐。它首倡了以相互信任、裁軍與合作安全為內涵的新型安全觀，豐富了由中俄始創的以結伴而不結盟為核心的新型國家關係，提供了以大小國共同倡導、安全先行、互利協作為特徵的新型區域合作模式”。<sup>[2]</sup>當年7月，中國政府向東盟地區論壇提交了《中國關於新安全觀的立場文件》，成為其對新安全觀最早、最系統的詮釋。這一文件特別強調，“上海合作組織是對新安全觀的成功實踐”。<sup>[3]</sup>",
].join("\n");

const russianLines = sources.flatMap((s) => s.text.split("\n")).filter((l) => /[А-яЁё]/.test(l));

function encode(text: string, encoding: string, addBOM = false): Uint8Array {
  return new Uint8Array(iconv.encode(text, encoding, { addBOM }));
}

// iconv-lite writes "?" for characters an encoding lacks; keep only exact round trips.
function encodable(text: string, encoding: string): boolean {
  return iconv.decode(iconv.encode(text, encoding), encoding) === text;
}

function expectText(result: DecodeResult, text: string, encoding: Encoding): void {
  if (!result.ok) throw new Error(`rejected: ${result.reason}`);
  expect(result.encoding).toBe(encoding);
  expect(result.text === text).toBe(true); // toBe on 70 KB strings prints unreadable diffs
}

function expectReject(result: DecodeResult, reason: RegExp): void {
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.reason).toMatch(reason);
}

// Deterministic bytes for the binary/undecodable cases.
function pseudoRandom(length: number, min: number, max: number, seed = 42): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = min + (x % (max - min + 1));
  }
  return out;
}

describe("decodeSource on the real sources", () => {
  it("has five sources, including supplementary private-use characters", () => {
    expect(sources).toHaveLength(5);
    expect(sources.some((s) => s.text.includes("\u{1001B0}"))).toBe(true);
  });

  for (const { name, text } of sources) {
    describe(name, () => {
      const crlf = text.replace(/\n/g, "\r\n");
      const cr = text.replace(/\n/g, "\r");
      const lines = text.split("\n").length - 1;
      const variants: [string, Uint8Array, Encoding, boolean][] = [
        ["UTF-8", encode(text, "utf8"), "utf-8", false],
        ["UTF-8 with BOM", encode(text, "utf8", true), "utf-8", true],
        ["UTF-16LE", encode(text, "utf16le"), "utf-16le", false],
        ["UTF-16BE", encode(text, "utf16be"), "utf-16be", false],
        ["UTF-16LE with BOM", encode(text, "utf16le", true), "utf-16le", true],
        ["UTF-16BE with BOM", encode(text, "utf16be", true), "utf-16be", true],
        ["GB18030", encode(text, "gb18030"), "gb18030", false],
      ];
      for (const [label, bytes, encoding, bom] of variants) {
        it(`decodes ${label} to the original text`, () => {
          const result = decodeSource(bytes);
          expectText(result, text, encoding);
          expect(result).toMatchObject({ bom, lineEndings: "lf", crCount: 0 });
        });
      }

      for (const [label, bytes, encoding] of [
        ["UTF-8", encode(crlf, "utf8"), "utf-8"],
        ["GB18030", encode(crlf, "gb18030"), "gb18030"],
        ["UTF-16LE", encode(crlf, "utf16le"), "utf-16le"],
      ] as const) {
        it(`normalises CRLF line ends (${label})`, () => {
          const result = decodeSource(bytes);
          expectText(result, text, encoding);
          expect(result).toMatchObject({ lineEndings: "crlf", crCount: lines });
        });
      }

      for (const [label, bytes, encoding] of [
        ["UTF-8", encode(cr, "utf8"), "utf-8"],
        ["GB18030", encode(cr, "gb18030"), "gb18030"],
        ["UTF-16BE with BOM", encode(cr, "utf16be", true), "utf-16be"],
      ] as const) {
        it(`normalises CR line ends (${label})`, () => {
          const result = decodeSource(bytes);
          expectText(result, text, encoding);
          expect(result).toMatchObject({ lineEndings: "cr", crCount: lines });
        });
      }
    });
  }
});

describe("Big5", () => {
  it("the Traditional test text is fully Big5-encodable", () => {
    expect(encodable(TRADITIONAL, "big5")).toBe(true);
  });

  it("round-trips Traditional paragraphs in Big5", () => {
    expectText(decodeSource(encode(TRADITIONAL, "big5")), TRADITIONAL, "big5");
  });

  it("keeps Traditional text in GB18030 as GB18030", () => {
    expectText(decodeSource(encode(TRADITIONAL, "gb18030")), TRADITIONAL, "gb18030");
  });

  it("round-trips every Traditional sentence on its own", () => {
    const sentences = TRADITIONAL.split(/(?<=。)/).filter((s) => (s.match(/[\u4e00-\u9fff]/g)?.length ?? 0) >= 10);
    expect(sentences.length).toBeGreaterThan(5);
    for (const sentence of sentences) expectText(decodeSource(encode(sentence, "big5")), sentence, "big5");
  });
});

describe("windows-1251 and KOI8-R", () => {
  for (const encoding of ["windows-1251", "koi8-r"] as const) {
    const lines = russianLines.filter((l) => encodable(l, encoding));

    it(`round-trips the Russian lines of the sources as one ${encoding} file`, () => {
      expect(lines.length).toBeGreaterThanOrEqual(10);
      const text = lines.join("\n");
      expectText(decodeSource(encode(text, encoding)), text, encoding);
    });

    it(`decodes each Russian line on its own in ${encoding}, or rejects it, never garbles it`, () => {
      for (const line of lines) {
        const result = decodeSource(encode(line, encoding));
        const letters = line.match(/[А-яЁё]/g)?.length ?? 0;
        if (letters >= 15) expectText(result, line, encoding);
        else if (result.ok) expect(result.text).toBe(line);
      }
    });

    it(`detects one short line of Russian in ${encoding}`, () => {
      const line = "Сотрудничество в области безопасности в рамках ШОС";
      expectText(decodeSource(encode(line, encoding)), line, encoding);
    });
  }

  it("reads all-caps Russian of a few words by bigrams and letter frequency, not case", () => {
    for (const line of ["СОТРУДНИЧЕСТВО В ОБЛАСТИ БЕЗОПАСНОСТИ", "ШАНХАЙСКАЯ ОРГАНИЗАЦИЯ СОТРУДНИЧЕСТВА"]) {
      for (const encoding of ["windows-1251", "koi8-r"] as const) expectText(decodeSource(encode(line, encoding)), line, encoding);
    }
  });

  it("documents the floor: a bare name is rejected rather than guessed", () => {
    expectReject(decodeSource(encode("Ян Цзюнь", "windows-1251")), /^undecodable: /);
  });
});

describe("short inputs", () => {
  const chinese = "以合作方式追求共同安全"; // 11 characters, from sources/001

  it.each([
    ["gb18030", "gb18030"],
    ["utf16le", "utf-16le"],
    ["utf16be", "utf-16be"],
  ] as const)("detects one line of Chinese (≥ 10 characters) in %s without BOM", (iconvName, encoding) => {
    expectText(decodeSource(encode(chinese, iconvName)), chinese, encoding);
  });

  it("detects one line of Traditional Chinese in Big5", () => {
    const line = "以合作方式追求共同安全，賦予了機制化建設的方向";
    expectText(decodeSource(encode(line, "big5")), line, "big5");
  });

  // Minimum lengths measured over sliding windows; documented at the top of decode.ts.
  it("is reliable from 10 Han characters in GB18030 and Big5", () => {
    const simplified = sources[1]!.text.replace(/[^\u4e00-\u9fff，。、]/g, "").slice(0, 3000);
    const traditional = TRADITIONAL.replace(/[^\u4e00-\u9fff，。、]/g, "");
    for (const [text, iconvName, encoding] of [
      [simplified, "gb18030", "gb18030"],
      [traditional, "big5", "big5"],
    ] as const) {
      expect(text.length).toBeGreaterThan(100);
      for (let i = 0; i + 10 <= text.length; i += 7) {
        const window = text.slice(i, i + 10);
        expectText(decodeSource(encode(window, iconvName)), window, encoding);
      }
    }
  });

  it("is reliable from 15 characters of running Russian text", () => {
    const abstract = russianLines.filter((l) => /[а-я]{4} [а-я]{4}/.test(l) && !l.includes("http")).join(" ");
    const text = abstract.replace(/[^А-яЁё ,.()-]/g, "").replace(/ +/g, " ");
    expect(text.length).toBeGreaterThan(500);
    for (const encoding of ["windows-1251", "koi8-r"] as const) {
      for (let i = 0; i + 15 <= text.length; i += 5) {
        const window = text.slice(i, i + 15);
        expectText(decodeSource(encode(window, encoding)), window, encoding);
      }
    }
  });
});

describe("rejections", () => {
  it("rejects an empty file", () => {
    expectReject(decodeSource(new Uint8Array(0)), /^empty file$/);
  });

  it("rejects a file holding only a BOM", () => {
    expectReject(decodeSource(encode("", "utf8", true)), /^empty file/);
  });

  it.each([
    ["spaces and newlines (UTF-8)", encode("   \n\n \t \r\n", "utf8")],
    ["ideographic spaces (UTF-8)", encode("\u3000\u3000\n\u3000 \u00a0\n", "utf8")],
    ["ideographic spaces (GB18030)", encode("\u3000\u3000\u3000\u3000\r\n\u3000\u3000", "gb18030")],
    ["ideographic spaces (UTF-16LE with BOM)", encode("\u3000 \n\u3000\n", "utf16le", true)],
  ])("rejects whitespace-only content: %s", (_label, bytes) => {
    expectReject(decodeSource(bytes), /^whitespace-only content$/);
  });

  it("rejects a PNG header followed by random bytes as binary", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const bytes = new Uint8Array([...png, ...pseudoRandom(4096, 0, 255)]);
    expectReject(decodeSource(bytes), /^binary content \(NUL bytes at offset 8\)$/);
  });

  it("rejects NUL bytes in an otherwise plain text", () => {
    expectReject(decodeSource(encode("plain text\0with a NUL", "utf8")), /^binary content \(NUL bytes at offset 10\)$/);
    // …also when the encoding is pinned or announced by a UTF-8 BOM.
    expectReject(decodeSource(encode("abc\0", "utf8", true)), /NUL bytes at offset 6/);
    expectReject(decodeSource(encode("abc\0", "utf8"), { encoding: "koi8-r" }), /NUL bytes at offset 3/);
  });

  it("rejects control-character soup without NULs as binary", () => {
    expectReject(decodeSource(pseudoRandom(4096, 1, 255)), /^binary content \(\d+\.\d% control characters/);
  });

  it("rejects UTF-32 byte order marks as unsupported", () => {
    expectReject(decodeSource(encode("\ufeffabc", "utf32le")), /^unsupported encoding: UTF-32LE/);
    expectReject(decodeSource(encode("\ufeffabc", "utf32be")), /^unsupported encoding: UTF-32BE/);
  });

  // Single-byte legacy encodings accept any byte, so "undecodable" means: every candidate
  // decodes, but none scores as plausible Chinese or Russian text.
  it("rejects random high bytes as undecodable", () => {
    expectReject(decodeSource(pseudoRandom(4096, 0x80, 0xff)), /^undecodable: .*best guess .* scored -?\d\.\d\d$/);
  });

  it("rejects a Western windows-1252 text instead of reading it as Cyrillic", () => {
    const french = "La coopération régionale a été renforcée après la déclaration des ministères.";
    expectReject(decodeSource(encode(french, "windows-1252")), /^undecodable: /);
  });

  it("points at the damage in a UTF-8 file with a corrupted byte", () => {
    const bytes = encode(sources[0]!.text, "utf8");
    const at = bytes.findIndex((b, i) => i >= 5000 && b >= 0xe0); // a lead byte
    bytes[at] = 0xff;
    expectReject(decodeSource(bytes), new RegExp(`^invalid UTF-8: \\d+ malformed byte sequence\\(s\\).*first at byte offset ${at}$`));
  });

  it("points at a UTF-8 file truncated in the middle of a character", () => {
    const bytes = encode("上海合作组织防务安全合作研究", "utf8").subarray(0, -1);
    expectReject(decodeSource(bytes), /^invalid UTF-8: .*first at byte offset 39$/);
  });

  it("rejects a BOM whose body is not valid in its encoding", () => {
    expectReject(decodeSource(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xff])), /^not decodable as UTF-8 despite its byte order mark$/);
  });
});

describe("pinned encoding", () => {
  const russian = "Сотрудничество в области безопасности";

  it("skips detection", () => {
    const bytes = encode(russian, "windows-1251");
    const asKoi8 = decodeSource(bytes, { encoding: "koi8-r" });
    expect(asKoi8).toMatchObject({ ok: true, encoding: "koi8-r", text: iconv.decode(Buffer.from(bytes), "koi8-r") });
  });

  it("decodes inputs too short to detect", () => {
    expectText(decodeSource(encode("Ян Цзюнь", "windows-1251"), { encoding: "windows-1251" }), "Ян Цзюнь", "windows-1251");
  });

  it("strips a BOM that matches the pin, rejects one that contradicts it", () => {
    const result = decodeSource(encode(russian, "utf16be", true), { encoding: "utf-16be" });
    expectText(result, russian, "utf-16be");
    expect(result).toMatchObject({ bom: true });
    expectReject(decodeSource(encode(russian, "utf8", true), { encoding: "gb18030" }), /conflicts with the file's UTF-8 byte order mark/);
  });

  it("rejects bytes invalid in the pinned encoding", () => {
    expectReject(decodeSource(encode(russian, "windows-1251"), { encoding: "utf-8" }), /^not decodable as UTF-8 \(pinned encoding\)$/);
  });
});

describe("text is otherwise untouched", () => {
  it("reports mixed line ends and counts every CR", () => {
    expect(decodeSource(encode("a\r\nb\nc\rd\r\n", "utf8"))).toEqual({
      ok: true, text: "a\nb\nc\nd\n", encoding: "utf-8", bom: false, lineEndings: "mixed", crCount: 3,
    });
    expect(decodeSource(encode("one line", "utf8"))).toMatchObject({ lineEndings: "none", crCount: 0 });
  });

  it("does not normalise Unicode or drop inner BOMs", () => {
    const text = "Cafe\u0301 ＡＢＣ ﬁ \ufeff第\u2003一 \u{1001B0}";
    expectText(decodeSource(encode(text, "utf8")), text, "utf-8");
    expectText(decodeSource(encode(text, "utf16le", true)), text, "utf-16le");
    // GB18030 needs enough Chinese around the oddities to be detected at all.
    const chinese = sources[1]!.text.slice(0, 2000) + text;
    expectText(decodeSource(encode(chinese, "gb18030")), chinese, "gb18030");
  });

  it("tolerates the corpus's supplementary private-use glyphs in bulk", () => {
    const text = sources[1]!.text.slice(0, 3000).replace(/[的是在]/g, "\u{1001B0}");
    expect(text.match(/\u{1001B0}/gu)!.length).toBeGreaterThan(100);
    expectText(decodeSource(encode(text, "gb18030")), text, "gb18030");
    expectText(decodeSource(encode(text, "utf16le")), text, "utf-16le");
  });

  it("removes exactly one leading BOM", () => {
    expectText(decodeSource(encode("\ufeffabc", "utf8", true)), "\ufeffabc", "utf-8");
  });
});

describe("performance", () => {
  it("decodes a ~20 MB GB18030 file with a long ASCII preamble in one pass", () => {
    const body = sources.map((s) => s.text).join("\n");
    const text = "ASCII preamble line\n".repeat(20_000) + body.repeat(Math.ceil(20e6 / Buffer.byteLength(body)));
    const bytes = encode(text, "gb18030");
    const started = performance.now();
    const result = decodeSource(bytes);
    const elapsed = performance.now() - started;
    expectText(result, text, "gb18030");
    expect(elapsed).toBeLessThan(5_000);
  });
});
