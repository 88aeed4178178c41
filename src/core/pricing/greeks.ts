/**
 * Analytic Black–Scholes–Merton sensitivities with a continuous dividend yield q, first to third order,
 * in the units desks quote them. Formulas: Haug, "The Complete Guide to Option Pricing Formulas", 2nd ed.
 * (2007), §2.1–2.3 (generalized BSM, cost of carry b = r − q); each is checked against central finite
 * differences of the price in greeks.test.ts. Units and the sign convention of the time greeks are in
 * docs/methodology-pricing.md ("Units of the greeks").
 */
import { blackScholesPrice, validateBlackScholesInput, type BlackScholesInput } from './black-scholes.ts';
import { normCdf, normPdf } from './normal-distribution.ts';
import { PricingInputError } from './pricing-input-error.ts';
import type { PricePerShare } from '../units.ts';

/** Calendar days per year: the year of t (time-to-expiry.ts), so "per day" means ∂/∂t ÷ 365. */
export const DAYS_PER_YEAR = 365;
/** One volatility point is 0.01 of σ; one rate point is 0.01 of r or q. */
const POINT = 100;

/**
 * All sensitivities of one option, per share (multiply by 100 × contracts for a position). The time greeks
 * (theta, charm, veta, color) are the change as one calendar day passes, i.e. −∂/∂T ÷ 365.
 */
export interface Greeks {
  /** BSM value, $ per share. */
  readonly price: PricePerShare;
  /** ∂V/∂S: $ of option value per $1 move of the underlying (share-equivalents per share). */
  readonly delta: number;
  /** ∂²V/∂S²: change in delta per $1 move of the underlying. */
  readonly gamma: number;
  /** −∂V/∂T ÷ 365: $ of value lost (negative) or gained per calendar day, all else equal. */
  readonly theta: number;
  /** ∂V/∂σ ÷ 100: $ per 1 volatility point (σ 20 % → 21 %). */
  readonly vega: number;
  /** ∂V/∂r ÷ 100: $ per 1 percentage point of the rate (q held fixed). */
  readonly rho: number;
  /** ∂V/∂q ÷ 100: $ per 1 percentage point of the dividend yield (Haug's "phi"/carry rho with q). */
  readonly epsilon: number;
  /** ∂²V/∂S∂σ ÷ 100: change in delta per 1 vol point (equally, change in $ vega per 1 vol point per $1 of spot ×100). */
  readonly vanna: number;
  /** −∂Δ/∂T ÷ 365: change in delta per calendar day ("delta bleed"). */
  readonly charm: number;
  /** ∂²V/∂σ² ÷ 100²: change in vega (per vol point) per 1 vol point (volga). */
  readonly vomma: number;
  /** −∂²V/∂σ∂T ÷ (100·365): change in vega (per vol point) per calendar day. */
  readonly veta: number;
  /** ∂³V/∂S³: change in gamma per $1 move of the underlying. */
  readonly speed: number;
  /** ∂³V/∂S²∂σ ÷ 100: change in gamma per 1 vol point. */
  readonly zomma: number;
  /** −∂Γ/∂T ÷ 365: change in gamma per calendar day. */
  readonly color: number;
  /** ∂³V/∂σ³ ÷ 100³: change in vomma (per vol point²) per 1 vol point. */
  readonly ultima: number;
}

