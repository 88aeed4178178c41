/* eslint-disable no-loss-of-precision -- published coefficients and constants are kept verbatim (more digits than a double holds) so they can be checked against the source; the nearest double is what runs. */
/**
 * The normalised Black function of P. Jäckel, "Let's Be Rational", Wilmott (2015) 40–53, §2–3:
 *
 *   b(x, s, θ) = θ·[ e^{x/2}·Φ(θ·(x/s + s/2)) − e^{−x/2}·Φ(θ·(x/s − s/2)) ],
 *
 * with x = ln(F/K) (log-moneyness), s = σ√T (total standard deviation), θ = +1 call / −1 put. The
 * undiscounted Black price is B = √(F·K)·b. Evaluated in four regions so that every result has close to
 * full relative precision, including far out of the money where the two terms nearly cancel:
 *   1. h = x/s ≤ −10 and t = s/2 small enough: an asymptotic expansion in 1/(h² − t²) (Abramowitz–Stegun 26.2.12);
 *   2. t < τ = 2·ε^{1/16} ≈ 0.21: a Taylor expansion in t of Y(h+t) − Y(h−t), Y = Φ/φ;
 *   3. h + t > 0.85 (b is mostly its first term): the two-term Φ formula;
 *   4. otherwise: ½·e^{−(h²+t²)/2}·[erfcx(−(h+t)/√2) − erfcx(−(h−t)/√2)] (one exponential instead of three).
 * In-the-money calls are intrinsic + out-of-the-money value, so there is no cancellation in any region.
 */
import { erfcx } from './erf-cody.ts';
import { normCdf, ONE_OVER_SQRT_TWO_PI } from './normal-distribution.ts';

const DBL_EPSILON = 2.220446049250313e-16;
/** η of the paper: below this h = x/s the asymptotic expansion (17 terms) is accurate to 1.6e−16. */
const ASYMPTOTIC_EXPANSION_THRESHOLD = -10;
/** τ of the paper: 2·ε^{1/16}, below which the 12th-order small-t expansion is accurate to ε. */
const SMALL_T_EXPANSION_THRESHOLD = 2 * Math.pow(DBL_EPSILON, 1 / 16);
const SQRT_PI_OVER_TWO = 1.253314137315500251207882642405522626503493370305;

/** Binomial coefficient C(n, k) as an exact integer (n ≤ 35 keeps it below 2^53). */
function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

/**
 * Coefficients of the asymptotic expansion of A(h,t) = (r/t)·[Y(h+t) − Y(h−t)], r = (h+t)(h−t), from
 * Y(z) ~ −(1/z)·Σ_k (−1)^k (2k−1)!!/z^{2k} (z → −∞):
 *   A = Σ_{k=0}^{17} (2k−1)!!·q^k·P_k(e),  P_k(e) = (−1)^k·2·Σ_{m=0}^{k} C(2k+1, 2m+1)·e^m,
 * with q = (h/r)² and e = (t/h)². Evaluated by nested Horner as Jäckel does (his eq. for the 17th order).
 */
const ASYMPTOTIC_ORDER = 17;
const ASYMPTOTIC_P: readonly (readonly number[])[] = Array.from({ length: ASYMPTOTIC_ORDER + 1 }, (_, k) =>
  Array.from({ length: k + 1 }, (_, m) => (k % 2 === 0 ? 2 : -2) * binomial(2 * k + 1, 2 * m + 1)));

/** `vega` = e^{−(h²+t²)/2}/√(2π), the expansion's common factor (also ∂b/∂s). */
function asymptoticExpansionOfNormalisedBlackCall(h: number, t: number, vega: number): number {
  const e = (t / h) * (t / h);
  const r = (h + t) * (h - t);
  const q = (h / r) * (h / r);
  let sum = 0;
  for (let k = ASYMPTOTIC_ORDER; k >= 0; k--) {
    const coefficients = ASYMPTOTIC_P[k] as readonly number[];
    let pk = coefficients[k] as number;
    for (let m = k - 1; m >= 0; m--) pk = pk * e + (coefficients[m] as number);
    sum = k === ASYMPTOTIC_ORDER ? pk : pk + (2 * k + 1) * q * sum;
  }
  const b = vega * (t / r) * sum;
  return Math.abs(Math.max(b, 0));
}

/**
 * Odd derivatives of Y = Φ/φ as polynomials in h² and a = 1 + h·Y(h): Y^{(n)}(h) = U_n(h²) + a·V_n(h²).
 * From Y' = 1 + h·Y, a derivative of the form p(h) + q(h)·Y has derivative (p' + q) + (q' + h·q)·Y; for odd n,
 * substituting Y = (a − 1)/h gives U = p − q/h, V = q/h (even polynomials). Used for n = 1, 3, …, 13.
 */
