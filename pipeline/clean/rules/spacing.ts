// Spaces. None between Chinese characters or Chinese punctuation (【 内 容 提 要 】, 载 俄 罗 斯
// 新 闻 网, 打击 “三股势力”), except that a space separating the items of a list of names or keywords
// becomes 、 (after a label such as 责任编辑, ：); English and Russian punctuation is followed by one
// space and not preceded by any (areas，with → areas, with; book ,library → book, library); runs of
// spaces become one and a block has none at its ends.
import type { RuleCounts } from "../../model/schema.js";
import type { Tracked } from "../../model/tracked.js";
import { CJK } from "../chars.js";
import { readConfig } from "../data.js";
import { guard } from "./protect.js";

const { labels } = readConfig<{ labels: string[] }>("spacing.json");
const CJK_CLASS = CJK.source.slice(1, -1);
// Patterns that look behind match their first character before the lookbehind (or, when they match
// no character, look ahead first): V8 then scans for that character instead of trying the lookbehind
// at every position (the same matches, far faster).
const BETWEEN_CJK = new RegExp(`[ ](?<=[${CJK_CLASS}][ ])[ ]*(?=[${CJK_CLASS}])`, "gu");
const LIST = /(?<=^|[：:】\]（(]|\s—\s)(\p{Script=Han}{2,12}(?: \p{Script=Han}{2,12})+)(?=$|[）)。；;])/gu;
const AFTER = /([,;:])(?<=[\p{Script=Latin}\p{Script=Cyrillic}\d)"”’%.][,;:])(?=[\p{Script=Latin}\p{Script=Cyrillic}«“])/gu;
/** A full stop run into the next sentence (stability.Over), or an enumeration letter into its text (I.To, A.To). */
const SENTENCE = /\.(?<=(?:\p{Ll}{2}|(?:^|[\s:：(])(?:\p{Lu}|[IVX]{2,4}))[)"”’]?\.)(?=\p{Lu}\p{Ll}|\p{Lu}\.\p{Lu}\p{Ll})/gu;
/** English words and curly quotes: a space before an opening quote and after a closing one (as“a threat”, forces”and). */
const QUOTE_BEFORE = /(?=“\p{Script=Latin})(?<=\p{Script=Latin})/gu;
const QUOTE_AFTER = /(?=\p{Script=Latin})(?<=\p{Script=Latin}[,.?!]?”)/gu;
// Whether the patterns that match no character have a match, by patterns that match their quote.
const HAS_QUOTE_BEFORE = /“(?<=\p{Script=Latin}“)\p{Script=Latin}/u;
const HAS_QUOTE_AFTER = /”(?<=\p{Script=Latin}[,.?!]?”)\p{Script=Latin}/u;
const BEFORE = /\s(?<=[\p{Script=Latin}\p{Script=Cyrillic}\d)\]"”’]\s)\s*(?=[,;:!?](?:\s|$|\p{L}))/gu;
const PAREN_BEFORE = /\((?<=[\p{Script=Latin}\p{Script=Cyrillic}]{2}\()(?=[\p{L}\d])/gu;
const PAREN_AFTER = /(?=[\p{Script=Latin}\p{Script=Cyrillic}]{2})(?<=[\p{L}\d]\))/gu;
const HAS_PAREN_AFTER = /\)(?<=[\p{L}\d]\))[\p{Script=Latin}\p{Script=Cyrillic}]{2}/u;
/** Letter-spaced Han characters: single characters each separated by one space. */
const LETTER_SPACED = /(?<!\p{Script=Han})\p{Script=Han}(?: \p{Script=Han}(?!\p{Script=Han}))+/gu;
/** Chinese punctuation and brackets carry their own space: none before or after them. */
const AROUND_CJK_PUNCT = /[ ](?<=[，。、：；！？（）【】《》][ ])[ ]*|[ ]+(?=[，。、：；！？（）【】《》])/gu;
/** A comma run into a year in English citations (Vol.4,2003 → Vol.4, 2003). */
const YEAR = /,(?<=[\p{Script=Latin}\d.],)(?=\d{4}\b)/gu;
const RUNS = / {2,}/g;
const ENDS = /^ +| +$/g;

/** Rule clean.cjk-space for letter-spaced words (主 编, 内 容 提 要); a label run together with a name gets its colon (编辑：毛悦). */
export function letterSpacing(t: Tracked, counts: RuleCounts): Tracked {
  return t.replace(
    LETTER_SPACED,
    "clean.cjk-space",
    (m) => {
      const word = m[0].replace(/ /g, "");
      const label = labels.find((l) => word.startsWith(l) && word.length - l.length >= 2 && word.length - l.length <= 3);
      return label ? `${label}：${word.slice(label.length)}` : word;
    },
    counts,
  );
}

/** Rule clean.cjk-list: the items of a list of names or keywords, separated by 、. */
export function cjkLists(t: Tracked, counts: RuleCounts): Tracked {
  return t.replace(
    LIST,
    "clean.cjk-list",
    (m) => {
      const items = m[1]!.split(" ");
      if (labels.includes(items[0]!)) return `${items[0]}：${items.slice(1).join("、")}`;
      // After a label (：, 】) two items make a list; elsewhere three (two may be one title cut in two).
      const labelled = /[：:】\]]$/.test(m.input.slice(0, m.index));
      return items.length >= (labelled ? 2 : 3) ? items.join("、") : m[0];
    },
    counts,
  );
}

/** Rule clean.cjk-space. */
export function cjkSpaces(t: Tracked, counts: RuleCounts): Tracked {
  return t.replace(BETWEEN_CJK, "clean.cjk-space", "", counts).replace(AROUND_CJK_PUNCT, "clean.cjk-space", "", counts);
}

/** Rule clean.latin-spacing. */
export function latinSpacing(t: Tracked, counts: RuleCounts): Tracked {
  // `marks`: a quick test that every text with a match passes; a text that fails it is not scanned.
  const apply = (x: Tracked, re: RegExp, to: (m: RegExpExecArray) => string, marks: RegExp) => {
    if (!marks.test(x.text)) return x;
    const inUrl = guard(x.text);
    return x.replace(re, "clean.latin-spacing", (m) => (inUrl(m.index, m.index + Math.max(1, m[0].length)) ? m[0] : to(m)), counts);
  };
  let out = apply(t, BEFORE, () => "", /[,;:!?]/);
  out = apply(out, AFTER, (m) => `${m[1]} `, /[,;:]/);
  // Twice: "issues.B.To" needs the space after "issues." before "B." reads as an enumeration letter.
  out = apply(apply(out, SENTENCE, () => ". ", /\./), SENTENCE, () => ". ", /\./);
  out = apply(apply(out, QUOTE_BEFORE, () => " ", HAS_QUOTE_BEFORE), QUOTE_AFTER, () => " ", HAS_QUOTE_AFTER);
  out = apply(out, YEAR, () => ", ", /,/);
  out = apply(out, PAREN_BEFORE, () => " (", /\(/);
  return apply(out, PAREN_AFTER, () => " ", HAS_PAREN_AFTER);
}

/** Rule clean.space: runs of spaces become one, and the ends of a block lose theirs. */
export function spaceRuns(t: Tracked, counts: RuleCounts): Tracked {
  return t.replace(RUNS, "clean.space", " ", counts).replace(ENDS, "clean.space", "", counts);
}
