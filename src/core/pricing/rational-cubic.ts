/**
 * Shape-preserving rational cubic interpolation on one interval, after R. Delbourgo and J. A. Gregory,
 * "Shape preserving piecewise rational interpolation", SIAM J. Sci. Stat. Comput. 6(4), 1985, 967–976.
 * Between (xL, yL) and (xR, yR) with end slopes dL, dR it is the Hermite cubic when the control parameter
 * r = 3 and tends to the straight line as r → ∞; r can be chosen to hit a given second derivative at one
 * end while staying monotone/convex. Jäckel's "Let's Be Rational" (2015, §4–5) uses it to build the initial
 * guess of implied volatility on each of its four branches.
 */

const DBL_EPSILON = 2.220446049250313e-16;
const DBL_MIN = 2.2250738585072014e-308;
const DBL_MAX = Number.MAX_VALUE;
/** r must stay above −1 for the denominator 1 + (r − 3)t(1 − t) to stay positive. */
const MINIMUM_CONTROL = -(1 - Math.sqrt(DBL_EPSILON));
/** At or above this the interpolant is evaluated as the straight line (avoids overflow). */
const MAXIMUM_CONTROL = 2 / (DBL_EPSILON * DBL_EPSILON);

const isZero = (x: number): boolean => Math.abs(x) < DBL_MIN;

/** One interval of the interpolant: end points, end slopes. */
export interface RationalCubicSegment {
  readonly xL: number;
  readonly xR: number;
  readonly yL: number;
  readonly yR: number;
  readonly dL: number;
  readonly dR: number;
}

/**
 * The rational cubic of Delbourgo–Gregory (their eqs. 2.4/2.5) at x, with control parameter r:
 * [yR t³ + (r yR − h dR) t²(1−t) + (r yL + h dL) t(1−t)² + yL (1−t)³] / [1 + (r − 3) t(1−t)], t = (x − xL)/h.
 */
export function rationalCubicInterpolation(x: number, seg: RationalCubicSegment, r: number): number {
  const { xL, xR, yL, yR, dL, dR } = seg;
  const h = xR - xL;
  if (Math.abs(h) <= 0) return 0.5 * (yL + yR);
  const t = (x - xL) / h;
  if (r >= MAXIMUM_CONTROL) return yR * t + yL * (1 - t);
  const omt = 1 - t;
  const t2 = t * t;
  const omt2 = omt * omt;
  return (yR * t2 * t + (r * yR - h * dR) * t2 * omt + (r * yL + h * dL) * t * omt2 + yL * omt2 * omt)
    / (1 + (r - 3) * t * omt);
}

/** The r that makes the interpolant's second derivative at xL equal `secondDerivativeL`. */
function controlToFitSecondDerivativeLeft(seg: RationalCubicSegment, secondDerivativeL: number): number {
  const h = seg.xR - seg.xL;
  const numerator = 0.5 * h * secondDerivativeL + (seg.dR - seg.dL);
  if (isZero(numerator)) return 0;
  const denominator = (seg.yR - seg.yL) / h - seg.dL;
  if (isZero(denominator)) return numerator > 0 ? MAXIMUM_CONTROL : MINIMUM_CONTROL;
  return numerator / denominator;
}

/** The r that makes the interpolant's second derivative at xR equal `secondDerivativeR`. */
function controlToFitSecondDerivativeRight(seg: RationalCubicSegment, secondDerivativeR: number): number {
  const h = seg.xR - seg.xL;
  const numerator = 0.5 * h * secondDerivativeR + (seg.dR - seg.dL);
  if (isZero(numerator)) return 0;
  const denominator = seg.dR - (seg.yR - seg.yL) / h;
  if (isZero(denominator)) return numerator > 0 ? MAXIMUM_CONTROL : MINIMUM_CONTROL;
  return numerator / denominator;
}

/**
 * The smallest r that keeps the interpolant monotone (Delbourgo–Gregory eq. 3.8) and convex or concave
 * (eq. 3.18) when the data are; with `preferShapePreservation` an impossible division forces the straight line.
 */
function minimumShapePreservingControl(dL: number, dR: number, s: number, preferShapePreservation: boolean): number {
  const monotonic = dL * s >= 0 && dR * s >= 0;
  const convex = dL <= s && s <= dR;
  const concave = dL >= s && s >= dR;
  if (!monotonic && !convex && !concave) return MINIMUM_CONTROL;
  let r1 = -DBL_MAX;
  let r2 = -DBL_MAX;
  if (monotonic) {
    if (!isZero(s)) r1 = (dR + dL) / s;
    else if (preferShapePreservation) r1 = MAXIMUM_CONTROL;
  }
  if (convex || concave) {
    const sMinusDL = s - dL;
    const dRMinusS = dR - s;
    if (!(isZero(sMinusDL) || isZero(dRMinusS))) {
      r2 = Math.max(Math.abs((dR - dL) / dRMinusS), Math.abs((dR - dL) / sMinusDL));
    } else if (preferShapePreservation) r2 = MAXIMUM_CONTROL;
  } else if (monotonic && preferShapePreservation) r2 = MAXIMUM_CONTROL;
  return Math.max(MINIMUM_CONTROL, r1, r2);
}

/** Control parameter fitting the second derivative at the left end, but never below the shape-preserving minimum. */
export function convexControlFittingLeft(seg: RationalCubicSegment, secondDerivativeL: number, preferShapePreservation: boolean): number {
  const r = controlToFitSecondDerivativeLeft(seg, secondDerivativeL);
  const rMin = minimumShapePreservingControl(seg.dL, seg.dR, (seg.yR - seg.yL) / (seg.xR - seg.xL), preferShapePreservation);
  return Math.max(r, rMin);
}

/** Control parameter fitting the second derivative at the right end, but never below the shape-preserving minimum. */
export function convexControlFittingRight(seg: RationalCubicSegment, secondDerivativeR: number, preferShapePreservation: boolean): number {
  const r = controlToFitSecondDerivativeRight(seg, secondDerivativeR);
  const rMin = minimumShapePreservingControl(seg.dL, seg.dR, (seg.yR - seg.yL) / (seg.xR - seg.xL), preferShapePreservation);
  return Math.max(r, rMin);
}
