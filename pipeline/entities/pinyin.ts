// Romanisation of Chinese person names, so 许涛 and "Xu Tao" meet: the pinyin forms a name may take
// in English (either order, any reading of a polyphonic character) and the slug of its id.
import { isPinyinSyllable, isSurnameSyllable, readings } from "./cedict.js";
import { NAME_DOTS } from "./text.js";
import { zhRules } from "./config.js";

const dotSplit = new RegExp(`[${NAME_DOTS}]`, "u");
const compound = new Set(zhRules.compoundSurnames);

/** Surname and given name of a Chinese name (欧阳维 → 欧阳 + 维); null for transliterated names. */
function parts(name: string): [string, string] | null {
  if (dotSplit.test(name) || name.length < 2 || name.length > 4) return null;
  const head = compound.has(name.slice(0, 2)) && name.length > 2 ? 2 : 1;
  return [name.slice(0, head), name.slice(head)];
}

function syllableOptions(text: string, asSurname: boolean): string[][] {
  return [...text].map((c, i) => {
    const r = readings(c, asSurname && i === 0);
    return r.length ? r.slice(0, 3) : [c];
  });
}

function product(options: string[][], limit = 32): string[] {
  let out = [""];
  for (const opts of options) out = out.flatMap((prefix) => opts.map((o) => prefix + o)).slice(0, limit);
  return out;
}

// Names recur across documents: their forms are remembered (only names that have some, of two to
// four characters).
const forms = new Map<string, ReadonlySet<string>>();

/** English-key forms of a Chinese name ("xutao", "taoxu"), to compare with nameKey(…, "en"). */
export function romanisations(name: string): ReadonlySet<string> {
  let out = forms.get(name);
  if (!out) {
    out = romanise(name);
    if (out.size) forms.set(name, out);
  }
  return out;
}

function romanise(name: string): Set<string> {
  const p = parts(name);
  if (!p) return new Set();
  const surnames = product(syllableOptions(p[0], true));
  const givens = product(syllableOptions(p[1], false));
  const out = new Set<string>();
  for (const s of surnames) for (const g of givens) out.add(s + g).add(g + s);
  return out;
}

/** The id slug of a Chinese name from its first readings: 许涛 → xu-tao, 胡曼·佩马尼 → human-peimani. */
export function pinyinSlug(name: string): string {
  const p = parts(name);
  const words = p ? p.filter(Boolean) : name.split(dotSplit);
  return words
    .map((w, i) => syllableOptions(w, p !== null && i === 0).map((o) => o[0]).join(""))
    .filter(Boolean)
    .join("-");
}

// Words recur (every capitalised word of English text is tried): each is split once.
const pinyinWords = new Map<string, boolean>();

/** Whether a word splits into pinyin syllables: Jinping → jin ping. */
export function isPinyinWord(word: string): boolean {
  if (word.length > 40) return splitsIntoSyllables(word);
  let ok = pinyinWords.get(word);
  if (ok === undefined) {
    if (pinyinWords.size >= 100_000) pinyinWords.clear();
    pinyinWords.set(word, (ok = splitsIntoSyllables(word)));
  }
  return ok;
}

function splitsIntoSyllables(word: string): boolean {
  const w = word.toLowerCase();
  const ok: boolean[] = [true];
  for (let i = 1; i <= w.length; i++) {
    ok[i] = false;
    for (let j = Math.max(0, i - 6); j < i && !ok[i]; j++) ok[i] = ok[j] === true && isPinyinSyllable(w.slice(j, i));
  }
  return ok[w.length] === true;
}

/** A romanised Chinese name: two or three pinyin words, one of them a surname (Xu Tao, Jia Qingguo). */
export function isPinyinName(words: string[]): boolean {
  if (words.length < 2 || words.length > 3 || !words.every(isPinyinWord)) return false;
  const first = words[0]?.toLowerCase() ?? "";
  const last = words[words.length - 1]?.toLowerCase() ?? "";
  return isSurnameSyllable(first) || isSurnameSyllable(last);
}
