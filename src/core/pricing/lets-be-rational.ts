/**
 * Implied volatility by P. Jäckel, "Let's Be Rational", Wilmott (2015) 40–53: machine-precision Black
 * implied volatility in at most two Householder(3) iterations from a four-branch rational initial guess.
 *
 * In normalised terms (normalised-black.ts) the problem is: given β = B/√(F·K) and x = ln(F/K), find
 * s = σ√T with b(x, s, θ) = β. Steps (paper §3–6):
 *   1. In-the-money → out-of-the-money by put–call parity (β ← β − ι(x), θ ← −θ), puts → calls (x ← −x),
 *      so x ≤ 0 and 0 < β < b_max = e^{x/2}.
 *   2. Four branches split at b_l < b_c < b_h, where s_c = √(2|x|) is the inflexion point of b(s) and
 *      s_l, s_h are where its tangent there meets b = 0 and b = b_max. On the two middle branches s(β) is a
 *      Delbourgo–Gregory rational cubic through (b_l, s_l), (b_c, s_c), (b_h, s_h) matching slopes 1/b'(s)
 *      and s'' = 0 at b_c; on the outer branches the same interpolation is done on the transformed
 *      variables f_lower(β) (from Φ(−|x|/(√3·s))³, the small-β asymptotics) and f_upper(β) = Φ(−s/2),
 *      which are then inverted in closed form.
 *   3. Householder(3) on an objective chosen per branch to be nearly linear in s: 1/ln b − 1/ln β on the
 *      lowest branch, ln((b_max − β)/(b_max − b)) on the highest when β > b_max/2, b − β otherwise.
 * The guess has relative error ~1e−4 or better, so two third-order steps reach ~1e−16 (tested).
 */
import { erfcx } from './erf-cody.ts';
import { normCdf, normPdf, inverseNormCdf } from './normal-distribution.ts';
import {
  normalisedCallAndVegaAtInflection, normalisedIntrinsic, normalisedOutOfTheMoneyCallAndVega, type NormalisedBlackAndVega,
} from './normalised-black.ts';
import { convexControlFittingLeft, convexControlFittingRight, rationalCubicInterpolation, type RationalCubicSegment } from './rational-cubic.ts';
import { PricingInputError, requireFinite, requireNonNegative, requirePositive } from './pricing-input-error.ts';
import type { Right } from '../options-flow/option-trade.ts';
import type { YearFraction } from '../units.ts';

const DBL_EPSILON = 2.220446049250313e-16;
const DBL_MIN = 2.2250738585072014e-308;
const SQRT_DBL_MAX = Math.sqrt(Number.MAX_VALUE);
const SQRT_THREE = Math.sqrt(3);
const SQRT_ONE_OVER_THREE = Math.sqrt(1 / 3);
const TWO_PI = 2 * Math.PI;
const TWO_PI_OVER_SQRT_TWENTY_SEVEN = (2 * Math.PI) / Math.sqrt(27);
const PI_OVER_SIX = Math.PI / 6;
const SQRT_PI_OVER_TWO = Math.sqrt(Math.PI / 2);
/** The paper's iteration budget: two Householder(3) steps. */
export const MAXIMUM_ITERATIONS = 2;

/** Normalised implied volatility s = σ√T and the number of Householder steps taken to reach it. */
export interface NormalisedImpliedVolatility {
  readonly s: number;
  readonly iterations: number;
}

/*
 * The solver runs millions of times a second in chain analytics, so its hot path allocates nothing: the
 * intermediate results below live in module-level scratch records that each call overwrites before reading.
 * (JavaScript is single-threaded and nothing here re-enters, so they cannot be shared between two solves.)
 */

/** A value of a transformed map and its first two derivatives in β. */
interface MapValue { f: number; fp: number; fpp: number }
const mapValue: MapValue = { f: 0, fp: 0, fpp: 0 };
const evaluation: NormalisedBlackAndVega = { b: 0, vega: 0 };
const segment: { -readonly [K in keyof RationalCubicSegment]: RationalCubicSegment[K] } = { xL: 0, xR: 0, yL: 0, yR: 0, dL: 0, dR: 0 };

