// Bytes → text for the ingest stage. Detection order: BOM (UTF-8, UTF-16; UTF-32 is
// refused) → UTF-16 without BOM → strict UTF-8 → GB18030 / Big5 / windows-1251 / KOI8-R
// chosen by how plausible the decoded sample reads. Then CR/CRLF → LF; nothing else in
// the text is changed (no Unicode normalisation).
//
// Minimum input for reliable detection without a BOM (measured on the sources):
// GB18030 and Big5 from 10 Han characters (usually 4); UTF-16 Chinese with no ASCII at
// all from 6 characters (1–3 can be valid ASCII and are then read as UTF-8); windows-1251
// and KOI8-R from ~15 characters of running lowercase Russian. All-caps Cyrillic needs a
// few words (KOI8-R capitals are windows-1251 lowercase bytes: "КЛЮЧЕВЫЕ СЛОВА" is still
// misread), and bare names or abbreviations are rejected as undecodable rather than
// guessed: pin the encoding for such files.
import { Buffer, isUtf8 } from "node:buffer";
import chardet from "chardet";
import type { Encoding, SourceInfo } from "../model/schema.js";

export type { Encoding };
export type LineEndings = SourceInfo["lineEndings"];
export type DecodeResult =
  | { ok: true; text: string; encoding: Encoding; bom: boolean; lineEndings: LineEndings; crCount: number }
  | { ok: false; reason: string };

// Detection only looks at a prefix so that it stays cheap on files of tens of MB;
// the winner then decodes the whole buffer once.
const SAMPLE_BYTES = 256 * 1024;
const CHARDET_BYTES = 64 * 1024;
const CONTROL_SAMPLE_CHARS = 64 * 1024;
const LEGACY: readonly Encoding[] = ["gb18030", "big5", "windows-1251", "koi8-r"];
// Mean per-character plausibility (see charWeight) below which a legacy decoding is garbage.
const MIN_LEGACY_SCORE = 0.45;
// chardet is evidence, not a verdict: its confidence adds at most this much to a score.
const CHARDET_WEIGHT = 0.1;
const CHARDET_NAMES = new Map<string, Encoding>([
  ["GB18030", "gb18030"], ["Big5", "big5"], ["windows-1251", "windows-1251"], ["KOI8-R", "koi8-r"],
]);

const NAMES: Record<Encoding, string> = {
  "utf-8": "UTF-8", "utf-16le": "UTF-16LE", "utf-16be": "UTF-16BE", gb18030: "GB18030",
  big5: "Big5", "windows-1251": "windows-1251", "koi8-r": "KOI8-R",
};

// ~500 most frequent simplified characters (Jun Da's corpus ranking) plus their
// Traditional forms: real Chinese text hits this set for ~75–80% of its Han
// characters, a mis-decoded one for a few percent. Kept as code points.
const FREQUENT_HAN = new Set(Array.from(
  "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里" +
  "用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实" +
  "日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政" +
  "美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员" +
  "解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件" +
  "计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象" +
  "完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改" +
  "收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调" +
  "深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企" +
  "八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列" +
  "這個們來為國說時會對於著過發後裡種經麼學現當沒動還進樣開從實軍無與長機關點業將兩間問並應戰頭體見產製" +
  "話內給門兒東聲員論處義幾認條係氣題爾別變總電數報結務場計資許統區隊決馬書則聽卻達強難權設記類據邊張該" +
  "規萬覺術領確傳師觀讓識帶導爭運飛風幹聯組濟車親極辦議證轉準遠臺單羅愛擊備連調質團價黨華級離況亞請際約" +
  "復複線斷滿視須寫稱嗎輕農裝廣顯標談圖歷醫專費號盡較語僅隨選裏",
  (ch) => ch.codePointAt(0)!,
));
// The 15 most frequent Russian letters (~80% of running text) and ~65 common bigrams
// (~45% of letter pairs in the sources' abstract; under the wrong Cyrillic table, ~10%).
const FREQUENT_CYRILLIC = new Set("оеаинтсрвлкмдпу");
const RUSSIAN_BIGRAMS = new Set(
  ("ст но то на ен ов ни ра во ко ро ре пр ал ан по ос ет ол ер ли от ин ка ие ог ва ат ес де " +
    "не ле ла ть ри го он ор та ит ти ак ил ве ск ая ий ем ся ны ди ме ое ых ый ия ль ел ом ки " +
    "да ма об ед ло ав").split(" "),
);

