/**
 * The gamma flip ("zero gamma"): the underlying price at which the dealers' total gamma exposure changes sign.
 * Above it (under the default convention) dealers are long gamma and their hedging damps moves; below it they are
 * short gamma and their hedging amplifies moves. Method (docs/methodology-chain.md, "Gamma flip"): re-price the
 * total GEX of the analysed chain at spot levels X on a grid of 0.1 % steps over S·[0.8, 1.2], holding each
 * contract's IV, T, r and q fixed (sticky strike), find the sign changes between neighbouring grid points and
 * interpolate linearly; when several, the one nearest spot. The practitioners' "zero gamma" level, with the GEX of
 * SqueezeMetrics' white paper (2017); grid and interpolation as issue 3 asks.
 */
import { SQRT_TWO_PI } from '../pricing/normal-distribution.ts';
import type { MarketInputs } from './chain-analytics-settings.ts';
import { dealerSign, type DealerConvention } from './chain-analytics-settings.ts';
import type { AnalyzedContract } from './strike-exposures.ts';

/** Why there is no gamma flip. */
export type GammaFlipReason =
  /** No spot: nothing to centre the grid on. */
  | 'no_spot'
  /** No contract has greeks (no IV anywhere). */
  | 'no_greeks'
  /** Total GEX keeps one sign over the whole grid. */
  | 'no_crossing_in_range';

export interface GammaFlip {
  /** The flip price in $ per share, or null. */
  readonly price: number | null;
  readonly reason: GammaFlipReason | null;
  /** Sign changes found on the grid (0 when none or no grid). */
  readonly crossings: number;
  /** Total GEX at the low and high ends of the grid ($ per 1 % move), for the reader of a null; null without a grid. */
  readonly gexAtLow: number | null;
  readonly gexAtHigh: number | null;
}

/**
 * Total GEX of a fixed book of contracts as a function of the spot level X, $ per 1 % move:
 *   GEX(X) = Σ d·OI·100·X²·0.01·Γ(X) = X · Σ w·e^{−d1(X)²/2},
 *   w = d·OI·e^{−qT}/(σ√T·√(2π)),   d1(X) = (ln X − ln K + (r − q + σ²/2)T)/(σ√T)
 * (Γ = e^{−qT}φ(d1)/(Xσ√T), Haug 2007 §2.1). Typed arrays, no allocation per evaluation.
 */
export class GammaProfile {
  private readonly weight: Float64Array;
  private readonly logStrikePlusDrift: Float64Array;
  private readonly inverseSigmaSqrtT: Float64Array;
  readonly size: number;

  constructor(analysed: readonly AnalyzedContract[], market: MarketInputs, convention: DealerConvention) {
    let n = 0;
    for (let i = 0; i < analysed.length; i++) if ((analysed[i] as AnalyzedContract).greeks !== null) n++;
    this.size = n;
    this.weight = new Float64Array(n);
    this.logStrikePlusDrift = new Float64Array(n);
    this.inverseSigmaSqrtT = new Float64Array(n);
    const { rate: r, dividendYield: q } = market;
    let j = 0;
    for (let i = 0; i < analysed.length; i++) {
      const a = analysed[i] as AnalyzedContract;
      if (a.greeks === null) continue;
      const sigma = a.greeks.iv;
      const t = a.t;
      const sigmaSqrtT = sigma * Math.sqrt(t);
      this.weight[j] = dealerSign(convention, a.contract.right) * a.contract.openInterest * Math.exp(-q * t) / (sigmaSqrtT * SQRT_TWO_PI);
      this.logStrikePlusDrift[j] = Math.log(a.contract.strike) - (r - q + 0.5 * sigma * sigma) * t;
      this.inverseSigmaSqrtT[j] = 1 / sigmaSqrtT;
      j++;
    }
  }

  /** Total GEX ($ per 1 % move) if the underlying were at `x` with everything else unchanged. */
  at(x: number): number {
    const lx = Math.log(x);
    let sum = 0;
    for (let i = 0; i < this.size; i++) {
      const d1 = (lx - (this.logStrikePlusDrift[i] as number)) * (this.inverseSigmaSqrtT[i] as number);
      sum += (this.weight[i] as number) * Math.exp(-0.5 * d1 * d1);
    }
    return x * sum;
  }

