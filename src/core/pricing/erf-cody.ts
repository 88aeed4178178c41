/* eslint-disable no-loss-of-precision -- published coefficients and constants are kept verbatim (more digits than a double holds) so they can be checked against the source; the nearest double is what runs. */
/**
 * The complementary error function erfc(x) and the scaled one erfcx(x) = exp(x²)·erfc(x), after
 * W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969) 631–638,
 * as in his Fortran packet CALERF (SPECFUN, netlib, last modified 1990). Near-minimax rational functions
 * on |x| ≤ 0.46875, 0.46875 < |x| ≤ 4 and |x| > 4 that approximate erf/erfc to ≥ 18 significant digits in
 * exact arithmetic; in IEEE doubles the result has relative error of a few ulp (tested against mpmath).
 * erfcx needs no exponential for x > 0.46875, which is what makes the normalised Black function of
 * Jäckel's "Let's Be Rational" accurate far out of the money.
 */

const A = [3.1611237438705656, 113.864154151050156, 377.485237685302021, 3209.37758913846947, 0.185777706184603153] as const;
const B = [23.6012909523441209, 244.024637934444173, 1282.61652607737228, 2844.23683343917062] as const;
const C = [
  0.564188496988670089, 8.88314979438837594, 66.1191906371416295, 298.635138197400131, 881.95222124176909,
  1712.04761263407058, 2051.07837782607147, 1230.33935479799725, 2.15311535474403846e-8,
] as const;
const D = [
  15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019, 3290.79923573345963,
  4362.61909014324716, 3439.36767414372164, 1230.33935480374942,
] as const;
const P = [
  0.305326634961232344, 0.360344899949804439, 0.125781726111229246, 0.0160837851487422766,
  6.58749161529837803e-4, 0.0163153871373020978,
] as const;
const Q = [2.56852019228982242, 1.87295284992346047, 0.527905102951428412, 0.0605183413124413191, 0.00233520497626869185] as const;

const ONE_OVER_SQRT_PI = 0.56418958354775628695;
const THRESHOLD = 0.46875;
/** Below this, erf(x) = 2x/√π to machine precision and x² would underflow to no effect. */
const X_SMALL = 1.11e-16;
/** erfc(x) underflows to 0 at and above this. */
const X_BIG = 26.543;
/** Above this, erfcx(x) = 1/(x√π) to machine precision. */
const X_HUGE = 6.71e7;
/** Above this, erfcx(x) underflows. */
const X_MAX = 2.53e307;
/** Below this, erfcx(x) = 2·exp(x²) overflows. */
const X_NEG = -26.628;

/** erf(x) for |x| ≤ 0.46875 (Cody's first interval). */
function erfSmall(x: number): number {
  const y = Math.abs(x);
  const ysq = y > X_SMALL ? y * y : 0;
  let num = A[4] * ysq;
  let den = ysq;
  for (let i = 0; i < 3; i++) {
    num = (num + (A[i] as number)) * ysq;
    den = (den + (B[i] as number)) * ysq;
  }
  return (x * (num + A[3])) / (den + B[3]);
}

/** erfcx(y) for 0.46875 < y ≤ 4 (Cody's second interval; no exponential). */
function erfcxMiddle(y: number): number {
  let num = C[8] * y;
  let den = y;
  for (let i = 0; i < 7; i++) {
    num = (num + (C[i] as number)) * y;
    den = (den + (D[i] as number)) * y;
  }
  return (num + C[7]) / (den + D[7]);
}

/** erfcx(y) for y > 4 (Cody's third interval, a rational function of 1/y²). */
function erfcxLarge(y: number): number {
  if (y >= X_HUGE) return y >= X_MAX ? 0 : ONE_OVER_SQRT_PI / y;
  const ysq = 1 / (y * y);
  let num = P[5] * ysq;
  let den = ysq;
  for (let i = 0; i < 4; i++) {
    num = (num + (P[i] as number)) * ysq;
    den = (den + (Q[i] as number)) * ysq;
  }
  const r = (ysq * (num + P[4])) / (den + Q[4]);
  return (ONE_OVER_SQRT_PI - r) / y;
}

/**
 * exp(−y²) computed as exp(−a²)·exp(−(y−a)(y+a)) with a = y rounded down to 1/16: a² is exact in doubles,
 * so the rounding error of y² is not amplified by the exponential (Cody's device).
 */
function expMinusSquare(y: number): number {
  const a = Math.trunc(y * 16) / 16;
  return Math.exp(-a * a) * Math.exp(-(y - a) * (y + a));
}

/** exp(y²), with the same splitting as expMinusSquare. */
function expSquare(y: number): number {
  const a = Math.trunc(y * 16) / 16;
  return Math.exp(a * a) * Math.exp((y - a) * (y + a));
}

/** The complementary error function erfc(x) = 1 − erf(x) = (2/√π)∫ₓ^∞ e^{−u²} du, to a few ulp relative. */
export function erfc(x: number): number {
  const y = Math.abs(x);
  let r: number;
  if (y <= THRESHOLD) return 1 - erfSmall(x);
  if (y <= 4) r = erfcxMiddle(y) * expMinusSquare(y);
  else r = y >= X_BIG ? 0 : erfcxLarge(y) * expMinusSquare(y);
  return x < 0 ? 2 - r : r;
}

/**
 * The scaled complementary error function erfcx(x) = exp(x²)·erfc(x). For large positive x it behaves
 * like 1/(x√π) and never underflows, so tail probabilities can be formed as a ratio without losing digits.
 */
export function erfcx(x: number): number {
  const y = Math.abs(x);
  let r: number;
  if (y <= THRESHOLD) return (1 - erfSmall(x)) * Math.exp(y * y);
  if (y <= 4) r = erfcxMiddle(y);
  else r = erfcxLarge(y);
  if (x >= 0) return r;
  if (x < X_NEG) return Infinity;
  return 2 * expSquare(y) - r;
}
