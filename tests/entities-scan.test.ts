// The entity patterns that are tried only where a match can start (for speed) find, on every line of
// the sources and of the corpus-dev papers, exactly what the same pattern finds tried everywhere:
// the cheap tests of where to try them must never skip a match.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { enDate, mayStartEnDate, mayStartZhDate, zhDate } from "../pipeline/entities/dates.js";
import { foldWidth, stickyMatches } from "../pipeline/entities/text.js";
import { mayStartRun, shortRun } from "../pipeline/entities/zh.js";
import { authorColon, colonCitations } from "../pipeline/entities/zh-persons.js";
import { sourcesDir, sourceNames } from "./helpers.js";

// The development set of another publisher (../shared/corpus-dev, CC BY 4.0), where it is checked out.
const devDir = new URL("../../shared/corpus-dev/chinaxiv/", import.meta.url).pathname;
const devNames = existsSync(devDir) ? readdirSync(devDir).filter((f) => f.endsWith(".md")) : [];
const lines = [
  ...sourceNames.map((f) => join(sourcesDir, f)),
  ...devNames.map((f) => join(devDir, f)),
].flatMap((file) => readFileSync(file, "utf8").split("\n"));

const everywhere = (re: RegExp, text: string): string[] => [...text.matchAll(new RegExp(re.source, re.flags.replace("y", "g")))].map((m) => `${m.index}:${m[0]}`);
const found = (matches: RegExpExecArray[]): string[] => matches.map((m) => `${m.index}:${m[0]}`);

describe("patterns tried only where a match can start", () => {
  test("authors before a colon: ① 参见邢广程、孙壮志:《上海合作组织研究》", () => {
    const line = "① 参见邢广程、孙壮志:《上海合作组织研究》,长春出版社2007年版。";
    expect(colonCitations(line).map((m) => m[1]?.split("、").at(-1))).toEqual(["孙壮志"]);
    for (const l of lines) expect(found(colonCitations(l))).toEqual(everywhere(authorColon, l));
  });

  test("runs of country abbreviations, Chinese and Latin dates", () => {
    for (const l of lines) {
      expect(found(stickyMatches(l, shortRun, mayStartRun))).toEqual(everywhere(shortRun, l));
      const folded = foldWidth(l);
      expect(found(stickyMatches(folded, zhDate, mayStartZhDate))).toEqual(everywhere(zhDate, folded));
      expect(found(stickyMatches(folded, enDate, mayStartEnDate))).toEqual(everywhere(enDate, folded));
    }
  });
});
