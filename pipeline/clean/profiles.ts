// Source profiles (config/profiles/): glyph readings of one kind of source, chosen by what the text
// contains, never by its name. The layout rules read lines through the chosen profiles (a private-use
// full stop ends a sentence there); rule clean.profile-glyph makes the same change in the text.
import type { RuleCounts } from "../model/schema.js";
import type { Tracked } from "../model/tracked.js";
import { profiles, type Profile } from "./data.js";

export function chooseProfiles(text: string): Profile[] {
  return profiles.filter((p) => {
    let n = 0;
    for (const ch of p.detect.chars) {
      for (let at = text.indexOf(ch); at >= 0 && n < p.detect.min; at = text.indexOf(ch, at + ch.length)) n++;
    }
    return n >= p.detect.min;
  });
}

interface Compiled {
  /** The glyphs read as other characters, and a pattern matching any of them. */
  glyphs: string[];
  chars: RegExp | null;
  map: Map<string, string>;
  between: Array<{ re: RegExp; to: string; char: string }>;
}

function compile(chosen: readonly Profile[]): Compiled {
  const map = new Map(chosen.flatMap((p) => Object.entries(p.chars)));
  const keys = [...map.keys()].map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return {
    glyphs: [...map.keys()],
    map,
    chars: keys.length ? new RegExp(keys.join("|"), "gu") : null,
    between: chosen.flatMap((p) => p.between.map((b) => ({ re: new RegExp(`(?<=${b.left})${b.char}(?=${b.right})`, "gu"), to: b.to, char: b.char }))),
  };
}

/** How the chosen profiles read a string (for layout decisions on raw lines). */
export function profileView(chosen: readonly Profile[]): (text: string) => string {
  if (chosen.length === 0) return (text) => text;
  const c = compile(chosen);
  return (text) => {
    let out = c.chars && c.glyphs.some((ch) => text.includes(ch)) ? text.replace(c.chars, (m) => c.map.get(m)!) : text;
    for (const b of c.between) if (out.includes(b.char)) out = out.replace(b.re, b.to);
    return out;
  };
}

/** Rule clean.profile-glyph: the chosen profiles' glyph readings, made in the text. */
export function profileGlyphs(chosen: readonly Profile[]): (text: Tracked, counts: RuleCounts) => Tracked {
  if (chosen.length === 0) return (text) => text;
  const c = compile(chosen);
  return (text, counts) => {
    let out = c.chars && c.glyphs.some((ch) => text.text.includes(ch)) ? text.replace(c.chars, "clean.profile-glyph", (m) => c.map.get(m[0])!, counts) : text;
    for (const b of c.between) if (out.text.includes(b.char)) out = out.replace(b.re, "clean.profile-glyph", b.to, counts);
    return out;
  };
}