/** b(x, s) and ∂b/∂s into `evaluation`, for x ≤ 0 (s ≤ 0 gives the limit 0, 0). */
function evaluate(x: number, s: number): void {
  if (s > 0) normalisedOutOfTheMoneyCallAndVega(x, s, evaluation);
  else {
    evaluation.b = 0;
    evaluation.vega = 0;
  }
}

function setSegment(xL: number, xR: number, yL: number, yR: number, dL: number, dR: number): RationalCubicSegment {
  segment.xL = xL;
  segment.xR = xR;
  segment.yL = yL;
  segment.yR = yR;
  segment.dL = dL;
  segment.dR = dR;
  return segment;
}

/**
 * f_lower(β(s)) = (2π/√27)·|x|·Φ(−z)³ with z = |x|/(√3·s), and its first two derivatives in β (paper §4), into
 * mapValue. Φ(−z) is formed as φ(z)·√(π/2)·erfcx(z/√2) and e^{2y + s²/4} as (e^{y + s²/8})², so the map costs
 * two exponentials instead of five; it only shapes the initial guess, which the iterations then polish.
 */
function lowerMap(x: number, s: number): void {
  const ax = Math.abs(x);
  const z = (SQRT_ONE_OVER_THREE * ax) / s;
  const y = z * z;
  const s2 = s * s;
  const phiPdf = normPdf(z);
  const phiCdf = SQRT_PI_OVER_TWO * erfcx(Math.SQRT1_2 * z) * phiPdf;
  const growth = Math.exp(y + 0.125 * s2);
  mapValue.fpp = ((PI_OVER_SIX * y) / (s2 * s)) * phiCdf
    * (8 * SQRT_THREE * s * ax + ((3 * s2 * (s2 - 8) - 8 * x * x) * phiCdf) / phiPdf)
    * (growth * growth);
  const phi2 = phiCdf * phiCdf;
  mapValue.fp = TWO_PI * y * phi2 * growth;
  mapValue.f = TWO_PI_OVER_SQRT_TWENTY_SEVEN * ax * (phi2 * phiCdf);
}

function inverseLowerMap(x: number, f: number): number {
  return Math.abs(x / (SQRT_THREE * inverseNormCdf(Math.cbrt(f / (TWO_PI_OVER_SQRT_TWENTY_SEVEN * Math.abs(x))))));
}

/** f_upper(β(s)) = Φ(−s/2) and its first two derivatives in β (paper §5), into mapValue. */
function upperMap(x: number, s: number): void {
  mapValue.f = normCdf(-0.5 * s);
  if (x === 0) {
    mapValue.fp = -0.5;
    mapValue.fpp = 0;
    return;
  }
  const w = (x / s) * (x / s);
  mapValue.fp = -0.5 * Math.exp(0.5 * w);
  mapValue.fpp = SQRT_PI_OVER_TWO * Math.exp(w + 0.125 * s * s) * (w / s);
}

function inverseUpperMap(f: number): number {
  return -2 * inverseNormCdf(f);
}

/** Which objective the Householder iteration works on (paper §6). */
type Objective = 'lowest' | 'middle' | 'highest';

/** Initial guess, bracket and objective for an out-of-the-money call. */
interface Guess { s: number; sLeft: number; sRight: number; objective: Objective }
const guess: Guess = { s: 0, sLeft: 0, sRight: 0, objective: 'middle' };

function setGuess(s: number, sLeft: number, sRight: number, objective: Objective): void {
  guess.s = s;
  guess.sLeft = sLeft;
  guess.sRight = sRight;
  guess.objective = objective;
}

