import type { Prng } from './prng.ts';

/**
 * `n` sorted whole-millisecond times uniform in [from, to): uniform order statistics from normalised
 * exponential spacings (L. Devroye, Non-Uniform Random Variate Generation, 1986, ch. V.2), in O(n) with no sort.
 */
export function slotTimes(rng: Prng, from: number, to: number, n: number): Float64Array {
  const out = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += rng.exponential();
    out[i] = sum;
  }
  sum += rng.exponential();
  const span = to - from;
  for (let i = 0; i < n; i++) out[i] = from + Math.floor(((out[i] as number) / sum) * span);
  return out;
}
