// Sentence-splitting rules are data: one JSON file per language in config/sentences/, validated
// with zod and compiled once, at module load, into the sets and regexes the scanner needs.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { projectRoot } from "../config.js";

const Words = z.array(z.string().min(1));

const RegexSource = z.string().refine((source) => {
  try {
    new RegExp(source, "u");
    return true;
  } catch {
    return false;
  }
}, "not a valid regular expression");

const RuleFile = z.strictObject({
  /** BCP 47 tag the file serves: a language (en) or a script fallback (und-Latn). */
  lang: z.string().min(2),
  script: z.enum(["Latn", "Cyrl", "Hani"]),
  note: z.string().optional(),
  /** Han-script punctuation: 。！？ always end; ASCII . ! ? end only next to Chinese. */
  cjk: z.boolean(),
  /** Characters that end a sentence unless context says otherwise (besides periods and ellipses). */
  terminators: z.string().min(1),
  /** Period-like characters, subject to the abbreviation, number and initial checks. */
  periods: z.string(),
  ellipses: z.string(),
  /** How many ellipsis characters in a row end a sentence (zh: …… yes, … no). */
  ellipsisMinRun: z.number().int().min(1).default(1),
  /** Kept with the sentence after its end: closing quotes and brackets. */
  closers: z.string(),
  /** Skipped before the first letter of the next sentence. */
  openers: z.string(),
  bullets: z.string().default(""),
  dashes: z.string().default(""),
  /** Pairs whose content never ends a sentence, when the closer comes within maxLength. */
  protect: z.array(z.strictObject({ open: z.string().length(1), close: z.string().length(1), maxLength: z.number().int().positive() })),
  /** Regex source of a footnote or citation marker glued after a sentence end: 。<sup>[1]</sup>, .① */
  citation: RegexSource,
  /** Split inline numbered or lettered lists: "1. The first item 2. The second item". */
  inlineLists: z.boolean().default(false),
  /** Enders that end a sentence even before a lowercase word (unless a dash follows them). */
  breakBeforeLowercase: z.string().default(""),
  /** A shorter sentence never ends at an ambiguous abbreviation: "At 5 a.m. Mr. Smith went…". */
  minWordsBeforeAbbreviationEnd: z.number().int().min(1).default(1),
  abbreviations: z.strictObject({ prepositive: Words, numeric: Words, ambiguous: Words }),
  /** Words that, after an ambiguous abbreviation, show that a new sentence has begun. */
  sentenceStarters: Words.default([]),
});

export type Script = "Latn" | "Cyrl" | "Hani";

export interface ProtectedPair {
  open: string;
  close: string;
  maxLength: number;
}

export interface Rules {
  script: Script;
  cjk: boolean;
  /** Global: a paragraph break or any character that may end a sentence. */
  candidates: RegExp;
  terminators: Set<string>;
  periods: Set<string>;
  ellipses: Set<string>;
  ellipsisMinRun: number;
  closers: Set<string>;
  openers: Set<string>;
  bullets: Set<string>;
  dashes: Set<string>;
  protect: ProtectedPair[];
  /** Sticky. */
  citation: RegExp;
  /** Global: an inline list label such as "1.", "2.)", "b.", "• 9."; null when lists are not split. */
  listLabel: RegExp | null;
  breakBeforeLowercase: Set<string>;
  minWords: number;
  prepositive: Set<string>;
  numeric: Set<string>;
  ambiguous: Set<string>;
  starters: Set<string>;
}

function charClass(chars: string): string {
  return chars.replace(/[\\\][^-]/g, "\\$&");
}

function compile(file: z.infer<typeof RuleFile>): Rules {
  const enders = file.terminators + file.periods + file.ellipses;
  const lower = (words: string[]) => new Set(words.map((w) => w.toLowerCase()));
  return {
    script: file.script,
    cjk: file.cjk,
    candidates: new RegExp(`\\n[^\\S\\n]*\\n|[${charClass(enders)}]`, "gu"),
    terminators: new Set(file.terminators),
    periods: new Set(file.periods),
    ellipses: new Set(file.ellipses),
    ellipsisMinRun: file.ellipsisMinRun,
    closers: new Set(file.closers),
    openers: new Set(file.openers),
    bullets: new Set(file.bullets),
    dashes: new Set(file.dashes),
    protect: file.protect,
    citation: new RegExp(file.citation, "uy"),
    listLabel: file.inlineLists
      ? new RegExp(`(?<!\\S)(?:[${charClass(file.bullets)}]\\s?)?(\\d{1,2}|[a-z])(\\.\\)|\\.|\\))(?=\\s)`, "gu")
      : null,
    breakBeforeLowercase: new Set(file.breakBeforeLowercase),
    minWords: file.minWordsBeforeAbbreviationEnd,
    prepositive: lower(file.abbreviations.prepositive),
    numeric: lower(file.abbreviations.numeric),
    ambiguous: lower(file.abbreviations.ambiguous),
    starters: new Set(file.sentenceStarters),
  };
}

function loadAll(): Map<string, Rules> {
  const dir = join(projectRoot, "config", "sentences");
  const rules = new Map<string, Rules>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".json")).sort()) {
    const parsed = RuleFile.safeParse(JSON.parse(readFileSync(join(dir, name), "utf8")));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
      throw new Error(`config/sentences/${name}: ${issues.join("; ")}`);
    }
    rules.set(parsed.data.lang.toLowerCase(), compile(parsed.data));
  }
  return rules;
}

const RULES = loadAll();

function generic(script: Script): Rules {
  const rules = RULES.get(script === "Hani" ? "zh" : `und-${script.toLowerCase()}`);
  if (!rules) throw new Error(`config/sentences: no rules for script ${script}`);
  return rules;
}

const SCRIPT_SUBTAGS: Record<string, Script> = { latn: "Latn", cyrl: "Cyrl", hani: "Hani", hans: "Hani", hant: "Hani", jpan: "Hani" };

/**
 * The rule set for a BCP 47 tag: the primary language's own file unless an explicit script subtag
 * says otherwise (zh-Latn is pinyin), else the generic set of the tag's script, else of the script
 * most of the text is written in.
 */
export function rulesFor(lang: string, text: string): Rules {
  const [primary = "", ...rest] = lang.toLowerCase().split(/[-_]/);
  const scriptTag = rest.find((p) => p.length === 4);
  const script = scriptTag === undefined ? undefined : SCRIPT_SUBTAGS[scriptTag];
  const own = RULES.get(primary);
  if (own && (scriptTag === undefined || own.script === script)) return own;
  return generic(script ?? guessScript(text));
}

/**
 * The script with the most letters in the first 4,000 characters; a Han character weighs 3, and
 * links do not count (a Russian reference is still Russian with an ASCII URL in it).
 */
export function guessScript(text: string): Script {
  let han = 0;
  let cyrl = 0;
  let latn = 0;
  const n = Math.min(text.length, 4000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a && text.startsWith("//", i + 1)) while (i < n && !/\s/.test(text[i]!)) i++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x3040 && c <= 0x30ff)) han += 3;
    else if (c >= 0x0400 && c <= 0x052f) cyrl++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latn++;
  }
  if (han >= cyrl && han >= latn && han > 0) return "Hani";
  return cyrl > latn ? "Cyrl" : "Latn";
}
