// Rebuild paragraphs from lines. Blank lines alone cannot mark paragraphs (PDF text often has one
// after every line, markdown text breaks pages with them): a paragraph ends where a line ends a
// sentence and the next line is indented, or the line stops short of the wrap width, or starts a
// new column of another width; it goes on across page furniture, across a page break in the middle
// of a sentence, and wherever the next line cannot start a paragraph (`、…`, a lower-case word).
import type { PassageKind } from "../model/schema.js";
import { charCount, ENDS_SENTENCE, HAN } from "./chars.js";
import { readConfig } from "./data.js";
import { footnoteZones } from "./footnote-zones.js";
import { urlBreak } from "./join.js";
import { splitLines, wrapOf, wrapWidths, type Line, type Wrap } from "./lines.js";
import { FURNITURE, roles as lineRoles, type Role } from "./roles.js";

export interface Furniture {
  line: Line;
  role: Role;
}

export interface BlockPlan {
  kind: PassageKind;
  lines: Line[];
  /** Furniture lines between the block's lines, dropped from its text. */
  furniture: Furniture[];
}

export interface Plan {
  blocks: BlockPlan[];
  /** Furniture lines between blocks. */
  dropped: Furniture[];
}

const layout = readConfig<{
  wrap: { full: number; unwrappedLongLine: number };
  headingStart: string;
  caption: string;
}>("layout.json");
const HEADING_START = new RegExp(layout.headingStart, "u");
const CAPTION = new RegExp(layout.caption, "u");
/** A line starting with one of these continues the previous line whatever the layout. */
const CONTINUES = /^[、，。：；）」』”》,.;:)!?！？—]/u;
/** A line ending with one of these goes on in the next line (中国—乌兹别克斯坦、/ 哈萨克斯坦). */
const CONTINUED = /[、，,（(《“—]$/u;
/** English words after which a sentence cannot stop. */
const OPEN_ENDED = /\b(?:the|a|an|of|for|to|in|on|at|by|with|and|or|their|its|his|her|all|this|that|these|those|our|from|as|than|into)$/i;
/** Markup that may wrap a line's text: bold, HTML tags. */
const MARKUP_AT_END = /(?:\*+|<\/?[a-z]+>)+$/;
const MARKUP_AT_START = /^(?:\*+|<[a-z]+>)+/;
/** Roles whose lines each make a block of their own. */
const ALONE: ReadonlySet<Role> = new Set(["heading", "marker", "toc", "list"]);
/** Roles that open a new block (their following lines may continue it). */
const OPENS: ReadonlySet<Role> = new Set(["footnote", "field"]);
const KIND: Partial<Record<Role, PassageKind>> = { toc: "toc", table: "table", sidebar: "sidebar" };

export function plan(text: string, view?: (s: string) => string): Plan {
  const lines = splitLines(text, view);
  const wrap = wrapWidths(lines);
  const role = lineRoles(lines, wrap);
  const zones = footnoteZones(lines, role, wrap);
  const blocks: BlockPlan[] = [];
  const dropped: Furniture[] = [];
  let current: { block: BlockPlan; role: Role; footnote: boolean; last: number } | null = null;
  let pending: Furniture[] = [];
  // A text frame of one line (a fragment set apart on the page) stands alone.
  const oneLineFrame = (i: number) => lines[i]!.frameStart && lines[i + 1]?.frameStart === true;
  lines.forEach((line, i) => {
    const r = role[i]!;
    if (FURNITURE.has(r)) {
      pending.push({ line, role: r });
      return;
    }
    const prev = current?.block.lines[current.block.lines.length - 1];
    let joined = false;
    if (current && prev && !oneLineFrame(i) && !oneLineFrame(current.last)) {
      if (zones.inside.has(line.index)) joined = !zones.starts.has(line.index) && zones.inside.has(prev.index);
      else if (zones.inside.has(prev.index)) joined = false;
      else joined = continues(prev, current.role, current.footnote, line, r, pending.length > 0, wrap);
    }
    if (current && joined) {
      current.block.furniture.push(...pending);
      current.block.lines.push(line);
      current.last = i;
    } else {
      dropped.push(...pending);
      const block: BlockPlan = { kind: KIND[r] ?? "paragraph", lines: [line], furniture: [] };
      blocks.push(block);
      current = { block, role: r, footnote: r === "footnote" || zones.starts.has(line.index), last: i };
    }
    pending = [];
  });
  dropped.push(...pending);
  return { blocks, dropped };
}

function bare(text: string): string {
  return text.replace(MARKUP_AT_END, "").replace(MARKUP_AT_START, "");
}

/** Does line `b` (role `r`) continue the block whose last line is `a`? */
function continues(a: Line, blockRole: Role, footnote: boolean, b: Line, r: Role, furnitureBetween: boolean, wrap: Wrap): boolean {
  if (ALONE.has(r) || OPENS.has(r) || ALONE.has(blockRole)) return false;
  // A field (【关键词】…, Keywords: …) of unwrapped text does not go on across a blank line.
  if (blockRole === "field" && b.blankBefore > 0 && wrapOf(a, wrap) === null && !urlBreak(a.text, b.text)) return false;
  if (r === "table" || r === "math" || blockRole === "table" || blockRole === "math") return r === blockRole;
  if ((r === "sidebar") !== (blockRole === "sidebar")) return false;
  if (r === "sidebar") return !furnitureBetween || b.blankBefore < 4;
  const aText = bare(a.text);
  const bText = bare(b.text);
  if (urlBreak(a.text, b.text)) return true;
  const ends = ENDS_SENTENCE.test(a.text);
  // A footnote ends with its sentence or where the next text frame (page) begins.
  if (footnote && (ends || b.frameStart)) return false;
  if (!ends && (CONTINUES.test(bText) || CONTINUED.test(aText))) return true;
  // A word or number hyphenated at the line end (decision-/making, 350-/362).
  if (/[-‐\u00AD]$/.test(aText) && /^[\p{L}\d]/u.test(bText)) return true;
  // A lone character cannot be a paragraph: it was cut from the line that follows (一 / 、推动…).
  if (charCount(aText) === 1 && HAN.test(aText) && HAN.test(bText[0] ?? "")) return true;
  if (!ends && /\p{Ll}$/u.test(aText) && /^\p{Ll}/u.test(bText)) return true;
  const w = wrapOf(a, wrap);
  if (w !== null) return continuesWrapped(a, b, ends, w, wrapOf(b, wrap));
  return continuesUnwrapped(a, aText, b, bText, ends, furnitureBetween);
}

/**
 * Hard-wrapped text: a paragraph's lines run to the full width and its last line may stop short.
 * After a line that ends a sentence at the right margin, the next line starts a paragraph when it is
 * indented (the indent is often lost, but the line still stops short of the margin) or fills a
 * narrower column than this one (a new region of the page: abstract → body).
 */
function continuesWrapped(a: Line, b: Line, ends: boolean, full: number, fullB: number | null): boolean {
  if (!ends) return a.width >= full * layout.wrap.full || titleLines(a, b, full);
  if (a.width < full - 2 || b.indent >= 2 || b.blankBefore > 1) return false;
  if (!ENDS_SENTENCE.test(b.text) && b.width <= full - 3) return false;
  return !(fullB !== null && b.width >= fullB * layout.wrap.full && a.width > b.width * 1.25);
}

/** Two lines of one title in capitals (Policy Proposals for Enhancing the Sino-Russian / Pragmatic …). */
function titleLines(a: Line, b: Line, w: number): boolean {
  const titleCase = (t: string) => {
    const words = t.split(/\s+/).filter((x) => x.length >= 4);
    return words.length >= 2 && words.every((x) => /^\p{Lu}/u.test(x));
  };
  return !a.wide && !b.wide && b.width < w * layout.wrap.full && titleCase(a.text) && titleCase(b.text) && b.blankBefore <= 1;
}

/**
 * Markdown-like text with whole paragraphs on a line: a line goes on after a soft line break, and
 * after blank lines or an image (a page break) when it is long, stops mid-sentence and neither it
 * nor the next line is a heading.
 */
function continuesUnwrapped(a: Line, aText: string, b: Line, bText: string, ends: boolean, furnitureBetween: boolean): boolean {
  if (b.blankBefore === 0 && !a.hardBreak && !furnitureBetween) return true;
  if (ends || a.width < layout.wrap.unwrappedLongLine || CAPTION.test(aText) || HEADING_START.test(aText) || HEADING_START.test(bText)) return false;
  if (HAN.test(bText[0] ?? "")) return /[\p{Script=Han}，、：；,;:—（(“《]$/u.test(aText);
  // English: on with a lower-case word, or after a word that cannot end a sentence (… for all / SCO member states).
  return !a.wide && (/\p{Ll}$/u.test(aText) && /^\p{Ll}/u.test(bText) || (OPEN_ENDED.test(aText) && /^\p{L}/u.test(bText)));
}