const SMALL_T_TERMS = 7;
const SMALL_T_U: number[][] = [];
const SMALL_T_V: number[][] = [];
{
  // p, q as coefficient arrays in powers of h.
  let p: number[] = [1];
  let q: number[] = [0, 1];
  let factorial = 1;
  for (let n = 1; n <= 2 * SMALL_T_TERMS - 1; n++) {
    if (n > 1) factorial *= n;
    if (n % 2 === 1) {
      // q/h: drop the constant term (zero for odd n) and shift; keep only even powers of h as powers of h².
      const qOverH = q.slice(1);
      const u: number[] = [];
      const v: number[] = [];
      for (let j = 0; 2 * j < Math.max(p.length, qOverH.length); j++) {
        u.push(((p[2 * j] ?? 0) - (qOverH[2 * j] ?? 0)) / factorial);
        v.push((qOverH[2 * j] ?? 0) / factorial);
      }
      SMALL_T_U.push(u);
      SMALL_T_V.push(v);
    }
    // differentiate p + q·Y.
    const dp = p.slice(1).map((c, i) => c * (i + 1));
    const dq = q.slice(1).map((c, i) => c * (i + 1));
    const nextP = Array.from({ length: Math.max(dp.length, q.length) }, (_, i) => (dp[i] ?? 0) + (q[i] ?? 0));
    const nextQ = Array.from({ length: q.length + 1 }, (_, i) => (dq[i] ?? 0) + (i > 0 ? (q[i - 1] ?? 0) : 0));
    p = nextP;
    q = nextQ;
  }
}

/**
 * The small-t polynomials flattened into one typed array for the hot path: for term i, U_i's coefficients
 * then V_i's, lowest power first, at SMALL_T_OFFSET[i] (U_i and V_i both have i + 1 coefficients).
 */
const SMALL_T_COEFFICIENTS = new Float64Array(SMALL_T_U.flatMap((u, i) => [...u, ...(SMALL_T_V[i] as number[])]));
const SMALL_T_OFFSET = new Int32Array(SMALL_T_TERMS);
for (let i = 1; i < SMALL_T_TERMS; i++) SMALL_T_OFFSET[i] = (SMALL_T_OFFSET[i - 1] as number) + 2 * i;

/**
 * Σ_{i < 7} w^i·(U_i(h²) + a·V_i(h²)) by Horner in w, each U_i, V_i by Horner in h² (highest power first).
 * Plain loops over one Float64Array: no per-call allocation.
 */
function smallTSeries(h2: number, a: number, w: number): number {
  let sum = 0;
  for (let i = SMALL_T_TERMS - 1; i >= 0; i--) {
    const offset = SMALL_T_OFFSET[i] as number;
    let u = 0;
    let v = 0;
    for (let j = i; j >= 0; j--) {
      u = u * h2 + (SMALL_T_COEFFICIENTS[offset + j] as number);
      v = v * h2 + (SMALL_T_COEFFICIENTS[offset + i + 1 + j] as number);
    }
    sum = sum * w + u + a * v;
  }
  return sum;
}

/**
 * b = φ-factor·[Y(h+t) − Y(h−t)] with Y(h+t) − Y(h−t) = 2·Σ_{n odd ≤ 13} Y^{(n)}(h)·t^n/n!; accurate to ε
 * for h ≤ 0 and t < τ (the paper's "small t" region). `vega` = e^{−(h²+t²)/2}/√(2π), the common factor.
 */
function smallTExpansionOfNormalisedBlackCall(h: number, t: number, vega: number): number {
  const a = 1 + h * SQRT_PI_OVER_TWO * erfcx(-Math.SQRT1_2 * h);
  const b = vega * 2 * t * smallTSeries(h * h, a, t * t);
  return Math.abs(Math.max(b, 0));
}

function normalisedBlackCallUsingNormCdf(x: number, s: number): number {
  const h = x / s;
  const t = 0.5 * s;
  const bMax = Math.exp(0.5 * x);
  const b = normCdf(h + t) * bMax - normCdf(h - t) / bMax;
  return Math.abs(Math.max(b, 0));
}

/** `exponential` = e^{−(h²+t²)/2}. */
function normalisedBlackCallUsingErfcx(h: number, t: number, exponential: number): number {
  const b = 0.5 * exponential * (erfcx(-Math.SQRT1_2 * (h + t)) - erfcx(-Math.SQRT1_2 * (h - t)));
  return Math.abs(Math.max(b, 0));
}

/** b and ∂b/∂s of one evaluation (see normalisedOutOfTheMoneyCallAndVega). */
export interface NormalisedBlackAndVega {
  b: number;
  vega: number;
}

/**
 * b(x, s, +1) and ∂b/∂s = e^{−(h²+t²)/2}/√(2π) (h = x/s, t = s/2) for x ≤ 0 and s > 0, written into `out`.
 * Three of the four regions of b carry that same exponential as a factor, so the pair costs one exponential
 * fewer than normalisedBlackCall + normalisedVega, with bit-identical results; nothing is allocated. The
 * implied-volatility iteration (lets-be-rational.ts) needs both at every step.
 */
