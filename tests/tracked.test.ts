import { describe, expect, it } from "vitest";
import { Tracked, type Piece } from "../pipeline/model/tracked.js";

// A real hard-wrapped line pair from sources/001 (trailing space, blank line, next line).
const SOURCE = "中俄在许多安全领域具有共同利益，两国之间 \n\n的安全合作也有比较坚实的政治、经济和历史基 \n\n础。";

/** Every source character is in exactly one piece, and kept pieces equal their source slice. */
function assertCovers(t: Tracked, start: number, end: number): void {
  let pos = start;
  for (const p of t.pieces) {
    expect(p.start).toBe(pos);
    if (p.rule === null) expect(p.text).toBe(t.source.slice(p.start, p.end));
    pos = p.end;
  }
  expect(pos).toBe(end);
}

describe("Tracked", () => {
  it("records a rule's edits with source spans and keeps the rest", () => {
    const counts: Record<string, number> = {};
    const t = Tracked.slice(SOURCE, 0, SOURCE.length).replace(/ ?\n+/g, "join", "", counts);
    expect(t.text).toBe("中俄在许多安全领域具有共同利益，两国之间的安全合作也有比较坚实的政治、经济和历史基础。");
    expect(counts).toEqual({ join: 2 });
    expect(t.edits("p1")).toEqual([
      { rule: "join", span: { start: 20, end: 23 }, before: " \n\n", after: "", passage: "p1" },
      { rule: "join", span: { start: 44, end: 47 }, before: " \n\n", after: "", passage: "p1" },
    ]);
    assertCovers(t, 0, SOURCE.length);
  });

  it("maps clean offsets back to the source", () => {
    const t = Tracked.slice(SOURCE, 0, SOURCE.length).replace(/ ?\n+/g, "join", "");
    const at = t.text.indexOf("的安全合作");
    expect(SOURCE.slice(t.toSource(at), t.toSource(at) + 5)).toBe("的安全合作");
    expect(t.toSource(t.text.length)).toBe(SOURCE.length);
  });

  it("keeps an earlier edit whole when a later rule overlaps part of it", () => {
    const src = "contro1 leve1";
    const t1 = Tracked.slice(src, 0, src.length).replace(/1\b/g, "ocr", "l");
    const t2 = t1.replace(/ol le/g, "test", "ol_le");
    expect(t2.text).toBe("control_level");
    assertCovers(t2, 0, src.length);
    const edits = t2.edits(null);
    expect(edits.map((e) => [e.rule, e.before, e.after])).toEqual([
      ["test", "o1 le", "ol_le"],
      ["ocr", "1", "l"],
    ]);
  });

  it("inserts and deletes, and applies many changes in one pass", () => {
    const src = "a b c d e";
    const t = Tracked.slice(src, 0, src.length)
      .replace(/ /g, "nospace", "")
      .edit("insert", [{ start: 0, end: 0, text: "[" }, { start: 5, end: 5, text: "]" }]);
    expect(t.text).toBe("[abcde]");
    assertCovers(t, 0, src.length);
    expect(t.edits(null).filter((e) => e.rule === "insert").map((e) => e.span)).toEqual([
      { start: 0, end: 0 },
      { start: 9, end: 9 },
    ]);
  });

  it("property: random rule chains never lose a character", () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const alphabet = ["上", "合", " ", "\n", "a", "1", "。", "l"];
    for (let round = 0; round < 300; round++) {
      const src = Array.from({ length: 5 + rand(40) }, () => alphabet[rand(alphabet.length)]).join("");
      let t = Tracked.slice(src, 0, src.length);
      const rules: Array<[RegExp, string]> = [[/ +/g, ""], [/\n/g, " "], [/1/g, "l"], [/上合/g, "SCO"], [/a./g, "X"], [/。/g, ""]];
      for (let k = 0; k < 4; k++) {
        const [re, rep] = rules[rand(rules.length)]!;
        t = t.replace(new RegExp(re.source, "g"), `r${k}`, rep);
      }
      assertCovers(t, 0, src.length);
      const rebuilt = t.pieces.map((p: Piece) => p.text).join("");
      expect(rebuilt).toBe(t.text);
      const sub = t.sub(2, Math.max(2, t.text.length - 2));
      expect(t.text.includes(sub.text)).toBe(true);
      const [left, right] = t.cut(rand(t.text.length + 1));
      expect(left.text + right.text).toBe(t.text);
      const whole = t.span ?? { start: 0, end: 0 };
      assertCovers(Tracked.fromPieces(src, [...left.pieces, ...right.pieces]), whole.start, whole.end);
    }
  });
});