/**
 * Every BSM greek of a European option, analytic (Haug 2007 ch. 2), with d1 = [ln(S/K) + (b + σ²/2)T]/(σ√T),
 * d2 = d1 − σ√T, b = r − q, θ = ±1 (call/put), φ/Φ the normal density/distribution:
 *   Δ = θe^{−qT}Φ(θd1)            Γ = e^{−qT}φ(d1)/(Sσ√T)          vega = Se^{−qT}φ(d1)√T
 *   Θ = −Se^{−qT}φ(d1)σ/(2√T) + θqSe^{−qT}Φ(θd1) − θrKe^{−rT}Φ(θd2)
 *   ρ = θKTe^{−rT}Φ(θd2)          ε = −θSTe^{−qT}Φ(θd1)
 *   vanna = −e^{−qT}φ(d1)d2/σ     charm = θqe^{−qT}Φ(θd1) − e^{−qT}φ(d1)(b/(σ√T) − d2/(2T))
 *   vomma = vega·d1d2/σ           veta = vega·(q + b·d1/(σ√T) − (1 + d1d2)/(2T))
 *   speed = −Γ(1 + d1/(σ√T))/S    zomma = Γ(d1d2 − 1)/σ
 *   color = Γ(q + b·d1/(σ√T) + (1 − d1d2)/(2T))   ultima = −vega/σ²·(d1d2(1 − d1d2) + d1² + d2²)
 * then scaled to desk units (Greeks). Requires t > 0 and sigma > 0: at expiry or zero volatility gamma
 * is a point mass at the strike and the greeks are not defined; the caller decides what to show.
 * Throws PricingInputError on inputs out of domain.
 */
export function greeks(input: BlackScholesInput): Greeks {
  validateBlackScholesInput(input);
  const { spot, strike, t, r, q, sigma, right } = input;
  if (!(t > 0)) throw new PricingInputError('t', String(t), 'expected > 0 for greeks (undefined at expiry)');
  if (!(sigma > 0)) throw new PricingInputError('sigma', String(sigma), 'expected > 0 for greeks');
  const theta = right === 'C' ? 1 : -1;
  const b = r - q;
  const sqrtT = Math.sqrt(t);
  const sigmaSqrtT = sigma * sqrtT;
  const d1 = (Math.log(spot / strike) + (b + 0.5 * sigma * sigma) * t) / sigmaSqrtT;
  const d2 = d1 - sigmaSqrtT;
  const dividendDiscount = Math.exp(-q * t);
  const discount = Math.exp(-r * t);
  const pdf = normPdf(d1);
  const cdf1 = normCdf(theta * d1);
  const cdf2 = normCdf(theta * d2);

  const gamma = (dividendDiscount * pdf) / (spot * sigmaSqrtT);
  const vega = spot * dividendDiscount * pdf * sqrtT;
  const timeTerm = b / sigmaSqrtT; // ∂d1/∂T = b/(σ√T) − d2/(2T)
  const dd1dT = timeTerm - d2 / (2 * t);
  const d1d2 = d1 * d2;
  return {
    price: blackScholesPrice(input),
    delta: theta * dividendDiscount * cdf1,
    gamma,
    theta: (-spot * dividendDiscount * pdf * sigma / (2 * sqrtT)
      + theta * q * spot * dividendDiscount * cdf1
      - theta * r * strike * discount * cdf2) / DAYS_PER_YEAR,
    vega: vega / POINT,
    rho: (theta * strike * t * discount * cdf2) / POINT,
    epsilon: (-theta * spot * t * dividendDiscount * cdf1) / POINT,
    vanna: (-dividendDiscount * pdf * d2 / sigma) / POINT,
    charm: (theta * q * dividendDiscount * cdf1 - dividendDiscount * pdf * dd1dT) / DAYS_PER_YEAR,
    vomma: (vega * d1d2 / sigma) / (POINT * POINT),
    veta: (vega * (q + timeTerm * d1 - (1 + d1d2) / (2 * t))) / (POINT * DAYS_PER_YEAR),
    speed: (-gamma * (1 + d1 / sigmaSqrtT)) / spot,
    zomma: (gamma * (d1d2 - 1) / sigma) / POINT,
    color: (gamma * (q + timeTerm * d1 + (1 - d1d2) / (2 * t))) / DAYS_PER_YEAR,
    ultima: (-vega / (sigma * sigma) * (d1d2 * (1 - d1d2) + d1 * d1 + d2 * d2)) / (POINT * POINT * POINT),
  };
}
