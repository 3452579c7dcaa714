// Names written in Latin and Cyrillic ("Shanghai" / "Шанхай", "Moscow" / "Москва") reduced to a
// coarse consonant skeleton, so the same name matches across the two scripts.

const CYRILLIC: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "i", к: "k", л: "l",
  м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh",
  щ: "sch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya", і: "i", ї: "i", є: "e", ґ: "g", қ: "k", ғ: "g",
  ң: "n", ү: "u", ұ: "u", һ: "h", ә: "a", ө: "o",
};

// Letters that the two scripts render differently collapse into one class: voiced and voiceless
// pairs, w/v/f, c/k/q/g, and h (often dropped or written kh).
const CLASS: Record<string, string> = { b: "p", d: "t", g: "k", c: "k", q: "k", x: "k", w: "f", v: "f", z: "s", j: "s" };

/** "shanghai" and "шанхай" → "snk"; at most four consonant classes. */
export function nameSkeleton(lowerWord: string): string {
  const latin = [...lowerWord].map((c) => CYRILLIC[c] ?? c).join("");
  let out = "";
  for (const c of latin) {
    if (!/[a-z]/.test(c) || "aeiouyh".includes(c)) continue;
    const k = CLASS[c] ?? c;
    if (!out.endsWith(k)) out += k;
    if (out.length === 4) break;
  }
  return out || latin.slice(0, 1);
}
