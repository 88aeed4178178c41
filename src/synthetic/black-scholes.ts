/**
 * The generator's view of Black–Scholes–Merton: the core pricer (src/core/pricing/black-scholes.ts) with the
 * generator's argument names and its edge cases (expired → intrinsic, zero vol → forward intrinsic).
 */
import { blackScholesPrice as corePrice } from '../core/pricing/black-scholes.ts';
import { normCdf } from '../core/pricing/normal-distribution.ts';
import { yearFraction } from '../core/units.ts';

/** Standard normal cumulative distribution Φ(x): the core's (Cody's erfc; src/core/pricing/normal-distribution.ts). */
export const normalCdf = normCdf;

/** Inputs of one European option valuation. */
export interface BlackScholesInput {
  /** Underlying price, dollars per share (> 0). */
  readonly spot: number;
  /** Strike, dollars per share (> 0). */
  readonly strike: number;
  /** Time to expiry in years (calendar time / 365); ≤ 0 prices the option at intrinsic value. */
  readonly years: number;
  /** Volatility as a fraction per year (0.2 = 20%); ≤ 0 prices at discounted intrinsic value of the forward. */
  readonly vol: number;
  /** Continuously compounded risk-free rate, fraction per year. */
  readonly rate: number;
  /** Continuous dividend yield, fraction per year. */
  readonly dividendYield: number;
}

/**
 * Black–Scholes–Merton value of a European call ('C') or put ('P'), in dollars per share: what a fair
 * option would cost on a frictionless market, used here to put synthetic quotes where real ones would sit.
 *   d1 = (ln(S/K) + (r − q + σ²/2)T) / (σ√T),  d2 = d1 − σ√T
 *   C = S e^{−qT} Φ(d1) − K e^{−rT} Φ(d2),   P = K e^{−rT} Φ(−d2) − S e^{−qT} Φ(−d1)
 * Source: J. Hull, Options, Futures, and Other Derivatives, ch. "The Black–Scholes–Merton model".
 */
export function blackScholesPrice(right: 'C' | 'P', p: BlackScholesInput): number {
  const { spot: s, strike: k, years: t, vol, rate: r, dividendYield: q } = p;
  if (t <= 0) return Math.max(0, right === 'C' ? s - k : k - s);
  if (vol <= 0) {
    const fwdS = s * Math.exp(-q * t);
    const pvK = k * Math.exp(-r * t);
    return Math.max(0, right === 'C' ? fwdS - pvK : pvK - fwdS);
  }
  return corePrice({ spot: s, strike: k, t: yearFraction(t), r, q, sigma: vol, right });
}