export function decodeSource(bytes: Uint8Array, opts: { encoding?: Encoding } = {}): DecodeResult {
  if (bytes.length === 0) return reject("empty file");
  const bom = sniffBom(bytes);
  if (bom && "unsupported" in bom) return reject(`unsupported encoding: ${bom.unsupported} (byte order mark)`);
  const known = opts.encoding ?? bom?.encoding;
  if (known && !known.startsWith("utf-16")) {
    const nul = bytes.indexOf(0);
    if (nul >= 0) return reject(`binary content (NUL bytes at offset ${nul})`);
  }
  if (opts.encoding) return decodePinned(bytes, opts.encoding, bom);
  if (bom) {
    const text = decodeAll(bytes.subarray(bom.length), bom.encoding);
    if (text === null) return reject(`not decodable as ${NAMES[bom.encoding]} despite its byte order mark`);
    return finish(text, bom.encoding, true);
  }
  return detect(bytes);
}

type Bom = { encoding: Encoding; length: number };

function sniffBom(b: Uint8Array): Bom | { unsupported: string } | null {
  // UTF-32LE first: its BOM starts with the UTF-16LE one.
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return { unsupported: "UTF-32LE" };
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return { unsupported: "UTF-32BE" };
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

function decodePinned(bytes: Uint8Array, encoding: Encoding, bom: Bom | null): DecodeResult {
  // A BOM that contradicts the pin means the config is stale; decoding anyway would garble silently.
  if (bom && bom.encoding !== encoding) {
    return reject(`pinned encoding ${NAMES[encoding]} conflicts with the file's ${NAMES[bom.encoding]} byte order mark`);
  }
  const text = decodeAll(bom ? bytes.subarray(bom.length) : bytes, encoding);
  if (text === null) return reject(`not decodable as ${NAMES[encoding]} (pinned encoding)`);
  return finish(text, encoding, bom !== null);
}

function detect(bytes: Uint8Array): DecodeResult {
  const utf16 = detectUtf16(bytes);
  if (utf16) {
    const text = decodeAll(bytes, utf16);
    if (text === null) return reject(`not decodable as ${NAMES[utf16]} (detected from the first 256 KiB)`);
    return finish(text, utf16, false);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return reject(`binary content (NUL bytes at offset ${nul})`);
  // Below 0x80 every remaining candidate is ASCII-compatible, so Latin-1 shows the controls as bytes.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1", 0, CONTROL_SAMPLE_CHARS);
  const binary = controlReason(head);
  if (binary) return reject(binary);
  // Strict validation of the whole buffer; pure ASCII is UTF-8.
  if (isUtf8(bytes)) return finish(new TextDecoder("utf-8").decode(bytes), "utf-8", false);
  // Start legacy sampling at the first non-ASCII byte: it is always a lead byte, and a
  // long ASCII preamble would otherwise leave nothing to score.
  const start = firstNonAscii(bytes);
  return utf8DamageReason(bytes, start) ?? detectLegacy(bytes, start);
}

// A file that is UTF-8 but for a few malformed sequences (truncated or corrupted) would
// only turn into mojibake under a legacy decoder: say where UTF-8 breaks instead.
function utf8DamageReason(bytes: Uint8Array, start: number): DecodeResult | null {
  const sample = bytes.subarray(start, start + SAMPLE_BYTES);
  // Streaming hides a character cut by the sample's end, but not a file truncated mid-character.
  const text = new TextDecoder("utf-8").decode(sample, { stream: sample.length < bytes.length - start });
  let nonAscii = 0;
  let damaged = 0;
  for (const ch of text) {
    if (ch === "\ufffd") damaged++;
    else if (ch.charCodeAt(0) >= 0x80) nonAscii++;
  }
  // Legacy text read as UTF-8 is mostly malformed; damaged UTF-8 is mostly fine.
  if (nonAscii < 8 || damaged * 10 > nonAscii) return null;
  if (damaged === 0) return reject(`invalid UTF-8 beyond byte offset ${start + sample.length} (everything before is valid UTF-8)`);
  const offset = start + Buffer.byteLength(text.slice(0, text.indexOf("\ufffd")));
  return reject(`invalid UTF-8: ${damaged} malformed byte sequence(s) in an otherwise UTF-8 file, first at byte offset ${offset}`);
}

// UTF-16 without a BOM. Latin/Cyrillic-heavy text betrays itself by zero high bytes
// (ASCII) at one parity; CJK-only text may have no zero byte at all, so it must instead
// decode into mostly frequent Han characters. Either way the decoded sample must be
// nearly free of controls, PUA and other junk.
function detectUtf16(bytes: Uint8Array): Encoding | null {
  if (bytes.length % 2 !== 0) return null;
  const sample = bytes.subarray(0, Math.min(bytes.length, SAMPLE_BYTES));
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) zeroEven++;
    if (sample[i + 1] === 0) zeroOdd++;
  }
  if (zeroEven + zeroOdd === 0 && isAsciiText(sample)) return null; // pure ASCII text → UTF-8
  const units = sample.length / 2;
  let best: { encoding: Encoding; good: number } | null = null;
  for (const [encoding, zHigh, zLow] of [["utf-16le", zeroOdd, zeroEven], ["utf-16be", zeroEven, zeroOdd]] as const) {
    const text = decodePrefix(sample, encoding);
    if (text === null) continue;
    const s = utf16Stats(text, 0.02 * units);
    if (s === null) continue;
    const zeroEvidence = zHigh >= 0.05 * units && zLow <= zHigh / 4;
    const hanEvidence = s.good >= 0.8 * s.total && s.han >= 0.2 * s.total && s.frequentHan >= 0.3 * s.han;
    if (s.bad > 0.02 * s.total || !(zeroEvidence || hanEvidence)) continue;
    if (!best || s.good > best.good) best = { encoding, good: s.good };
  }
  return best?.encoding ?? null;
}

