/**
 * Slow, obvious reference implementations, used ONLY by tests to check the fast code (STYLE.md, after
 * py_vollib's ref_python). Each takes a different road from the production code:
 *  - referenceNormCdf: the positive power series of erf, the Laplace continued fraction of erfc and
 *    quadrature of the density in between, summed until the terms stop changing the result (no fitted
 *    coefficients);
 *  - referencePrice: the definition of the price, e^{−rT}·E[payoff], by Gauss–Legendre quadrature
 *    against the normal density (no Φ at all);
 *  - referenceImpliedVolatility: bisection on referencePrice until the bracket is 1e−15 relative.
 */
import type { BlackScholesInput } from './black-scholes.ts';
import type { ImpliedVolatilityInput } from './lets-be-rational.ts';

const SQRT_PI = Math.sqrt(Math.PI);
const ONE_OVER_SQRT_TWO_PI = 1 / Math.sqrt(2 * Math.PI);

/** erf(x) = (2/√π)·e^{−x²}·Σ_{n≥0} 2ⁿx^{2n+1}/(1·3·…·(2n+1)) — all terms positive, no cancellation (A&S 7.1.6). */
function erfSeries(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 10_000; n++) {
    term *= (2 * x * x) / (2 * n + 1);
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return (2 / SQRT_PI) * Math.exp(-x * x) * sum;
}

/**
 * erfc(x) for x > 0 by the continued fraction e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …))))
 * (A&S 7.1.14), evaluated by the modified Lentz method until a step changes nothing.
 */
function erfcContinuedFraction(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 100_000; n++) {
    const a = n / 2;
    d = x + a * d;
    d = d === 0 ? tiny : d;
    c = x + a / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-17) break;
  }
  return Math.exp(-x * x) / SQRT_PI / f;
}

/**
 * Φ(z) from the series (|z/√2| < 0.5), the continued fraction (|z/√2| ≥ 2, where it converges in ~100
 * terms), and in between erfc(2) plus (2/√π)∫ e^{−u²} du by Gauss–Legendre — sums of positive terms only,
 * so no subtraction loses digits. Slow; tests only.
 */
export function referenceNormCdf(z: number): number {
  const x = z / Math.SQRT2;
  const ax = Math.abs(x);
  if (ax < 0.5) return 0.5 * (1 + erfSeries(x));
  let erfcAx: number;
  if (ax >= 2) erfcAx = erfcContinuedFraction(ax);
  else {
    const density = (u: number): number => (2 / SQRT_PI) * Math.exp(-u * u);
    let integral = 0;
    for (let i = 0; i < 8; i++) integral += gaussPanel(density, ax + ((2 - ax) * i) / 8, ax + ((2 - ax) * (i + 1)) / 8);
    erfcAx = erfcContinuedFraction(2) + integral;
  }
  const tail = 0.5 * erfcAx;
  return x < 0 ? tail : 1 - tail;
}

/** 24-point Gauss–Legendre nodes and weights on [−1, 1], by Newton's method on P₂₄ (Golub–Welsch not needed). */
const GAUSS_ORDER = 24;
const GAUSS_NODES: number[] = [];
const GAUSS_WEIGHTS: number[] = [];
for (let i = 1; i <= GAUSS_ORDER; i++) {
  let x = Math.cos((Math.PI * (i - 0.25)) / (GAUSS_ORDER + 0.5));
  let derivative = 0;
  for (let iteration = 0; iteration < 100; iteration++) {
    let p0 = 1;
    let p1 = x;
    for (let k = 2; k <= GAUSS_ORDER; k++) {
      const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
      p0 = p1;
      p1 = p2;
    }
    derivative = (GAUSS_ORDER * (x * p1 - p0)) / (x * x - 1);
    const dx = p1 / derivative;
    x -= dx;
    if (Math.abs(dx) < 1e-17) break;
  }
  GAUSS_NODES.push(x);
  GAUSS_WEIGHTS.push(2 / ((1 - x * x) * derivative * derivative));
}

function gaussPanel(f: (u: number) => number, a: number, b: number): number {
  const half = 0.5 * (b - a);
  const mid = 0.5 * (a + b);
  let sum = 0;
  for (let i = 0; i < GAUSS_ORDER; i++) sum += (GAUSS_WEIGHTS[i] as number) * f(mid + half * (GAUSS_NODES[i] as number));
  return half * sum;
}

/**
 * BSM price as the discounted expectation of the payoff, by quadrature. With F = S·e^{(r−q)T}, s = σ√T and
 * z* the standard normal level where the option is at the money at expiry (F·e^{s z* − s²/2} = K):
 *   call = e^{−rT}·K/√(2π)·∫₀^∞ (e^{su} − 1)·e^{−(u + z*)²/2} du,
 *   put  = e^{−rT}·K/√(2π)·∫₀^∞ (1 − e^{−su})·e^{−(u − z*)²/2} du.
 * The integrands are positive and smooth (no cancellation); panels of Gauss–Legendre until the tail is
 * below 1e−25 of the sum. Relative accuracy ~1e−15 where the price is a normal double (checked vs mpmath).
 */
export function referencePrice(input: BlackScholesInput): number {
  const { spot, strike, t, r, q, sigma, right } = input;
  const forward = spot * Math.exp((r - q) * t);
  const intrinsicForward = Math.max((right === 'C' ? 1 : -1) * (forward - strike), 0);
  const s = sigma * Math.sqrt(t);
  if (s === 0) return Math.exp(-r * t) * intrinsicForward;
  const zStar = (Math.log(strike / forward) + 0.5 * s * s) / s;
  const centre = right === 'C' ? -zStar : zStar;
  const integrand = right === 'C'
    ? (u: number) => Math.expm1(s * u) * Math.exp(-0.5 * (u - centre) * (u - centre))
    : (u: number) => -Math.expm1(-s * u) * Math.exp(-0.5 * (u - centre) * (u - centre));
  // The integrand is log-concave with its peak near u = max(0, centre + s) (call) or max(0, centre) (put),
  // and Gaussian of width 1 there: start 40 widths before the peak (e^{−800} is below any double that
  // matters) and use panels short against both that width and the decay rate |centre| when the peak is at 0.
  const peak = Math.max(0, centre + (right === 'C' ? s : 0));
  const width = Math.min(0.25, 1 / ((peak > 0 ? 0 : Math.abs(centre)) + s + 1));
  let sum = 0;
  for (let a = Math.max(0, peak - 40), panels = 0; panels < 1e6; a += width, panels++) {
    const panel = gaussPanel(integrand, a, a + width);
    sum += panel;
    if (a > peak + 1 && panel <= 1e-25 * sum) break;
  }
  return Math.exp(-r * t) * strike * ONE_OVER_SQRT_TWO_PI * sum;
}

/**
 * Implied volatility by plain bisection on referencePrice: σ in [0, σ_hi] with σ_hi doubled until it prices
 * above the target, halved until the bracket is 1e−15 of σ or stops shrinking. Null outside the bounds.
 */
export function referenceImpliedVolatility(price: number, input: ImpliedVolatilityInput): number | null {
  const at = (sigma: number): number => referencePrice({ ...input, sigma });
  if (!(price > at(0))) return null;
  let hi = 1;
  while (at(hi) < price) {
    hi *= 2;
    if (hi > 1e6) return null;
  }
  let lo = 0;
  while (hi - lo > 1e-15 * hi) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if (at(mid) < price) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
