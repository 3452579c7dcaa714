// Lexical evidence between the sentences of two texts. Keys are interned to integers and each
// token gets a weight (rare words say more than frequent ones); for a sentence pair (x, y) we keep
// which tokens of each side found a key on the other side. A bead's evidence is the union over its
// sentence pairs, so a word matched twice counts once (counting it twice favours merged beads).
//
// This is the aligner's inner loop, so it avoids allocation: pairs are computed a window of target
// sentences at a time for one source sentence (whose keys are indexed once), and bead() writes
// into fields instead of returning an object.
import type { Features, Punct, Token } from "./features.js";

export interface Side {
  /** Per sentence: global token ids. */
  tokens: Int32Array[];
  /** Per token: interned keys. */
  keys: Int32Array[];
  /** Per token: weight in (0, 1]. */
  weight: Float64Array;
  /** Per sentence: the sum of its token weights. */
  mass: Float64Array;
  len: Int32Array;
  punct: Punct[];
  /** Per token: the feature token it was made from. */
  objects: Token[];
}

/** Matches of source sentence x against a window of target sentences [from, from + length). */
interface Row {
  from: number;
  src: Int32Array[];
  tgt: Int32Array[];
  /** Matched weight of each list above. */
  srcWeight: number[];
  tgtWeight: number[];
}

const WINDOW = 8;
const NONE = new Int32Array(0);

export class Evidence {
  readonly src: Side;
  readonly tgt: Side;
  /** Results of the last bead() call. */
  srcMatched = 0;
  tgtMatched = 0;
  private readonly rows: (Row | undefined)[];
  private readonly keyStamp: Int32Array;
  private readonly keyHead: Int32Array;
  private occTok = new Int32Array(64);
  private occNext = new Int32Array(64);
  private readonly srcSeen: Int32Array;
  private readonly tgtSeen: Int32Array;
  private stamp = 0;

  constructor(
    src: readonly Features[],
    tgt: readonly Features[] | Side,
    private readonly interned = new Map<string, number>(),
    previous?: Side,
  ) {
    this.src = side(src, interned, previous);
    this.tgt = Array.isArray(tgt) ? side(tgt, interned) : (tgt as Side);
    this.rows = new Array<Row | undefined>(src.length);
    this.keyStamp = new Int32Array(interned.size);
    this.keyHead = new Int32Array(interned.size);
    this.srcSeen = new Int32Array(this.src.keys.length);
    this.tgtSeen = new Int32Array(this.tgt.keys.length);
  }

  /** The same target text against new source features (the second pass adds learned keys). */
  withSource(src: readonly Features[]): Evidence {
    return new Evidence(src, this.tgt, this.interned, this.src);
  }

  /** Matched token weight of the bead [i, i + a) × [j, j + b), into srcMatched and tgtMatched. */
  bead(i: number, j: number, a: number, b: number): void {
    let srcMatched = 0;
    let tgtMatched = 0;
    // A source token can match in several target sentences of the bead and must count once, so a
    // side needs a union only when its sentences face more than one sentence.
    const srcStamp = b > 1 ? ++this.stamp : 0;
    const tgtStamp = a > 1 ? ++this.stamp : 0;
    for (let x = i; x < i + a; x++) {
      const row = this.row(x, j, j + b);
      for (let y = j; y < j + b; y++) {
        const k = y - row.from;
        srcMatched += srcStamp ? this.union(row.src[k]!, this.srcSeen, srcStamp, this.src.weight) : row.srcWeight[k]!;
        tgtMatched += tgtStamp ? this.union(row.tgt[k]!, this.tgtSeen, tgtStamp, this.tgt.weight) : row.tgtWeight[k]!;
      }
    }
    this.srcMatched = srcMatched;
    this.tgtMatched = tgtMatched;
  }

