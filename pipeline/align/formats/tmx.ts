// TMX 1.4b per language pair (tmx/<a>-<b>.tmx): one translation unit per sentence-sized bead, with
// its document, scope and score as properties. Text is escaped and stripped of characters XML 1.0
// forbids (control characters, lone surrogates), so the file always parses.
import type { CorpusFile } from "../../emit/corpus.js";
import { toolName, toolVersion } from "../../version.js";
import { CORPUS_PAIRS, isTranslationUnit, resolvedLinks, type ResolvedLink } from "./links.js";

export function tmxFiles(pairs: readonly [string, string][] = CORPUS_PAIRS): CorpusFile[] {
  return pairs.map(([a, b]) => {
    let started = false;
    const head = (): string[] => {
      if (started) return [];
      started = true;
      return [
        `<?xml version="1.0" encoding="UTF-8"?>`,
        `<tmx version="1.4">`,
        `  <header creationtool="${xml(toolName)}" creationtoolversion="${xml(toolVersion)}" segtype="sentence" o-tmf="${xml(toolName)}" adminlang="en" srclang="${a}" datatype="plaintext"/>`,
        `  <body>`,
      ];
    };
    return {
      name: `tmx/${a}-${b}.tmx`,
      lines: (doc) => resolvedLinks(doc, (al) => al.langs[0] === a && al.langs[1] === b).filter(isTranslationUnit).flatMap(tu),
      take: (lines) => (lines.length === 0 ? [] : [...head(), ...lines]),
      tail: () => [...head(), `  </body>`, `</tmx>`],
    };
  });
}

function tu(link: ResolvedLink): string[] {
  const [a, b] = link.langs;
  const id = `${link.doc}:${link.scope}:${link.src.join(",")}:${link.tgt.join(",")}`;
  return [
    `    <tu tuid="${xml(id)}">`,
    `      <prop type="x-doc">${xml(link.doc)}</prop>`,
    `      <prop type="x-scope">${link.scope}</prop>`,
    `      <prop type="x-score">${link.score}</prop>`,
    `      <tuv xml:lang="${a}"><seg>${xml(link.srcText)}</seg></tuv>`,
    `      <tuv xml:lang="${b}"><seg>${xml(link.tgtText)}</seg></tuv>`,
    `    </tu>`,
  ];
}

// Everything outside XML 1.0's Char production: C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xml(text: string): string {
  return text
    .replace(NOT_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
