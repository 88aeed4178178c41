/**
 * Black–Scholes–Merton price of a European call or put on an asset paying a continuous dividend yield q,
 * with a continuously compounded risk-free rate r (Merton 1973; Haug, "The Complete Guide to Option
 * Pricing Formulas", 2nd ed., §1.1.6 "generalized Black–Scholes–Merton" with cost of carry b = r − q):
 *
 *   c = S·e^{−qT}·Φ(d1) − K·e^{−rT}·Φ(d2),   p = K·e^{−rT}·Φ(−d2) − S·e^{−qT}·Φ(−d1),
 *   d1 = [ln(S/K) + (r − q + σ²/2)·T] / (σ√T),   d2 = d1 − σ√T.
 *
 * Evaluated in Black-76 forward form, price = e^{−rT}·[max(θ(F − K), 0) + √(F·K)·b(−|ln(F/K)|, σ√T)] with
 * F = S·e^{(r−q)T} and Jäckel's normalised Black call b (normalised-black.ts): the time value is the
 * out-of-the-money option's (put–call parity), which b gives with full relative precision even far out of
 * the money and hours from expiry, where the two-term formula above cancels.
 */
import { normalisedBlackCall } from './normalised-black.ts';
import { PricingInputError, requireFinite, requireNonNegative, requirePositive } from './pricing-input-error.ts';
import type { Right } from '../options-flow/option-trade.ts';
import type { PricePerShare, YearFraction } from '../units.ts';

/**
 * What a BSM calculation reads. spot and strike in dollars per share; t in years of 365 days
 * (time-to-expiry.ts); r and q continuously compounded per year as fractions (0.05 = 5 %);
 * sigma annualised as a fraction (0.20 = 20 vol).
 */
export interface BlackScholesInput {
  readonly spot: number;
  readonly strike: number;
  readonly t: YearFraction;
  readonly r: number;
  readonly q: number;
  readonly sigma: number;
  readonly right: Right;
}

/** Throws PricingInputError naming the first field out of its domain (spot, strike > 0; t, sigma ≥ 0; r, q finite). */
export function validateBlackScholesInput(input: BlackScholesInput): void {
  requirePositive(input.spot, 'spot');
  requirePositive(input.strike, 'strike');
  requireNonNegative(input.t, 't');
  requireFinite(input.r, 'r');
  requireFinite(input.q, 'q');
  requireNonNegative(input.sigma, 'sigma');
  if (input.right !== 'C' && input.right !== 'P') throw new PricingInputError('right', String(input.right), "expected 'C' or 'P'");
}

/**
 * Fair value in dollars per share of a European option under BSM with dividend yield (formula above).
 * What a trader reads from it: the premium implied by a volatility, or with impliedVolatility the reverse.
 * At t = 0 or sigma = 0 it is the discounted forward intrinsic value e^{−rT}·max(θ(F − K), 0).
 * Throws PricingInputError on inputs out of domain.
 */
export function blackScholesPrice(input: BlackScholesInput): PricePerShare {
  validateBlackScholesInput(input);
  const { spot, strike, t, r, q, sigma, right } = input;
  const forward = spot * Math.exp((r - q) * t);
  // Intrinsic in price space (exact for F near K) plus the time value, which by put–call parity is the
  // out-of-the-money option's value: √(FK)·b(−|x|, s).
  const intrinsic = Math.max((right === 'C' ? 1 : -1) * (forward - strike), 0);
  const timeValue = Math.sqrt(forward) * Math.sqrt(strike) * normalisedBlackCall(-Math.abs(Math.log(forward / strike)), sigma * Math.sqrt(t));
  return (Math.exp(-r * t) * (intrinsic + timeValue)) as PricePerShare;
}