  /** Weight of the ids not yet marked with `stamp`, marking them. */
  private union(ids: Int32Array, seen: Int32Array, stamp: number, weight: Float64Array): number {
    let sum = 0;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      if (seen[id] !== stamp) {
        seen[id] = stamp;
        sum += weight[id]!;
      }
    }
    return sum;
  }

  /** Token ids of source sentence x matched in target sentence y, and of y matched in x. */
  pair(x: number, y: number): [Int32Array, Int32Array] {
    const row = this.row(x, y, y + 1);
    return [row.src[y - row.from]!, row.tgt[y - row.from]!];
  }

  /** Row x, computed at least over target sentences [from, to). */
  private row(x: number, from: number, to: number): Row {
    let row = this.rows[x];
    if (!row) {
      const start = Math.max(0, from - WINDOW);
      row = { from: start, src: [], tgt: [], srcWeight: [], tgtWeight: [] };
      this.extend(x, row, start, Math.min(this.tgt.tokens.length, to + WINDOW));
      this.rows[x] = row;
    } else if (from < row.from) {
      const start = Math.max(0, from - WINDOW);
      const before: Row = { from: start, src: [], tgt: [], srcWeight: [], tgtWeight: [] };
      this.extend(x, before, start, row.from);
      row.src.unshift(...before.src);
      row.tgt.unshift(...before.tgt);
      row.srcWeight.unshift(...before.srcWeight);
      row.tgtWeight.unshift(...before.tgtWeight);
      row.from = start;
    }
    if (to > row.from + row.src.length) this.extend(x, row, row.from + row.src.length, Math.min(this.tgt.tokens.length, to + WINDOW));
    return row;
  }

  /** Append the matches of source sentence x with target sentences [from, to) to the row. */
  private extend(x: number, row: Row, from: number, to: number): void {
    // Index x's keys: key → chain of x's tokens carrying it.
    const keyStamp = ++this.stamp;
    let occ = 0;
    for (const t of this.src.tokens[x]!) {
      for (const k of this.src.keys[t]!) {
        if (occ === this.occTok.length) this.grow();
        if (this.keyStamp[k] !== keyStamp) {
          this.keyStamp[k] = keyStamp;
          this.keyHead[k] = -1;
        }
        this.occTok[occ] = t;
        this.occNext[occ] = this.keyHead[k]!;
        this.keyHead[k] = occ++;
      }
    }
    const srcHits: number[] = [];
    const tgtHits: number[] = [];
    for (let y = from; y < to; y++) {
      const seen = ++this.stamp;
      srcHits.length = 0;
      tgtHits.length = 0;
      let srcWeight = 0;
      let tgtWeight = 0;
      for (const u of this.tgt.tokens[y]!) {
        let hit = false;
        for (const k of this.tgt.keys[u]!) {
          if (this.keyStamp[k] !== keyStamp) continue;
          hit = true;
          for (let o = this.keyHead[k]!; o >= 0; o = this.occNext[o]!) {
            const t = this.occTok[o]!;
            if (this.srcSeen[t] !== seen) {
              this.srcSeen[t] = seen;
              srcHits.push(t);
              srcWeight += this.src.weight[t]!;
            }
          }
        }
        if (hit) {
          tgtHits.push(u);
          tgtWeight += this.tgt.weight[u]!;
        }
      }
      row.src.push(srcHits.length ? Int32Array.from(srcHits) : NONE);
      row.tgt.push(tgtHits.length ? Int32Array.from(tgtHits) : NONE);
      row.srcWeight.push(srcWeight);
      row.tgtWeight.push(tgtWeight);
    }
  }

  private grow(): void {
    const tok = new Int32Array(this.occTok.length * 2);
    const next = new Int32Array(this.occNext.length * 2);
    tok.set(this.occTok);
    next.set(this.occNext);
    this.occTok = tok;
    this.occNext = next;
  }
}

/** Weight of a token seen in `df` of `n` sentences: 1 for a word seen once, falling with frequency. */
export function rarity(df: number, n: number): number {
  return n <= 1 ? 1 : Math.max(0.05, Math.min(1, Math.log((n + 1) / df) / Math.log(n + 1)));
}

/** Interned sides; tokens unchanged since `previous` (same objects) keep their interned keys. */
function side(sentences: readonly Features[], interned: Map<string, number>, previous?: Side): Side {
  const tokens: Int32Array[] = [];
  const keys: Int32Array[] = [];
  const forms: string[] = [];
  const objects: Token[] = [];
  const before = previous ? new Map(previous.objects.map((t, k) => [t, previous.keys[k]!])) : null;
  const df = new Map<string, number>();
  for (const s of sentences) {
    const ids: number[] = [];
    for (const token of s.tokens) {
      ids.push(keys.length);
      forms.push(token.form);
      objects.push(token);
      keys.push(
        before?.get(token) ??
          Int32Array.from(token.keys, (k) => {
            let id = interned.get(k);
            if (id === undefined) interned.set(k, (id = interned.size));
            return id;
          }),
      );
    }
    tokens.push(Int32Array.from(ids));
    for (const f of new Set(s.tokens.map((t) => t.form))) df.set(f, (df.get(f) ?? 0) + 1);
  }
  const weight = Float64Array.from(forms, (f) => rarity(df.get(f)!, sentences.length));
  const mass = Float64Array.from(tokens, (ids) => ids.reduce((sum, t) => sum + weight[t]!, 0));
  return { tokens, keys, weight, mass, len: Int32Array.from(sentences, (s) => s.len), punct: sentences.map((s) => s.punct), objects };
}