/** No byte of the sample is beyond ASCII or a control character. */
function isAsciiText(sample: Uint8Array): boolean {
  for (let i = 0; i < sample.length; i++) if (sample[i]! >= 0x80 || isControl(sample[i]!)) return false;
  return true;
}

/**
 * Counts of the decoded sample's characters, or null as soon as more than `maxBad` are junk (more than
 * the sample may hold: UTF-8 lead bytes read as UTF-16 are private-use characters).
 */
function utf16Stats(text: string, maxBad: number): { total: number; good: number; bad: number; han: number; frequentHan: number } | null {
  let total = 0, good = 0, bad = 0, han = 0, frequentHan = 0;
  for (let i = 0; i < text.length; i += text.codePointAt(i)! > 0xffff ? 2 : 1) {
    const cp = text.codePointAt(i)!;
    total++;
    if (isJunk(cp)) {
      bad++;
      if (bad > maxBad) return null;
    } else if (cp >= 0x4e00 && cp <= 0x9fff) {
      han++;
      good++;
      if (FREQUENT_HAN.has(cp)) frequentHan++;
    } else if (cp < 0x80 || isCyrillicLetter(cp) || isCommonSymbol(cp)) good++;
  }
  return { total, good, bad, han, frequentHan };
}

// Legacy encodings: decode a sample with every candidate, score how much the result
// looks like Chinese / Russian text, add chardet's opinion as a small bonus, and take
// the best plausible one.
function detectLegacy(bytes: Uint8Array, start: number): DecodeResult {
  const sample = bytes.subarray(start, start + SAMPLE_BYTES);
  const evidence = chardetConfidence(sample.subarray(0, CHARDET_BYTES));
  const ranked: { encoding: Encoding; score: number }[] = [];
  for (const encoding of LEGACY) {
    const text = decodePrefix(sample, encoding);
    if (text === null) continue;
    ranked.push({ encoding, score: plausibility(text) + CHARDET_WEIGHT * (evidence.get(encoding) ?? 0) });
  }
  ranked.sort((a, b) => b.score - a.score);
  for (const { encoding, score } of ranked) {
    if (score < MIN_LEGACY_SCORE) break;
    const text = decodeAll(bytes, encoding);
    if (text !== null) return finish(text, encoding, false);
  }
  const guess = ranked[0] ? `; best guess ${NAMES[ranked[0].encoding]} scored ${ranked[0].score.toFixed(2)}` : "";
  return reject(`undecodable: not decodable as UTF-8, UTF-16, GB18030, Big5, windows-1251 or KOI8-R${guess}`);
}

