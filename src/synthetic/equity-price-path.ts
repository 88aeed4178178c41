import { Prng } from './prng.ts';
import { PRNG_STREAM } from './prng-streams.ts';
import type { Underlying } from './underlying-universe.ts';

/** Most fine points a window may have (the post-market's 2 hours at one point a minute). */
const MAX_POINTS = 120;

/**
 * Each name's stock price inside one window of the day (a 5-minute slice of the session, or the whole pre- or
 * post-market), finer than the option tape's spot path but pinned to it: a Brownian bridge in log price from the
 * window's start value to its end value (a free walk when the end is open), at `points` evenly spaced fine
 * points, linear between them. With the slice's own σ (the spot path's σ per slice), the stock's 1-minute bars
 * move like a random walk while every 5-minute boundary equals the spot the options were valued on.
 * Bridge: W₀ = 0, W_j = W_{j−1} + σ/√J·z_j; x_j = x₀ + W_j − (j/J)(W_J − (x₁ − x₀)) (Glasserman, Monte Carlo
 * Methods in Financial Engineering, 2004, §3.1). Each name draws from its own stream (PRNG_STREAM.equityPath + rank).
 */
export class EquityPricePath {
  private readonly rngs: Prng[];
  private readonly fine: Float64Array;
  private points = 1;
  private from = 0;
  private span = 1;

  constructor(universe: readonly Underlying[], seed: number) {
    this.rngs = universe.map((u) => Prng.fromSeed(seed, PRNG_STREAM.equityPath + u.rank));
    this.fine = new Float64Array(universe.length * (MAX_POINTS + 1));
  }

  /**
   * Starts the window [from, to) with `points` fine points (≤ 120). start(u) and end(u) are $/share (end NaN:
   * a free walk), sigma(u) the σ of log price over the whole window. Draws `points` normals per name.
   */
  window(from: number, to: number, points: number, start: (u: number) => number, end: (u: number) => number, sigma: (u: number) => number): void {
    if (!(points >= 1 && points <= MAX_POINTS)) throw new RangeError(`points was ${points}; expected 1–${MAX_POINTS}`);
    this.points = points;
    this.from = from;
    this.span = to - from;
    const f = this.fine;
    for (let u = 0; u < this.rngs.length; u++) {
      const rng = this.rngs[u] as Prng;
      const base = u * (MAX_POINTS + 1);
      const step = sigma(u) / Math.sqrt(points);
      f[base] = 0;
      for (let j = 1; j <= points; j++) f[base + j] = (f[base + j - 1] as number) + step * rng.normal();
      const x0 = Math.log(start(u));
      const x1 = end(u);
      const pull = Number.isNaN(x1) ? 0 : (f[base + points] as number) - (Math.log(x1) - x0);
      for (let j = 0; j <= points; j++) f[base + j] = Math.exp(x0 + (f[base + j] as number) - (j / points) * pull);
    }
  }

  /** Name u's price at ts inside the current window (clamped to it), $/share. */
  at(u: number, ts: number): number {
    const x = Math.min(this.points - 1e-9, Math.max(0, ((ts - this.from) / this.span) * this.points));
    const j = Math.floor(x);
    const i = u * (MAX_POINTS + 1) + j;
    const w = x - j;
    return (this.fine[i] as number) * (1 - w) + (this.fine[i + 1] as number) * w;
  }
}
