// Best monotone path of beads through an n × m sentence grid, searched inside a band around an
// expected path (the diagonal by default) so memory and time stay linear in document length. When
// the best path touches the band's edge the band may be too narrow, so the search is repeated with
// a doubled band.
//
// With a temperature, the same band also runs the forward–backward algorithm: each bead of the best
// path then carries its posterior probability, the share of all paths (weighted by exp(score / T))
// that contain it. That is the bead's confidence: a bead whose neighbours could as well be cut
// differently gets a low one, whatever its own score.

/** A bead shape: how many source and target sentences it takes (1-2: one source, two targets). */
export type BeadShape = readonly [number, number];

export interface Bead {
  src: number[];
  tgt: number[];
  /** The bead's score, or its posterior probability when a temperature was given. */
  score: number;
}

/** Score of the bead taking source sentences [i, i + a) and target sentences [j, j + b). */
export type BeadScorer = (i: number, j: number, a: number, b: number) => number;

export interface BandOptions {
  /** Expected target position of each source position 0..n (default: the diagonal). */
  centre?: Float64Array;
  /** Half-width of the first band tried. */
  width?: number;
  /** Compute bead posteriors at this temperature. */
  temperature?: number;
}

export function bestPath(n: number, m: number, shapes: readonly BeadShape[], score: BeadScorer, options: BandOptions = {}): Bead[] {
  const full = Math.max(n, m) + 1;
  const centre = options.centre ?? Float64Array.from({ length: n + 1 }, (_, i) => (n === 0 ? 0 : (i * m) / n));
  for (let width = options.width ?? 16; ; width *= 2) {
    const band = new Band(n, m, centre, Math.min(width, full));
    const result = band.search(shapes, score, options.temperature);
    if (!result.touchesEdge || width >= full) return result.path;
  }
}

/** The target position of each source position along a path: a band centre for a later search. */
export function pathCentre(path: readonly Bead[], n: number): Float64Array {
  const centre = new Float64Array(n + 1);
  let i = 0;
  let j = 0;
  for (const bead of path) {
    // Inside a bead the path runs straight from its start corner to its end corner.
    for (let k = 1; k <= bead.src.length; k++) centre[i + k] = j + (bead.tgt.length * k) / bead.src.length;
    i += bead.src.length;
    j += bead.tgt.length;
  }
  return centre;
}

interface BandResult {
  path: Bead[];
  touchesEdge: boolean;
}

class Band {
  readonly lo: Int32Array;
  readonly hi: Int32Array;

  constructor(
    readonly n: number,
    readonly m: number,
    centre: Float64Array,
    width: number,
  ) {
    this.lo = new Int32Array(n + 1);
    this.hi = new Int32Array(n + 1);
    for (let i = 0; i <= n; i++) {
      this.lo[i] = Math.max(0, Math.floor(centre[i]!) - width);
      this.hi[i] = Math.min(m, Math.ceil(centre[i]!) + width);
    }
    this.lo[0] = 0;
    this.hi[n] = m;
  }

  inside(i: number, j: number): boolean {
    return i >= 0 && j >= this.lo[i]! && j <= this.hi[i]!;
  }

  /** Row arrays, one slot per cell of the band. */
  rows<T>(make: (size: number) => T): T[] {
    return Array.from({ length: this.n + 1 }, (_, i) => make(this.hi[i]! - this.lo[i]! + 1));
  }

  search(shapes: readonly BeadShape[], score: BeadScorer, temperature?: number): BandResult {
    const { n, m, lo, hi } = this;
    const S = shapes.length;
    const best = this.rows((size) => new Float64Array(size).fill(-Infinity));
    const back = this.rows((size) => new Int8Array(size).fill(-1));
    // For posteriors: every bead score in the band (cell × shape, by the bead's end cell) and the forward sums.
    const scores = temperature ? this.rows((size) => new Float64Array(size * S).fill(-Infinity)) : null;
    const forward = temperature ? this.rows((size) => new Float64Array(size).fill(-Infinity)) : null;
    best[0]![0] = 0;
    if (forward) forward[0]![0] = 0;
    for (let i = 0; i <= n; i++) {
      for (let j = lo[i]!; j <= hi[i]!; j++) {
        if (i === 0 && j === 0) continue;
        const cell = j - lo[i]!;
        let top = -Infinity;
        let arg = -1;
        let sum = -Infinity;
        for (let s = 0; s < S; s++) {
          const [a, b] = shapes[s]!;
          const pi = i - a;
          const pj = j - b;
          if (pj < 0 || !this.inside(pi, pj)) continue;
          const prev = best[pi]![pj - lo[pi]!]!;
          if (prev === -Infinity) continue;
          const x = score(pi, pj, a, b);
          if (prev + x > top) {
            top = prev + x;
            arg = s;
          }
          if (scores && forward) {
            scores[i]![cell * S + s] = x;
            sum = logAdd(sum, forward[pi]![pj - lo[pi]!]! + x / temperature!);
          }
        }
        best[i]![cell] = top;
        back[i]![cell] = arg;
        if (forward) forward[i]![cell] = sum;
      }
    }
    const backward = scores ? this.backward(shapes, scores, temperature!) : null;
    const total = forward?.[n]![m - lo[n]!] ?? 0;
    const path: Bead[] = [];
    let touchesEdge = false;
    for (let i = n, j = m; i > 0 || j > 0; ) {
      const cell = j - lo[i]!;
      const s = back[i]![cell]!;
      if (s < 0) throw new Error(`no alignment path reaches (${i}, ${j})`);
      const [a, b] = shapes[s]!;
      if ((j === lo[i]! && lo[i]! > 0) || (j === hi[i]! && hi[i]! < m)) touchesEdge = true;
      const pi = i - a;
      const pj = j - b;
      let value = score(pi, pj, a, b);
      if (scores && forward && backward) {
        const logPosterior = forward[pi]![pj - lo[pi]!]! + scores[i]![cell * S + s]! / temperature! + backward[i]![cell]! - total;
        value = Math.min(1, Math.exp(logPosterior));
      }
      path.push({ src: range(pi, a), tgt: range(pj, b), score: value });
      i = pi;
      j = pj;
    }
    return { path: path.reverse(), touchesEdge };
  }

  /** Backward sums: log of the weight of all paths from each cell to (n, m). */
  private backward(shapes: readonly BeadShape[], scores: Float64Array[], temperature: number): Float64Array[] {
    const { n, m, lo, hi } = this;
    const S = shapes.length;
    const out = this.rows((size) => new Float64Array(size).fill(-Infinity));
    out[n]![m - lo[n]!] = 0;
    for (let i = n; i >= 0; i--) {
      for (let j = hi[i]!; j >= lo[i]!; j--) {
        const cell = j - lo[i]!;
        const here = out[i]![cell]!;
        if (here === -Infinity) continue;
        // Push this cell's weight back to the start cell of every bead that ends here.
        for (let s = 0; s < S; s++) {
          const x = scores[i]![cell * S + s]!;
          if (x === -Infinity) continue;
          const [a, b] = shapes[s]!;
          const row = out[i - a]!;
          const k = j - b - lo[i - a]!;
          row[k] = logAdd(row[k]!, here + x / temperature);
        }
      }
    }
    return out;
  }
}

/** log(e^x + e^y); a term e^-37 times smaller than the other changes nothing in double precision. */
function logAdd(x: number, y: number): number {
  const hi = x > y ? x : y;
  const d = x > y ? y - x : x - y;
  return d < -37 || d !== d ? hi : hi + Math.log1p(Math.exp(d));
}

function range(start: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => start + k);
}
