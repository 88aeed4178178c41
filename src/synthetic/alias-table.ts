import type { Prng } from './prng.ts';

/**
 * Constant-time sampling of an index with given weights: Vose's alias method (M. D. Vose, "A linear algorithm
 * for generating random numbers with a given distribution", IEEE TSE 17(9), 1991). Building is O(n); each
 * draw costs one uniform and one comparison, which matters when 5 million prints each pick an underlying.
 */
export class AliasTable {
  private readonly prob: Float64Array;
  private readonly alias: Uint32Array;

  /** Weights must be finite, ≥ 0, and not all zero. */
  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i] as number;
      if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weight ${i} was ${w}; expected a finite number ≥ 0`);
      total += w;
    }
    if (!(total > 0)) throw new RangeError(`weights summed to ${total}; expected > 0`);
    this.prob = new Float64Array(n);
    this.alias = new Uint32Array(n);
    const scaled = new Float64Array(n);
    const small: number[] = [];
    const large: number[] = [];
    for (let i = 0; i < n; i++) {
      scaled[i] = ((weights[i] as number) * n) / total;
      ((scaled[i] as number) < 1 ? small : large).push(i);
    }
    while (small.length > 0 && large.length > 0) {
      const s = small.pop() as number;
      const l = large.pop() as number;
      this.prob[s] = scaled[s] as number;
      this.alias[s] = l;
      scaled[l] = (scaled[l] as number) + (scaled[s] as number) - 1;
      ((scaled[l] as number) < 1 ? small : large).push(l);
    }
    for (const i of large) this.prob[i] = 1;
    for (const i of small) this.prob[i] = 1; // only left by rounding error
  }

  get size(): number {
    return this.prob.length;
  }

  /** An index drawn with probability weight[i] / Σ weight. */
  sample(rng: Prng): number {
    const u = rng.next() * this.prob.length;
    const i = Math.floor(u);
    return u - i < (this.prob[i] as number) ? i : (this.alias[i] as number);
  }
}
