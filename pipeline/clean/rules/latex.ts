// LaTeX fragments of PDF-to-markdown conversion ($3 8 . 2 3 ~ \mathrm { m g } \cdot k g ^ { - 1 }$)
// become plain text (38.23 mg·kg⁻¹). Footnote markers in LaTeX ($^{1}$, $\textcircled{1}$) become
// plain markers. A fragment with a construct this converter does not know is left as written;
// display formulas ($$ … $$) are kept as LaTeX.
import type { RuleCounts } from "../../model/schema.js";
import type { Tracked } from "../../model/tracked.js";
import { readConfig } from "../data.js";

interface LatexData {
  styles: string[];
  spaces: string[];
  symbols: Record<string, string>;
  superscripts: Record<string, string>;
  subscripts: Record<string, string>;
}

const data = readConfig<LatexData>("latex.json");
const STYLES = new Set(data.styles);
const SPACES = new Set(data.spaces);
const INLINE = /(?<!\$)\$(?!\$)((?:\\\$|[^$\p{Script=Han}])+?)\$(?!\$)/gu;
const CIRCLED = /\$\s*\\textcircled\s*\{\s*(\d{1,2})\s*\}\s*\$/g;
const MARKER = /\$\s*\^\s*\{?\s*(\[?\s*[\d\s,，\-–]+\s*\]?)\s*\}?\s*\$/g;

/** Rule clean.footnote-marker for LaTeX: $\textcircled{1}$ → ①, $^{1}$ → [1]. */
export function latexMarkers(t: Tracked, counts: RuleCounts): Tracked {
  return t
    .replace(CIRCLED, "clean.footnote-marker", (m) => circled(Number(m[1])), counts)
    .replace(MARKER, "clean.footnote-marker", (m) => `[${m[1]!.replace(/[\s[\]]/g, "").replace(/，/g, ",")}]`, counts);
}

function circled(n: number): string {
  return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `(${n})`;
}

/** Rule clean.latex: inline math to text. */
export function latex(t: Tracked, counts: RuleCounts): Tracked {
  return t.replace(
    INLINE,
    "clean.latex",
    (m) => {
      const body = m[1]!;
      // Only what reads as math: LaTeX commands or groups, or the spaced-out characters of converters.
      if (!/[\\{}^_]/.test(body) && !/^\s*\S(?:\s+\S)*\s*$/u.test(body)) return m[0];
      return toText(body) ?? m[0];
    },
    counts,
  );
}

type Token = { kind: "cmd" | "char" | "open" | "close" | "sup" | "sub" | "space"; value: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < src.length; ) {
    const ch = src[i]!;
    if (ch === "\\") {
      const word = /^\\([A-Za-z]+)/.exec(src.slice(i));
      if (word) {
        out.push({ kind: "cmd", value: word[1]! });
        i += word[0].length;
      } else {
        out.push({ kind: "cmd", value: src[i + 1] ?? "" });
        i += 2;
      }
    } else if (ch === "{") {
      out.push({ kind: "open", value: ch });
      i++;
    } else if (ch === "}") {
      out.push({ kind: "close", value: ch });
      i++;
    } else if (ch === "^") {
      out.push({ kind: "sup", value: ch });
      i++;
    } else if (ch === "_") {
      out.push({ kind: "sub", value: ch });
      i++;
    } else if (ch === "~") {
      out.push({ kind: "space", value: " " });
      i++;
    } else if (/\s/.test(ch)) i++;
    else {
      const cp = src.codePointAt(i)!;
      out.push({ kind: "char", value: String.fromCodePoint(cp) });
      i += cp > 0xffff ? 2 : 1;
    }
  }
  return out;
}

/** Plain text of a math fragment, or null when it holds something this converter does not know. */
function toText(src: string): string | null {
  const tokens = tokenize(src);
  let pos = 0;
  const unknown = { hit: false };
  const atom = (): string => {
    const tok = tokens[pos++];
    if (!tok) return "";
    switch (tok.kind) {
      case "open":
        return group();
      case "close":
        return "";
      case "space":
        return " ";
      case "char":
        return tok.value;
      case "sup":
        return script(atom(), data.superscripts, "^");
      case "sub":
        return script(atom(), data.subscripts, "_");
      case "cmd": {
        const name = tok.value;
        if (name === "frac") {
          const [a, b] = [atom(), atom()];
          return `${wrap(a)}/${wrap(b)}`;
        }
        if (name === "textcircled") return circled(Number(atom()));
        if (STYLES.has(name)) return "";
        if (SPACES.has(name)) return " ";
        if (name in data.symbols) return data.symbols[name]!;
        unknown.hit = true;
        return "";
      }
    }
  };
  const group = (): string => {
    let out = "";
    while (pos < tokens.length && tokens[pos]!.kind !== "close") out += atom();
    pos++;
    return out;
  };
  let text = "";
  while (pos < tokens.length) text += atom();
  if (unknown.hit) return null;
  return text.replace(/\s+/g, " ").trim();
}

function wrap(text: string): string {
  return text.length > 1 && /[^\w.]/.test(text) ? `(${text})` : text;
}

/** A superscript or subscript: in raised/lowered characters when all have one, else as written. */
function script(text: string, table: Record<string, string>, mark: string): string {
  const chars = [...text.replace(/\s+/g, "")];
  if (chars.length === 0) return "";
  if (chars.every((c) => table[c])) return chars.map((c) => table[c]).join("");
  // A bracketed citation or a prime/degree sign raised after a number reads as it is.
  if (/^\[.*\]$|^[′°*]+$/u.test(text.trim())) return text.trim();
  return `${mark}${chars.length > 1 ? `(${chars.join("")})` : chars[0]}`;
}
