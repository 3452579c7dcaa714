import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Tracked } from "../pipeline/model/tracked.js";
import { sourceNames, sourcesDir } from "./helpers.js";
import { Dictionary, passageWords, registryWords, tag, words } from "../pipeline/text/jieba.js";

describe("jieba dictionary", () => {
  it("adds words with jieba-rs's own suggested frequencies", () => {
    // Reference values: jieba-rs's add_word(word, None, tag) (through jieba-wasm 2.4.0) on a fresh
    // default dictionary, in this order; a word already present is raised, not duplicated.
    const dict = new Dictionary();
    const added = ["上海合作组织", "上海合作组织秘书处", "地区反恐怖机构", "叶卡捷琳堡", "中国中央政府网站", "西安交通大学", "上海合作组织"].map((w) => [w, dict.addWord(w, "nt")]);
    expect(added).toEqual([
      ["上海合作组织", 1],
      ["上海合作组织秘书处", 1],
      ["地区反恐怖机构", 1],
      ["叶卡捷琳堡", 17],
      ["中国中央政府网站", 1],
      ["西安交通大学", 122],
      ["上海合作组织", 2],
    ]);
    // A word of the default dictionary keeps its tag (叶卡捷琳堡 nr); a new one takes the given tag.
    expect(dict.jieba.tag("上海合作组织秘书处与地区反恐怖机构在叶卡捷琳堡会晤", true).map((t) => [t.word, t.tag])).toEqual([
      ["上海合作组织秘书处", "nt"],
      ["与", "p"],
      ["地区反恐怖机构", "nt"],
      ["在", "p"],
      ["叶卡捷琳堡", "nr"],
      ["会晤", "v"],
    ]);
  });

  it("suggests for every registry name the frequency that loading each word at once gives", () => {
    // Added words reach the native dictionary in batches; reading `jieba` after each word loads it
    // at once, as jieba-rs's add_word does.
    const eager = new Dictionary();
    const lazy = new Dictionary();
    const names = registryWords();
    expect(names.length).toBeGreaterThan(300);
    const eagerFreqs = names.map(([w, t]) => {
      const f = eager.addWord(w, t);
      void eager.jieba;
      return f;
    });
    expect(names.map(([w, t]) => lazy.addWord(w, t))).toEqual(eagerFreqs);
    const line = "上海合作组织成员国元首理事会和地区反恐怖机构执行委员会在塔什干举行会议";
    expect(lazy.jieba.cut(line, true)).toEqual(eager.jieba.cut(line, true));
  });

  it("tags as jieba-rs's own tagger does, from a cut and dictionary lookups (every line of source 004)", () => {
    const dict = new Dictionary();
    for (const w of ["上合组织", "地区反恐怖机构"]) dict.addWord(w, "nt");
    const lines = readFileSync(join(sourcesDir, sourceNames[4]!), "utf8").split("\n").filter(Boolean);
    for (const line of lines) {
      const ours = dict.jieba.cut(line, true).map((word) => [word, dict.tagOf(word)]);
      expect(ours).toEqual(dict.jieba.tag(line, true).map((t) => [t.word, t.tag]));
    }
    expect(dict.tagOf("SCO")).toBe("eng");
    expect(dict.tagOf("2001")).toBe("m");
    expect(dict.tagOf("上合组织")).toBe("nt");
  });

  it("keeps the registry's names whole (lines of sources 002 and 003)", () => {
    expect(tag("构（秘书处和地区反恐怖机构）。").map((t) => t.word)).toContain("地区反恐怖机构");
    expect(tag("也是对上合组织等多边安全合作机制长期实践的总结").map((t) => t.word)).toContain("上合组织");
  });

  it("gives words with offsets that tile the text, tagged once per passage text", () => {
    const text = "2001年6月15日，上海合作组织在上海成立。";
    const ws = words(text);
    expect(ws.map((w) => text.slice(w.start, w.end))).toEqual(ws.map((w) => w.word));
    expect(ws.at(-1)!.end).toBe(text.length);
    const tracked = Tracked.slice(text, 0, text.length);
    expect(passageWords(tracked)).toBe(passageWords(tracked));
  });
});