function chardetConfidence(sample: Uint8Array): Map<Encoding, number> {
  const out = new Map<Encoding, number>();
  for (const match of chardet.analyse(sample)) {
    const encoding = CHARDET_NAMES.get(match.name);
    if (encoding && !out.has(encoding)) out.set(encoding, match.confidence / 100);
  }
  return out;
}

// Mean weight of the non-ASCII characters (plus ASCII controls): frequent Han and
// Russian-looking lowercase Cyrillic ≈ 1, other Han / punctuation in between, junk < 0.
function plausibility(text: string): number {
  let sum = 0;
  let count = 0;
  let prev = ""; // previous character, for Cyrillic bigrams and mixed-script words
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      if (isControl(cp)) {
        sum -= 2;
        count++;
      } else if (isAsciiLetter(cp) && isCyrillicLetter(prev.codePointAt(0) ?? 0)) sum -= 0.6;
    } else {
      sum += charWeight(ch, cp, prev);
      count++;
    }
    prev = ch;
  }
  return count === 0 ? 0 : sum / count;
}

function charWeight(ch: string, cp: number, prev: string): number {
  if (cp >= 0x4e00 && cp <= 0x9fff) return FREQUENT_HAN.has(cp) ? 1 : 0.3;
  if (isCyrillicLetter(cp)) {
    // windows-1251 and KOI8-R read each other's lowercase letters as capitals of other
    // letters. Case is the cheap tell, but bigrams and letter frequency weigh more so
    // that all-caps text is not read as lowercase gibberish.
    const lower = ch.toLowerCase();
    const prevCp = prev.codePointAt(0) ?? 0;
    let w = 0.1;
    if (ch === lower) w += 0.2;
    if (FREQUENT_CYRILLIC.has(lower)) w += 0.3;
    if (isCyrillicLetter(prevCp) && RUSSIAN_BIGRAMS.has(prev.toLowerCase() + lower)) w += 0.4;
    if (isAsciiLetter(prevCp)) w -= 0.6; // "cafй": a Western text read as Cyrillic
    return w;
  }
  if (isJunk(cp)) return -2;
  if (isRareHan(cp)) return -1;
  if (isCommonSymbol(cp)) return 0.6;
  if (cp >= 0xc0 && cp <= 0x24f) return 0.3; // accented Latin, e.g. pinyin
  return 0;
}

