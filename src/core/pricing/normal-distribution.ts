/* eslint-disable no-loss-of-precision -- published coefficients and constants are kept verbatim (more digits than a double holds) so they can be checked against the source; the nearest double is what runs. */
/**
 * The standard normal distribution: density φ, cumulative Φ and its inverse Φ⁻¹, to near machine precision.
 * Φ is built on Cody's erfc (erf-cody.ts); Φ⁻¹ is Wichura's algorithm AS 241 (PPND16),
 * Applied Statistics 37(3), 1988, 477–484, accurate to about 1 part in 10¹⁶.
 */
import { erfc, erfcx } from './erf-cody.ts';

export const ONE_OVER_SQRT_TWO_PI = 0.3989422804014326779399460599343818684758586311649;
export const SQRT_TWO_PI = 2.506628274631000502415765284811045253006986740610;

/** Standard normal density φ(z) = exp(−z²/2)/√(2π). */
export function normPdf(z: number): number {
  return ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * z * z);
}

/**
 * Standard normal cumulative distribution Φ(z) = P(Z ≤ z). In the lower tail (z < −0.66) it is
 * ½·erfcx(−z/√2)·e^{−z²/2} with e^{−z²/2} formed from z split at a multiple of 1/16 (a² exact, as in Cody's
 * CALERF), so the rounding of z² and of z/√2 is not amplified: a few ulp down to Φ(−37) ≈ 5.7e−300
 * (tested against mpmath). Elsewhere ½·erfc(−z/√2).
 */
export function normCdf(z: number): number {
  const y = -z * Math.SQRT1_2;
  if (y <= 0.46875) return 0.5 * erfc(y);
  const a = Math.trunc(z * 16) / 16;
  return 0.5 * erfcx(y) * Math.exp(-0.5 * a * a) * Math.exp(-0.5 * (z - a) * (z + a));
}

const SPLIT1 = 0.425;
const SPLIT2 = 5;
const CONST1 = 0.180625;
const CONST2 = 1.6;
const PA = [
  3.3871328727963666080e0, 1.3314166789178437745e2, 1.9715909503065514427e3, 1.3731693765509461125e4,
  4.5921953931549871457e4, 6.7265770927008700853e4, 3.3430575583588128105e4, 2.5090809287301226727e3,
] as const;
const PB = [
  1, 4.2313330701600911252e1, 6.8718700749205790830e2, 5.3941960214247511077e3, 2.1213794301586595867e4,
  3.9307895800092710610e4, 2.8729085735721942674e4, 5.2264952788528545610e3,
] as const;
const PC = [
  1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0, 3.64784832476320460504e0,
  1.27045825245236838258e0, 2.41780725177450611770e-1, 2.27238449892691845833e-2, 7.74545014278341407640e-4,
] as const;
const PD = [
  1, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1, 1.48103976427480074590e-1,
  1.51986665636164571966e-2, 5.47593808499534494600e-4, 1.05075007164441684324e-9,
] as const;
const PE = [
  6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0, 2.96560571828504891230e-1,
  2.65321895265761230930e-2, 1.24266094738807843860e-3, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
] as const;
const PF = [
  1, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2, 7.86869131145613259100e-4,
  1.84631831751005468180e-5, 1.42151175831644588870e-7, 2.04426310338993978564e-15,
] as const;

/** Σ c[i]·r^i by Horner's rule (c has 8 entries). */
function poly7(c: readonly number[], r: number): number {
  let v = c[7] as number;
  for (let i = 6; i >= 0; i--) v = v * r + (c[i] as number);
  return v;
}

/**
 * Inverse standard normal cumulative distribution Φ⁻¹(u): the z with Φ(z) = u, for 0 < u < 1
 * (−Infinity at 0, +Infinity at 1, NaN outside). Wichura, AS 241 PPND16.
 */
export function inverseNormCdf(u: number): number {
  if (u <= 0) return u === 0 ? -Infinity : NaN;
  if (u >= 1) return u === 1 ? Infinity : NaN;
  const q = u - 0.5;
  if (Math.abs(q) <= SPLIT1) {
    const r = CONST1 - q * q;
    return (q * poly7(PA, r)) / poly7(PB, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? u : 1 - u));
  let z: number;
  if (r < SPLIT2) {
    r -= CONST2;
    z = poly7(PC, r) / poly7(PD, r);
  } else {
    r -= SPLIT2;
    z = poly7(PE, r) / poly7(PF, r);
  }
  return q < 0 ? -z : z;
}
