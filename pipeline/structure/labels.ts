// Field labels (摘要, Keywords, 中图分类号 …) as data in config/structure/labels.json, compiled once
// into regexes that tolerate the layouts of the sources: brackets 【】[] ［］, markdown bold and `#`,
// spaces between the characters of a Chinese label (【 内 容 提 要 】), full- and half-width colons.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { projectRoot } from "../config.js";

const PerLang = z.record(z.string(), z.array(z.string().min(1)));
const LabelsFile = z
  .object({
    fields: z.record(z.string(), PerLang),
    bare: z.array(z.string()),
    structured: PerLang,
    collected: z.array(z.string()),
    editors: z.object({ deputy: z.array(z.string()), chief: z.array(z.string()), responsible: z.array(z.string()), editor: z.array(z.string()) }),
    contributors: z.array(z.string()),
  })
  .strict();

export type Field = "abstract" | "keywords" | "clc" | "documentCode" | "articleNumber" | "doi" | "received" | "authorNote" | "funding";
const FIELDS = new Set<string>(["abstract", "keywords", "clc", "documentCode", "articleNumber", "doi", "received", "authorNote", "funding"]);

export interface LabelMatch {
  field: Field;
  /** Language the label is written in (zh, en, ru); "und" for language-neutral labels. */
  lang: string;
  /** The label as printed, e.g. 【 内 容 提 要 】. */
  text: string;
  /** Clean offset just after the label, its brackets, colon and the spaces after it. */
  end: number;
  /** Bracketed, followed by a colon, or a bare label before a capital (Key words Fuxin): a label even inside a block. */
  strong: boolean;
}

const HAN = /\p{Script=Han}/u;

/**
 * A label as a regex source: spaces may separate Chinese characters, Latin words may run together,
 * letters match either case (spelled out, so that a lookahead can still tell case apart).
 */
