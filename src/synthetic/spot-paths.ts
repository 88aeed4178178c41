import { Prng } from './prng.ts';
import { PRNG_STREAM } from './prng-streams.ts';
import type { Underlying } from './underlying-universe.ts';

/** Length of one slice of the synthetic session, ms (the intraday profile's 5-minute bars). */
export const BUCKET_MS = 300_000;

/**
 * Every name's spot through the regular session, shared by the option tape (which values its contracts on it)
 * and the equity tape (whose prints and quotes follow it), so the stock and its options agree.
 * The open gaps from the previous close by 0.35 daily standard deviations × z; each 5-minute slice then moves
 * as driftless geometric Brownian motion with the daily volatility σ_atm/√252 spread evenly over the session
 * (σ per slice = σ_d/√slices, with the −σ²/2 correction so the expected price does not drift). `at` interpolates
 * linearly inside a slice. Each name draws from its own stream (PRNG_STREAM.spot + rank).
 */
export class SpotPaths {
  /** Value of name u at slice boundary b (0 = the open, `buckets` = the close): values[u·(buckets+1) + b]. */
  readonly values: Float64Array;

  constructor(universe: readonly Underlying[], seed: number, readonly openMs: number, readonly buckets: number) {
    this.values = new Float64Array(universe.length * (buckets + 1));
    for (const u of universe) {
      const rng = Prng.fromSeed(seed, PRNG_STREAM.spot + u.rank);
      const step = this.sliceVolatility(u);
      let s = u.previousClose * Math.exp(0.35 * dailyVolatility(u) * rng.normal());
      const base = u.rank * (buckets + 1);
      this.values[base] = s;
      for (let b = 1; b <= buckets; b++) {
        s *= Math.exp(step * rng.normal() - (step * step) / 2);
        this.values[base + b] = s;
      }
    }
  }

  /** σ of log price over one slice: σ_atm/√252/√slices. */
  sliceVolatility(u: Pick<Underlying, 'smile'>): number {
    return dailyVolatility(u) / Math.sqrt(this.buckets);
  }

  /** Value of name u at slice boundary b, $/share. */
  boundary(u: number, b: number): number {
    return this.values[u * (this.buckets + 1) + b] as number;
  }

  /** Name u's spot at instant ts (clamped to the session), $/share: linear between slice boundaries. */
  at(u: number, ts: number): number {
    const x = Math.min(this.buckets - 1e-9, Math.max(0, (ts - this.openMs) / BUCKET_MS));
    const b = Math.floor(x);
    const i = u * (this.buckets + 1) + b;
    const f = x - b;
    return (this.values[i] as number) * (1 - f) + (this.values[i + 1] as number) * f;
  }
}

/** σ_d = σ_atm/√252: the daily standard deviation of log price implied by the name's ATM vol. */
export function dailyVolatility(u: Pick<Underlying, 'smile'>): number {
  return u.smile.atmVol / Math.sqrt(252);
}
