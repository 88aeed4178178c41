/** Parameters of one underlying's implied-volatility smile (fractions per year, dimensionless slopes). */
export interface SmileParams {
  /** At-the-money implied volatility, fraction per year (0.17 = 17%). */
  readonly atmVol: number;
  /** Slope per standard deviation of moneyness; negative = puts richer than calls (equity skew). */
  readonly skew: number;
  /** Convexity per squared standard deviation; positive = both wings richer (the smile). */
  readonly curvature: number;
}

const MIN_YEARS = 1 / (365 * 24);
const MAX_SD = 3;

/**
 * The implied volatility of a strike on the synthetic smile: a quadratic in standardised moneyness,
 *   m = ln(K/S) / (σ_atm √T),   σ(K) = σ_atm · (1 + skew·m + curvature·m²),
 * with m clamped to ±3 standard deviations and T floored at one hour (so 0DTE wings stay finite), and the
 * result kept within [0.3, 4] × σ_atm. This is the usual "skew + smile in delta-like units" shape that equity
 * and index options show (J. Gatheral, The Volatility Surface, ch. 1); it is a plausible surface, not a fit.
 */
export function smileVol(p: SmileParams, spot: number, strike: number, years: number): number {
  const sd = p.atmVol * Math.sqrt(Math.max(years, MIN_YEARS));
  let m = Math.log(strike / spot) / sd;
  if (m > MAX_SD) m = MAX_SD;
  else if (m < -MAX_SD) m = -MAX_SD;
  const v = p.atmVol * (1 + p.skew * m + p.curvature * m * m);
  return Math.min(4 * p.atmVol, Math.max(0.3 * p.atmVol, v));
}
