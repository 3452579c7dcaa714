// CC-CEDICT (CC BY-SA 4.0, see config/align/CEDICT-ATTRIBUTION.md) as a zh→en lookup for the aligner:
// every headword (simplified and traditional) maps to the stems of the content words of its glosses
// and to its toneless pinyin, which matches romanised names ("陈清扬" ↔ "Chen Qingyang").
import type { Stemmer } from "./lexicon.js";

export interface CedictEntry {
  /** Stems of the gloss content words, deduplicated. */
  stems: string[];
  /** Toneless pinyin of each reading, syllables joined: "shanghai". */
  pinyin: string[];
}

/**
 * Headword → entry. The index holds each headword's raw entry lines; glosses are stemmed on first
 * lookup, since a text uses a few thousand of the 200,000 headwords.
 */
export class Cedict {
  private readonly raw = new Map<string, string>();
  private readonly entries = new Map<string, CedictEntry>();

  constructor(
    text: string,
    private readonly stem: Stemmer,
    private readonly isStopword: (w: string) => boolean,
  ) {
    // Lines are "<traditional> <simplified> [<pinyin>] /<gloss>/<gloss>/"; indexOf is much faster than a regex here.
    for (let pos = 0; pos < text.length; ) {
      let end = text.indexOf("\n", pos);
      if (end < 0) end = text.length;
      if (text.charCodeAt(pos) !== 35 /* # */) {
        const s1 = text.indexOf(" ", pos);
        const s2 = text.indexOf(" ", s1 + 1);
        if (s1 > 0 && s2 > 0 && s2 < end) {
          const line = text.slice(s2 + 1, end);
          const trad = text.slice(pos, s1);
          const simp = text.slice(s1 + 1, s2);
          this.add(simp, line);
          if (trad !== simp) this.add(trad, line);
        }
      }
      pos = end + 1;
    }
  }

  private add(head: string, line: string): void {
    const prev = this.raw.get(head);
    this.raw.set(head, prev === undefined ? line : `${prev}\n${line}`);
  }

  has(word: string): boolean {
    return this.raw.has(word);
  }

  get(word: string): CedictEntry | undefined {
    let entry = this.entries.get(word);
    if (entry) return entry;
    const raw = this.raw.get(word);
    if (raw === undefined) return undefined;
    const stems = new Set<string>();
    const pinyin = new Set<string>();
    for (const line of raw.split("\n")) {
      const m = ENTRY.exec(line);
      if (!m) continue;
      const p = toneless(m[1]!);
      if (p) pinyin.add(p);
      for (const s of glossStems(m[2]!, this.stem, this.isStopword)) stems.add(s);
    }
    entry = { stems: [...stems], pinyin: [...pinyin] };
    this.entries.set(word, entry);
    return entry;
  }
}

const ENTRY = /^\[([^\]]*)\] \/(.*)\/$/;
// Senses that point at other headwords or describe usage carry no translation.
const NO_TRANSLATION = /^(CL:|(old |unofficial |archaic )?variant of|used in|see |also (written|pr\.)|Taiwan pr\.|abbr\. (for|of)|erhua variant)/;

/** "to cooperate; to work together/CL:個|个[ge4]" → stems of cooperate, work, together. */
export function glossStems(glosses: string, stem: Stemmer, isStopword: (w: string) => boolean): string[] {
  const out = new Set<string>();
  for (const sense of glosses.split("/")) {
    if (NO_TRANSLATION.test(sense)) continue;
    const plain = sense
      .replace(/\([^)]*\)/g, " ") // usage notes: "(bound form)", "(chemistry)"
      .replace(/\S*\[[^\]]*\]/g, " ") // cross-references: 滬|沪[Hu4]
      .toLowerCase();
    for (const word of plain.match(/[a-z]+(?:'[a-z]+)?/g) ?? []) {
      if (!isStopword(word)) out.add(stem(word));
    }
  }
  return [...out];
}

/** "Shang4 hai3" → "shanghai"; readings with Latin letters or digits in the headword keep only syllables. */
export function toneless(reading: string): string {
  return reading
    .toLowerCase()
    .replace(/u:/g, "u")
    .replace(/[1-5]/g, "")
    .replace(/[^a-z]/g, "");
}