/** Initial guess, bracket and objective for an out-of-the-money call (x ≤ 0, 0 < β < e^{x/2}), into `guess`. */
function initialGuess(beta: number, x: number, bMax: number): void {
  const sC = Math.sqrt(Math.abs(2 * x));
  if (sC > 0) normalisedCallAndVegaAtInflection(x, bMax, evaluation);
  else evaluate(x, sC);
  const bC = evaluation.b;
  const vC = evaluation.vega;
  if (beta < bC) {
    const sL = sC - bC / vC;
    evaluate(x, sL);
    const bL = evaluation.b;
    if (beta < bL) {
      lowerMap(x, sL);
      const seg = setSegment(0, bL, 0, mapValue.f, 1, mapValue.fp);
      const r = convexControlFittingRight(seg, mapValue.fpp, true);
      let f = rationalCubicInterpolation(beta, seg, r);
      if (!(f > 0)) {
        // Round-off for extreme |x|: the quadratic through f(0) = 0, f(b_l), f'(0) = 1 instead.
        const t = beta / bL;
        f = (mapValue.f * t + bL * (1 - t)) * t;
      }
      setGuess(inverseLowerMap(x, f), DBL_MIN, sL, 'lowest');
      return;
    }
    const vL = evaluation.vega;
    const seg = setSegment(bL, bC, sL, sC, 1 / vL, 1 / vC);
    const r = convexControlFittingRight(seg, 0, false);
    setGuess(rationalCubicInterpolation(beta, seg, r), sL, sC, 'middle');
    return;
  }
  const sH = vC > DBL_MIN ? sC + (bMax - bC) / vC : sC;
  evaluate(x, sH);
  const bH = evaluation.b;
  if (beta <= bH) {
    const vH = evaluation.vega;
    const seg = setSegment(bC, bH, sC, sH, 1 / vC, 1 / vH);
    const r = convexControlFittingLeft(seg, 0, false);
    setGuess(rationalCubicInterpolation(beta, seg, r), sC, sH, 'middle');
    return;
  }
  upperMap(x, sH);
  let f = -Number.MAX_VALUE;
  if (mapValue.fpp > -SQRT_DBL_MAX && mapValue.fpp < SQRT_DBL_MAX) {
    const seg = setSegment(bH, bMax, mapValue.f, 0, mapValue.fp, -0.5);
    const r = convexControlFittingLeft(seg, mapValue.fpp, true);
    f = rationalCubicInterpolation(beta, seg, r);
  }
  if (!(f > 0)) {
    // The quadratic through f(b_h), f(b_max) = 0 and f'(b_max) = −1/2 instead.
    const h = bMax - bH;
    const t = (beta - bH) / h;
    f = (mapValue.f * (1 - t) + 0.5 * h * t) * (1 - t);
  }
  setGuess(inverseUpperMap(f), sH, Number.MAX_VALUE, beta > 0.5 * bMax ? 'highest' : 'middle');
}

/** s_{n+1} = s_n + ν·(1 + η·ν/2)/(1 + ν·(η + τ·ν/6)), with ν = −g/g', η = g''/g', τ = g'''/g' (Householder order 3). */
function householderStep(newton: number, halley: number, hh3: number): number {
  return (newton * (1 + 0.5 * halley * newton)) / (1 + newton * (halley + (hh3 * newton) / 6));
}

/** The Householder(3) step for the branch's objective at s, or null when b or b' under/overflowed. */
/** `lnBeta` = ln β, computed once per solve (only the lowest branch reads it). */
function objectiveStep(objective: Objective, beta: number, lnBeta: number, x: number, s: number, b: number, bp: number, bMax: number): number | null {
  const bHalley = (x / s) * (x / s) / s - s / 4; // b''/b'
  const bHh3 = bHalley * bHalley - 3 * (x / (s * s)) * (x / (s * s)) - 0.25; // b'''/b'
  if (objective === 'lowest') {
    // g = 1/ln b − 1/ln β
    if (!(b > 0) || !(bp > 0)) return null;
    const lnB = Math.log(b);
    const bpob = bp / b;
    const newton = ((lnBeta - lnB) * lnB) / lnBeta / bpob;
    const halley = bHalley - bpob * (1 + 2 / lnB);
    const hh3 = bHh3 + 2 * bpob * bpob * (1 + (3 / lnB) * (1 + 1 / lnB)) - 3 * bHalley * bpob * (1 + 2 / lnB);
    return householderStep(newton, halley, hh3);
  }
  if (objective === 'highest') {
    // g = ln((b_max − β)/(b_max − b))
    if (b >= bMax || bp <= DBL_MIN) return null;
    const bMaxMinusB = bMax - b;
    const g = Math.log((bMax - beta) / bMaxMinusB);
    const gp = bp / bMaxMinusB;
    return householderStep(-g / gp, bHalley + gp, bHh3 + gp * (2 * gp + 3 * bHalley));
  }
  // g = b − β
  return householderStep((beta - b) / bp, bHalley, bHh3);
}