export function normalisedOutOfTheMoneyCallAndVega(x: number, s: number, out: NormalisedBlackAndVega): void {
  const h = x / s;
  const t = 0.5 * s;
  const exponential = Math.exp(-0.5 * (h * h + t * t));
  const vega = ONE_OVER_SQRT_TWO_PI * exponential;
  out.vega = vega;
  // h < η and t < τ + |h| − |η|, written without dividing by s.
  if (x < s * ASYMPTOTIC_EXPANSION_THRESHOLD
    && 0.5 * s * s + x < s * (SMALL_T_EXPANSION_THRESHOLD + ASYMPTOTIC_EXPANSION_THRESHOLD)) {
    out.b = asymptoticExpansionOfNormalisedBlackCall(h, t, vega);
  } else if (t < SMALL_T_EXPANSION_THRESHOLD) {
    out.b = smallTExpansionOfNormalisedBlackCall(h, t, vega);
  } else if (x + 0.5 * s * s > s * 0.85) {
    out.b = normalisedBlackCallUsingNormCdf(x, s);
  } else {
    out.b = normalisedBlackCallUsingErfcx(h, t, exponential);
  }
}

/**
 * b and ∂b/∂s at the inflexion point s_c = √(2|x|) of b(s), for x < 0, into `out`; `bMax` = e^{x/2}.
 * There h = x/s_c = −t, so h² + t² = |x| and region 4 collapses to a closed form:
 *   b(x, s_c) = ½·e^{x/2}·(1 − erfcx(√|x|)),   ∂b/∂s(x, s_c) = e^{x/2}/√(2π)
 * (erfcx(0) = 1), one erfcx instead of two and no further exponential. Below t = τ (|x| < 2τ²) the small-t
 * expansion is used as in normalisedBlackCall. Jäckel's initial guess evaluates this at every solve.
 */
export function normalisedCallAndVegaAtInflection(x: number, bMax: number, out: NormalisedBlackAndVega): void {
  const sC = Math.sqrt(-2 * x);
  if (0.5 * sC < SMALL_T_EXPANSION_THRESHOLD) {
    normalisedOutOfTheMoneyCallAndVega(x, sC, out);
    return;
  }
  out.b = 0.5 * bMax * (1 - erfcx(Math.sqrt(-x)));
  out.vega = ONE_OVER_SQRT_TWO_PI * bMax;
}

/**
 * Normalised intrinsic value ι(x, θ) = max(θ·(e^{x/2} − e^{−x/2}), 0) = 2·sinh(|x|/2) when θ·x > 0.
 */
export function normalisedIntrinsic(x: number, theta: 1 | -1): number {
  if (theta * x <= 0) return 0;
  return 2 * Math.sinh(0.5 * Math.abs(x));
}

/** Normalised Black call b(x, s, +1) for any real x and s ≥ 0 (s = 0 gives the intrinsic value). */
export function normalisedBlackCall(x: number, s: number): number {
  if (x > 0) return normalisedIntrinsic(x, 1) + normalisedBlackCall(-x, s);
  if (s <= 0) return 0;
  const h = x / s;
  const t = 0.5 * s;
  // h < η and t < τ + |h| − |η|, written without dividing by s.
  if (x < s * ASYMPTOTIC_EXPANSION_THRESHOLD
    && 0.5 * s * s + x < s * (SMALL_T_EXPANSION_THRESHOLD + ASYMPTOTIC_EXPANSION_THRESHOLD)) {
    return asymptoticExpansionOfNormalisedBlackCall(h, t, ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * (h * h + t * t)));
  }
  if (t < SMALL_T_EXPANSION_THRESHOLD) return smallTExpansionOfNormalisedBlackCall(h, t, ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * (h * h + t * t)));
  if (x + 0.5 * s * s > s * 0.85) return normalisedBlackCallUsingNormCdf(x, s);
  return normalisedBlackCallUsingErfcx(h, t, Math.exp(-0.5 * (h * h + t * t)));
}

/** Normalised Black b(x, s, θ); a put is the call at −x (reciprocal-strike call–put symmetry). */
export function normalisedBlack(x: number, s: number, theta: 1 | -1): number {
  return normalisedBlackCall(theta < 0 ? -x : x, s);
}

/** ∂b/∂s = φ(x/s + s/2)·e^{x/2} = exp(−(x²/s² + s²/4)/2)/√(2π), the same for calls and puts. */
export function normalisedVega(x: number, s: number): number {
  if (s <= 0) return 0;
  if (x === 0) return ONE_OVER_SQRT_TWO_PI * Math.exp(-0.125 * s * s);
  const h = x / s;
  return ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * (h * h + 0.25 * s * s));
}