/** The characters isControl accepts, for a scan of a whole text. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\x00-\x08\x0B\x0E-\x1F]/;

function isControl(cp: number): boolean {
  return cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d && cp !== 0x0c;
}

// Never in real text: controls, C1, replacement char, noncharacters, and BMP PUA (where
// Big5/GBK user-defined areas and byte-swapped UTF-8 land). Supplementary PUA is not junk:
// the corpus's OCR uses it for glyphs it could not map (e.g. U+1001B0).
function isJunk(cp: number): boolean {
  return isControl(cp) || (cp >= 0x80 && cp <= 0x9f) || cp === 0xfffd || cp === 0xfffe || cp === 0xffff ||
    (cp >= 0xe000 && cp <= 0xf8ff);
}

// Typical products of decoding Chinese with the wrong double-byte table.
function isRareHan(cp: number): boolean {
  return (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x2ffff) || (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xff61 && cp <= 0xff9f) || (cp >= 0x2e80 && cp <= 0x2fdf);
}

// Punctuation and symbols scholarly Chinese/Russian text uses: NBSP § « ° ± · » × ÷, Greek,
// dashes/quotes/…, №, Roman numerals, arrows, math, ①, shapes, CJK and fullwidth punctuation.
const COMMON_SYMBOLS = new Set([0xa0, 0xa7, 0xab, 0xb0, 0xb1, 0xb7, 0xbb, 0xd7, 0xf7, 0x2116]);

function isCommonSymbol(cp: number): boolean {
  return COMMON_SYMBOLS.has(cp) ||
    (cp >= 0x391 && cp <= 0x3c9) || (cp >= 0x2010 && cp <= 0x203b) || (cp >= 0x2160 && cp <= 0x2199) ||
    (cp >= 0x2200 && cp <= 0x22ff) || (cp >= 0x2460 && cp <= 0x24ff) || (cp >= 0x25a0 && cp <= 0x25ff) ||
    (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff01 && cp <= 0xff5e);
}

function isCyrillicLetter(cp: number): boolean {
  return (cp >= 0x410 && cp <= 0x44f) || cp === 0x401 || cp === 0x451;
}

function isAsciiLetter(cp: number): boolean {
  return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}

function firstNonAscii(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return i;
  return 0;
}

// Fatal decoding of a prefix: a character cut at the end of the sample is not an error.
function decodePrefix(bytes: Uint8Array, encoding: Encoding): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes, { stream: true });
  } catch {
    return null;
  }
}

// fatal: true makes UTF-8/16 and GB18030 throw on invalid input; Node's Big5 and the
// single-byte decoders map unknown bytes to PUA/C1 characters instead (the scorer's junk).
function decodeAll(bytes: Uint8Array, encoding: Encoding): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function finish(raw: string, encoding: Encoding, bom: boolean): DecodeResult {
  if (raw.length === 0) return reject("empty file (byte order mark only)");
  const binary = controlReason(raw.slice(0, CONTROL_SAMPLE_CHARS));
  if (binary) return reject(binary);
  if (!/[^\s\u200b]/.test(raw)) return reject("whitespace-only content");
  const { text, lineEndings, crCount } = normaliseLineEnds(raw);
  return { ok: true, text, encoding, bom, lineEndings, crCount };
}

// Text may carry a stray control character or two (OCR, form feeds are allowed); binary
// data has ~10% of them.
function controlReason(head: string): string | null {
  if (!CONTROL.test(head)) return null;
  let controls = 0;
  for (let i = 0; i < head.length; i++) if (isControl(head.charCodeAt(i))) controls++;
  if (controls <= Math.max(2, 0.02 * head.length)) return null;
  return `binary content (${((100 * controls) / head.length).toFixed(1)}% control characters in the first ${head.length} characters)`;
}

function normaliseLineEnds(raw: string): { text: string; lineEndings: LineEndings; crCount: number } {
  if (!raw.includes("\r")) return { text: raw, lineEndings: raw.includes("\n") ? "lf" : "none", crCount: 0 };
  let crlf = 0, cr = 0, lf = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x0d) {
      if (raw.charCodeAt(i + 1) === 0x0a) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 0x0a) lf++;
  }
  const kinds = [lf && "lf", crlf && "crlf", cr && "cr"].filter((k): k is "lf" | "crlf" | "cr" => Boolean(k));
  const lineEndings = kinds.length > 1 ? "mixed" : kinds[0] ?? "none";
  return { text: raw.replace(/\r\n?/g, "\n"), lineEndings, crCount: crlf + cr };
}

function reject(reason: string): DecodeResult {
  return { ok: false, reason };
}