/**
 * Normalised implied volatility s = σ√T of an out-of-the-money or in-the-money normalised price β
 * (θ = +1 call, −1 put), with at most `maxIterations` Householder(3) steps. Preconditions (checked by
 * impliedVolatility): ι(x) < β < b_max. Exported for tests and benchmarks; callers want impliedVolatility.
 */
export function normalisedImpliedVolatility(beta: number, x: number, theta: 1 | -1, maxIterations = MAXIMUM_ITERATIONS): NormalisedImpliedVolatility {
  const s = solveNormalised(beta, x, theta, maxIterations);
  return { s, iterations: lastIterations };
}

/** Householder steps taken by the last solveNormalised call (read right after it; see the scratch note above). */
let lastIterations = 0;

/** normalisedImpliedVolatility without the result object: s, with the step count left in lastIterations. */
function solveNormalised(beta: number, x: number, theta: 1 | -1, maxIterations: number): number {
  lastIterations = 0;
  if (theta * x > 0) {
    beta = Math.max(beta - normalisedIntrinsic(x, theta), 0);
    theta = theta === 1 ? -1 : 1;
  }
  if (theta < 0) x = -x;
  if (!(beta > 0)) return 0;
  const bMax = Math.exp(0.5 * x);
  if (beta >= bMax) return Infinity;
  initialGuess(beta, x, bMax);
  const objective = guess.objective;
  const lnBeta = objective === 'lowest' ? Math.log(beta) : 0;
  let s = guess.s;
  let sLeft = guess.sLeft;
  let sRight = guess.sRight;
  let ds = -Number.MAX_VALUE;
  let dsPrevious = 0;
  let directionReversals = 0;
  let iterations = 0;
  while (iterations < maxIterations && Math.abs(ds) > DBL_EPSILON * s) {
    if (ds * dsPrevious < 0) directionReversals++;
    if (iterations > 0 && (directionReversals === 3 || !(s > sLeft && s < sRight))) {
      // Looping or stepping out of the bracket (only for extreme |x|): bisect the bracket instead.
      s = 0.5 * (sLeft + sRight);
      if (sRight - sLeft <= DBL_EPSILON * s) break;
      directionReversals = 0;
      ds = 0;
    }
    dsPrevious = ds;
    evaluate(x, s);
    const b = evaluation.b;
    const bp = evaluation.vega;
    if (b > beta && s < sRight) sRight = s;
    else if (b < beta && s > sLeft) sLeft = s;
    const step = objectiveStep(objective, beta, lnBeta, x, s, b, bp, bMax);
    ds = Math.max(-0.5 * s, step ?? 0.5 * (sLeft + sRight) - s);
    s += ds;
    iterations++;
  }
  lastIterations = iterations;
  return s;
}

/** Why no implied volatility exists for a price. */
export type ImpliedVolatilityFailure =
  /** t = 0: at or after expiry the price is the payoff and carries no volatility. */
  | 'expired'
  /** The price is below the discounted forward intrinsic value e^{−rT}·max(θ(F − K), 0) (arbitrage for a European option). */
  | 'below_intrinsic'
  /**
   * The price equals the intrinsic value (in the money: to within the rounding of F − K, 4 ulp of
   * max(F, K)), or its normalised time value is below the smallest normal double: σ would be 0, or would
   * be rounding noise rather than information in the price.
   */
  | 'no_time_value'
  /** The price is at or above the upper bound: S·e^{−qT} for a call, K·e^{−rT} for a put (σ would be ∞). */
  | 'above_max_price';

