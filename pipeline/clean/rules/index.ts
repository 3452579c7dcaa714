// The text rules of the clean stage, in the order they run on every block. Order matters: glyphs
// and markup are resolved first, so that the rules that look at the characters around a place
// (language of punctuation, spacing, OCR repairs) see the text a reader sees.
import type { Message, PassageKind, RuleCounts } from "../../model/schema.js";
import type { Tracked } from "../../model/tracked.js";
import { chooseProfiles, profileGlyphs, profileView } from "../profiles.js";
import { CJK } from "../chars.js";
import { ORNAMENT } from "../garbage.js";
import { FULLWIDTH_CHAR, fullwidth, invisible, ornaments, spaces } from "./chars.js";
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
/**
 * A rule, the blocks it applies to, and a quick test of whether the text could need it at all: a
 * character class of which the text must hold a character, then a pattern it must match.
 */
type Rule = readonly [Step, (kind: PassageKind, context: Context) => boolean, RegExp?, RegExp?];

const always = () => true;
const prose = (kind: PassageKind) => kind !== "table";
const LATIN = /[A-Za-z]{2}/;
/** A space between Han characters: letter-spaced words and lists of names hold one. */
const HAN_SPACED = /[ ](?<=\p{Script=Han} )\p{Script=Han}/u;
const CJK_UNIT = new RegExp(`[${CJK.source.slice(1, -1)}\\uD800-\\uDFFF]`, "u");

const RULES: readonly Rule[] = [
  [invisible, always, /[\u00AD\u200B-\u200F\u2060\uFEFF]/],
  [(t, counts, c) => c.glyphs(t, counts), always],
  [htmlTable, (kind) => kind === "table"],
  [fullwidth, always, FULLWIDTH_CHAR],
  [ornaments, (kind) => kind !== "sidebar", ORNAMENT],
  [latexMarkers, always, /\$/],
  [latex, always, /\$/],
  [sup, always, /</, /<sup/i],
  [htmlTags, always, /</, /<\/?[a-z]/i],
  [markdownImages, always, /!/, /!\[/],
  [markdownLinks, always, /[\]<]/, /\]\(|<[a-z]+:/i],
  // Escapes first: an escaped asterisk is then text, and the next pass reads the same text.
  [markdownEscapes, always, /\\/],
  [markdownEmphasis, always, /[*_]/],
  [markdownBullet, always, /[-*+]/, /^[-*+]\s/],
  [tocLeaders, (kind) => kind === "toc"],
  [spaces, always, /[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/],
  // A number to read holds a digit next to a letter read for one.
  [ocrDigits, prose, /\d/, /\d[lIOo]|[lIOo]\d/],
  [ocrHan, prose, /[A-Z]/, /\p{Script=Han}[A-Z]/u],
  [headingNumerals, prose, /[#—―－]/, /^(?:#|[—―－])/],
  [romanNumerals, prose, /[HIl]/, /^[HIl]/],
  [splitWords, prose, /[A-Za-z]/, LATIN],
  [ocrWords, prose, /[A-Za-z]/, LATIN],
  [gluedWords, prose, /[A-Za-z]/, LATIN],
  [dashes, prose, /[—―–－-]/],
  [punctuation, prose, /[,，.．。:：;；!！?？()（）«[【\]]/],
  [letterSpacing, always, / /, HAN_SPACED],
  [cjkLists, prose, / /, HAN_SPACED],
  // Both patterns need a space next to a CJK character (surrogates: Han has characters outside the BMP).
  [cjkSpaces, always, CJK_UNIT, / /],
  // Surrogates: Cyrillic has characters outside the BMP, which the class test sees as two halves.
  [latinSpacing, prose, /[A-Za-z\p{Script=Cyrillic}\uD800-\uDFFF]/u, /[A-Za-z\p{Script=Cyrillic}]{2}/u],
  [spaceRuns, always, / /, / {2}|^ | $/],
];

/** The distinct character classes of the rules' quick tests, one bit each of a small integer. */
const classKey = (re: RegExp) => `${re.source}/${re.flags}`;
const CLASSES = [...new Map(RULES.flatMap(([, , chars]) => (chars ? [[classKey(chars), chars] as const] : []))).values()];
if (CLASSES.length > 30) throw new Error("clean rules: more character classes than bits");
const RULE_BITS = RULES.map(([, , chars]) => (chars ? 1 << CLASSES.findIndex((c) => classKey(c) === classKey(chars)) : 0));
/** The classes each UTF-16 code unit falls in, worked out on first sight of the unit (KNOWN marks it). */
const unitClasses = new Uint32Array(0x10000);
const KNOWN = 1 << 30;

/** The classes a text holds characters of: one walk, so that most rules are ruled out without a scan. */
function inventory(text: string): number {
  let found = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let classes = unitClasses[code]!;
    if (classes === 0) {
      const unit = String.fromCharCode(code);
      unitClasses[code] = classes = CLASSES.reduce((bits, re, k) => (re.test(unit) ? bits | (1 << k) : bits), KNOWN);
    }
    found |= classes;
  }
  return found;
}

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
  // The rules after the last one that changed the text in a pass saw the final text and left it as
  // it was: a later pass that reaches them with that same text would change nothing more.
  let settled = RULES.length;
  const found = { of: null as Tracked | null, classes: 0 }; // the classes `out` holds, worked out once per text
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const before = out.text;
    let lastChange = -1;
    for (let i = 0; i < RULES.length; i++) {
      if (i === settled && lastChange < 0) return out;
      const [step, applies, , pattern] = RULES[i]!;
      if (!applies(kind, context)) continue;
      if (RULE_BITS[i]) {
        if (found.of !== out) {
          found.of = out;
          found.classes = inventory(out.text);
        }
        if ((found.classes & RULE_BITS[i]!) === 0) continue;
      }
      if (pattern && !pattern.test(out.text)) continue;
      const next = step(out, counts, context);
      if (next !== out) lastChange = i;
      out = next;
    }
    if (out.text === before) break;
    settled = lastChange + 1;
  }
  return out;
}
