// The text rules of the clean stage, in the order they run on every block. Order matters: glyphs
// and markup are resolved first, so that the rules that look at the characters around a place
// (language of punctuation, spacing, OCR repairs) see the text a reader sees.
import type { Message, PassageKind, RuleCounts } from "../../model/schema.js";
import type { Tracked } from "../../model/tracked.js";
import { chooseProfiles, profileGlyphs, profileView } from "../profiles.js";
import { ORNAMENT } from "../garbage.js";
import { fullwidth, invisible, ornaments, spaces } from "./chars.js";
import { dashes } from "./dashes.js";
import { latex, latexMarkers } from "./latex.js";
import {
  htmlTable,
  htmlTags,
  markdownBullet,
  markdownEmphasis,
  markdownEscapes,
  markdownImages,
  markdownLinks,
  sup,
  tocLeaders,
} from "./markup.js";
import { gluedWords, headingNumerals, ocrDigits, ocrHan, ocrWords, romanNumerals, splitWords } from "./ocr.js";
import { punctuation } from "./punctuation.js";
import { convertsTraditional, simplify, sourceScript } from "./script.js";
import { cjkLists, cjkSpaces, latinSpacing, letterSpacing, spaceRuns } from "./spacing.js";

export interface Context {
  /** How layout rules read a raw line: the chosen profiles' glyph readings. */
  view: (text: string) => string;
  glyphs: (text: Tracked, counts: RuleCounts) => Tracked;
  /** Script of the source's Chinese text; Traditional is converted. */
  script: "Hans" | "Hant" | null;
  messages: Message[];
}

type Step = (text: Tracked, counts: RuleCounts, context: Context) => Tracked;
/** A rule, the blocks it applies to, and a quick test of whether the text could need it at all. */
type Rule = readonly [Step, (kind: PassageKind, context: Context) => boolean, RegExp?];

const always = () => true;
const prose = (kind: PassageKind) => kind !== "table";
const LATIN = /[A-Za-z]{2}/;

const RULES: readonly Rule[] = [
  [invisible, always, /[\u00AD\u200B-\u200F\u2060\uFEFF]/],
  [(t, counts, c) => c.glyphs(t, counts), always],
  [htmlTable, (kind) => kind === "table"],
  [fullwidth, always, /[\uFF01-\uFF5E]/],
  [ornaments, (kind) => kind !== "sidebar", ORNAMENT],
  [latexMarkers, always, /\$/],
  [latex, always, /\$/],
  [sup, always, /<sup/i],
  [htmlTags, always, /<\/?[a-z]/i],
  [markdownImages, always, /!\[/],
  [markdownLinks, always, /\]\(|<[a-z]+:/i],
  // Escapes first: an escaped asterisk is then text, and the next pass reads the same text.
  [markdownEscapes, always, /\\/],
  [markdownEmphasis, always, /[*_]/],
  [markdownBullet, always, /^[-*+]\s/],
  [tocLeaders, (kind) => kind === "toc"],
  [spaces, always, /[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/],
  [ocrDigits, prose, /\d/],
  [ocrHan, prose, /\p{Script=Han}[A-Z]/u],
  [headingNumerals, prose, /^(?:#|[—―－])/],
  [romanNumerals, prose, /^[HIl]/],
  [splitWords, prose, LATIN],
  [ocrWords, prose, LATIN],
  [gluedWords, prose, LATIN],
  [dashes, prose, /[—―–－-]/],
  [punctuation, prose, /[,，.．。:：;；!！?？()（）«[【\]]/],
  [letterSpacing, always, / /],
  [cjkLists, prose, / /],
  [cjkSpaces, always, / /],
  [latinSpacing, prose, /[A-Za-z\p{Script=Cyrillic}]{2}/u],
  [spaceRuns, always, / {2}|^ | $/],
];

export function documentContext(text: string): Context {
  const chosen = chooseProfiles(text);
  const messages: Message[] = chosen.map((p) => ({
    stage: "clean",
    rule: "clean.profile-glyph",
    severity: "info",
    message: `source profile ${p.id}: ${p.description}`,
    span: null,
  }));
  const script = sourceScript(text);
  if (convertsTraditional(script)) {
    messages.push({ stage: "clean", rule: "clean.traditional", severity: "info", message: "source script Hant: converted to Simplified", span: null });
  }
  return { view: profileView(chosen), glyphs: profileGlyphs(chosen), script, messages };
}

const MAX_PASSES = 3;

/**
 * The rules, run until a pass changes nothing (at most three passes): a change can give another
 * rule a context it did not have (a bracket made fullwidth decides the full stop after it), and
 * clean text must come out of cleaning unchanged.
 */
export function cleanText(text: Tracked, kind: PassageKind, context: Context, counts: RuleCounts): Tracked {
  // Traditional to Simplified once, outside the loop: converting Simplified text again is not neutral.
  let out = convertsTraditional(context.script) ? simplify(text, counts) : text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const before = out.text;
    out = RULES.reduce((t, [step, applies, when]) => (applies(kind, context) && (!when || when.test(t.text)) ? step(t, counts, context) : t), out);
    if (out.text === before) break;
  }
  return out;
}