export function labelSource(label: string): string {
  return [...label]
    .map((ch) => {
      if (ch === " ") return "\\s*";
      if (HAN.test(ch)) return `${ch}[\\s\\u3000]*`;
      if (ch.toLowerCase() !== ch.toUpperCase()) return `[${ch.toLowerCase()}${ch.toUpperCase()}]`;
      return ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("")
    .replace(/\[\\s\\u3000\]\*$/, "");
}

interface Compiled {
  field: Field;
  lang: string;
  bare: boolean;
  head: RegExp;
  inline: RegExp;
}

const OPEN_CHARS = "【[［〔(（";
const OPEN = charClass([...OPEN_CHARS]);
const CLOSE = "[】\\]］〕)）]";

let compiled: Compiled[] | null = null;
let file: z.infer<typeof LabelsFile> | null = null;

export function labelsConfig(): z.infer<typeof LabelsFile> {
  file ??= LabelsFile.parse(JSON.parse(readFileSync(join(projectRoot, "config", "structure", "labels.json"), "utf8")));
  return file;
}

function compile(): Compiled[] {
  const cfg = labelsConfig();
  const bare = new Set(cfg.bare.map((b) => b.toLowerCase()));
  const out: Compiled[] = [];
  for (const [field, perLang] of Object.entries(cfg.fields)) {
    if (!FIELDS.has(field)) throw new Error(`labels.json: unknown field ${field}`);
    for (const [lang, labels] of Object.entries(perLang)) {
      for (const label of labels) {
        const src = labelSource(label);
        out.push({
          field: field as Field,
          lang: field === "abstract" || field === "keywords" || field === "authorNote" ? lang : "und",
          bare: bare.has(label.toLowerCase()),
          head: new RegExp(
            `^(?:#{1,6}\\s*)?(?:\\*\\*|__)?\\s*(?<open>${OPEN})?\\s*(?:\\*\\*)?(?<label>${src})(?![\\p{Ll}])(?:\\*\\*)?\\s*(?<close>${CLOSE})?\\s*(?:\\*\\*)?\\s*(?<colon>[:：])?(?:\\*\\*)?[\\s\\u3000]*`,
            "u",
          ),
          inline: new RegExp(`(?:${OPEN}\\s*)?${src}[\\s\\u3000]*(?:${CLOSE}\\s*)?[:：]`, "gu"),
        });
      }
    }
  }
  // Longer labels first, so 内容提要 wins over 提要 and Keywords over Keyword.
  return out.sort((a, b) => b.head.source.length - a.head.source.length);
}

let quick: RegExp | null = null;
let anyInline: RegExp | null = null;

function all(): Compiled[] {
  compiled ??= compile();
  return compiled;
}

/** Every inline label in one regex: most texts hold none, and this says so in one scan. */
function anyInlineLabel(): RegExp {
  if (!anyInline) {
    // A match opens with a bracket or a label's first letter: saying so up front lets the scan
    // pass over every other position at once.
    const firsts = labelFirsts();
    const opening = firsts === null ? "" : `(?=${OPEN}|${charClass(firsts)})`;
    anyInline = new RegExp(opening + `(?:${all().map((c) => `(?:${c.inline.source})`).join("|")})`, "u");
  }
  return anyInline;
}

/** The characters labels open with, in either case as labelSource spells them; null when one opens with a space. */
function labelFirsts(): string[] | null {
  const cfg = labelsConfig();
  const firsts = Object.values(cfg.fields).flatMap((perLang) => Object.values(perLang).flatMap((labels) => labels.map((l) => [...l][0]!)));
  if (firsts.some((ch) => /\s/.test(ch))) return null;
  return firsts.flatMap((ch) => [...(ch.toLowerCase() + ch.toUpperCase())]);
}

function charClass(chars: string[]): string {
  return `[${chars.join("").replace(/[\\\]^-]/g, "\\$&")}]`;
}

let openers: Set<string> | null | undefined;

/** Can a label open this line? Not unless its first character is a heading mark, markup, a space, a bracket or a label's first letter. */
function mayOpenLabel(text: string): boolean {
  if (openers === undefined) {
    const firsts = labelFirsts();
    openers = firsts && new Set(["#", "*", "_", ...OPEN_CHARS, ...firsts]);
  }
  const first = text.charAt(0);
  return openers === null || openers.has(first) || /\s/.test(first);
}

/** One regex for every label at a line start: most lines are no label, and this says so at once. */
function anyLabel(): RegExp {
  if (!quick) {
    const cfg = labelsConfig();
    const labels = Object.values(cfg.fields).flatMap((perLang) => Object.values(perLang).flat());
    // The line's first character, checked first: a heading mark, markup, a space, a bracket or a label's first letter.
    quick = new RegExp(`^(?:#{1,6}\\s*)?(?:\\*\\*|__)?\\s*${OPEN}?\\s*(?:\\*\\*)?(?:${labels.map(labelSource).join("|")})`, "u");
  }
  return quick;
}

/**
 * The field label that opens `text`, if any: bracketed, followed by a colon, alone, or (for the
 * labels listed as bare) followed by a capital letter: "Key wordsFuxin", "Abstract Reinvestigation".
 */
export function labelAtStart(text: string): LabelMatch | null {
  if (!mayOpenLabel(text) || !anyLabel().test(text)) return null;
  for (const c of all()) {
    const m = c.head.exec(text);
    if (!m?.groups) continue;
    const g = m.groups;
    const rest = text.slice(m[0].length);
    const alone = rest.trim() === "" || /^[*】\]］)）\s]*$/.test(rest);
    const bracketed = g.open !== undefined && g.close !== undefined;
    const ok = bracketed || g.colon !== undefined || alone || (c.bare && /^\p{Lu}/u.test(rest));
    const strong = bracketed || g.colon !== undefined || (c.bare && /^\p{Lu}/u.test(rest));
    if (ok) return { field: c.field, lang: c.lang, text: m[0].trim(), end: m[0].length, strong };
  }
  return null;
}

/** Labels followed by a colon inside a run of fields (关键词：…中图分类号：…文献标识码：A). */
export function inlineLabels(text: string): Array<LabelMatch & { start: number }> {
  const found: Array<LabelMatch & { start: number }> = [];
  if (!anyInlineLabel().test(text)) return found;
  for (const c of all()) {
    for (const m of text.matchAll(c.inline)) {
      const start = m.index;
      if (found.some((f) => start < f.end && start + m[0].length > f.start)) continue;
      found.push({ field: c.field, lang: c.lang, text: m[0], start, end: start + m[0].length, strong: true });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