export type ImpliedVolatilityResult =
  | { readonly iv: number; readonly iterations: number }
  | { readonly iv: null; readonly reason: ImpliedVolatilityFailure };

/** What impliedVolatility reads: the contract and the market, with t in years of 365 days. */
export interface ImpliedVolatilityInput {
  readonly spot: number;
  readonly strike: number;
  readonly t: YearFraction;
  readonly r: number;
  readonly q: number;
  readonly right: Right;
}

/**
 * Black–Scholes–Merton implied volatility of a European option price: the annualised σ (0.25 = 25 vol)
 * at which the BSM price with continuous rate r and dividend yield q equals `price` (dollars per share).
 * Tells a trader how much movement the premium pays for, comparable across strikes and expiries.
 * Solved in Black-76 forward form: F = S·e^{(r−q)T}, B = price·e^{rT}, β = B/√(FK), x = ln(F/K),
 * σ = s/√T with s from Jäckel's "Let's Be Rational" (normalisedImpliedVolatility). A price outside the
 * no-arbitrage bounds gets `{ iv: null, reason }`, never a made-up number; American early exercise is not
 * modelled (see docs/methodology-pricing.md). `iterations` (≤ 2) is a debug field.
 * Throws PricingInputError for non-finite inputs, spot or strike ≤ 0, or t < 0.
 */
export function impliedVolatility(price: number, input: ImpliedVolatilityInput): ImpliedVolatilityResult {
  const { spot, strike, t, r, q, right } = input;
  requireFinite(price, 'price');
  requirePositive(spot, 'spot');
  requirePositive(strike, 'strike');
  requireNonNegative(t, 't');
  requireFinite(r, 'r');
  requireFinite(q, 'q');
  if (right !== 'C' && right !== 'P') throw new PricingInputError('right', String(right), "expected 'C' or 'P'");
  if (t === 0) return { iv: null, reason: 'expired' };
  const forward = spot * Math.exp((r - q) * t);
  const undiscounted = price * Math.exp(r * t);
  const theta = right === 'C' ? 1 : -1;
  const intrinsic = Math.max(theta * (forward - strike), 0);
  // Forward and discounting round by a few ulp of F and K: a price that far below intrinsic is at intrinsic.
  const roundingSlack = 4 * DBL_EPSILON * Math.max(forward, strike);
  if (undiscounted < intrinsic - roundingSlack) return { iv: null, reason: 'below_intrinsic' };
  if (undiscounted >= (theta === 1 ? forward : strike)) return { iv: null, reason: 'above_max_price' };
  const x = Math.log(forward / strike);
  // Subtract intrinsic in price space and solve for the out-of-the-money option (put–call parity).
  const timeValue = undiscounted - intrinsic;
  // In the money, a time value within the rounding of F − K is noise, not information about σ.
  if (!(timeValue > (intrinsic > 0 ? roundingSlack : 0))) return { iv: null, reason: 'no_time_value' };
  const beta = timeValue / (Math.sqrt(forward) * Math.sqrt(strike));
  if (!(beta >= DBL_MIN)) return { iv: null, reason: 'no_time_value' };
  const otmTheta: 1 | -1 = intrinsic > 0 ? (theta === 1 ? -1 : 1) : theta;
  const s = solveNormalised(beta, x, otmTheta, MAXIMUM_ITERATIONS);
  // Within an ulp or so of the upper bound the out-of-the-money value rounds to its maximum: σ = ∞.
  if (s === Infinity) return { iv: null, reason: 'above_max_price' };
  return { iv: s / Math.sqrt(t), iterations: lastIterations };
}