  /**
   * Total GEX at the n points X_k = e^{logStart + k·h}, k = 0…n−1, in one pass per contract without exp in the
   * inner loop: on a grid uniform in ln X, d1 is linear in k (d1_k = d + k·δ, δ = h/(σ√T)), so
   * g_k = e^{−d1_k²/2} follows g_{k+1} = g_k·ρ_k, ρ_{k+1} = ρ_k·e^{−δ²}. Each contract starts at the grid point
   * nearest its peak (d1 = 0) and walks outwards, so a value that underflows to 0 is truly negligible; rounding
   * grows by about one ulp per step (measured against `at`: within 1e−10 relative, gamma-flip.test.ts).
   */
  curve(logStart: number, h: number, n: number): Float64Array {
    const sums = new Float64Array(n);
    for (let i = 0; i < this.size; i++) {
      const b = this.inverseSigmaSqrtT[i] as number;
      const w = this.weight[i] as number;
      const d0 = (logStart - (this.logStrikePlusDrift[i] as number)) * b;
      const delta = h * b;
      let peak = Math.round(-d0 / delta);
      if (peak < 0) peak = 0;
      else if (peak > n - 1) peak = n - 1;
      const dPeak = d0 + peak * delta;
      const gPeak = Math.exp(-0.5 * dPeak * dPeak);
      if (gPeak === 0) continue;
      const shrink = Math.exp(-delta * delta);
      sums[peak] = (sums[peak] as number) + w * gPeak;
      let g = gPeak;
      let ratio = Math.exp(-(dPeak * delta + 0.5 * delta * delta));
      for (let k = peak + 1; k < n && g > 0; k++) {
        g *= ratio;
        ratio *= shrink;
        sums[k] = (sums[k] as number) + w * g;
      }
      g = gPeak;
      ratio = Math.exp(dPeak * delta - 0.5 * delta * delta);
      for (let k = peak - 1; k >= 0 && g > 0; k--) {
        g *= ratio;
        ratio *= shrink;
        sums[k] = (sums[k] as number) + w * g;
      }
    }
    for (let k = 0; k < n; k++) sums[k] = (sums[k] as number) * Math.exp(logStart + k * h);
    return sums;
  }
}

/**
 * The gamma flip of `profile` around `spot` (method above). Grid uniform in log price with steps of ln(1 + step)
 * (0.1 % by default), from the first point at or below spot·(1 − range) to the first at or above spot·(1 + range),
 * spot itself a grid point. A crossing is a pair of neighbours with opposite signs (or a grid point at exactly 0),
 * located by linear interpolation X = X_k − g_k·(X_{k+1} − X_k)/(g_{k+1} − g_k); the one nearest spot is returned
 * (ties: the lower).
 */
export function gammaFlip(profile: GammaProfile, spot: number | null, range: number, step: number): GammaFlip {
  if (spot === null) return { price: null, reason: 'no_spot', crossings: 0, gexAtLow: null, gexAtHigh: null };
  if (profile.size === 0) return { price: null, reason: 'no_greeks', crossings: 0, gexAtLow: null, gexAtHigh: null };
  const h = Math.log1p(step);
  const below = Math.ceil(-Math.log1p(-range) / h - 1e-9);
  const above = Math.ceil(Math.log1p(range) / h - 1e-9);
  const n = below + above + 1;
  const logStart = Math.log(spot) - below * h;
  const gs = profile.curve(logStart, h, n);
  let crossings = 0;
  let best: number | null = null;
  for (let k = 0; k < n; k++) {
    const g0 = gs[k] as number;
    const x0 = k === below ? spot : Math.exp(logStart + k * h);
    let x: number | null = null;
    if (g0 === 0) x = x0;
    else if (k + 1 < n) {
      const g1 = gs[k + 1] as number;
      const x1 = k + 1 === below ? spot : Math.exp(logStart + (k + 1) * h);
      if (g1 !== 0 && (g0 < 0) !== (g1 < 0)) x = x0 - g0 * (x1 - x0) / (g1 - g0);
    }
    if (x === null) continue;
    crossings++;
    if (best === null || Math.abs(x - spot) < Math.abs(best - spot)) best = x;
  }
  const ends = { gexAtLow: gs[0] as number, gexAtHigh: gs[n - 1] as number };
  if (best === null) return { price: null, reason: 'no_crossing_in_range', crossings: 0, ...ends };
  return { price: best, reason: null, crossings, ...ends };
}
